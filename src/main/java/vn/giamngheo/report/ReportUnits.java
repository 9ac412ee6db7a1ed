package vn.giamngheo.report;

import vn.giamngheo.system.ReportCatchUp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;

/**
 * Every administrative unit of every era and the crosswalk, held in memory and read again whenever the
 * catalogue changed (a village added, a unit reclassified or edited): a cheap fingerprint query decides. The same
 * map instance is returned until then (the report cache keys on it).
 */
@Component
class ReportUnits {

    /**
     * The catalogue's fingerprint: the sum of the counters every statement writing {@code admin_unit},
     * {@code admin_unit_change} or {@code unit_succession} bumps (V25; it grows with every committed change, edits
     * in place included), and the greatest unit id (an index lookup) besides. Both cost next to nothing, unlike
     * counting the catalogue's rows, which the reports did before on every call.
     */
    private static final String PRINT = """
            (SELECT sum(version) FROM report_unit_version) || '/' || (SELECT coalesce(max(id), 0) FROM admin_unit)
                || '/' || """ + ReportUnits.EPOCH;

    /**
     * The database's epoch: its server's start time and the identities of the version tables. Counters that went
     * back (a failover to a standby behind the primary, a point-in-time recovery, the tables made again) come with
     * another epoch, so they cannot be taken for an earlier state with the same sums.
     */
    static final String EPOCH = """
            (pg_postmaster_start_time() || '/' || CAST(CAST('report_version' AS regclass) AS oid) || '/'
                || CAST(CAST('report_unit_version' AS regclass) AS oid))""";

    private final JdbcClient jdbc;
    private final ReportCatchUp catchUp;
    private volatile Snapshot snapshot;

    ReportUnits(JdbcClient jdbc, ReportCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /**
     * What a report is computed from, read in one statement: the current map, the version key of the aggregates of
     * the provinces (null: the whole country; V25, {@link ReportCache}) and whether the current transaction has
     * written anything (its own uncommitted changes are in what it reads, so nothing it computes may be cached).
     */
    record Reading(UnitMap map, ReportCache.Version version, boolean writing) {
    }

    UnitMap map() {
        return current(jdbc.sql("SELECT " + PRINT).query(String.class).single());
    }

    /**
     * The map and the version key of the provinces (null: every province), see {@link Reading}; the provinces' pending
     * decisions are counted first (V74), so that the key is the one of the aggregates that count them.
     */
    Reading read(Collection<String> provinces) {
        catchUp.beforeRead(provinces);
        String where = provinces == null ? "" : provinces.isEmpty() ? " WHERE false" : " WHERE province_code IN (:provinces)";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + PRINT + " AS print, " + EPOCH + " AS epoch,"
                + " (SELECT coalesce(sum(version), 0) FROM report_version" + where + ") AS version,"
                + " pg_current_xact_id_if_assigned() IS NOT NULL AS writing");
        if (provinces != null && !provinces.isEmpty()) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        Row row = spec.query((rs, i) -> new Row(rs.getString("print"), new ReportCache.Version(rs.getString("epoch"),
                rs.getLong("version")), rs.getBoolean("writing"))).single();
        return new Reading(current(row.print()), row.version(), row.writing());
    }

    private record Row(String print, ReportCache.Version version, boolean writing) {
    }

    /** The map of this fingerprint (read before the units: a change in between only causes one more reload). */
    private UnitMap current(String print) {
        Snapshot s = snapshot;
        if (s != null && s.print().equals(print)) {
            return s.map();
        }
        List<Unit> units = jdbc.sql("""
                        SELECT id, code, level, full_name, parent_id, province_code, area_type, valid_from, valid_to, path
                        FROM admin_unit""")
                .query((rs, i) -> new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("level"),
                        rs.getString("full_name"), (Long) rs.getObject("parent_id", Long.class), rs.getString("province_code"),
                        rs.getString("area_type"), rs.getObject("valid_from", java.time.LocalDate.class),
                        rs.getObject("valid_to", java.time.LocalDate.class), rs.getString("path")))
                .list();
        List<long[]> successions = jdbc.sql("SELECT predecessor_id, successor_id FROM unit_succession")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        UnitMap map = new UnitMap(units, successions);
        snapshot = new Snapshot(print, map);
        return map;
    }

    private record Snapshot(String print, UnitMap map) {
    }
}
