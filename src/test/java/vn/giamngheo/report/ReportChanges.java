package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeded random changes of every kind the report aggregates follow, written with plain SQL on the fixture's
 * province (run each in a transaction): decisions over several years, revocations, edits of place and area,
 * dissolutions, moves (also to {@code other} province, keeping the id), merges, new and deleted households,
 * deleted events, one statement changing many households. Shared by the aggregates' and the cache's tests.
 */
final class ReportChanges {

    static final int KINDS = 11;

    final JdbcClient jdbc;
    final ReportFixture data;
    final String province;
    final String other;
    final long otherCommune;
    final Random random;
    final List<long[]> decisions = new ArrayList<>();

    ReportChanges(JdbcClient jdbc, ReportFixture data, String other, Random random) {
        this.jdbc = jdbc;
        this.data = data;
        this.province = data.province;
        this.other = other;
        this.random = random;
        otherCommune = jdbc.sql("""
                        SELECT id FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p
                        ORDER BY code LIMIT 1""").param("p", other).query(Long.class).single();
    }

    /** One change of the given kind (0 to {@link #KINDS} - 1) on a random household; says what it did. */
    String change(int kind) {
        List<Long> ids = jdbc.sql("SELECT id FROM household WHERE province_code = :p ORDER BY id").param("p", province)
                .query(Long.class).list();
        long h = ids.get(random.nextInt(ids.size()));
        long[] communes = {data.c1, data.c2, data.c3, data.c4};
        switch (kind) {
            case 0, 1 -> {
                // a decision on a few households, effective on a random day of a year from 2019 to 2028
                long commune = communes[random.nextInt(4)];
                int year = 2019 + random.nextInt(10);
                LocalDate effective = random.nextBoolean() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
                List<Long> chosen = new ArrayList<>();
                int n = 1 + random.nextInt(12);
                for (int i = 0; i < n; i++) {
                    chosen.add(ids.get(random.nextInt(ids.size())));
                }
                long[] d = decision(commune, year, effective);
                decisions.add(d);
                Long village = commune == data.c1 && random.nextBoolean() ? Long.valueOf(data.vA) : null;
                status(chosen.stream().distinct().toList(), d, effective, commune, village);
                return "decision of " + effective + " on " + chosen.size() + " households";
            }
            case 2 -> {
                List<Long> ds = jdbc.sql("""
                                SELECT DISTINCT decision_id FROM household_status WHERE province_code = :p AND NOT revoked
                                ORDER BY 1""").param("p", province).query(Long.class).list();
                long d = ds.get(random.nextInt(ds.size()));
                jdbc.sql("UPDATE household_status SET revoked = true WHERE province_code = :p AND decision_id = :d")
                        .param("p", province).param("d", d).update();
                return "revoked decision " + d;
            }
            case 3 -> {
                long commune = communes[random.nextInt(4)];
                Long village = commune == data.c2 && random.nextBoolean() ? Long.valueOf(data.vB) : null;
                String area = new String[] {"urban", "rural", null}[random.nextInt(3)];
                jdbc.sql("UPDATE household SET commune_id = :c, village_id = :v, area = :a WHERE province_code = :p AND id = :h")
                        .param("c", commune).param("v", village).param("a", area).param("p", province).param("h", h).update();
                return "household " + h + " to commune " + commune + ", village " + village + ", area " + area;
            }
            case 4 -> {
                String[] types = {"dissolved", "merged_into", "moved"};
                String type = types[random.nextInt(3)];
                LocalDate date = LocalDate.of(2019 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                jdbc.sql("UPDATE household SET life_status = :s WHERE province_code = :p AND id = :h")
                        .param("s", type.equals("dissolved") ? "dissolved" : type.equals("moved") ? "moved_away" : "merged")
                        .param("p", province).param("h", h).update();
                event(province, h, type, date);
                return type + " " + h + " on " + date;
            }
            case 5 -> {
                // moves to another province: copied there with its id (the register's way), an event left behind
                LocalDate date = LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
                Map<String, Object> row = jdbc.sql("SELECT household_code FROM household WHERE province_code = :p AND id = :h")
                        .param("p", province).param("h", h).query().singleRow();
                jdbc.sql("DELETE FROM household WHERE province_code = :p AND id = :h").param("p", province).param("h", h).update();
                jdbc.sql("""
                                INSERT INTO household (id, province_code, household_code, commune_id, area, income_per_capita,
                                    housing_quality, floor_area_m2, water_source, toilet, internet_use)
                                VALUES (:h, :p, :code, :c, 'rural', 1000000, 'durable', 40, 'piped', 'septic', true)""")
                        .param("h", h).param("p", other).param("code", row.get("household_code") + "-" + System.nanoTime() % 100000)
                        .param("c", otherCommune).update();
                event(province, h, "moved", date);
                return "moved " + h + " to province " + other + " on " + date;
            }
            case 6 -> {
                long commune = communes[random.nextInt(4)];
                long id = household(commune, commune == data.c1 && random.nextBoolean() ? data.vA : null,
                        new String[] {"urban", "rural", null}[random.nextInt(3)]);
                return "new household " + id;
            }
            case 7 -> {
                jdbc.sql("DELETE FROM household WHERE province_code = :p AND id = :h").param("p", province).param("h", h).update();
                return "deleted household " + h;
            }
            case 8 -> {
                List<Long> events = jdbc.sql("SELECT id FROM household_event WHERE province_code = :p ORDER BY id")
                        .param("p", province).query(Long.class).list();
                if (events.isEmpty()) {
                    return "no event to delete";
                }
                long e = events.get(random.nextInt(events.size()));
                jdbc.sql("DELETE FROM household_event WHERE id = :e").param("e", e).update();
                jdbc.sql("""
                                UPDATE household h SET life_status = 'active' WHERE province_code = :p AND life_status <> 'active'
                                AND NOT EXISTS (SELECT 1 FROM household_event x WHERE x.household_id = h.id
                                                AND x.province_code = h.province_code)
                                AND id % 2 = 0""").param("p", province).update();
                return "deleted event " + e;
            }
            case 9 -> {
                // one statement changing many households (row triggers, many times in one statement)
                int updated = jdbc.sql("""
                                UPDATE household SET area = CASE WHEN area = 'urban' THEN 'rural' ELSE 'urban' END
                                WHERE province_code = :p AND id % 7 = :r""").param("p", province).param("r", random.nextInt(7)).update();
                return "area flipped on " + updated + " households";
            }
            default -> {
                // a decision on every household of a commune and a second, later one in the same year
                long commune = communes[random.nextInt(4)];
                int year = 2020 + random.nextInt(8);
                List<Long> inCommune = jdbc.sql("SELECT id FROM household WHERE province_code = :p AND commune_id = :c")
                        .param("p", province).param("c", commune).query(Long.class).list();
                status(inCommune, decision(commune, year, LocalDate.of(year, 1, 1)), LocalDate.of(year, 1, 1), commune, null);
                status(inCommune.subList(0, inCommune.size() / 2), decision(commune, year, LocalDate.of(year, 7, 1)),
                        LocalDate.of(year, 7, 1), commune, null);
                return "two decisions of " + year + " on commune " + commune + " (" + inCommune.size() + " households)";
            }
        }
    }

    long[] decision(long commune, int year, LocalDate effective) {
        return data.decision(commune, year, effective, "ND07_2021");
    }

    long household(long commune, Long village, String area) {
        return jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, village_id, area, income_per_capita,
                            housing_quality, floor_area_m2, water_source, toilet, internet_use)
                        VALUES (:p, :code, :c, :v, :a, 1000000, 'durable', 40, 'piped', 'septic', true) RETURNING id""")
                .param("p", province).param("code", "AG" + System.nanoTime() % 100_000_000).param("c", commune)
                .param("v", village).param("a", area).query(Long.class).single();
    }

    void event(String province, long h, String type, LocalDate date) {
        jdbc.sql("""
                        INSERT INTO household_event (province_code, household_id, event_type, event_date, recorded_by)
                        VALUES (:p, :h, :t, :d, 'test')""").param("p", province).param("h", h).param("t", type).param("d", date).update();
    }

    /** One INSERT … SELECT for all the households (the statement-level trigger sees them together). */
    void status(List<Long> households, long[] decision, LocalDate effective, long commune, Long village) {
        if (households.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id,
                            list_year, effective_from, status, poor_kind, deprivation_count, deprived, standard_code,
                            standard_version, household_code, head_name, members, area, ethnic_minority, social_protection,
                            merit, causes)
                        SELECT :p, h, :c, :v, :d, :r, :y, :e,
                               (ARRAY['poor', 'near_poor', 'average', 'not_poor'])[1 + (h * 7 + :salt) % 4],
                               CASE WHEN (h + :salt) % 3 = 0 THEN 'income_poor' WHEN (h + :salt) % 3 = 1 THEN 'deprivation_poor' END,
                               0,
                               CASE (h + :salt) % 4 WHEN 0 THEN ARRAY['employment', 'nutrition'] WHEN 1 THEN ARRAY['housing_area']
                                    WHEN 2 THEN ARRAY['nutrition', 'employment'] ELSE CAST('{}' AS text[]) END,
                               'ND07_2021', 1, 'X' || h, 'Nguyễn Văn B', 3,
                               CASE WHEN (h + :salt) % 2 = 0 THEN 'urban' ELSE 'rural' END,
                               (h + :salt) % 3 = 0, (h + :salt) % 5 = 0, (h + :salt) % 2 = 1,
                               CASE (h + :salt) % 3 WHEN 0 THEN ARRAY['lack_capital', 'illness', 'lack_capital']
                                    WHEN 1 THEN ARRAY['no_job'] ELSE CAST('{}' AS text[]) END
                          FROM unnest(CAST(:ids AS bigint[])) AS h""")
                .param("p", province).param("c", commune).param("v", village).param("d", decision[1]).param("r", decision[0])
                .param("y", effective.getYear()).param("e", effective).param("salt", random.nextInt(1000))
                .param("ids", households.toArray(new Long[0])).update();
    }
}
