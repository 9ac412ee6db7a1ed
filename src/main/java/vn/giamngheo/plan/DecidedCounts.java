package vn.giamngheo.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Counts from the decided lists (household_status) and the registry, per commune of a unit's subtree. A
 * household's status on a date is its latest non-revoked row with effective_from on or before the date
 * (in the commune of that row); households are the active households of the registry today.
 */
@Component
class DecidedCounts {

    /** The counts of one commune (or of a unit, summed). */
    public record Counts(int households, int poor, int poorSocialProtection, int nearPoor) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(households + o.households, poor + o.poor, poorSocialProtection + o.poorSocialProtection,
                    nearPoor + o.nearPoor);
        }
    }

    private final JdbcClient jdbc;

    DecidedCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit's counts on the day. */
    Counts of(PlanUnits.Unit unit, LocalDate on) {
        return byCommune(unit, on).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** The counts of every commune of the unit's subtree with households or listed households, by commune id. */
    Map<Long, Counts> byCommune(PlanUnits.Unit unit, LocalDate on) {
        Map<Long, Counts> counts = new HashMap<>();
        unit.area().bind(jdbc.sql(PovertyStatus.sql("""
                        SELECT s.commune_id,
                               count(*) FILTER (WHERE s.status = {poor}) AS poor,
                               count(*) FILTER (WHERE s.status = {poor} AND s.social_protection) AS poor_sp,
                               count(*) FILTER (WHERE s.status = {near_poor}) AS near_poor
                        FROM status_in_force(:pc, :on) s
                        JOIN admin_unit c ON c.id = s.commune_id
                        WHERE\s""" + unit.area().on("c") + """

                        GROUP BY s.commune_id""")))
                .param("pc", unit.provinceCode()).param("on", on)
                .query((rs, n) -> counts.put(rs.getLong("commune_id"),
                        new Counts(0, rs.getInt("poor"), rs.getInt("poor_sp"), rs.getInt("near_poor"))))
                .list();
        unit.area().bind(jdbc.sql("""
                        SELECT h.commune_id, count(*) AS households
                        FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.life_status = 'active' AND\s""" + unit.area().on("h", "c") + """

                        GROUP BY h.commune_id"""))
                .query((rs, n) -> counts.merge(rs.getLong("commune_id"), new Counts(rs.getInt("households"), 0, 0, 0), Counts::plus))
                .list();
        return counts;
    }

    /** Poor households of the unit on the day. */
    int poor(PlanUnits.Unit unit, LocalDate on) {
        return of(unit, on).poor();
    }
}
