package vn.giamngheo.status;

import vn.giamngheo.status.rules.PovertyStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read model of the decided lists: a household's status in force on a day, the list of a commune on a day,
 * and a household's history. In force on a day D = the latest non-revoked row with {@code effective_from <= D};
 * ties: the later decision date, then the later row (V36, {@code status_in_force}). Set-based queries of other
 * packages use the SQL functions {@code status_in_force(:province, :day)}, {@code status_in_force_in(ARRAY[...],
 * :day)}, {@code status_in_force_all(:day)}, {@code status_of(:province, :household, :day)} and the view
 * {@code decided_status} (the non-revoked rows with their decision date); this class and those are the only readers
 * of the table. Callers check the user's area before asking (the kernel knows provinces and ids only).
 */
@Service
public class DecidedLists {

    private final JdbcClient jdbc;

    DecidedLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The status in force for a household on a day (none when it was never decided by then). */
    public Optional<PovertyStatus> statusOn(String provinceCode, long householdId, LocalDate day) {
        return inForce(provinceCode, householdId, day).map(InForce::status);
    }

    /** The household's row in force on the day (none when it was never decided by then). */
    public Optional<InForce> inForce(String provinceCode, long householdId, LocalDate day) {
        return jdbc.sql("SELECT * FROM status_of(:p, :h, :d)")
                .param("p", provinceCode).param("h", householdId).param("d", day)
                .query(DecidedLists::inForce).optional();
    }

    /** The households a commune's decisions listed, as in force on the day (every status), by household id. */
    public List<InForce> listOf(String provinceCode, long communeId, LocalDate day) {
        return jdbc.sql("SELECT * FROM status_in_force(:p, :d) WHERE commune_id = :c ORDER BY household_id")
                .param("p", provinceCode).param("d", day).param("c", communeId)
                .query(DecidedLists::inForce).list();
    }

    /** Every decided row of the household, revoked ones included, the latest first. */
    public List<StatusRecord> history(String provinceCode, long householdId) {
        return jdbc.sql("""
                        SELECT s.*, d.number, d.decided_on, c.name AS commune_name
                        FROM household_status s JOIN review_decision d ON d.id = s.decision_id
                        JOIN admin_unit c ON c.id = s.commune_id
                        WHERE s.province_code = :p AND s.household_id = :h
                        ORDER BY s.effective_from DESC, d.decided_on DESC, s.id DESC""")
                .param("p", provinceCode).param("h", householdId)
                .query((rs, n) -> new StatusRecord(rs.getLong("decision_id"), rs.getString("number"),
                        rs.getDate("decided_on").toLocalDate(), rs.getDate("effective_from").toLocalDate(),
                        rs.getInt("list_year"), rs.getString("commune_name"), PovertyStatus.ofCode(rs.getString("status")),
                        PovertyStatus.ofCode(rs.getString("previous_status")), rs.getString("certificate_no"),
                        rs.getString("standard_code"), rs.getBoolean("revoked"), rs.getLong("round_id")))
                .list();
    }

    private static InForce inForce(ResultSet rs, int n) throws SQLException {
        return new InForce(rs.getLong("household_id"), PovertyStatus.ofCode(rs.getString("status")),
                rs.getLong("decision_id"), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class), rs.getLong("commune_id"), rs.getObject("village_id", Long.class));
    }
}
