package vn.giamngheo.programme;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The version of a grid saved whole — a unit's budget lines or indicator targets of one year: a checksum of its rows
 * as they are now. A page or API client sends back the version it read; a grid changed since (a row added, changed
 * or removed by someone else) is refused, nothing is stored, instead of one save silently overwriting the other.
 */
public enum GridVersion {
    BUDGET_LINES("budget_line", 1),
    INDICATOR_TARGETS("monitoring_target", 2);

    private final String table;
    private final int lockClass;

    GridVersion(String table, int lockClass) {
        this.table = table;
        this.lockClass = lockClass;
    }

    /** The grid's version now. */
    public String of(JdbcClient jdbc, long unitId, int year) {
        return jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM " + table
                        + " t WHERE t.unit_id = :u AND t.year = :y")
                .param("u", unitId).param("y", year).query(String.class).single();
    }

    /**
     * In the caller's transaction: holds the grid against other saves until the transaction ends, then refuses a
     * missing version or one other than the grid's now.
     */
    public void check(JdbcClient jdbc, long unitId, int year, String version) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:k, :u)").param("k", lockClass * 10_000 + year % 10_000)
                .param("u", (int) (unitId % Integer.MAX_VALUE)).query().listOfRows();
        String now = of(jdbc, unitId, year);
        String sent = version == null ? null : version.strip().replace("\"", "");
        if (sent == null || sent.isEmpty()) {
            throw new InvalidProgrammeException(List.of(ProgrammeProblem.of("version", "programme.problem.version-required")));
        }
        if (!sent.equals(now)) {
            throw new InvalidProgrammeException(List.of(ProgrammeProblem.of("version", "programme.problem.stale")));
        }
    }
}
