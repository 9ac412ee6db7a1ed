package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;

/**
 * Generated, seeded data for the report tests, written straight into the tables the review fills
 * ({@code review_round} → {@code review_decision} → {@code household_status}) and the register:
 * <ul>
 * <li>a province of today's map with an old commune that was split ({@code oldSplit} → {@code c1}, {@code c2}),
 *     an old commune that became one commune ({@code oldWhole} → {@code c3}) and one more commune {@code c4};
 *     villages {@code vA} in c1 and {@code vB} in c2;</li>
 * <li>households on c1…c4, some dissolved (with the date), and a status history: lists of 2021 (Decision 59,
 *     income-poor and deprivation-poor), 2024 and 2025 decided on the old communes (village recorded for
 *     some, none for others, and a few households since moved to c4), 2026 decided on today's communes,
 *     a monthly decision in 2026 and a revoked decision.</li>
 * </ul>
 */
final class ReportFixture {

    static final List<String> ND07 = List.of("employment", "dependants", "nutrition", "health_insurance",
            "adult_education", "child_schooling", "housing_quality", "housing_area", "water_source", "sanitation",
            "telecom_use", "information_devices");
    static final List<String> QD59 = List.of("health_care_access", "health_insurance", "adult_education",
            "child_schooling", "housing_quality", "housing_area", "water_source", "sanitation", "telecom_use",
            "information_assets");
    static final List<String> CAUSES = List.of("lack_capital", "lack_land", "lack_means", "lack_labour", "no_job",
            "lack_skills", "many_dependants", "illness", "social_evils", "reluctant_to_work", "other");

    final JdbcClient jdbc;
    final String province;
    long provinceId;
    long oldSplit;
    long oldWhole;
    long c1;
    long c2;
    long c3;
    long c4;
    long vA;
    long vB;
    final List<Long> households = new ArrayList<>();
    private final Random random = new Random(20260505);
    private int decisionSerial;

    ReportFixture(JdbcClient jdbc, GeographyCatalog geography, String province) {
        this.jdbc = jdbc;
        this.province = province;
        provinceId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'province' AND code = :p AND valid_to IS NULL")
                .param("p", province).query(Long.class).single();
        oldSplit = jdbc.sql("""
                        SELECT o.id FROM admin_unit o JOIN unit_succession us ON us.predecessor_id = o.id
                        JOIN admin_unit n ON n.id = us.successor_id AND n.level = 'commune'
                        WHERE o.level = 'commune' AND o.valid_to IS NOT NULL
                        GROUP BY o.id HAVING count(*) = 2 AND bool_and(n.province_code = :p) ORDER BY o.id LIMIT 1""")
                .param("p", province).query(Long.class).single();
        List<Long> parts = jdbc.sql("SELECT successor_id FROM unit_succession WHERE predecessor_id = :o ORDER BY successor_id")
                .param("o", oldSplit).query(Long.class).list();
        c1 = parts.get(0);
        c2 = parts.get(1);
        oldWhole = jdbc.sql("""
                        SELECT o.id FROM admin_unit o JOIN unit_succession us ON us.predecessor_id = o.id
                        JOIN admin_unit n ON n.id = us.successor_id AND n.level = 'commune'
                        WHERE o.level = 'commune' AND o.valid_to IS NOT NULL AND n.id NOT IN (:c1, :c2)
                        GROUP BY o.id HAVING count(*) = 1 AND bool_and(n.province_code = :p) ORDER BY o.id LIMIT 1""")
                .param("p", province).param("c1", c1).param("c2", c2).query(Long.class).single();
        c3 = jdbc.sql("SELECT successor_id FROM unit_succession WHERE predecessor_id = :o").param("o", oldWhole)
                .query(Long.class).single();
        c4 = jdbc.sql("""
                        SELECT id FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p
                        AND id NOT IN (:a, :b, :c) ORDER BY area_type = 'urban' DESC, code LIMIT 1""")
                .param("p", province).param("a", c1).param("b", c2).param("c", c3).query(Long.class).single();
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        vA = geography.createVillage(c1, "Báo Cáo A" + tag, "thôn").id();
        vB = geography.createVillage(c2, "Báo Cáo B" + tag, "bản").id();
    }

    /** Writes {@code n} households and their status history. */
    ReportFixture generate(int n) {
        long[] d2021Split = decision(oldSplit, 2021, LocalDate.of(2021, 1, 1), "QD59_2015");
        long[] d2021Whole = decision(oldWhole, 2021, LocalDate.of(2021, 1, 1), "QD59_2015");
        long[] d2024Split = decision(oldSplit, 2024, LocalDate.of(2024, 1, 1), "ND07_2021");
        long[] d2024Whole = decision(oldWhole, 2024, LocalDate.of(2024, 1, 1), "ND07_2021");
        long[] d2025Split = decision(oldSplit, 2025, LocalDate.of(2025, 1, 1), "ND07_2021");
        long[] d2025Whole = decision(oldWhole, 2025, LocalDate.of(2025, 1, 1), "ND07_2021");
        long[][] d2026 = {decision(c1, 2026, LocalDate.of(2026, 1, 1), "ND07_2021"),
                decision(c2, 2026, LocalDate.of(2026, 1, 1), "ND07_2021"),
                decision(c3, 2026, LocalDate.of(2026, 1, 1), "ND07_2021"),
                decision(c4, 2026, LocalDate.of(2026, 1, 1), "ND07_2021")};
        long[] monthly = decision(c4, 2026, LocalDate.of(2026, 6, 15), "ND07_2021");
        long[] revoked = decision(c3, 2026, LocalDate.of(2026, 3, 20), "ND07_2021");
        long[] communes = {c1, c2, c3, c4};
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(4);
            long commune = communes[k];
            Long village = k == 0 && random.nextBoolean() ? Long.valueOf(vA) : k == 1 && random.nextBoolean() ? Long.valueOf(vB) : null;
            String area = pick(new String[] {"urban", "rural", null});
            boolean active = random.nextInt(10) > 0;
            String code = "RP" + System.nanoTime() % 10_000_000 + "-" + i;
            long id = jdbc.sql("""
                            INSERT INTO household (province_code, household_code, commune_id, village_id, area, income_per_capita,
                                housing_quality, floor_area_m2, water_source, toilet, internet_use, life_status)
                            VALUES (:p, :code, :c, :v, :a, 1000000, 'durable', 40, 'piped', 'septic', true, :life)
                            RETURNING id""")
                    .param("p", province).param("code", code).param("c", commune).param("v", village).param("a", area)
                    .param("life", active ? "active" : "dissolved").query(Long.class).single();
            households.add(id);
            if (!active) {
                LocalDate left = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(730));
                jdbc.sql("""
                                INSERT INTO household_event (province_code, household_id, event_type, event_date, recorded_by)
                                VALUES (:p, :h, 'dissolved', :d, 'test')""")
                        .param("p", province).param("h", id).param("d", left).update();
            }
            boolean old = commune != c4 || random.nextInt(8) == 0;
            if (old && random.nextInt(4) > 0) {
                boolean split = commune == c1 || commune == c2 || commune == c4;
                Long oldVillage = split && village != null && random.nextInt(3) > 0 ? village : null;
                status(id, code, split ? d2021Split : d2021Whole, 2021, LocalDate.of(2021, 1, 1), split ? oldSplit : oldWhole,
                        oldVillage, true);
                if (random.nextInt(3) > 0) {
                    status(id, code, split ? d2024Split : d2024Whole, 2024, LocalDate.of(2024, 1, 1),
                            split ? oldSplit : oldWhole, oldVillage, false);
                }
                if (random.nextInt(3) > 0) {
                    status(id, code, split ? d2025Split : d2025Whole, 2025, LocalDate.of(2025, 1, 1),
                            split ? oldSplit : oldWhole, oldVillage, false);
                }
            }
            if (random.nextInt(3) > 0) {
                status(id, code, d2026[k], 2026, LocalDate.of(2026, 1, 1), commune, village, false);
            }
            if (commune == c4 && random.nextInt(4) == 0) {
                status(id, code, monthly, 2026, LocalDate.of(2026, 6, 15), commune, village, false);
            }
            if (commune == c3 && random.nextInt(4) == 0) {
                status(id, code, revoked, 2026, LocalDate.of(2026, 3, 20), commune, village, false);
            }
        }
        jdbc.sql("UPDATE household_status SET revoked = true WHERE decision_id = :d").param("d", revoked[1]).update();
        jdbc.sql("UPDATE review_decision SET revoked_on = DATE '2026-04-01', revoke_reason = 'test' WHERE id = :d")
                .param("d", revoked[1]).update();
        return this;
    }

    /** A round and its decision: {round id, decision id}. */
    long[] decision(long commune, int listYear, LocalDate effective, String standard) {
        boolean periodic = effective.getDayOfYear() == 1;
        int reviewYear = periodic ? listYear - 1 : listYear;
        String p = jdbc.sql("SELECT province_code FROM admin_unit WHERE id = :c").param("c", commune).query(String.class).single();
        Long existing = jdbc.sql("""
                        SELECT id FROM review_round WHERE commune_id = :c AND kind = :k AND review_year = :y
                        AND coalesce(review_month, 0) = :m""")
                .param("c", commune).param("k", periodic ? "periodic" : "monthly").param("y", reviewYear)
                .param("m", periodic ? 0 : effective.getMonthValue()).query(Long.class).optional().orElse(null);
        long round = existing != null ? existing : jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year, standard_code,
                            standard_version, reference_date, opens_on, decision_due, state, created_by)
                        VALUES (:p, :c, :k, :y, :m, :l, :s, 1, :ref, :ref, :ref, 'decided', 'test') RETURNING id""")
                .param("p", p).param("c", commune).param("k", periodic ? "periodic" : "monthly").param("y", reviewYear)
                .param("m", periodic ? null : effective.getMonthValue()).param("l", listYear).param("s", standard)
                .param("ref", periodic ? LocalDate.of(reviewYear, 9, 1) : effective).query(Long.class).single();
        long decision = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :e, :l, 'Chủ tịch', 'test') RETURNING id""")
                .param("r", round).param("p", p).param("c", commune).param("n", (++decisionSerial) + "/QĐ-UBND-" + System.nanoTime())
                .param("d", periodic ? LocalDate.of(reviewYear, 12, 10) : effective).param("e", effective).param("l", listYear)
                .query(Long.class).single();
        return new long[] {round, decision};
    }

    private void status(long household, String code, long[] decision, int listYear, LocalDate effective, long commune,
                        Long village, boolean decision59) {
        int r = random.nextInt(100);
        String status = r < 22 ? "poor" : r < 38 ? "near_poor" : r < 44 ? "average" : "not_poor";
        String kind = decision59 && "poor".equals(status) ? (random.nextBoolean() ? "income_poor" : "deprivation_poor") : null;
        List<String> indicators = decision59 ? QD59 : ND07;
        List<String> deprived = new ArrayList<>();
        for (String ind : indicators) {
            if (random.nextInt(4) == 0) {
                deprived.add(ind);
            }
        }
        List<String> causes = new ArrayList<>();
        if ("poor".equals(status) || "near_poor".equals(status)) {
            for (String c : CAUSES) {
                if (random.nextInt(5) == 0) {
                    causes.add(c);
                }
            }
        }
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id,
                            list_year, effective_from, status, poor_kind, deprivation_count, deprived, standard_code,
                            standard_version, household_code, head_name, members, area, ethnic_minority, social_protection,
                            merit, causes)
                        VALUES (:p, :h, :c, :v, :d, :r, :l, :e, :s, :k, :n, CAST(:dep AS text[]), :std, 1, :code, 'Nguyễn Văn A', 3,
                                :area, :em, :sp, :merit, CAST(:causes AS text[]))""")
                .param("p", province).param("h", household).param("c", commune).param("v", village)
                .param("d", decision[1]).param("r", decision[0]).param("l", listYear).param("e", effective)
                .param("s", status).param("k", kind).param("n", deprived.size()).param("dep", array(deprived))
                .param("std", decision59 ? "QD59_2015" : "ND07_2021").param("code", code)
                .param("area", random.nextBoolean() ? "urban" : "rural").param("em", random.nextInt(3) == 0)
                .param("sp", random.nextInt(5) == 0).param("merit", random.nextInt(7) == 0)
                .param("causes", array(causes)).update();
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
