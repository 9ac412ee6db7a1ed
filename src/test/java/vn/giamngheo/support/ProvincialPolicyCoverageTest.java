package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.support.rules.CoverageFigures;
import vn.giamngheo.support.rules.CoveragePeriod;

/**
 * Provinces' own policies (issue 24 point 3): a province's officer defines a health-insurance top-up for people over
 * 80 (poor, near-poor and average households) with a 30/70 co-funding split, a policy for poor households with an
 * elderly person (population group) and one for households of especially difficult villages (area class). Coverage,
 * gap and leakage equal independent SQL counts written plainly here; the cost by source is entitled × amount × share;
 * another province does not find the policy (404), national policies are read-only for the province, outsiders are
 * refused.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvincialPolicyCoverageTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 30);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final long CARD_PRICE = 1_263_600L;

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired CoverageService coverage;
    @Autowired PolicyCatalog catalog;
    @Autowired FundingShares shares;

    private SupportFixture fixture;
    private String commune;
    private long communeId;
    private long v1;
    private CurrentUser officer;
    private CurrentUser province;
    private CurrentUser otherProvince;
    private SupportPolicy over80;
    private SupportPolicy elderlyHouseholds;
    private SupportPolicy difficultVillages;
    private MockMvc mvc;

    @BeforeAll
    void scenario() {
        fixture = new SupportFixture(jdbc, users, registry, geography);
        commune = fixture.commune(76);
        communeId = fixture.communeId(commune);
        officer = fixture.officer(commune);
        province = fixture.provinceOfficer("08");
        otherProvince = fixture.provinceOfficer("01");
        // villages of the map since 2025 (a village created today would not exist on the day of the figures)
        v1 = fixture.registryFixture.village(commune, "Thôn Tám Mươi Một");
        long v2 = fixture.registryFixture.village(commune, "Thôn Tám Mươi Hai");
        jdbc.sql("""
                        INSERT INTO unit_area_class (unit_id, province_code, class_code, decision, valid_from, created_by)
                        VALUES (:u, '08', 'difficult_village', 'Thử nghiệm', DATE '2025-01-01', 'test')""")
                .param("u", v1).update();
        // A, poor, village 1: a parent of 86 and one who turns 80 only on 31 December 2026
        Household a = household("P8-A", v1, "1940-05-01", "1946-12-31");
        // B, average, village 2: a parent of 82
        Household b = household("P8-B", v2, "1944-01-01");
        // C, near-poor, village 1: a parent of 96, nothing received
        Household c = household("P8-C", v1, "1930-02-02");
        // D, on no list, village 2: a parent of 86 who received a card anyway
        Household d = household("P8-D", v2, "1940-03-03");
        // E, poor, village 2: a parent who turns 80 on 1 July 2026 (after the day), and no elderly otherwise
        Household e = household("P8-E", v2, "1946-07-01");
        // F, poor, village 1: nobody over 60
        Household f = household("P8-F", v1);
        fixture.decide(commune, LocalDate.of(2025, 1, 1), Map.of(a, "poor", b, "average", c, "near_poor", e, "poor",
                f, "poor"));

        over80 = catalog.save(form("BHYT80_" + SERIAL.incrementAndGet(), "person", List.of("poor", "near_poor", "average"),
                80, null, "", ""), province);
        elderlyHouseholds = catalog.save(form("ELDERLY_" + SERIAL.incrementAndGet(), "household", List.of("poor"), null,
                null, "with_elderly", ""), province);
        difficultVillages = catalog.save(form("DBKK_" + SERIAL.incrementAndGet(), "household",
                List.of("poor", "near_poor"), null, null, "", "difficult_village"), province);
        int version = shares.save(over80, FROM, split("local_budget", "30", "health_insurance_fund", "70"),
                over80.version(), province);
        // a later split keeps the earlier one and does not apply to 2026
        shares.save(catalog.exactly(over80.code(), "08").orElseThrow(), LocalDate.of(2027, 1, 1),
                split("local_budget", "50", "health_insurance_fund", "50"), version, province);
        over80 = catalog.exactly(over80.code(), "08").orElseThrow();

        benefit(a, 3, over80, "2026-03-01");   // 86: received
        benefit(a, 4, over80, "2026-03-01");   // 79: leakage
        benefit(b, 3, over80, "2026-02-01");   // 82, average: received
        benefit(d, 3, over80, "2026-02-01");   // on no list: leakage
        benefit(a, null, elderlyHouseholds, "2026-04-01");   // received
        benefit(f, null, elderlyHouseholds, "2026-04-01");   // nobody elderly: leakage
        benefit(c, null, difficultVillages, "2026-05-01");   // village 1: received
        benefit(e, null, difficultVillages, "2026-05-01");   // village 2: leakage
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private Household household(String code, long village, String... parents) {
        HouseholdForm form = RegistryFixture.household(commune, code);
        form.setVillageId(village);
        for (int i = 0; i < parents.length; i++) {
            form.getMembers().add(RegistryFixture.member(3 + i, "Cụ " + code + " " + (i + 1), "parent", parents[i]));
        }
        return registry.create(form, officer);
    }

    private static PolicyForm form(String code, String beneficiary, List<String> statuses, Integer minAge,
                                   Integer maxAge, String group, String areaClass) {
        PolicyForm f = new PolicyForm();
        f.setCode(code);
        f.setNameVi("Hỗ trợ riêng của tỉnh " + code);
        f.setNameEn("Provincial support " + code);
        f.setBeneficiary(beneficiary);
        f.setStatuses(statuses);
        f.setMinAge(minAge);
        f.setMaxAge(maxAge);
        f.setPopulationGroup(group);
        f.setAreaClass(areaClass);
        f.setValidFrom(LocalDate.of(2026, 1, 1));
        f.setBenefitKind("card");
        f.setAmountVnd(CARD_PRICE);
        f.setFundingSource("local_budget");
        f.setLegalSource("Nghị quyết của HĐND tỉnh (thử nghiệm)");
        f.setConfidence("S");
        f.setProvinceCode("01");   // ignored for a province's officer: the policy is their province's
        return f;
    }

    private static Map<String, BigDecimal> split(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    private void benefit(Household h, Integer memberNo, SupportPolicy p, String date) {
        jdbc.sql("""
                        INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date, source,
                            recorded_by)
                        VALUES (:p, :h, :m, :policy, :d, 'form', 'test')""")
                .param("p", h.provinceCode()).param("h", h.id()).param("m", memberNo).param("policy", p.id())
                .param("d", LocalDate.parse(date)).update();
    }

    private CoverageReport.PolicyCoverage coverageOf(SupportPolicy p, CurrentUser user) {
        return coverage.coverage(communeId, p.code(), CoveragePeriod.onDate(ON), user.scope()).policies().get(0);
    }

    // ---- independent counts, written plainly -------------------------------------------------------------------

    /** The statuses in force on a day: the latest non-revoked decided row of each household of the commune. */
    private static final String IN_FORCE = """
            SELECT DISTINCT ON (s.household_id) s.household_id, s.status
              FROM household_status s JOIN household h ON h.province_code = s.province_code AND h.id = s.household_id
             WHERE h.commune_id = :c AND NOT s.revoked AND s.effective_from <= CAST(:day AS date)
             ORDER BY s.household_id, s.effective_from DESC, s.id DESC""";

    private long over80EntitledSql() {
        return jdbc.sql("WITH st AS (" + IN_FORCE + """
                        ) SELECT count(*) FROM st JOIN household_member m ON m.household_id = st.household_id
                          WHERE st.status IN ('poor', 'near_poor', 'average')
                            AND m.birth_date + interval '80 years' <= CAST(:day AS date)""")
                .param("c", communeId).param("day", ON).query(Long.class).single();
    }

    private long over80ReceivedSql() {
        return jdbc.sql("WITH st AS (" + IN_FORCE + """
                        ) SELECT count(*) FROM st JOIN household_member m ON m.household_id = st.household_id
                          WHERE st.status IN ('poor', 'near_poor', 'average')
                            AND m.birth_date + interval '80 years' <= CAST(:day AS date)
                            AND EXISTS (SELECT 1 FROM benefit_record b WHERE b.household_id = m.household_id
                                          AND b.member_no = m.member_no AND b.policy_id = :policy
                                          AND b.benefit_date BETWEEN :from AND CAST(:day AS date) AND b.voided_at IS NULL)""")
                .param("c", communeId).param("day", ON).param("from", FROM).param("policy", over80.id())
                .query(Long.class).single();
    }

    /** Persons who received the card in the period on a day they were not 80 or not on a list of the statuses. */
    private long over80LeakageSql() {
        return jdbc.sql("""
                        SELECT count(DISTINCT (b.household_id, b.member_no)) FROM benefit_record b
                          JOIN household h ON h.province_code = b.province_code AND h.id = b.household_id
                          JOIN household_member m ON m.household_id = b.household_id AND m.member_no = b.member_no
                         WHERE h.commune_id = :c AND b.policy_id = :policy AND b.voided_at IS NULL
                           AND b.benefit_date BETWEEN :from AND :day
                           AND NOT (m.birth_date + interval '80 years' <= b.benefit_date
                                    AND coalesce((SELECT s.status FROM household_status s
                                                   WHERE s.household_id = b.household_id AND NOT s.revoked
                                                     AND s.effective_from <= b.benefit_date
                                                   ORDER BY s.effective_from DESC, s.id DESC LIMIT 1), '')
                                        IN ('poor', 'near_poor', 'average'))""")
                .param("c", communeId).param("day", ON).param("from", FROM).param("policy", over80.id())
                .query(Long.class).single();
    }

    private long elderlyEntitledSql() {
        return jdbc.sql("WITH st AS (" + IN_FORCE + """
                        ) SELECT count(*) FROM st WHERE st.status = 'poor'
                            AND EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = st.household_id
                                          AND m.birth_date + interval '60 years' <= CAST(:day AS date))""")
                .param("c", communeId).param("day", ON).query(Long.class).single();
    }

    private long villageEntitledSql() {
        return jdbc.sql("WITH st AS (" + IN_FORCE + """
                        ) SELECT count(*) FROM st JOIN household h ON h.id = st.household_id
                          WHERE st.status IN ('poor', 'near_poor') AND h.village_id = :v""")
                .param("c", communeId).param("day", ON).param("v", v1).query(Long.class).single();
    }

    private long receivedSql(SupportPolicy p, String entitledCondition) {
        return jdbc.sql("WITH st AS (" + IN_FORCE + ") SELECT count(*) FROM st JOIN household h ON h.id = st.household_id"
                        + " WHERE " + entitledCondition + " " + """
                           AND EXISTS (SELECT 1 FROM benefit_record b WHERE b.household_id = st.household_id
                                         AND b.policy_id = :policy AND b.benefit_date BETWEEN :from AND CAST(:day AS date)
                                         AND b.voided_at IS NULL)""")
                .param("c", communeId).param("day", ON).param("from", FROM).param("policy", p.id()).param("v", v1)
                .query(Long.class).single();
    }

    // ---- coverage, gap, leakage --------------------------------------------------------------------------------

    @Test
    void peopleOver80CountAsIndependentSqlCountsThem() {
        CoverageFigures f = coverageOf(over80, officer).total();
        long entitled = over80EntitledSql();
        long received = over80ReceivedSql();
        assertThat(f.entitled()).isEqualTo(entitled).isEqualTo(3);   // A's 86, B's 82, C's 96
        assertThat(f.received()).isEqualTo(received).isEqualTo(2);
        assertThat(f.gap()).isEqualTo(entitled - received).isEqualTo(1);
        assertThat(f.leakage()).isEqualTo(over80LeakageSql()).isEqualTo(2);   // A's 79 and D's (no list)
    }

    @Test
    void theGroupAndTheAreaClassCountAsIndependentSqlCountsThem() {
        CoverageFigures elderly = coverageOf(elderlyHouseholds, officer).total();
        assertThat(elderly.entitled()).isEqualTo(elderlyEntitledSql()).isEqualTo(2);   // A and E (a parent of 79)
        assertThat(elderly.received()).isEqualTo(receivedSql(elderlyHouseholds, "st.status = 'poor'"
                + " AND EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = st.household_id"
                + " AND m.birth_date + interval '60 years' <= CAST(:day AS date))")).isEqualTo(1);
        assertThat(elderly.leakage()).isEqualTo(1);   // F: nobody over 60
        CoverageFigures village = coverageOf(difficultVillages, officer).total();
        assertThat(village.entitled()).isEqualTo(villageEntitledSql()).isEqualTo(3);   // A, C and F of village 1
        assertThat(village.received()).isEqualTo(receivedSql(difficultVillages,
                "st.status IN ('poor', 'near_poor') AND h.village_id = :v")).isEqualTo(1);
        assertThat(village.gap()).isEqualTo(2);
        assertThat(village.leakage()).isEqualTo(1);   // E lives in village 2
    }

    @Test
    void theCostIsSplitBySourceByTheSplitInForce() {
        CoverageReport.PolicyCoverage p = coverageOf(over80, officer);
        assertThat(p.provinceCode()).isEqualTo("08");
        assertThat(p.benefitVnd()).isEqualTo(CARD_PRICE);
        assertThat(p.splitFrom()).isEqualTo(FROM);
        long entitled = over80EntitledSql();
        assertThat(p.costs()).extracting(c -> c.source() + "=" + c.costVnd()).containsExactly(
                "local_budget=" + Math.round(entitled * CARD_PRICE * 0.30),
                "health_insurance_fund=" + Math.round(entitled * CARD_PRICE * 0.70));
        assertThat(p.totalCostVnd()).isEqualTo(entitled * CARD_PRICE);
        // in 2027 the later split applies
        CoverageReport.PolicyCoverage next = coverage.coverage(communeId, over80.code(),
                CoveragePeriod.onDate(LocalDate.of(2027, 3, 1)), officer.scope()).policies().get(0);
        assertThat(next.splitFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(next.costs()).extracting(c -> c.sharePercent().intValue()).containsExactly(50, 50);
        assertThat(shares.of(over80.id())).hasSize(2);
    }

    @Test
    void theProvincesOwnPoliciesAreInTheCommunesCoverageAndGapListButNotInAnotherProvinces() throws Exception {
        CoverageReport all = coverage.coverage(communeId, null, CoveragePeriod.onDate(ON), officer.scope());
        assertThat(all.policies()).extracting(CoverageReport.PolicyCoverage::policyCode)
                .contains("BHYT_POOR", over80.code(), elderlyHouseholds.code(), difficultVillages.code());
        assertThat(all.gap()).filteredOn(b -> b.policyCode().equals(over80.code()))
                .extracting(b -> b.householdCode() + "/" + b.memberNo()).containsExactly("P8-C/3");
        assertThat(all.leakage()).filteredOn(b -> b.policyCode().equals(over80.code()))
                .extracting(b -> b.householdCode() + "/" + b.memberNo()).containsExactlyInAnyOrder("P8-A/4", "P8-D/3");
        // the province's coverage of its own policy sums its communes
        CoverageReport provinceReport = coverage.coverage(null, over80.code(), CoveragePeriod.onDate(ON), province.scope());
        assertThat(provinceReport.policies().get(0).units()).filteredOn(u -> u.code().equals(commune))
                .extracting(u -> u.figures().entitled()).containsExactly(3L);
        // another province's units never count it, and its officers do not find it
        CoverageReport other = coverage.coverage(null, null, CoveragePeriod.onDate(ON), otherProvince.scope());
        assertThat(other.policies()).extracting(CoverageReport.PolicyCoverage::policyCode).contains("BHYT_POOR")
                .doesNotContain(over80.code());
        assertThatThrownBy(() -> coverage.coverage(null, over80.code(), CoveragePeriod.onDate(ON), otherProvince.scope()))
                .isInstanceOf(InvalidSupportRequestException.class);

        MvcResult gap = mvc.perform(get("/support/coverage/gap.xlsx").param("policy", over80.code())
                .param("date", ON.toString()).with(user(officer))).andReturn();
        assertThat(gap.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(gap.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet(GapWorkbook.SHEET);
            List<String> codes = new java.util.ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 4) {
                    codes.add(row.getCell(0).getStringCellValue() + "/" + row.getCell(3).getStringCellValue());
                }
            }
            assertThat(codes).containsExactly(over80.code() + "/P8-C");
        }
    }

    @Test
    void theCoverageXlsxSplitsTheCostBySource() throws Exception {
        MvcResult result = mvc.perform(get("/support/coverage.xlsx").param("unitId", String.valueOf(communeId))
                .param("policy", over80.code()).param("date", ON.toString()).with(user(province))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        long entitled = over80EntitledSql();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet(CoverageWorkbook.SHEET);
            Row row = sheet.getRow(5);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(over80.code());
            assertThat(row.getCell(2).getStringCellValue()).isNotEqualTo("Trung ương").isNotBlank();
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(entitled);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(entitled * CARD_PRICE);
            Sheet sources = workbook.getSheet(CoverageWorkbook.SOURCES_SHEET);
            assertThat(sources.getRow(5).getCell(3).getStringCellValue()).isEqualTo("Ngân sách địa phương");
            assertThat(sources.getRow(5).getCell(6).getNumericCellValue()).isEqualTo(Math.round(entitled * CARD_PRICE * 0.3));
            assertThat(sources.getRow(6).getCell(3).getStringCellValue()).isEqualTo("Quỹ bảo hiểm y tế");
            assertThat(sources.getRow(6).getCell(6).getNumericCellValue()).isEqualTo(Math.round(entitled * CARD_PRICE * 0.7));
        }
        String page = mvc.perform(get("/support/coverage").param("unitId", String.valueOf(communeId))
                .param("date", ON.toString()).with(user(province))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"coverage-" + over80.code() + "\"").contains("id=\"cost-table\"")
                .contains("id=\"coverage-xlsx\"");
    }

    // ---- who may read and change ------------------------------------------------------------------------------

    @Test
    void anotherProvinceDoesNotFindThePolicy() throws Exception {
        String path = "/support/policies/" + over80.code();
        assertThat(mvc.perform(get(path).param("province", "08").with(user(otherProvince))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(path).with(user(otherProvince))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/support/policies/" + over80.code() + "/shares").param("province", "08")
                .with(user(otherProvince))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(path + "/shares").param("province", "08").param("version", "0")
                .param("validFrom", "2026-01-01").param("share_local_budget", "100").with(user(otherProvince)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/support/policies").with(user(otherProvince))).andReturn().getResponse()
                .getContentAsString()).contains("BHYT_POOR").doesNotContain(over80.code());
        assertThat(catalog.visible(otherProvince.scope())).extracting(SupportPolicy::code).doesNotContain(over80.code());
        // the administrator and the province's own users find it, with the province beside it
        CurrentUser admin = fixture.registryFixture.user(Role.ADMINISTRATOR, null, null);
        assertThat(mvc.perform(get(path).param("province", "08").with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"policy-form\"").contains("id=\"shares-form\"");
        String list = mvc.perform(get("/support/policies").with(user(officer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains(over80.code()).contains("Trung ương");
    }

    @Test
    void nationalPoliciesAreReadOnlyForTheProvinceAndItsOwnAreEditableWithAVersionCheck() throws Exception {
        String national = mvc.perform(get("/support/policies/BHYT_POOR").with(user(province))).andReturn().getResponse()
                .getContentAsString();
        assertThat(national).contains("id=\"policy-facts\"").doesNotContain("id=\"policy-form\"")
                .doesNotContain("id=\"shares-form\"");
        SupportPolicy card = catalog.byCode("BHYT_POOR").orElseThrow();
        assertThatThrownBy(() -> shares.save(card, FROM, split("central_budget", "100"), card.version(), province))
                .isInstanceOf(AccessDeniedException.class);
        // a province's form with a national code is refused and changes nothing
        PolicyForm taken = PolicyForm.of(card);
        taken.setNameVi("Đổi tên");
        assertThatThrownBy(() -> catalog.save(taken, province)).isInstanceOf(InvalidSupportRequestException.class)
                .extracting(e -> ((InvalidSupportRequestException) e).keys())
                .isEqualTo(List.of("support.policy.problem.code-national"));
        assertThat(catalog.byCode("BHYT_POOR").orElseThrow().nameVi()).isEqualTo(card.nameVi());
        // a commune officer reads the province's policy but changes nothing
        String own = mvc.perform(get("/support/policies/" + elderlyHouseholds.code()).with(user(officer))).andReturn()
                .getResponse().getContentAsString();
        assertThat(own).contains("id=\"policy-facts\"").doesNotContain("id=\"policy-form\"");
        assertThatThrownBy(() -> catalog.save(PolicyForm.of(elderlyHouseholds), officer))
                .isInstanceOf(AccessDeniedException.class);
        // the province's officer (logged in: the audit names them) edits and deactivates its own, with the version read
        CurrentUser editor = fixture.registryFixture.loginAs(Role.PROVINCE_OFFICER, "province", "08");
        SupportPolicy current = catalog.save(form("EDIT_" + SERIAL.incrementAndGet(), "household", List.of("poor"),
                null, null, "", ""), editor);
        PolicyForm edit = PolicyForm.of(current);
        edit.setActive(false);
        SupportPolicy saved = catalog.save(edit, editor);
        assertThat(saved.active()).isFalse();
        assertThat(saved.provinceCode()).isEqualTo("08");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'support_policy' AND action = 'UPDATE' "
                + "AND username = :u").param("u", editor.getUsername()).query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> catalog.save(edit, editor)).isInstanceOf(InvalidSupportRequestException.class)
                .extracting(e -> ((InvalidSupportRequestException) e).keys()).isEqualTo(List.of("support.policy.problem.stale"));
        assertThatThrownBy(() -> shares.save(saved, FROM, split("local_budget", "100"), current.version(), editor))
                .isInstanceOf(InvalidSupportRequestException.class);
        edit.setVersion(saved.version());
        edit.setActive(true);
        assertThat(catalog.save(edit, editor).active()).isTrue();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        // an invalid split on the page shows its problem
        String page = mvc.perform(post("/support/policies/" + over80.code() + "/shares").param("version",
                        String.valueOf(catalog.exactly(over80.code(), "08").orElseThrow().version()))
                .param("validFrom", "2028-01-01").param("share_local_budget", "30")
                .param("share_central_budget", "60").with(user(province)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"shares-problems\"").contains("Tổng các tỷ lệ phải đúng bằng 100 %");
        assertThat(shares.of(over80.id())).hasSize(2);
    }

    @Test
    void outsidersAreRefused() throws Exception {
        int status = mvc.perform(get("/support/policies/" + over80.code()).param("province", "08")).andReturn()
                .getResponse().getStatus();
        assertThat(status).isIn(302, 401);
        assertThat(mvc.perform(get("/api/v1/support/policies/" + over80.code() + "/shares").param("province", "08"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
