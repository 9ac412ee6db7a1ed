package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The report set as JSON ({@code GET /api/v1/reports/{report}}: results, deprivations, causes, bands,
 * trends) or as a file ({@code ?format=xlsx|pdf|docx|csv}), for a unit (default: the user's own) of the user's
 * area, a list year and a map ({@code boundaries=own|today}).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

    private final ReportService reports;
    private final ReportTables tables;
    private final ReportExports exports;

    ReportApiController(ReportService reports, ReportTables tables, ReportExports exports) {
        this.reports = reports;
        this.tables = tables;
        this.exports = exports;
    }

    /**
     * {@code basis}: what the figures count — always {@code recognised_lists} (the decided lists of {@code year},
     * {@code household_status}), never the computed classification; {@code standard}: the standard scheduled for the
     * year; {@code hasData} false: no commune has a recognised list in force, the poor and near-poor figures are
     * unknown (the tables' cells are null, not 0); {@code noDataUnits} / {@code noDataYears}: the rows (unit ids) or
     * trend years whose figures are unknown; {@code coverage}: how many communes have decided the year's list.
     */
    record ReportJson(String report, Long unitId, String unitCode, String unitName, int year, String boundaries,
                      LocalDate listDate, LocalDate unitsDate, List<ReportTable> tables,
                      String basis, String standard, boolean hasData, List<Long> noDataUnits, List<Integer> noDataYears,
                      CoverageJson coverage, List<String> notes) {
    }

    /** The communes counted and whether each has its recognised list of the year (undecided ones listed). */
    record CoverageJson(int communes, int decided, int earlierList, int noList, boolean complete, boolean mixed,
                        List<CommuneJson> undecided) {

        static CoverageJson of(Coverage c) {
            return new CoverageJson(c.total(), c.count(Coverage.State.DECIDED), c.count(Coverage.State.EARLIER),
                    c.count(Coverage.State.NONE), c.complete(), c.mixed(), c.undecided().stream()
                    .map(s -> new CommuneJson(s.commune().id(), s.commune().code(), s.commune().name(),
                            s.state().name().toLowerCase(Locale.ROOT), s.listYear())).toList());
        }
    }

    /** {@code state}: {@code earlier} (counted on the list of {@code listYear}) or {@code none} (no list: no data). */
    record CommuneJson(long communeId, String code, String name, String state, Integer listYear) {
    }

    /**
     * One report of the report set, as display tables or as a file.
     * The report's tables as they are shown (headers, rows, notes) with what they count and how complete the lists are;
     * or, with {@code format}, the same report as a file. For figures to compute with, use
     * {@code GET /api/v1/reports/data-values}.
     * @param report the report: results, deprivations, causes, bands, trends or people (members of the households)
     * @param unit id of a unit of the caller's area (default: the caller's own unit; the country for national users)
     * @param year the list year (default: this year)
     * @param boundaries own: on the map of the year's 31 December; today (default): on today's map
     * @param format json (default), or a file: xlsx, pdf, docx or csv
     * @param group the population group counted, with its own denominator: all (default), ethnic_minority,
     *              woman_headed, with_disability, with_elderly or with_children
     * @param areaClass an area class of the catalogue (poor_commune, difficult_commune, region_3, …): only the
     *                  households of the communes and villages holding it on the year's 31 December
     * @param byClass true: the results also broken down by area class (a table more)
     */
    @GetMapping("/{report}")
    ResponseEntity<?> report(@PathVariable String report, @RequestParam(required = false) Long unit,
                             @RequestParam(required = false) Integer year, @RequestParam(required = false) String boundaries,
                             @RequestParam(required = false) String format, @RequestParam(required = false) String group,
                             @RequestParam(required = false) String areaClass, @RequestParam(required = false) boolean byClass,
                             Locale locale) {
        CurrentUser user = CurrentUsers.require();
        ReportKind kind = ReportKind.parse(report);
        ReportContext ctx = reports.context(unit, year, boundaries, group, areaClass, byClass, user);
        if (format != null && !format.isBlank() && !"json".equalsIgnoreCase(format.strip())) {
            return exports.export(ctx, kind, format, locale);
        }
        ReportSet set = reports.compute(ctx, kind);
        Coverage c = set.coverage();
        List<Long> noDataUnits = kind != ReportKind.RESULTS ? List.of() : set.results().rows().stream()
                .filter(r -> r.key().unit() != null && !c.hasData(r.key().unit())).map(r -> r.key().unit().id()).toList();
        List<Integer> noDataYears = set.trend() == null ? List.of()
                : set.trend().stream().filter(y -> !y.hasData()).map(ReportSet.TrendYear::year).toList();
        return ResponseEntity.ok(new ReportJson(kind.code(), ctx.unitId(), ctx.national() ? "VN" : ctx.unit().code(),
                ctx.unitName(), ctx.year(), ctx.boundaries().code(), ctx.listDate(), ctx.unitsDate(),
                tables.tables(set, locale, false), "recognised_lists", set.standard(), c.hasData(), noDataUnits,
                noDataYears, CoverageJson.of(c), tables.coverageNotes(set, locale)));
    }
}
