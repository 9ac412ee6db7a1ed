package vn.giamngheo.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.format.Formats;
import vn.giamngheo.people.PeopleFigures;
import vn.giamngheo.people.rules.AgeBands;
import vn.giamngheo.people.rules.PeopleCounts;
import vn.giamngheo.people.rules.PersonIndicator;
import vn.giamngheo.report.ReportDataValuesController.DataValue;
import vn.giamngheo.report.ReportDataValuesController.DataValues;
import vn.giamngheo.report.ReportDataValuesController.UnitRef;
import vn.giamngheo.report.rules.Shares;

/**
 * The people section as data values, in the shape of {@code GET /api/v1/reports/data-values}: one row per indicator ×
 * period × unit × group of households (breakdown {@code poor}, {@code near_poor}, {@code all}), computed by the same
 * {@link ReportService#people} as the section's tables, for units of the user's area.
 */
@RestController
@RequestMapping("/api/v1/reports/people")
class PeopleDataValuesController {

    private final ReportService reports;
    private final MessageSource messages;

    PeopleDataValuesController(ReportService reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /**
     * Person-level figures as data values.
     * Members (by sex and age band) and the person-level indicators with their denominators, per group of households
     * ({@code breakdown}: poor, near_poor, all), counted from the register on 31 December of each period (members as
     * the register holds them, status from the decided lists in force that day).
     * @param period list years, comma separated (at most 10); default: this year
     * @param unit id of a unit of the caller's area; default: the caller's own unit (the country for national users)
     * @param children true: one row per unit directly below the unit (households of no village as a unit without id)
     */
    @GetMapping("/data-values")
    @Operation(operationId = "reportPeopleDataValues", summary = "People figures as data values (indicator × period × unit × group)",
            description = """
            Indicators: `members`, `male`, `female`, `age_<from>_<to>` and `age_<from>_plus` (the age bands of the \
            parameter people.age_bands), and for each person-level indicator (disability, children_in_school, \
            health_insurance, working_capacity, employed, trained_workers) its count `<code>`, its denominator \
            `<code>_base` and its rate `<code>_rate` (percent, two decimals; no row when the base is 0). Breakdown: the \
            group of households. Units outside the user's area answer 403.""")
    DataValues dataValues(
            @Parameter(description = "list years, comma separated (at most 10); default: this year")
            @RequestParam(required = false) String period,
            @Parameter(description = "id of the unit (GET /api/v1/units); default: the user's own unit")
            @RequestParam(required = false) Long unit,
            @Parameter(description = "true: one row per unit directly below the unit, instead of the unit's total")
            @RequestParam(defaultValue = "false") boolean children,
            Locale locale) {
        SectionDataValues out = new SectionDataValues(reports, messages, locale);
        for (String g : PeopleFigures.GROUPS) {
            out.breakdowns.put(g, out.label("report.people.group." + g));
        }
        return out.collect(period, unit, (year, ctx) -> {
            PeopleFigures.Section s = reports.people(ctx);
            List<Map.Entry<UnitRef, Map<String, PeopleCounts>>> places = new ArrayList<>();
            if (children) {
                for (PeopleFigures.Row r : s.rows()) {
                    places.add(Map.entry(out.below(r.unitId(), r.code(), r.name()), r.groups()));
                }
            } else {
                places.add(Map.entry(out.whole(ctx), s.totals()));
            }
            for (var place : places) {
                out.units.putIfAbsent(place.getKey().code(), place.getKey());
                for (String g : PeopleFigures.GROUPS) {
                    values(place.getValue().get(g), s.definitions().bands(), locale, out.indicators).forEach((code, value) -> {
                        if (value != null) {
                            out.rows.add(new DataValue(code, year, place.getKey(), g, value));
                        }
                    });
                }
            }
        });
    }

    /** The values of one group in one unit, by indicator code (a rate of an empty base: null), naming the codes. */
    private Map<String, BigDecimal> values(PeopleCounts c, AgeBands bands, Locale locale, Map<String, String> names) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        put(v, names, "members", label("report.people.col.members", locale), c.members());
        put(v, names, "male", label("report.people.col.male", locale), c.male());
        put(v, names, "female", label("report.people.col.female", locale), c.female());
        Formats f = Formats.of(locale);
        for (int i = 0; i < bands.size(); i++) {
            Integer to = bands.to(i);
            String code = "age_" + bands.from(i) + "_" + (to == null ? "plus" : String.valueOf(to));
            String name = to == null ? messages.getMessage("report.people.band.open", new Object[] {f.count(bands.from(i))}, locale)
                    : messages.getMessage("report.people.band.range", new Object[] {f.count(bands.from(i)), f.count(to)}, locale);
            put(v, names, code, label("report.people.col.ages", locale) + ": " + name, c.bands().get(i));
        }
        for (PersonIndicator i : PersonIndicator.values()) {
            String name = label("report.people.indicator." + i.code(), locale);
            long base = c.base(i.base());
            put(v, names, i.code(), name, c.count(i));
            put(v, names, i.code() + "_base", name + " — " + label("report.people.base."
                    + i.base().name().toLowerCase(Locale.ROOT), locale), base);
            names.putIfAbsent(i.code() + "_rate", name + " — " + label("report.col.rate", locale));
            v.put(i.code() + "_rate", Shares.percent(c.count(i), base));
        }
        return v;
    }

    private static void put(Map<String, BigDecimal> v, Map<String, String> names, String code, String name, long value) {
        names.putIfAbsent(code, name);
        v.put(code, BigDecimal.valueOf(value));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
