package vn.giamngheo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * Computed indicators over a data period, on a small fixture whose expected figures are worked out by hand from
 * its rows (see the comments): statuses as of the data end from the decided lists (revoked rows ignored, a
 * household that left counted until it left), health insurance from the register flag and from BHYT_* benefit
 * records valid on the date (12 months), housing and vocational training records dated in the period, livelihood
 * models running in it. A household, record and model of another commune are never counted.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=monitor2")
@Import(MonitoringTestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputedIndicatorsTest {

    static final String P = "11";

    @Autowired JdbcClient jdbc;
    @Autowired MonitoringIndicators indicators;
    @Autowired ProgrammeUnits units;
    @Autowired ComputationQueries queries;

    long commune;
    long other;
    final Map<String, Long> decisions = new HashMap<>();

    @BeforeAll
    void fixture() {
        commune = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL ORDER BY code OFFSET 5 LIMIT 1")
                .param("p", P).query(Long.class).single();
        other = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL ORDER BY code OFFSET 6 LIMIT 1")
                .param("p", P).query(Long.class).single();
        // h1: poor from 2025, near-poor from 2026; members: 1 insured (flag), 2 not (but a BHYT record 2025-03-01)
        long h1 = household(commune, "active");
        status(h1, commune, 2025, "poor", false);
        status(h1, commune, 2026, "near_poor", false);
        member(h1, 1, true);
        member(h1, 2, false);
        // h2: near-poor from 2025; one member, not insured by flag, BHYT_NEAR_POOR record on 2025-06-14 itself
        long h2 = household(commune, "active");
        status(h2, commune, 2025, "near_poor", false);
        member(h2, 1, false);
        // h3: no decided status (counted among households, in no group)
        long h3 = household(commune, "active");
        member(h3, 1, true);
        // h4: poor from 2025, dissolved on 2026-03-01; one insured member, its BHYT record dated after the 2025 data end
        long h4 = household(commune, "dissolved");
        status(h4, commune, 2025, "poor", false);
        jdbc.sql("INSERT INTO household_event (province_code, household_id, event_type, event_date, recorded_by) VALUES (:p, :h, 'dissolved', DATE '2026-03-01', 'test')")
                .param("p", P).param("h", h4).update();
        member(h4, 1, true);
        // h5: poor from 2025; a 2026 row making it not poor is revoked; 3 members, one insured by flag;
        // BHYT records: member 1 on 2024-05-01 (too old on 2025-06-14), member 2 on 2024-06-15 (still valid)
        long h5 = household(commune, "active");
        status(h5, commune, 2025, "poor", false);
        status(h5, commune, 2026, "not_poor", true);
        member(h5, 1, true);
        member(h5, 2, false);
        member(h5, 3, false);
        // h6: poor, in another commune: never counted
        long h6 = household(other, "active");
        status(h6, other, 2025, "poor", false);
        member(h6, 1, true);

        benefit(h1, 2, "BHYT_POOR", "2025-03-01");
        benefit(h5, 1, "BHYT_POOR", "2024-05-01");
        benefit(h5, 2, "BHYT_POOR", "2024-06-15");
        benefit(h2, 1, "BHYT_NEAR_POOR", "2025-06-14");
        benefit(h4, 1, "BHYT_POOR", "2025-06-15");
        benefit(h6, 1, "BHYT_POOR", "2025-01-01");
        // housing in the 6-month data period 2024-12-15 – 2025-06-14: h1 on its first day, h5 twice; not h2 (a day
        // after), not h4 (a day before), not h6 (other commune)  → 2 households
        benefit(h1, null, "HOUSING", "2024-12-15");
        benefit(h5, null, "HOUSING", "2025-01-10");
        benefit(h5, null, "HOUSING", "2025-02-10");
        benefit(h2, null, "HOUSING", "2025-06-15");
        benefit(h4, null, "HOUSING", "2024-12-14");
        benefit(h6, null, "HOUSING", "2025-01-01");
        // vocational training: h1 member 1 twice and member 2 on the last day → 2 people; h2 before the period
        benefit(h1, 1, "VOCATIONAL_TRAINING", "2025-01-05");
        benefit(h1, 1, "VOCATIONAL_TRAINING", "2025-03-05");
        benefit(h1, 2, "VOCATIONAL_TRAINING", "2025-06-14");
        benefit(h2, 1, "VOCATIONAL_TRAINING", "2024-12-01");
        // models: ends the day before the period (out), ends on its first day (in), starts on its last day (in),
        // starts the day after (out), another commune (out) → 2
        // voided records (a wrong line): would count in each of the three, must not
        voided(h5, 3, "BHYT_POOR", "2025-01-01");
        voided(h2, null, "HOUSING", "2025-01-01");
        voided(h2, 1, "VOCATIONAL_TRAINING", "2025-02-01");
        model(commune, "2024-01-01", "2024-12-14");
        model(commune, "2024-06-01", "2024-12-15");
        model(commune, "2025-06-14", "2025-12-31");
        model(commune, "2025-06-15", "2025-12-31");
        model(other, "2025-01-01", "2025-12-31");
    }

    @ParameterizedTest(name = "{0} for {1} – {2}: {3} / {4}")
    @CsvSource(delimiter = '|', value = {
            // 2025 half-year: h1 poor, h2 near-poor, h3 none, h4 poor (left later), h5 poor → 5 households
            "POOR_RATE                    | 2024-12-15 | 2025-06-14 | 3 | 5",
            "NEAR_POOR_RATE               | 2024-12-15 | 2025-06-14 | 1 | 5",
            "POOR_HOUSEHOLDS              | 2024-12-15 | 2025-06-14 | 3 |",
            // poor members h1 (2), h4 (1), h5 (3): flags h1.1, h4.1, h5.1; records h1.2, h5.2
            "POOR_INSURED                 | 2024-12-15 | 2025-06-14 | 3 | 6",
            "POOR_BHYT_RECORDED           | 2024-12-15 | 2025-06-14 | 2 | 6",
            // plus h2's member: no flag, a record on the date
            "POOR_NEAR_POOR_INSURED       | 2024-12-15 | 2025-06-14 | 3 | 7",
            "POOR_NEAR_POOR_BHYT_RECORDED | 2024-12-15 | 2025-06-14 | 3 | 7",
            "HOUSES_SUPPORTED             | 2024-12-15 | 2025-06-14 | 2 |",
            "WORKERS_TRAINED              | 2024-12-15 | 2025-06-14 | 2 |",
            "MODELS                       | 2024-12-15 | 2025-06-14 | 2 |",
            // 2026 half-year: h1 near-poor now, h4 gone, h5's revoked row ignored → 4 households, 1 poor, 2 near-poor
            "POOR_RATE                    | 2025-12-15 | 2026-06-14 | 1 | 4",
            "NEAR_POOR_RATE               | 2025-12-15 | 2026-06-14 | 2 | 4",
            // poor members: h5 (3); its records are now more than 12 months old
            "POOR_INSURED                 | 2025-12-15 | 2026-06-14 | 1 | 3",
            "POOR_BHYT_RECORDED           | 2025-12-15 | 2026-06-14 | 0 | 3",
            // poor and near-poor: h1 (2), h2 (1), h5 (3); h2.1's record of 2025-06-14 counts 12 months, to 2026-06-13
            "POOR_NEAR_POOR_BHYT_RECORDED | 2025-12-15 | 2026-06-13 | 1 | 6",
            "POOR_NEAR_POOR_BHYT_RECORDED | 2025-12-15 | 2026-06-14 | 0 | 6",
            "HOUSES_SUPPORTED             | 2025-12-15 | 2026-06-14 | 0 |",
            // the two models of 2025-06-14 / 2025-06-15 to 2025-12-31 still run in the first days of the period
            "MODELS                       | 2025-12-15 | 2026-06-14 | 2 |",
            "MODELS                       | 2026-01-01 | 2026-06-14 | 0 |",
            // one day before the 2025 data end: h2's record and h1's training of the last day are not yet there
            "POOR_NEAR_POOR_BHYT_RECORDED | 2024-12-15 | 2025-06-13 | 2 | 7",
            "WORKERS_TRAINED              | 2024-12-15 | 2025-06-13 | 1 |",
    })
    void computedForTheDataPeriod(String code, LocalDate from, LocalDate to, String part, String whole) {
        Indicator indicator = indicators.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        IndicatorValue v = indicators.compute(indicator, units.find(commune).orElseThrow(), from, to, to.getYear()).orElseThrow();
        assertThat(v.numerator()).isEqualByComparingTo(part);
        if (whole == null) {
            assertThat(v.isShare()).isFalse();
        } else {
            assertThat(v.denominator()).isEqualByComparingTo(whole);
        }
    }

    @ParameterizedTest(name = "{0}: an independent count agrees for {1}")
    @CsvSource({"poor, 2025-06-14", "poor, 2026-06-14", "near_poor, 2025-06-14", "near_poor, 2026-06-14"})
    void theRatesAgreeWithAnIndependentCount(String status, LocalDate date) {
        // independent: for each household of the commune, its decided status on the date by a correlated subquery
        long expected = jdbc.sql("""
                        SELECT count(*) FROM household h
                         WHERE h.province_code = :p AND h.commune_id = :c
                           AND (h.life_status = 'active' OR h.id IN (SELECT household_id FROM household_event
                                 WHERE province_code = :p AND event_date > :d))
                           AND (SELECT s.status FROM household_status s
                                 WHERE s.province_code = :p AND s.household_id = h.id AND NOT s.revoked AND s.effective_from <= :d
                                 ORDER BY s.effective_from DESC, s.id DESC LIMIT 1) = :s""")
                .param("p", P).param("c", commune).param("d", date).param("s", status).query(Long.class).single();
        String code = status.equals("poor") ? "POOR_RATE" : "NEAR_POOR_RATE";
        Indicator indicator = indicators.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        IndicatorValue v = indicators.compute(indicator, units.find(commune).orElseThrow(), date.minusMonths(6), date, date.getYear()).orElseThrow();
        assertThat(v.numerator()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @ParameterizedTest(name = "every computation below a province reads the same as over the whole province on {0}")
    @CsvSource({"2025-06-14", "2026-06-14", "2027-03-01"})
    void belowAProvinceTheSameAsOverTheProvince(LocalDate date) {
        // two more communes with households placed by a decided row elsewhere than the register says (moved since
        // the decision), without any row, with a row of a later year only, revoked, left; with members and records
        if (third == 0) {
            third = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL ORDER BY code OFFSET 7 LIMIT 1")
                    .param("p", P).query(Long.class).single();
            fourth = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL ORDER BY code OFFSET 8 LIMIT 1")
                    .param("p", P).query(Long.class).single();
            long m1 = household(third, "active");
            status(m1, fourth, 2025, "poor", false);
            long m2 = household(fourth, "active");
            status(m2, third, 2025, "poor", false);
            status(m2, fourth, 2026, "near_poor", false);
            long m3 = household(third, "active");
            long m4 = household(third, "active");
            status(m4, third, 2026, "poor", false);
            long m5 = household(fourth, "moved_away");
            status(m5, third, 2025, "near_poor", false);
            status(m5, third, 2027, "poor", true);
            jdbc.sql("INSERT INTO household_event (province_code, household_id, event_type, event_date, recorded_by) VALUES (:p, :h, 'moved', DATE '2026-09-01', 'test')")
                    .param("p", P).param("h", m5).update();
            int no = 0;
            for (long h : new long[] {m1, m2, m3, m4, m5}) {
                member(h, 1, ++no % 2 == 0);
                member(h, 2, no % 3 == 0);
                benefit(h, 1, "BHYT_POOR", "2025-03-01");
                benefit(h, 2, "VOCATIONAL_TRAINING", "2025-05-01");
                benefit(h, null, "HOUSING", "2026-02-01");
            }
        }
        int compared = 0;
        for (long id : new long[] {commune, other, third, fourth}) {
            ProgrammeUnits.Unit unit = units.find(id).orElseThrow();
            assertThat(ComputationQueries.below(unit)).isTrue();
            // the same subtree taken as a province: the whole provinces' statuses and households, as before issue 26
            ProgrammeUnits.Unit whole = new ProgrammeUnits.Unit(unit.id(), unit.code(), "province", unit.name(),
                    unit.provinceCode(), unit.path(), unit.parentId());
            assertThat(ComputationQueries.below(whole)).isFalse();
            // and every indicator at once (the placed households read once) as each alone
            Map<Long, IndicatorValue> batch = indicators.computeAll(indicators.indicators(), unit, date.minusMonths(6), date,
                    date.getYear());
            Map<Long, IndicatorValue> wholeBatch = indicators.computeAll(indicators.indicators(), whole, date.minusMonths(6),
                    date, date.getYear());
            for (Indicator i : indicators.indicators()) {
                if (i.computed() && indicators.computation(i.computation()).isPresent()) {
                    var scoped = indicators.compute(i, unit, date.minusMonths(6), date, date.getYear());
                    var plain = indicators.compute(i, whole, date.minusMonths(6), date, date.getYear());
                    assertThat(scoped).as(i.code() + " of " + unit.code() + " on " + date).isEqualTo(plain);
                    assertThat(java.util.Optional.ofNullable(batch.get(i.id()))).as(i.code() + " in one query").isEqualTo(scoped);
                    assertThat(java.util.Optional.ofNullable(wholeBatch.get(i.id()))).as(i.code() + " over the province in one query")
                            .isEqualTo(plain);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(4 * 10);
        // and the households are there to be counted: one poor in the fourth commune on 2025-06-14 (m1's row)
        Indicator poor = indicators.indicators().stream().filter(i -> i.code().equals("POOR_HOUSEHOLDS")).findFirst().orElseThrow();
        if (date.getYear() == 2025) {
            assertThat(indicators.compute(poor, units.find(fourth).orElseThrow(), date.minusMonths(6), date, 2025)
                    .orElseThrow().numerator()).isEqualByComparingTo("1");
        }
    }

    /**
     * The members with a BHYT card record as the computations read them before issue 26's h16 change (the card
     * policies joined per member, the record's partition found per member, the placed households of the whole
     * province joined to their commune): the same shares, read now for a commune, on days around the records.
     */
    @ParameterizedTest(name = "the card records read as before for {0}")
    @CsvSource({"poor, 2025-06-13", "poor, 2025-06-14", "poor, 2026-06-14", "listed, 2025-06-14", "listed, 2026-06-13",
            "listed, 2027-03-01"})
    void theCardRecordsReadAsBefore(String statuses, LocalDate date) {
        String earlier = ComputationQueries.PLACED + """
                SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM benefit_record b JOIN support_policy sp ON sp.id = b.policy_id
                         WHERE b.province_code = m.province_code AND b.household_id = m.household_id
                           AND b.member_no = m.member_no AND sp.code LIKE 'BHYT\\_%%' AND b.voided_at IS NULL
                           AND b.benefit_date <= :d AND b.benefit_date > :cardFrom)) AS part, count(*) AS whole
                  FROM placed p JOIN admin_unit u ON u.id = p.commune_id
                  JOIN household_member m ON m.province_code = p.province_code AND m.household_id = p.id
                 WHERE m.province_code IN (:provinces) AND p.counted AND {u.path} AND p.status IN (%s)"""
                .formatted(vn.giamngheo.status.rules.PovertyStatus.sql("{" + statuses + "}"));
        String code = statuses.equals("poor") ? "POOR_BHYT_RECORDED" : "POOR_NEAR_POOR_BHYT_RECORDED";
        Indicator indicator = indicators.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        for (long id : new long[] {commune, other}) {
            ProgrammeUnits.Unit unit = units.find(id).orElseThrow();
            ProgrammeUnits.Unit whole = new ProgrammeUnits.Unit(unit.id(), unit.code(), "province", unit.name(),
                    unit.provinceCode(), unit.path(), unit.parentId());
            IndicatorValue before = queries.run(earlier, true, whole, date.minusMonths(6), date, date.getYear());
            assertThat(indicators.compute(indicator, unit, date.minusMonths(6), date, date.getYear()))
                    .as(code + " of " + unit.code() + " on " + date).contains(before);
        }
        // and the records are there to be read: h1's second member and h2's record count on 2025-06-14
        if (date.equals(LocalDate.of(2025, 6, 14)) && statuses.equals("listed")) {
            assertThat(indicators.compute(indicator, units.find(commune).orElseThrow(), date.minusMonths(6), date, 2025)
                    .orElseThrow().numerator()).isPositive();
        }
    }

    long third;
    long fourth;

    private long household(long unit, String life) {
        return jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, area, income_per_capita, housing_quality,
                            floor_area_m2, water_source, toilet, internet_use, life_status)
                        VALUES (:p, :code, :c, 'rural', 1000000, 'durable', 40, 'piped', 'septic', true, :life) RETURNING id""")
                .param("p", P).param("code", "M2-" + System.nanoTime()).param("c", unit).param("life", life)
                .query(Long.class).single();
    }

    private void member(long household, int no, boolean insured) {
        jdbc.sql("""
                        INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date, sex, ethnicity,
                            relation, employment, working_capacity, health_insurance, education, in_school)
                        VALUES (:p, :h, :n, 'Người thử', DATE '1990-01-01', 'female', 'Kinh', :rel, 'self_employed', true, :ins,
                                'primary', false)""")
                .param("p", P).param("h", household).param("n", no).param("rel", no == 1 ? "head" : "child")
                .param("ins", insured).update();
    }

    /** A periodic decision of the commune for a list year (effective 1 January), and the household's row in it. */
    private void status(long household, long unit, int listYear, String status, boolean revoked) {
        long[] d = decision(unit, listYear, revoked);
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                            effective_from, status, standard_code, standard_version, household_code, head_name, members, area,
                            ethnic_minority, social_protection, merit, revoked)
                        VALUES (:p, :h, :c, :d, :r, :l, :e, :s, 'ND07_2021', 1, 'M2', 'Người thử', 1, 'rural', false, false, false, :rev)""")
                .param("p", P).param("h", household).param("c", unit).param("d", d[1]).param("r", d[0]).param("l", listYear)
                .param("e", LocalDate.of(listYear, 1, 1)).param("s", status).param("rev", revoked).update();
    }

    private long[] decision(long unit, int listYear, boolean revoked) {
        String key = unit + "/" + listYear + "/" + revoked;
        Long round = jdbc.sql("SELECT id FROM review_round WHERE commune_id = :c AND kind = 'periodic' AND review_year = :y")
                .param("c", unit).param("y", listYear - 1).query(Long.class).optional().orElse(null);
        if (round == null) {
            round = jdbc.sql("""
                            INSERT INTO review_round (province_code, commune_id, kind, review_year, list_year, standard_code,
                                standard_version, reference_date, opens_on, decision_due, state, created_by)
                            VALUES (:p, :c, 'periodic', :y, :l, 'ND07_2021', 1, :ref, :ref, :ref, 'decided', 'test') RETURNING id""")
                    .param("p", P).param("c", unit).param("y", listYear - 1).param("l", listYear)
                    .param("ref", LocalDate.of(listYear - 1, 9, 1)).query(Long.class).single();
        }
        long r = round;
        long id = decisions.computeIfAbsent(key, k -> jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :e, :l, 'Chủ tịch', 'test') RETURNING id""")
                .param("r", r).param("p", P).param("c", unit).param("n", "M2-" + System.nanoTime() + "/QĐ-UBND")
                .param("d", LocalDate.of(listYear - 1, 12, 10)).param("e", LocalDate.of(listYear, 1, 1)).param("l", listYear)
                .query(Long.class).single());
        return new long[] {r, id};
    }

    private void benefit(long household, Integer member, String policy, String date) {
        jdbc.sql("""
                        INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date, source, recorded_by)
                        VALUES (:p, :h, :m, (SELECT id FROM support_policy WHERE code = :policy), :d, 'form', 'test')""")
                .param("p", P).param("h", household).param("m", member).param("policy", policy)
                .param("d", LocalDate.parse(date)).update();
    }

    private void voided(long household, Integer member, String policy, String date) {
        benefit(household, member, policy, date);
        jdbc.sql("""
                        UPDATE benefit_record SET voided_at = now(), voided_by = 'test', void_reason = 'nhập nhầm'
                         WHERE province_code = :p AND id = (SELECT max(id) FROM benefit_record WHERE province_code = :p)""")
                .param("p", P).update();
    }

    private void model(long unit, String from, String to) {
        jdbc.sql("""
                        INSERT INTO livelihood_model (province_code, commune_id, name, kind, starts_on, ends_on, lead_agency, created_by)
                        VALUES (:p, :c, :n, 'livestock', :f, :t, 'Nông nghiệp', 'test')""")
                .param("p", P).param("c", unit).param("n", "Mô hình " + System.nanoTime()).param("f", LocalDate.parse(from))
                .param("t", LocalDate.parse(to)).update();
    }
}
