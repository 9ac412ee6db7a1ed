package vn.giamngheo.escape;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.security.AccessScope;

/**
 * The escape registrations of a unit (province or commune, with everything under it) for the periodic decision of a
 * list year, for other modules (the plan page): registered, expected to escape, and how those closed turned out.
 * The caller has already checked that the user may see the unit.
 */
@Component
public class EscapeTotals {

    private final JdbcClient jdbc;
    private final EscapeReport report;

    EscapeTotals(JdbcClient jdbc, EscapeReport report) {
        this.jdbc = jdbc;
        this.report = report;
    }

    /**
     * @param registered withdrawn registrations left out
     * @param expected   registrations the commune expects to escape
     */
    public record Totals(int listYear, int registered, int registeredPoor, int registeredNearPoor, int expected, int open,
                         int escaped, int notEscaped, int withdrawn) {

        static Totals none(int listYear) {
            return new Totals(listYear, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** The registrations to escape at the decision of {@code listYear} in the unit and everything under it. */
    public Totals ofUnit(long unitId, int listYear) {
        AccessScope unit = jdbc.sql("SELECT id, path, province_code FROM admin_unit WHERE id = :id").param("id", unitId)
                .query((rs, i) -> new AccessScope(rs.getLong("id"), rs.getString("path"), rs.getString("province_code")))
                .optional().orElseThrow(() -> new EscapeNotFoundException("unit", unitId));
        return report.byUnit(listYear, unit).stream().filter(r -> "total".equals(r.level())).findFirst()
                .map(r -> new Totals(listYear, r.registered(), r.registeredPoor(), r.registeredNearPoor(), r.expected(),
                        r.open(), r.escaped(), r.notEscaped(), r.withdrawn()))
                .orElse(Totals.none(listYear));
    }
}
