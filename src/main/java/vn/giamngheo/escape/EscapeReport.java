package vn.giamngheo.escape;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Registrations against escapes by unit for a list year: one row per village (households without a village in a
 * row of their own), one per commune and one for the whole area. Withdrawn registrations are counted apart and
 * left out of the other figures.
 */
@Component
class EscapeReport {

    private final JdbcClient jdbc;

    EscapeReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UnitRow> byUnit(int listYear, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(PovertyStatus.sql("""
                        SELECT CASE WHEN GROUPING(c.id) = 1 THEN 'total' WHEN GROUPING(v.id) = 1 THEN 'commune' ELSE 'village' END AS level,
                               c.code AS commune_code, c.full_name AS commune_name, v.code AS village_code, v.name AS village_name,
                               count(*) FILTER (WHERE r.outcome <> 'withdrawn') AS registered,
                               count(*) FILTER (WHERE r.outcome <> 'withdrawn' AND r.registered_status = {poor}) AS registered_poor,
                               count(*) FILTER (WHERE r.outcome <> 'withdrawn' AND r.registered_status = {near_poor}) AS registered_near_poor,
                               count(*) FILTER (WHERE r.outcome <> 'withdrawn' AND r.expected_to_escape) AS expected,
                               count(*) FILTER (WHERE r.outcome = 'open') AS open,
                               count(*) FILTER (WHERE r.outcome = 'escaped') AS escaped,
                               count(*) FILTER (WHERE r.outcome = 'escaped' AND r.registered_status = {poor}) AS escaped_poor,
                               count(*) FILTER (WHERE r.outcome = 'escaped' AND r.registered_status = {near_poor}) AS escaped_near_poor,
                               count(*) FILTER (WHERE r.outcome = 'escaped' AND r.expected_to_escape) AS escaped_expected,
                               count(*) FILTER (WHERE r.outcome = 'not_escaped') AS not_escaped,
                               count(*) FILTER (WHERE r.outcome = 'withdrawn') AS withdrawn
                        FROM escape_registration r
                        JOIN admin_unit c ON c.id = r.commune_id
                        LEFT JOIN admin_unit v ON v.id = r.village_id
                        WHERE\s""" + area.on("r", "c") + """

                          AND r.list_year = :year
                        GROUP BY GROUPING SETS ((c.id, c.code, c.full_name), (c.id, c.code, c.full_name, v.id, v.code, v.name), ())
                        ORDER BY GROUPING(c.id), c.code, GROUPING(v.id) DESC, v.name NULLS FIRST""")))
                .param("year", listYear)
                .query((rs, i) -> new UnitRow(rs.getString("level"), rs.getString("commune_code"), rs.getString("commune_name"),
                        rs.getString("village_code"), rs.getString("village_name"), rs.getInt("registered"),
                        rs.getInt("registered_poor"), rs.getInt("registered_near_poor"), rs.getInt("expected"),
                        rs.getInt("open"), rs.getInt("escaped"), rs.getInt("escaped_poor"), rs.getInt("escaped_near_poor"),
                        rs.getInt("escaped_expected"), rs.getInt("not_escaped"), rs.getInt("withdrawn")))
                .list();
    }

    /** List years with registrations in the area, newest first. */
    List<Integer> years(AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("""
                        SELECT DISTINCT r.list_year FROM escape_registration r JOIN admin_unit c ON c.id = r.commune_id
                        WHERE\s""" + area.on("r", "c") + " ORDER BY 1 DESC"))
                .query(Integer.class).list();
    }

    /**
     * One unit's figures.
     *
     * @param level   {@code total}, {@code commune} or {@code village} (a village row without a village name holds
     *                the commune's households that have none)
     * @param expected registrations the commune expects to escape
     */
    record UnitRow(String level, String communeCode, String communeName, String villageCode, String villageName,
                   int registered, int registeredPoor, int registeredNearPoor, int expected, int open, int escaped,
                   int escapedPoor, int escapedNearPoor, int escapedExpected, int notEscaped, int withdrawn) {

        /** Escaped among the closed registrations, in per cent with one decimal; null when none is closed. */
        public Double escapeRate() {
            int closed = escaped + notEscaped;
            return closed == 0 ? null : Math.round(escaped * 1000.0 / closed) / 10.0;
        }
    }
}
