package vn.giamngheo.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.people.rules.PeopleCounts;
import vn.giamngheo.people.rules.PersonIndicator;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanCoverage;
import vn.giamngheo.plan.PlanListsFixture;
import vn.giamngheo.plan.PlanListsFixture.Commune;
import vn.giamngheo.plan.PlanListsFixture.Decision;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The people figures and the plans' targets about people on households, members and decided lists written with SQL
 * (province 14, its database of its own): every figure of every row and group equals an independent count written
 * plainly here (ages by comparing birth days with the day less the age, not by {@code age()}).
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=people")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleFiguresTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 31);
    static final LocalDate JULY = LocalDate.of(2026, 7, 2);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PeopleFigures people;
    @Autowired PlanService plans;
    @Autowired PlanCoverage coverage;

    Commune a;
    Commune b;
    long provinceId;
    long village1;
    long village2;
    CurrentUser province;

    @BeforeAll
    void register() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        PlanListsFixture f = new PlanListsFixture(jdbc);
        a = f.commune(registry.communeCode("14", 3));
        b = f.commune(registry.communeCode("14", 4));
        provinceId = registry.unitId("province", "14");
        province = registry.user(Role.PROVINCE_OFFICER, "province", "14");
        village1 = registry.village(a.code(), "Thôn Người Một");
        village2 = registry.village(a.code(), "Thôn Người Hai");
        Random random = new Random(23);
        List<Long> ha = new ArrayList<>();
        List<Long> hb = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long h = f.household(a, i == 28 ? "moved_away" : i == 29 ? "dissolved" : "active");
            jdbc.sql("UPDATE household SET village_id = :v WHERE id = :h").param("v", i % 3 == 0 ? null : i % 3 == 1 ? village1 : village2)
                    .param("h", h).update();
            members(h, random);
            ha.add(h);
        }
        for (int i = 0; i < 12; i++) {
            long h = f.household(b, "active");
            members(h, random);
            hb.add(h);
        }
        // lists of 2026: A 8 poor, 5 near-poor (the moved-away household 28 listed poor, the dissolved one not listed)
        Decision a2026 = f.decide(a, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 30; i++) {
            f.list(a2026, ha.get(i), i < 8 || i == 28 ? "poor" : i < 13 ? "near_poor" : "not_poor", null, false);
        }
        Decision b2026 = f.decide(b, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 12; i++) {
            f.list(b2026, hb.get(i), i < 4 ? "poor" : i < 6 ? "near_poor" : "not_poor", null, false);
        }
        // in June two poor households of A escape, one near-poor of B becomes poor
        Decision june = f.decide(a, 2026, LocalDate.of(2026, 6, 1), false);
        f.list(june, ha.get(0), "near_poor", "poor", false);
        f.list(june, ha.get(1), "not_poor", "poor", false);
        Decision juneB = f.decide(b, 2026, LocalDate.of(2026, 6, 1), false);
        f.list(juneB, hb.get(4), "poor", "near_poor", false);
        // a revoked decision never counts
        Decision revoked = f.decide(a, 2026, LocalDate.of(2026, 9, 1), false);
        f.list(revoked, ha.get(2), "not_poor", "poor", false);
        f.revoke(revoked);
    }

    static final String[] EMPLOYMENT = {"wage_with_contract", "wage_no_contract", "self_employed", "unemployed", "student",
            "not_working"};
    static final String[] EDUCATION = {"none", "primary", "lower_secondary", "upper_secondary", "vocational_elementary",
            "vocational_intermediate", "college", "university"};
    static final String[] DISABILITY = {"none", "none", "none", "mild", "severe", "very_severe"};

    /** One to seven members of every age, some with the year of birth only, some born on the edge of an age. */
    void members(long household, Random r) {
        int n = 1 + r.nextInt(7);
        for (int no = 1; no <= n; no++) {
            LocalDate born;
            int kind = r.nextInt(10);
            if (kind == 0) {
                born = DAY.minusYears(new int[] {6, 15, 16, 60, 61, 57}[r.nextInt(6)]);   // the birthday on the day
            } else if (kind == 1) {
                born = DAY.minusYears(new int[] {6, 16, 60}[r.nextInt(3)]).plusDays(1);   // the day after
            } else {
                born = LocalDate.of(2026 - r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28));
            }
            boolean yearOnly = r.nextInt(6) == 0;
            if (yearOnly) {
                born = LocalDate.of(born.getYear(), 1, 1);
            }
            jdbc.sql("""
                            INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date,
                                birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
                                health_insurance, education, in_school)
                            VALUES ('14', :h, :no, :name, :born, :yo, :sex, 'Kinh', :rel, :emp, :cap, :dis, :hi, :edu, :school)""")
                    .param("h", household).param("no", no).param("name", "Thành viên " + no).param("born", born)
                    .param("yo", yearOnly).param("sex", r.nextBoolean() ? "male" : "female")
                    .param("rel", no == 1 ? "head" : "child").param("emp", EMPLOYMENT[r.nextInt(EMPLOYMENT.length)])
                    .param("cap", r.nextInt(4) > 0).param("dis", r.nextInt(5) == 0 ? null : DISABILITY[r.nextInt(DISABILITY.length)])
                    .param("hi", r.nextInt(3) > 0).param("edu", EDUCATION[r.nextInt(EDUCATION.length)])
                    .param("school", r.nextBoolean()).update();
        }
    }

    /**
     * Independent count of members: households of the group (status in force: the latest non-revoked row on or before
     * the day), in the unit, for whom the condition holds. {@code born} is the birth day (1 July when only the year).
     */
    long count(String group, String unitCondition, String condition, LocalDate day) {
        String groupCondition = switch (group) {
            case "all" -> "(h.life_status = 'active' OR st.status IS NOT NULL)";
            default -> "st.status = '" + group + "'";
        };
        return jdbc.sql("""
                        WITH st AS (
                            SELECT hs.household_id, hs.status FROM household_status hs
                            WHERE NOT hs.revoked AND hs.effective_from <= :day
                              AND NOT EXISTS (SELECT 1 FROM household_status later
                                              WHERE later.household_id = hs.household_id AND NOT later.revoked
                                                AND later.effective_from <= :day
                                                AND (later.effective_from > hs.effective_from
                                                     OR (later.effective_from = hs.effective_from AND later.id > hs.id)))),
                        mem AS (
                            SELECT m.*, h.commune_id, h.village_id, h.life_status, st.status,
                                   CASE WHEN m.birth_year_only THEN make_date(extract(year FROM m.birth_date)::int, 7, 1)
                                        ELSE m.birth_date END AS born
                            FROM household_member m JOIN household h ON h.id = m.household_id AND h.province_code = m.province_code
                            LEFT JOIN st ON st.household_id = h.id)
                        SELECT count(*) FROM mem h WHERE\s""" + groupCondition.replace("st.", "h.") + " AND " + unitCondition
                        + " AND " + condition)
                .param("day", day).query(Long.class).single();
    }

    /** Aged at least {@code years} on the day. */
    static String atLeast(int years) {
        return "born <= CAST(:day AS date) - interval '" + years + " years'";
    }

    static String below(int years) {
        return "NOT (" + atLeast(years) + ")";
    }

    static final String WORKING_AGE = "(" + atLeast(15) + " AND born > CAST(:day AS date) - CASE WHEN sex = 'male'"
            + " THEN interval '61 years 6 months' ELSE interval '57 years' END)";
    static final String SCHOOL_AGE = "(" + atLeast(6) + " AND " + below(16) + ")";

    void sameAsIndependentCounts(PeopleCounts c, String group, String unit, LocalDate day) {
        String what = group + " in " + unit;
        assertThat(c.members()).as(what + ": members").isEqualTo(count(group, unit, "TRUE", day));
        assertThat(c.male()).as(what + ": male").isEqualTo(count(group, unit, "sex = 'male'", day));
        assertThat(c.female()).as(what + ": female").isEqualTo(count(group, unit, "sex = 'female'", day));
        assertThat(c.bands()).as(what + ": bands").containsExactly(count(group, unit, below(6), day),
                count(group, unit, atLeast(6) + " AND " + below(16), day),
                count(group, unit, atLeast(16) + " AND " + below(60), day), count(group, unit, atLeast(60), day));
        assertThat(c.disability()).as(what + ": disability")
                .isEqualTo(count(group, unit, "disability IN ('mild', 'severe', 'very_severe')", day));
        assertThat(c.schoolAge()).as(what + ": school age").isEqualTo(count(group, unit, SCHOOL_AGE, day));
        assertThat(c.inSchool()).as(what + ": in school").isEqualTo(count(group, unit, SCHOOL_AGE + " AND in_school", day));
        assertThat(c.insured()).as(what + ": insured").isEqualTo(count(group, unit, "health_insurance", day));
        assertThat(c.workingAge()).as(what + ": working age").isEqualTo(count(group, unit, WORKING_AGE, day));
        assertThat(c.workingCapacity()).as(what + ": able to work")
                .isEqualTo(count(group, unit, WORKING_AGE + " AND working_capacity", day));
        assertThat(c.employed()).as(what + ": employed").isEqualTo(count(group, unit,
                WORKING_AGE + " AND employment IN ('wage_with_contract', 'wage_no_contract', 'self_employed')", day));
        assertThat(c.trained()).as(what + ": trained").isEqualTo(count(group, unit,
                WORKING_AGE + " AND education IN ('vocational_elementary', 'vocational_intermediate', 'college', 'university')",
                day));
    }

    String path(long unitId) {
        return jdbc.sql("SELECT path FROM admin_unit WHERE id = :id").param("id", unitId).query(String.class).single();
    }

    @Test
    void aCommuneByVillage() {
        PeopleFigures.Section s = people.section(AreaFilter.under(path(a.id()), "14"), "commune", 2, DAY);
        assertThat(s.definitions().retirementMaleMonths()).isEqualTo(738);
        assertThat(s.rows()).extracting(PeopleFigures.Row::unitId).containsExactlyInAnyOrder(village1, village2, null);
        for (PeopleFigures.Row row : s.rows()) {
            String unit = row.unitId() == null ? "commune_id = " + a.id() + " AND village_id IS NULL" : "village_id = " + row.unitId();
            for (String group : PeopleFigures.GROUPS) {
                sameAsIndependentCounts(row.groups().get(group), group, unit, DAY);
            }
        }
        for (String group : PeopleFigures.GROUPS) {
            sameAsIndependentCounts(s.totals().get(group), group, "commune_id = " + a.id(), DAY);
        }
        assertThat(s.totals().get("poor").members()).isPositive();
        assertThat(s.totals().get("all").members()).isGreaterThan(s.totals().get("poor").members());
    }

    @Test
    void aProvinceByCommuneOnTwoDays() {
        for (LocalDate day : List.of(DAY, JULY, LocalDate.of(2026, 3, 1))) {
            PeopleFigures.Section s = people.section(AreaFilter.under(path(provinceId), "14"), "province", 1, day);
            assertThat(s.rows()).extracting(PeopleFigures.Row::unitId).containsExactly(a.id(), b.id());
            for (PeopleFigures.Row row : s.rows()) {
                for (String group : PeopleFigures.GROUPS) {
                    sameAsIndependentCounts(row.groups().get(group), group, "commune_id = " + row.unitId(), day);
                }
            }
        }
        PeopleFigures.Section village = people.section(AreaFilter.under(path(village1), "14"), "village", 3, DAY);
        assertThat(village.rows()).extracting(PeopleFigures.Row::unitId).containsExactly(village1);
        sameAsIndependentCounts(village.totals().get("near_poor"), "near_poor", "village_id = " + village1, DAY);
    }

    @Test
    void aCommuneByItsHouseholdsAddsUpToItsRowOfTheProvinceReadWhole() {
        // the commune's form reads its households' statuses and members by id (issue 26); the province's form reads
        // the province's whole statuses and members: the same figures for the commune on every day
        for (LocalDate day : List.of(DAY, JULY, LocalDate.of(2026, 3, 1), LocalDate.of(2025, 12, 31))) {
            for (long commune : new long[] {a.id(), b.id()}) {
                PeopleFigures.Section one = people.section(AreaFilter.under(path(commune), "14"), "commune", 2, day);
                PeopleFigures.Row row = people.section(AreaFilter.under(path(provinceId), "14"), "province", 1, day).rows()
                        .stream().filter(r -> r.unitId() == commune).findFirst().orElseThrow();
                for (String group : PeopleFigures.GROUPS) {
                    assertThat(one.totals().get(group)).as(group + " of " + commune + " on " + day).isEqualTo(row.groups().get(group));
                }
            }
        }
    }

    @Test
    void theCountryByProvince() {
        PeopleFigures.Section s = people.section(AreaFilter.country(), null, 0, DAY);
        PeopleFigures.Row row = s.rows().stream().filter(r -> r.unitId() == provinceId).findFirst().orElseThrow();
        sameAsIndependentCounts(row.groups().get("all"), "all", "commune_id IN (" + a.id() + ", " + b.id() + ")", DAY);
    }

    @Test
    void peopleTargetsOfAPlanTrackTheirMembers() {
        Plan plan = plans.create(provinceId, 2026, 1, 0, null, province);
        coverage.set(plan.id(), "people", "trained_workers", "poor", new BigDecimal("40"), null, province);
        coverage.set(plan.id(), null, "children_in_school", "poor_near_poor", new BigDecimal("95"), "phổ cập", province);
        coverage.set(plan.id(), "people", "health_insurance", "near_poor", new BigDecimal("100"), null, province);
        assertThat(coverage.codes(plan)).extracting(PlanCoverage.Code::key).contains("people:trained_workers");
        List<PlanCoverage.Tracked> tracked = coverage.track(plan.id(), JULY, province);
        assertThat(tracked).hasSize(3);
        String inProvince = "commune_id IN (" + a.id() + ", " + b.id() + ")";
        for (PlanCoverage.Tracked t : tracked) {
            assertThat(t.target().kind()).isEqualTo("people");
            PersonIndicator indicator = PersonIndicator.ofCode(t.target().code()).orElseThrow();
            String base = switch (indicator.base()) {
                case MEMBERS -> "TRUE";
                case SCHOOL_AGE -> SCHOOL_AGE;
                case WORKING_AGE -> WORKING_AGE;
            };
            String holds = switch (indicator) {
                case TRAINED_WORKERS -> "education IN ('vocational_elementary', 'vocational_intermediate', 'college', 'university')";
                case CHILDREN_IN_SCHOOL -> "in_school";
                case HEALTH_INSURANCE -> "health_insurance";
                default -> throw new AssertionError(indicator);
            };
            for (LocalDate day : List.of(plan.baselineDate(), JULY)) {
                var share = day.equals(JULY) ? t.progress().now() : t.progress().baseline();
                long total = 0;
                long covered = 0;
                for (String status : t.target().statuses()) {
                    total += count(status, inProvince, base, day);
                    covered += count(status, inProvince, base + " AND " + holds, day);
                }
                assertThat(share.total()).as(t.target().code() + " on " + day).isEqualTo(total).isPositive();
                assertThat(share.covered()).as(t.target().code() + " on " + day).isEqualTo(covered);
            }
        }
    }
}
