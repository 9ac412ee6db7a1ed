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
