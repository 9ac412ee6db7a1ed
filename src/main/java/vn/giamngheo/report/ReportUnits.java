package vn.giamngheo.report;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;

/**
 * Every administrative unit of every era and the crosswalk, held in memory and read again whenever the
 * catalogue changed (a village added, a unit reclassified): a cheap fingerprint query decides.
 */
@Component
class ReportUnits {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    ReportUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UnitMap map() {
        String print = jdbc.sql("""
                        SELECT (SELECT count(*) || '/' || coalesce(max(id), 0) FROM admin_unit) || '/'
                            || (SELECT count(*) FROM admin_unit_change) || '/' || (SELECT count(*) FROM unit_succession)""")
                .query(String.class).single();
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
