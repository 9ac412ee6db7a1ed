package vn.giamngheo.report;

import org.springframework.context.ApplicationContext;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.security.CurrentUser;

/** Lets the command benchmark ({@code report.bench}) call the package's service as the pages do. */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** The counting SQL of the results report for these provinces (parameters :provinces, :y). */
    public static String cellsSql(java.util.Collection<String> provinces) {
        return ReportData.cellsSql(provinces);
    }

    /** The live counting SQL the report ran before the aggregates (parameters :provinces, :d). */
    public static String liveCellsSql(java.util.Collection<String> provinces) {
        return LiveReportData.cellsSql(provinces);
    }

    /** The results report of a unit (null: the country) on today's map; its grand total. */
    public static Counts results(ApplicationContext context, Long unitId, int year, CurrentUser user) {
        ReportService reports = context.getBean(ReportService.class);
        return reports.compute(reports.context(unitId, year, "today", user), ReportKind.RESULTS).results().total().all();
    }

    private static ReportService uncached;

    /**
     * The same through a service without the report cache (as with {@code giamngheo.report.cache.enabled=false}),
     * made once, as the application makes its one service: its placement through the crosswalk is kept per map.
     */
    public static synchronized Counts resultsUncached(ApplicationContext context, Long unitId, int year, CurrentUser user) {
        if (uncached == null) {
            uncached = uncachedService(context);
        }
        ReportService reports = uncached;
        return reports.compute(reports.context(unitId, year, "today", user), ReportKind.RESULTS).results().total().all();
    }

    /**
     * The floor of a results report: the aggregate rows in force in the year read as they are, every column fetched
     * (what the report reads before it adds them up and places them): their number.
     */
    public static int rows(ApplicationContext context, java.util.Collection<String> provinces, int year) {
        org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec = context.getBean(
                org.springframework.jdbc.core.simple.JdbcClient.class).sql(ReportData.rowsSql(provinces)).param("y", year);
        if (provinces != null) {
            spec = spec.param("provinces", java.util.List.copyOf(provinces));
        }
        int[] n = {0};
        spec.query((java.sql.ResultSet rs) -> {
            for (int c = 1; c <= 15; c++) {
                rs.getObject(c);
            }
            n[0]++;
        });
        return n[0];
    }

    /** The same rows added up by the database's {@code GROUP BY} (the report's SQL before issue 26): their number. */
    public static int grouped(ApplicationContext context, java.util.Collection<String> provinces, int year) {
        org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec = context.getBean(
                org.springframework.jdbc.core.simple.JdbcClient.class).sql(ReportData.cellsSql(provinces)).param("y", year);
        if (provinces != null) {
            spec = spec.param("provinces", java.util.List.copyOf(provinces));
        }
        return spec.query(ReportData::cell).list().size();
    }

    /** The aggregates' rows of the results report (the SQL alone, what the report reads): their number. */
    public static int cells(ApplicationContext context, java.util.Collection<String> provinces, int year) {
        return context.getBean(ReportData.class).cells(provinces, year).size();
    }

    private static ReportService uncachedService(ApplicationContext context) {
        return new ReportService(context.getBean(ReportData.class), context.getBean(ReportUnits.class),
                context.getBean(vn.giamngheo.geography.GeographyCatalog.class), context.getBean(vn.giamngheo.setting.Parameters.class),
                context.getBean(vn.giamngheo.standard.StandardRegistry.class), new ReportCache(false),
                context.getBean(LiveReportData.class), context.getBean(vn.giamngheo.population.PopulationGroups.class),
                context.getBean(vn.giamngheo.areaclass.AreaClasses.class));
    }

    /** The unit map through its fingerprint query (what every request pays before anything else). */
    public static int unitMap(ApplicationContext context) {
        return context.getBean(ReportUnits.class).map().size();
    }
}
