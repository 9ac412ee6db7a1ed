package vn.giamngheo.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of reads of personal data ({@code personal_data_read}, V33): one row per request of a route of
 * {@link PersonalDataRoutes}, append-only, partitioned by month. Administrators browse it at {@code /audit/reads}.
 */
@Repository
public class PersonalDataReads {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MAX_PATH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The month whose partition is known to exist (checked once a month, not on every read). */
    private final AtomicReference<YearMonth> partitioned = new AtomicReference<>();

    PersonalDataReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One read: who (the current user), which route and path, which household and round if named, the status. */
    public void record(String role, String route, String path, Long householdId, Long roundId, int status) {
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(VIETNAM)));
        if (!month.equals(partitioned.get())) {
            jdbc.sql("SELECT personal_data_read_partition(:day)").param("day", month.atDay(1)).query(String.class).single();
            partitioned.set(month);
        }
        jdbc.sql("""
                        INSERT INTO personal_data_read (username, role, route, path, household_id, round_id, status)
                        VALUES (:username, :role, :route, :path, :household, :round, :status)""")
                .param("username", ActorTaggingDataSource.currentActor())
                .param("role", role)
                .param("route", route)
                .param("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path)
                .param("household", householdId)
                .param("round", roundId)
                .param("status", status)
                .update();
    }

    /** A read as the administrators' page shows it. */
    public record Read(long id, java.time.OffsetDateTime at, String username, String role, String route, String path,
                       Long householdId, Long roundId, int status) {
    }

    /** Filters of the page; empty or null means "any"; {@code from}/{@code to} are days (inclusive). */
    public record ReadQuery(String username, Long householdId, LocalDate from, LocalDate to, int page, int pageSize) {
        public ReadQuery {
            username = username == null ? "" : username.trim();
            page = Math.max(page, 0);
            pageSize = Math.min(Math.max(pageSize, 1), 500);
        }
    }

    /** A page of reads, newest first. */
    public List<Read> search(ReadQuery q) {
        return jdbc.sql("""
                        SELECT id, at, username, role, route, path, household_id, round_id, status
                        FROM personal_data_read
                        WHERE (:username = '' OR username = :username)
                          AND (CAST(:household AS bigint) IS NULL OR household_id = :household)
                          AND (CAST(:from AS date) IS NULL OR at >= CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                          AND (CAST(:to AS date) IS NULL OR at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                        ORDER BY at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("username", q.username())
                .param("household", q.householdId())
                .param("from", q.from())
                .param("to", q.to())
                .param("limit", q.pageSize())
                .param("offset", q.page() * q.pageSize())
                .query((rs, n) -> new Read(rs.getLong("id"),
                        rs.getTimestamp("at").toInstant().atZone(VIETNAM).toOffsetDateTime(), rs.getString("username"),
                        rs.getString("role"), rs.getString("route"), rs.getString("path"),
                        (Long) rs.getObject("household_id"), (Long) rs.getObject("round_id"), rs.getInt("status")))
                .list();
    }
}
