package vn.giamngheo.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.Shares;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The figures of the report set as data values, in the shape of DHIS2's analytics API: one row per indicator × period
 * × unit × breakdown with its value, and {@code metaData} naming the indicators, periods, units and breakdowns in the
 * user's language (docs/reports.md, "Data values"). Computed by {@link ReportService} from the same recognised lists and
 * aggregates as the display tables (nothing is counted again here), for units of the user's area.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportDataValuesController {

    static final int MAX_PERIODS = 10;

    /** The indicators: counts of households, rates in percent, and households deprived on each indicator. */
    enum Indicator {
        HOUSEHOLDS, POOR, NEAR_POOR, POOR_RATE, NEAR_POOR_RATE, DEPRIVED_POOR, DEPRIVED_NEAR_POOR;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean byDeprivation() {
            return this == DEPRIVED_POOR || this == DEPRIVED_NEAR_POOR;
        }

        static Indicator parse(String text) {
            for (Indicator i : values()) {
                if (i.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            throw new InvalidReportException("indicator must be one of " + String.join(", ",
                    java.util.Arrays.stream(values()).map(Indicator::code).toList()) + ", not '" + text.strip() + "'");
        }
    }

    /** A unit of a row: its id, code (VN for the country) and name. */
    record UnitRef(Long id, String code, String name) {
    }

    /** One value: {@code breakdown} is {@code total}, {@code urban}, {@code rural} or a deprivation indicator's code. */
    record DataValue(String indicator, int period, UnitRef unit, String breakdown,
                     @Schema(description = "a count of households, or a rate in percent with two decimals") BigDecimal value) {
    }

    /** Names of everything the rows refer to, in the user's language; {@code noData}: period/unit pairs without figures. */
    record MetaData(Map<String, String> indicators, Map<String, String> periods, Map<String, UnitRef> units,
                    Map<String, String> breakdowns, List<String> noData) {
    }

    /** The answer: {@code basis} is always {@code recognised_lists} (the decided lists, as the reports count). */
    record DataValues(List<DataValue> rows, MetaData metaData, String basis, String boundaries) {
    }

    private final ReportService reports;
    private final MessageSource messages;

    ReportDataValuesController(ReportService reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/data-values")
    @Operation(operationId = "reportDataValues", summary = "Report figures as data values (indicator × period × unit × breakdown)", description = """
            The figures of the report set as rows `{indicator, period, unit, breakdown, value}` with `metaData` naming \
            them, in the shape of DHIS2's analytics API. Counted on the recognised (decided) lists of each period, \
            like the report tables. A period or unit without a recognised list in force has no rows (it is listed in \
            `metaData.noData`): an unknown figure is never 0. Units outside the user's area answer 403.""")
    DataValues dataValues(
            @Parameter(description = "indicators, comma separated: households, poor, near_poor (counts of households), "
                    + "poor_rate, near_poor_rate (percent of households), deprived_poor, deprived_near_poor (poor or "
                    + "near-poor households deprived on each indicator of the standard; breakdown by that indicator)")
            @RequestParam(defaultValue = "poor,near_poor,poor_rate,near_poor_rate") String indicator,
            @Parameter(description = "list years, comma separated (at most " + MAX_PERIODS + "); default: this year")
            @RequestParam(required = false) String period,
            @Parameter(description = "id of the unit (GET /api/v1/units); default: the user's own unit (the country "
                    + "for national users)")
            @RequestParam(required = false) Long unit,
            @Parameter(description = "true: one row per unit directly below the unit (with the households of no "
                    + "village and the unplaced ones as units without id), instead of the unit's total")
            @RequestParam(defaultValue = "false") boolean children,
            @Parameter(description = "total (default) or area (urban and rural); the deprivation indicators are always "
                    + "broken down by deprivation")
            @RequestParam(defaultValue = "total") String breakdown,
            @Parameter(description = "own: each period on its own year's map (31 December); today (default): on "
                    + "today's map")
            @RequestParam(required = false) String boundaries,
            Locale locale) {
        CurrentUser user = CurrentUsers.require();
        List<Indicator> indicators = indicators(indicator);
        List<Integer> periods = periods(period, reports.today().getYear());
        boolean byArea = switch (breakdown.strip().toLowerCase(Locale.ROOT)) {
            case "total", "" -> false;
            case "area" -> true;
            default -> throw new InvalidReportException("breakdown must be total or area, not '" + breakdown.strip() + "'");
        };
        boolean deprivations = indicators.stream().anyMatch(Indicator::byDeprivation);
        if (deprivations && children) {
            throw new InvalidReportException("the deprivation indicators are given for the unit itself: children=false");
        }
        List<DataValue> rows = new ArrayList<>();
        Map<String, UnitRef> units = new LinkedHashMap<>();
        Map<String, String> breakdowns = new LinkedHashMap<>();
        List<String> noData = new ArrayList<>();
        Map<String, String> periodNames = new LinkedHashMap<>();
        String boundariesCode = null;
        for (int year : periods) {
            ReportContext ctx = reports.context(unit, year, boundaries, user);
            boundariesCode = ctx.boundaries().code();
            periodNames.put(String.valueOf(year), label("report.dataValues.period", locale, String.valueOf(year)));
            ReportSet set = reports.compute(ctx, deprivations ? ReportKind.DEPRIVATIONS : ReportKind.RESULTS);
            Coverage coverage = set.coverage();
            List<Map.Entry<UnitRef, Results.Row>> places = new ArrayList<>();
            if (children) {
                for (Results.Row row : set.results().rows()) {
                    UnitRef ref = ref(row.key(), locale);
                    if (row.key().unit() != null && !coverage.hasData(row.key().unit())) {
                        noData.add(year + "/" + ref.code());
                        units.putIfAbsent(ref.code(), ref);
                        continue;
                    }
                    places.add(Map.entry(ref, row));
                }
            } else {
                UnitRef ref = ctx.national() ? new UnitRef(null, "VN", label("report.country", locale, (Object[]) null))
                        : new UnitRef(ctx.unit().id(), ctx.unit().code(), ctx.unit().name());
                if (coverage.hasData()) {
                    places.add(Map.entry(ref, set.results().total()));
                } else {
                    noData.add(year + "/" + ref.code());
                    units.putIfAbsent(ref.code(), ref);
                }
            }
            for (Map.Entry<UnitRef, Results.Row> place : places) {
                units.putIfAbsent(place.getKey().code(), place.getKey());
                for (Indicator i : indicators) {
                    if (i.byDeprivation()) {
                        for (CodeTally.Line line : set.indicators().lines()) {
                            breakdowns.putIfAbsent(line.code(), named("classification.indicator." + line.code(), locale, line.code()));
                            long v = i == Indicator.DEPRIVED_POOR ? line.poor() : line.nearPoor();
                            rows.add(new DataValue(i.code(), year, place.getKey(), line.code(), BigDecimal.valueOf(v)));
                        }
                        continue;
                    }
                    for (String area : byArea ? List.of(Results.URBAN, Results.RURAL) : java.util.Collections.<String>singletonList(null)) {
                        String b = area == null ? "total" : area;
                        breakdowns.putIfAbsent(b, label("report.dataValues.breakdown." + b, locale, (Object[]) null));
                        BigDecimal value = value(i, place.getValue().section(area));
                        if (value != null) {
                            rows.add(new DataValue(i.code(), year, place.getKey(), b, value));
                        }
                    }
                }
            }
        }
        Map<String, String> indicatorNames = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            indicatorNames.put(i.code(), label("report.dataValues.indicator." + i.code(), locale, (Object[]) null));
        }
        return new DataValues(rows, new MetaData(indicatorNames, periodNames, units, breakdowns, noData),
                "recognised_lists", boundariesCode);
    }

    /** The value of an indicator for a group of households; null for a rate of no households. */
    static BigDecimal value(Indicator indicator, Counts c) {
        return switch (indicator) {
            case HOUSEHOLDS -> BigDecimal.valueOf(c.households());
            case POOR -> BigDecimal.valueOf(c.poor());
            case NEAR_POOR -> BigDecimal.valueOf(c.nearPoor());
            case POOR_RATE -> Shares.percent(c.poor(), c.households());
            case NEAR_POOR_RATE -> Shares.percent(c.nearPoor(), c.households());
            case DEPRIVED_POOR, DEPRIVED_NEAR_POOR -> throw new IllegalArgumentException(indicator + " is by deprivation");
        };
    }

    static List<Indicator> indicators(String text) {
        Set<Indicator> set = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                set.add(Indicator.parse(part));
            }
        }
        if (set.isEmpty()) {
            throw new InvalidReportException("name at least one indicator");
        }
        return List.copyOf(set);
    }

    /** The list years asked for, in the order given, without repeats; none: {@code thisYear}. */
    static List<Integer> periods(String text, int thisYear) {
        if (text == null || text.isBlank()) {
            return List.of(thisYear);
        }
        Set<Integer> set = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("\\d{4}")) {
                throw new InvalidReportException("a period is a list year such as 2026, not '" + p + "'");
            }
            set.add(Integer.parseInt(p));
        }
        if (set.isEmpty() || set.size() > MAX_PERIODS) {
            throw new InvalidReportException("name from 1 to " + MAX_PERIODS + " periods, not " + set.size());
        }
        return List.copyOf(set);
    }

    private UnitRef ref(Selection.RowKey key, Locale locale) {
        Unit u = key.unit();
        return switch (key.kind()) {
            case UNIT -> new UnitRef(u.id(), u.code(), u.name());
            case NO_VILLAGE -> new UnitRef(null, "no_village", label("report.row.noVillage", locale, (Object[]) null));
            case UNPLACED -> new UnitRef(null, "unplaced", label("report.row.unplaced", locale, (Object[]) null));
        };
    }

    private String label(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String named(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
