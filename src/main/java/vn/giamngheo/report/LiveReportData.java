package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.report.rules.Cell;
import vn.giamngheo.report.rules.StatusGroup;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Counts on ANY date, read live from {@code household_status} and {@code household} (the queries the reports ran
 * before migration V20). The reports read the aggregates kept by triggers, which answer for 31 December of a year
 * only; this class serves the few views that need another day — the multi-year goals count the lists in force
 * on 1 January ({@link UnitRates}) — and is the oracle of the aggregates in the tests
 * ({@code ReportAggregatesTest} compares the two after every change). It reads every status row of the provinces
 * asked: seconds per million households, so it is not for the reports' own pages.
 * <p>
 * A household's status on the reference date is its latest row in force (not revoked, effective on or
 * before the date; ties by id). It is counted when it is active in the register, or left the register
 * (moved away, merged, dissolved) after the date. It is placed where its status row was recorded (commune
 * and village), or, without a status row, where the register has it. Households of other provinces'
 * partitions are never read: every query filters on {@code province_code}.
 */
@org.springframework.stereotype.Component
@org.springframework.transaction.annotation.Transactional(readOnly = true)
class LiveReportData {

    private static final String PLACED = """
            WITH latest AS (
                SELECT s.province_code, s.household_id, s.commune_id, s.village_id, s.area, s.status, s.poor_kind,
                       s.ethnic_minority, s.social_protection, s.merit%4$s
                  FROM %1$s s
            ), placed AS (
                SELECT coalesce(l.commune_id, h.commune_id) AS commune_id,
                       CASE WHEN l.household_id IS NULL THEN h.village_id ELSE l.village_id END AS village_id,
                       CASE WHEN l.household_id IS NOT NULL AND l.commune_id <> h.commune_id THEN h.commune_id END AS register_commune,
                       CASE WHEN l.household_id IS NULL THEN h.area ELSE l.area END AS area,
                       l.status, l.poor_kind, l.ethnic_minority, l.social_protection, l.merit%5$s
                  FROM household h
                  %3$s JOIN latest l ON l.province_code = h.province_code AND l.household_id = h.id
                 WHERE %2$s%6$s (h.life_status = 'active' OR EXISTS (
                           SELECT 1 FROM household_event e
                            WHERE e.household_id = h.id AND e.province_code = h.province_code
                              AND e.event_type IN ('moved', 'merged_into', 'dissolved') AND e.event_date > :d))
            )
            """;

    /** Memory for the sorts and hashes of one report query (set for its transaction only). */
    static final String WORK_MEM = "128MB";

    private final JdbcClient jdbc;

    LiveReportData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Households by recorded place and area on the date; {@code provinces} null = the whole country. */
    List<Cell> cells(Collection<String> provinces, LocalDate date) {
        return spec(cellsSql(provinces), provinces, date).query(ReportData::cell).list();
    }

    /**
     * Households of a population group by recorded place and area on the date: {@code groupPredicate} is the
     * group's predicate over the household alias {@code h} from {@code vn.giamngheo.population} (never written here).
     */
    List<Cell> cells(Collection<String> provinces, LocalDate date, String groupPredicate) {
        return spec(cellsSql(provinces, groupPredicate), provinces, date).query(ReportData::cell).list();
    }

    /** The SQL of {@link #cells} (parameters :provinces, :d), for the benchmark's EXPLAIN. */
    static String cellsSql(Collection<String> provinces) {
        return cellsSql(provinces, null);
    }

    private static String cellsSql(Collection<String> provinces, String groupPredicate) {
        return placed(provinces, "LEFT", false, groupPredicate) + PovertyStatus.sql("""
                SELECT commune_id, village_id, register_commune, area,
                       count(*) AS households,
                       count(*) FILTER (WHERE status = {poor}) AS poor,
                       count(*) FILTER (WHERE status = {near_poor}) AS near_poor,
                       count(*) FILTER (WHERE status = {poor} AND ethnic_minority) AS poor_em,
                       count(*) FILTER (WHERE status = {poor} AND social_protection) AS poor_sp,
                       count(*) FILTER (WHERE status = {poor} AND merit) AS poor_merit,
                       count(*) FILTER (WHERE status = {near_poor} AND ethnic_minority) AS near_em,
                       count(*) FILTER (WHERE status = {near_poor} AND social_protection) AS near_sp,
                       count(*) FILTER (WHERE status = {near_poor} AND merit) AS near_merit,
                       count(*) FILTER (WHERE status = {poor} AND poor_kind = 'income_poor') AS poor_income,
                       count(*) FILTER (WHERE status = {poor} AND poor_kind = 'deprivation_poor') AS poor_deprivation
                  FROM placed GROUP BY 1, 2, 3, 4""");
    }

    /** Poor and near-poor households by recorded place and the set of indicators they are deprived on. */
    List<StatusGroup> deprivations(Collection<String> provinces, LocalDate date) {
        return deprivations(provinces, date, null);
    }

    /** {@link #deprivations} of a population group's households ({@code groupPredicate} over {@code h}; null: all). */
    List<StatusGroup> deprivations(Collection<String> provinces, LocalDate date, String groupPredicate) {
        String sql = placed(provinces, "", true, groupPredicate) + PovertyStatus.sql("""
                SELECT commune_id, village_id, register_commune, status, deprived AS codes, count(*) AS n
                  FROM placed WHERE status IN ({listed}) AND cardinality(deprived) > 0
                 GROUP BY 1, 2, 3, 4, 5""");
        return spec(sql, provinces, date).query(ReportData::group).list();
    }

    /** Poor and near-poor households by recorded place and cause of poverty (a household counts once per cause). */
    List<StatusGroup> causes(Collection<String> provinces, LocalDate date) {
        return causes(provinces, date, null);
    }

    /** {@link #causes} of a population group's households ({@code groupPredicate} over {@code h}; null: all). */
    List<StatusGroup> causes(Collection<String> provinces, LocalDate date, String groupPredicate) {
        String sql = placed(provinces, "", true, groupPredicate) + PovertyStatus.sql("""
                SELECT commune_id, village_id, register_commune, status, ARRAY[c.cause] AS codes, count(*) AS n
                  FROM placed CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(causes) AS x) AS c(cause)
                 WHERE status IN ({listed})
                 GROUP BY 1, 2, 3, 4, 5""");
        return spec(sql, provinces, date).query(ReportData::group).list();
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

    /** The households with their status in force; the lists of codes are carried only when asked for (narrower sorts). */
    private static String placed(Collection<String> provinces, String join, boolean codes, String groupPredicate) {
        String s = provinces == null ? "status_in_force_all(:d)" : "status_in_force_in(ARRAY[:provinces]::text[], :d)";
        String h = provinces == null ? "" : "h.province_code IN (:provinces) AND";
        return PLACED.formatted(s, h, join, codes ? ", s.deprived, s.causes" : "", codes ? ", l.deprived, l.causes" : "",
                groupPredicate == null ? "" : " (" + groupPredicate + ") AND");
    }

    private JdbcClient.StatementSpec spec(String sql, Collection<String> provinces, LocalDate date) {
        // the counting sorts and hashes a province's households: give this transaction's statements room in memory
        jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("d", date);
        if (provinces != null) {
            spec = spec.param("provinces", List.copyOf(provinces));
        }
        return spec;
    }
}
