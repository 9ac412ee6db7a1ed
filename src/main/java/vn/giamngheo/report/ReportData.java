package vn.giamngheo.report;

import vn.giamngheo.system.ReportCatchUp;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.rules.Cell;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.StatusGroup;

/**
 * The counting queries of the report set, read from the report aggregates ({@code report_count},
 * {@code report_code_count}, migration V20, ADR 0006), which triggers keep in the same transaction as every
 * revocation, register edit and life event; a decision's rows are counted by a catch-up after it (V74, ADR 0014),
 * which every read here runs first when rows are pending ({@link vn.giamngheo.system.ReportCatchUp}): a change shows
 * in the very next report.
 * <p>
 * The counts are those on 31 December of a list year. A household's status on that day is its latest row in
 * force (not revoked, effective on or before the day; ties by id). It is counted when it is active in the
 * register, or left the register (moved away, merged, dissolved) after the day. It is placed where its status
 * row was recorded (commune, village, area), or, without a status row, where the register has it; its
 * register commune is given when the status row's commune differs. The aggregates hold these counts by runs
 * of years ({@code from_year <= year <= to_year}); a report adds the runs that contain its year. Households of
 * other provinces are never read: every query filters on {@code province_code}. The tests compare every
 * query with the live count over {@code household_status} and {@code household} ({@code LiveReportData}).
 * <p>
 * Read-write transactions (ADR 0014, h23 rule 4): a read that finds decided rows pending counts them first in its own
 * transaction, on its one connection (a read-only one would need a second connection for the catch-up).
 */
@Component
@org.springframework.transaction.annotation.Transactional
class ReportData {

    private final JdbcClient jdbc;
    private final ReportCatchUp catchUp;

    ReportData(JdbcClient jdbc, ReportCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /**
     * Households by recorded place and area on 31 December of the year; {@code provinces} null = the whole country.
     * The aggregate rows in force in the year (a few per place: one per run of years) are read as they are and
     * added here by place and area, with long accumulators: the same cells as {@link #cellsSql}'s {@code GROUP BY},
     * whose numeric sums were most of the national report's time (issue 26 point 4). A place whose households add
     * up to none is left out, as there.
     */
    List<Cell> cells(Collection<String> provinces, int year) {
        catchUp.beforeRead(provinces);
        Map<Place, long[]> sums = new LinkedHashMap<>();
        spec(rowsSql(provinces), provinces, year).query((ResultSet rs) -> {
            Place place = new Place(rs.getLong(1), nullableLong(rs, "village_id"), nullableLong(rs, "register_commune"),
                    rs.getString(4));
            long[] sum = sums.computeIfAbsent(place, k -> new long[COUNTS]);
            for (int c = 0; c < COUNTS; c++) {
                sum[c] += rs.getLong(5 + c);
            }
        });
        List<Cell> cells = new ArrayList<>(sums.size());
        for (Map.Entry<Place, long[]> e : sums.entrySet()) {
            long[] v = e.getValue();
            if (v[0] != 0) {
                Place k = e.getKey();
                cells.add(new Cell(k.commune(), k.village(), k.registerCommune(), k.area(),
                        new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10])));
            }
        }
        return cells;
    }

    /** The columns of counts of {@code report_count}, in the order of {@link Counts}. */
    private static final int COUNTS = 11;

    /** A recorded place and area: the key of a cell. */
    private record Place(long commune, Long village, Long registerCommune, String area) {
    }

    /** The aggregate rows {@link #cells} adds up (parameters :provinces, :y). */
    static String rowsSql(Collection<String> provinces) {
        return """
                SELECT commune_id, village_id, register_commune, area, households, poor, near_poor, poor_em, poor_sp,
                       poor_merit, near_em, near_sp, near_merit, poor_income, poor_deprivation
                  FROM report_count
                 WHERE %s from_year <= :y AND to_year >= :y""".formatted(where(provinces));
    }

    /** The same cells added up by the database (the report's SQL until issue 26; the benchmark's EXPLAIN, the tests' oracle). */
    static String cellsSql(Collection<String> provinces) {
        return """
                SELECT commune_id, village_id, register_commune, area,
                       sum(households) AS households, sum(poor) AS poor, sum(near_poor) AS near_poor,
                       sum(poor_em) AS poor_em, sum(poor_sp) AS poor_sp, sum(poor_merit) AS poor_merit,
                       sum(near_em) AS near_em, sum(near_sp) AS near_sp, sum(near_merit) AS near_merit,
                       sum(poor_income) AS poor_income, sum(poor_deprivation) AS poor_deprivation
                  FROM report_count
                 WHERE %s from_year <= :y AND to_year >= :y
                 GROUP BY 1, 2, 3, 4
                HAVING sum(households) <> 0""".formatted(where(provinces));
    }

    /** Poor and near-poor households by recorded place and the set of indicators they are deprived on. */
    List<StatusGroup> deprivations(Collection<String> provinces, int year) {
        catchUp.beforeRead(provinces);
        return spec(codesSql(provinces), provinces, year).param("kind", "deprived").query(ReportData::group).list();
    }

    /** Poor and near-poor households by recorded place and cause of poverty (a household counts once per cause). */
    List<StatusGroup> causes(Collection<String> provinces, int year) {
        catchUp.beforeRead(provinces);
        return spec(codesSql(provinces), provinces, year).param("kind", "cause").query(ReportData::group).list();
    }

    /** The list years with a decided status in these provinces, oldest first. */
    List<Integer> years(Collection<String> provinces) {
        String where = provinces == null ? "" : "WHERE province_code IN (:provinces)";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT DISTINCT list_year FROM status_history " + where
                + " ORDER BY 1");
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec.query(Integer.class).list();
    }

    /**
     * The recognised lists of the communes of these provinces (decisions not revoked): per commune and list year,
     * the first year on whose 31 December the list is in force. A few rows per commune and year, whatever the
     * number of households: the coverage of every report year is worked out from them ({@code Coverage}).
     */
    List<Coverage.ListRow> lists(Collection<String> provinces) {
        String where = provinces == null ? "" : "province_code IN (:provinces) AND";
        JdbcClient.StatementSpec spec = jdbc.sql("""
                SELECT commune_id, list_year, min(CAST(extract(YEAR FROM effective_from) AS integer)) AS from_year
                  FROM review_decision
                 WHERE %s revoked_on IS NULL
                 GROUP BY 1, 2
                 ORDER BY 1, 2""".formatted(where));
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec.query((rs, i) -> new Coverage.ListRow(rs.getLong("commune_id"), rs.getInt("list_year"),
                rs.getInt("from_year"))).list();
    }

    /**
     * The recognised lists of these provinces in force on a day (decisions not revoked, effective on or before it),
     * as {@link #lists} gives them: a year end counts a unit's figures only when such a list covers one of its
     * communes ({@code UnitRates}); without one its households are counted with no status, which is no figure.
     */
    List<Coverage.ListRow> listsInForce(Collection<String> provinces, java.time.LocalDate day) {
        String where = provinces == null ? "" : "province_code IN (:provinces) AND";
        JdbcClient.StatementSpec spec = jdbc.sql("""
                SELECT commune_id, list_year, min(CAST(extract(YEAR FROM effective_from) AS integer)) AS from_year
                  FROM review_decision
                 WHERE %s revoked_on IS NULL AND effective_from <= :d
                 GROUP BY 1, 2
                 ORDER BY 1, 2""".formatted(where)).param("d", day);
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec.query((rs, i) -> new Coverage.ListRow(rs.getLong("commune_id"), rs.getInt("list_year"),
                rs.getInt("from_year"))).list();
    }

    private static String codesSql(Collection<String> provinces) {
        return """
                SELECT commune_id, village_id, register_commune, status, codes, sum(n) AS n
                  FROM report_code_count
                 WHERE %s kind = :kind AND from_year <= :y AND to_year >= :y
                 GROUP BY 1, 2, 3, 4, 5
                HAVING sum(n) <> 0""".formatted(where(provinces));
    }

    private static String where(Collection<String> provinces) {
        return provinces == null ? "" : "province_code IN (:provinces) AND";
    }

    private JdbcClient.StatementSpec spec(String sql, Collection<String> provinces, int year) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("y", year);
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec;
    }

    /** A row of counts by place and area (the columns of the cells queries, aggregated or live). */
    static Cell cell(ResultSet rs, int i) throws SQLException {
        return new Cell(rs.getLong("commune_id"), nullableLong(rs, "village_id"), nullableLong(rs, "register_commune"),
                rs.getString("area"), new Counts(rs.getLong("households"), rs.getLong("poor"), rs.getLong("near_poor"),
                rs.getLong("poor_em"), rs.getLong("poor_sp"), rs.getLong("poor_merit"), rs.getLong("near_em"),
                rs.getLong("near_sp"), rs.getLong("near_merit"), rs.getLong("poor_income"), rs.getLong("poor_deprivation")));
    }

    /** A row of households by place, status and set of codes (deprivations or causes, aggregated or live). */
    static StatusGroup group(ResultSet rs, int i) throws SQLException {
        Array codes = rs.getArray("codes");
        List<String> list = codes == null ? List.of() : Arrays.asList((String[]) codes.getArray());
        return new StatusGroup(rs.getLong("commune_id"), nullableLong(rs, "village_id"), nullableLong(rs, "register_commune"),
                rs.getString("status"), list, rs.getLong("n"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
