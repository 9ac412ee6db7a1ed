package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;

/** The decided status of households: the history of one household, and the status in force on a day. */
@Service
public class DecidedStatuses {

    private final HouseholdRegistry registry;
    private final JdbcClient jdbc;

    DecidedStatuses(HouseholdRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    public List<DecidedStatus> history(long householdId, CurrentUser user) {
        Household h = registry.get(householdId, user);
        return jdbc.sql("""
                        SELECT s.*, d.number, d.decided_on, c.name AS commune_name
                        FROM household_status s JOIN review_decision d ON d.id = s.decision_id
                        JOIN admin_unit c ON c.id = s.commune_id
                        WHERE s.province_code = :p AND s.household_id = :h ORDER BY s.effective_from DESC, s.id DESC""")
                .param("p", h.provinceCode()).param("h", h.id())
                .query((rs, n) -> new DecidedStatus(rs.getLong("decision_id"), rs.getString("number"),
                        rs.getDate("decided_on").toLocalDate(), rs.getDate("effective_from").toLocalDate(),
                        rs.getInt("list_year"), rs.getString("commune_name"), rs.getString("status"),
                        rs.getString("previous_status"), rs.getString("certificate_no"), rs.getString("standard_code"),
                        rs.getBoolean("revoked"), rs.getLong("round_id")))
                .list();
    }

    /** The status in force for a household on a day (none when it was never decided). */
    public Optional<String> statusOn(String provinceCode, long householdId, LocalDate day) {
        return jdbc.sql("""
                        SELECT status FROM household_status WHERE province_code = :p AND household_id = :h AND NOT revoked
                        AND effective_from <= :d ORDER BY effective_from DESC, id DESC LIMIT 1""")
                .param("p", provinceCode).param("h", householdId).param("d", day).query(String.class).optional();
    }
}
