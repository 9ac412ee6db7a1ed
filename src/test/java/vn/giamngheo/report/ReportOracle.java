package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.report.rules.Counts;

/**
 * Independent counts for the report tests, written another way than {@link ReportData} and the rules: one
 * correlated sub-query per household for its status in force, the crosswalk applied in SQL, urban and rural
 * decided in SQL. Only for a province of today's map (every household of its partition lies in it).
 */
final class ReportOracle {

    /** Households of a province partition with their status in force and their commune on today's map (null: unplaced). */
    static final String TARGET = """
            WITH hh AS (
                SELECT h.id, h.commune_id AS reg,
                       coalesce(s.commune_id, h.commune_id) AS rec,
                       CASE WHEN s.id IS NULL THEN h.village_id ELSE s.village_id END AS rec_village,
                       CASE WHEN s.id IS NULL THEN h.area ELSE s.area END AS rec_area,
                       s.status, s.poor_kind, s.ethnic_minority AS em, s.social_protection AS sp, s.merit,
                       s.deprived, s.causes
                  FROM household h
                  LEFT JOIN LATERAL (SELECT * FROM household_status x
                                      WHERE x.province_code = h.province_code AND x.household_id = h.id
                                        AND x.revoked = false AND x.effective_from <= :d
                                      ORDER BY x.effective_from DESC, x.id DESC LIMIT 1) s ON true
                 WHERE h.province_code = :p
                   AND (h.life_status = 'active' OR EXISTS (SELECT 1 FROM household_event e WHERE e.household_id = h.id
                        AND e.event_type IN ('moved', 'merged_into', 'dissolved') AND e.event_date > :d))
            ), target AS (
                SELECT hh.*, CASE
                    WHEN rc.valid_to IS NULL THEN hh.rec
                    WHEN (SELECT count(*) FROM unit_succession u JOIN admin_unit n ON n.id = u.successor_id
                           WHERE u.predecessor_id = hh.rec AND n.level = 'commune') = 1
                        THEN (SELECT u.successor_id FROM unit_succession u JOIN admin_unit n ON n.id = u.successor_id
                               WHERE u.predecessor_id = hh.rec AND n.level = 'commune')
                    WHEN EXISTS (SELECT 1 FROM unit_succession u JOIN admin_unit v ON v.parent_id = u.successor_id
                                  WHERE u.predecessor_id = hh.rec AND v.id = hh.rec_village)
                        THEN (SELECT parent_id FROM admin_unit WHERE id = hh.rec_village)
                    WHEN EXISTS (SELECT 1 FROM unit_succession u WHERE u.predecessor_id = hh.rec AND u.successor_id = hh.reg)
                        THEN hh.reg
                    END AS commune
                  FROM hh JOIN admin_unit rc ON rc.id = hh.rec
            )
            """;

    private final JdbcClient jdbc;

    ReportOracle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts by commune of today's map (key null: unplaced) and area ("urban"/"rural"). */
    Map<Long, Map<String, Counts>> byCommune(String province, LocalDate date) {
        Map<Long, Map<String, Counts>> out = new HashMap<>();
        jdbc.sql(TARGET + """
                        SELECT t.commune,
                               CASE WHEN coalesce(t.rec_area, tc.area_type) = 'urban' THEN 'urban' ELSE 'rural' END AS area,
                               count(*) AS households,
                               sum(CASE WHEN status = 'poor' THEN 1 ELSE 0 END) AS poor,
                               sum(CASE WHEN status = 'near_poor' THEN 1 ELSE 0 END) AS near_poor,
                               sum(CASE WHEN status = 'poor' AND em THEN 1 ELSE 0 END) AS poor_em,
                               sum(CASE WHEN status = 'poor' AND sp THEN 1 ELSE 0 END) AS poor_sp,
                               sum(CASE WHEN status = 'poor' AND merit THEN 1 ELSE 0 END) AS poor_merit,
                               sum(CASE WHEN status = 'near_poor' AND em THEN 1 ELSE 0 END) AS near_em,
                               sum(CASE WHEN status = 'near_poor' AND sp THEN 1 ELSE 0 END) AS near_sp,
                               sum(CASE WHEN status = 'near_poor' AND merit THEN 1 ELSE 0 END) AS near_merit,
                               sum(CASE WHEN status = 'poor' AND poor_kind = 'income_poor' THEN 1 ELSE 0 END) AS pi,
                               sum(CASE WHEN status = 'poor' AND poor_kind = 'deprivation_poor' THEN 1 ELSE 0 END) AS pd
                          FROM target t JOIN admin_unit tc ON tc.id = coalesce(t.commune, t.rec)
                         GROUP BY 1, 2""")
                .param("p", province).param("d", date)
                .query((rs, i) -> {
                    Long commune = rs.getObject("commune") == null ? null : rs.getLong("commune");
                    out.computeIfAbsent(commune, k -> new HashMap<>()).put(rs.getString("area"),
                            new Counts(rs.getLong("households"), rs.getLong("poor"), rs.getLong("near_poor"),
                                    rs.getLong("poor_em"), rs.getLong("poor_sp"), rs.getLong("poor_merit"),
                                    rs.getLong("near_em"), rs.getLong("near_sp"), rs.getLong("near_merit"),
                                    rs.getLong("pi"), rs.getLong("pd")));
                    return null;
                }).list();
        return out;
    }

    /** Poor or near-poor households of the province per code of {@code column} (deprived or causes). */
    Map<String, Long> perCode(String province, LocalDate date, String status, String column) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql(TARGET + "SELECT x AS code, count(DISTINCT t.id) AS n FROM target t, unnest(t." + column
                        + ") AS x WHERE t.status = :s GROUP BY 1")
                .param("p", province).param("d", date).param("s", status)
                .query((rs, i) -> out.put(rs.getString("code"), rs.getLong("n"))).list();
        return out;
    }

    /** Poor or near-poor households deprived on at least one of the given indicators. */
    long anyOf(String province, LocalDate date, String status, List<String> indicators) {
        return jdbc.sql(TARGET + "SELECT count(*) FROM target t WHERE t.status = :s AND t.deprived && CAST(:ind AS text[])")
                .param("p", province).param("d", date).param("s", status).param("ind", "{" + String.join(",", indicators) + "}")
                .query(Long.class).single();
    }

    /** Communes of today's map (with households) per band of poverty rate (bounds in per cent, increasing). */
    Map<Integer, Long> bands(String province, LocalDate date, int... bounds) {
        StringBuilder band = new StringBuilder("CASE");
        for (int i = 0; i < bounds.length; i++) {
            band.append(" WHEN rate < ").append(bounds[i]).append(" THEN ").append(i);
        }
        band.append(" ELSE ").append(bounds.length).append(" END");
        Map<Integer, Long> out = new HashMap<>();
        jdbc.sql(TARGET + """
                        , rates AS (SELECT commune, 100.0 * sum(CASE WHEN status = 'poor' THEN 1 ELSE 0 END) / count(*) AS rate
                                      FROM target WHERE commune IS NOT NULL GROUP BY commune)
                        SELECT BAND AS band, count(*) AS n FROM rates GROUP BY 1""".replace("BAND", band))
                .param("p", province).param("d", date)
                .query((rs, i) -> out.put(rs.getInt("band"), rs.getLong("n"))).list();
        return out;
    }
}
