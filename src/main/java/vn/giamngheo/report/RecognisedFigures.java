package vn.giamngheo.report;

import org.springframework.stereotype.Service;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.security.CurrentUser;

/**
 * The key figures of a user's area as the reports count them — the recognised lists (decided, {@code household_status})
 * of a list year on 31 December, under the standard scheduled for it — for pages of other modules (the home page), so
 * that every page gives the same poor count for a place as the reports and the dashboard. Read through the report
 * service: the same aggregates, the same cache.
 */
@Service
public class RecognisedFigures {

    private final ReportService reports;

    RecognisedFigures(ReportService reports) {
        this.reports = reports;
    }

    /**
     * The figures of a list year (null: this year) in the user's area: {@code poor} and {@code nearPoor} (and their
     * rates) are null when no commune of the area has a recognised list in force ({@code hasData} false: no data, not
     * zero); {@code decided}, {@code earlierList} and {@code noList} count the communes by the state of their list.
     * Null when the user's unit is not on today's map (no report can be made for it).
     */
    public Figures ofArea(CurrentUser user, Integer year) {
        ReportContext ctx;
        try {
            ctx = reports.context(null, year, "today", user);
        } catch (InvalidReportException e) {
            return null;
        }
        ReportSet set = reports.compute(ctx, ReportKind.RESULTS);
        Counts c = set.results().total().all();
        Coverage coverage = set.coverage();
        boolean known = coverage.hasData();
        return new Figures(ctx.year(), set.standard(), c.households(), known ? c.poor() : null, known ? c.nearPoor() : null,
                known ? c.poorRate() : null, known ? c.nearPoorRate() : null, known, coverage.total(),
                coverage.count(Coverage.State.DECIDED), coverage.count(Coverage.State.EARLIER),
                coverage.count(Coverage.State.NONE));
    }

    /** The figures of a list year; see {@link #ofArea}. */
    public record Figures(int year, String standard, long households, Long poor, Long nearPoor, Double poorRate,
                          Double nearPoorRate, boolean hasData, int communes, int decided, int earlierList, int noList) {

        /** Whether every commune counted has decided its list of the year. */
        public boolean complete() {
            return decided == communes;
        }
    }
    /**
     * The counts of a unit (in the user's area) on the recognised lists of a list year, on today's map, with the
     * breakdowns the report tables print (ethnic minority, social protection, merit) and the version of the data they
     * were counted from. {@code hasData} false: no commune of the unit has a list in force (no data, not zero).
     *
     * @throws InvalidReportException when the year is out of range or the unit not on the map
     * @throws RuntimeException       (not found) when the unit is outside the user's area
     */
    public UnitCounts ofUnit(long unitId, int year, CurrentUser user) {
        ReportContext ctx = reports.context(unitId, year, "today", user);
        String version = String.valueOf(reports.dataVersion(ctx));
        ReportSet set = reports.compute(ctx, ReportKind.RESULTS);
        Counts c = set.results().total().all();
        return new UnitCounts(ctx.year(), set.coverage().hasData(), c.households(), c.poor(), c.nearPoor(),
                c.poorEthnicMinority(), c.poorSocialProtection(), c.poorMerit(), c.nearPoorEthnicMinority(),
                c.nearPoorSocialProtection(), c.nearPoorMerit(), version);
    }

    /** The counts of a unit and list year as the report tables print them; see {@link #ofUnit}. */
    public record UnitCounts(int year, boolean hasData, long households, long poor, long nearPoor, long poorEthnicMinority,
                             long poorSocialProtection, long poorMerit, long nearPoorEthnicMinority,
                             long nearPoorSocialProtection, long nearPoorMerit, String dataVersion) {
    }
}
