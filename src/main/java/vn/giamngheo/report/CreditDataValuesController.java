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
import vn.giamngheo.credit.CreditLabourSection;
import vn.giamngheo.credit.Loans;
import vn.giamngheo.labour.Workers;
import vn.giamngheo.report.ReportDataValuesController.DataValue;
import vn.giamngheo.report.ReportDataValuesController.DataValues;
import vn.giamngheo.report.ReportDataValuesController.MetaData;
import vn.giamngheo.report.ReportDataValuesController.UnitRef;
import vn.giamngheo.report.rules.Shares;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The credit and labour-export section as data values, in the shape of {@code GET /api/v1/reports/data-values}: one
 * row per indicator × period × unit × breakdown (a lending programme's code or {@code all} for the loans, a
 * destination country's code or {@code all} for the workers), computed by the same {@link ReportService#credit} as
 * the section's tables, for units of the user's area.
 */
@RestController
@RequestMapping("/api/v1/reports/credit")
class CreditDataValuesController {

    private static final String ALL = CreditTables.ALL;

    private final ReportService reports;
    private final MessageSource messages;

    CreditDataValuesController(ReportService reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /**
     * Policy credit and labour-export figures as data values.
     * Loans with a balance, their households, outstanding and overdue balances (VND), the overdue share, loans and
     * amount disbursed in the period, by lending programme; workers abroad, departed and back in the period, by
     * destination country; counted from the registers on 31 December of each period (today for this year's
     * period), the period from 1 January.
     * @param period list years, comma separated (at most 10); default: this year
     * @param unit id of a unit of the caller's area; default: the caller's own unit (the country for national users)
     * @param children true: one row per unit directly below the unit (households of no village as a unit without id)
     */
    @GetMapping("/data-values")
    @Operation(operationId = "reportCreditDataValues",
            summary = "Policy credit and labour-export figures as data values (indicator × period × unit × programme or country)",
            description = """
            Indicators: `loans`, `households`, `outstanding_vnd`, `overdue_vnd`, `overdue_share` (percent, two \
            decimals; no row without a balance), `disbursed`, `disbursed_vnd` with breakdown `all` or a lending \
            programme's code; `workers_abroad`, `workers_departed`, `workers_returned` with breakdown `all` or a \
            country's code (ISO 3166-1 alpha-2). Units outside the user's area answer 403.""")
    DataValues dataValues(
            @Parameter(description = "list years, comma separated (at most 10); default: this year")
            @RequestParam(required = false) String period,
            @Parameter(description = "id of the unit (GET /api/v1/units); default: the user's own unit")
            @RequestParam(required = false) Long unit,
            @Parameter(description = "true: one row per unit directly below the unit, instead of the unit's total")
            @RequestParam(defaultValue = "false") boolean children,
            Locale locale) {
        SectionDataValues out = new SectionDataValues(reports, messages, locale);
        out.breakdowns.put(ALL, out.label("report.credit.programme.all") + " / " + out.label("report.labour.country.all"));
        names(out.indicators, locale);
        boolean english = "en".equals(locale.getLanguage());
        return out.collect(period, unit, (year, ctx) -> {
            CreditLabourSection.Section s = reports.credit(ctx);
            s.programmes().forEach(p -> out.breakdowns.put(p.code(), english ? p.nameEn() : p.nameVi()));
            s.countries().forEach(c -> out.breakdowns.put(c.code(), english ? c.nameEn() : c.nameVi()));
            UnitRef whole = out.whole(ctx);
            // (unit, breakdown) → sums: loans, households, outstanding, overdue, disbursed, disbursed amount
            Map<UnitRef, Map<String, long[]>> loans = new LinkedHashMap<>();
            for (Loans.ProgrammeRow r : s.loans()) {
                UnitRef place = children ? out.below(r.unitId(), r.unitCode(), r.unitName()) : whole;
                long[] v = {r.loans(), r.households(), r.outstanding(), r.overdue(), r.disbursed(), r.disbursedAmount()};
                add(loans.computeIfAbsent(place, p -> new LinkedHashMap<>()).computeIfAbsent(ALL, b -> new long[6]), v);
                add(loans.get(place).computeIfAbsent(r.programme(), b -> new long[6]), v);
            }
            Map<UnitRef, Map<String, long[]>> workers = new LinkedHashMap<>();
            for (Workers.CountryRow r : s.workers()) {
                UnitRef place = children ? out.below(r.unitId(), r.unitCode(), r.unitName()) : whole;
                long[] v = {r.abroad(), r.departed(), r.returned()};
                add(workers.computeIfAbsent(place, p -> new LinkedHashMap<>()).computeIfAbsent(ALL, b -> new long[3]), v);
                add(workers.get(place).computeIfAbsent(r.country(), b -> new long[3]), v);
            }
            List<DataValue> rows = out.rows;
            loans.forEach((place, byBreakdown) -> {
                out.units.putIfAbsent(place.code(), place);
                byBreakdown.forEach((b, v) -> {
                    String[] codes = {"loans", "households", "outstanding_vnd", "overdue_vnd"};
                    for (int i = 0; i < codes.length; i++) {
                        rows.add(new DataValue(codes[i], year, place, b, BigDecimal.valueOf(v[i])));
                    }
                    BigDecimal share = Shares.percent(v[3], v[2]);
                    if (share != null) {
                        rows.add(new DataValue("overdue_share", year, place, b, share));
                    }
                    rows.add(new DataValue("disbursed", year, place, b, BigDecimal.valueOf(v[4])));
                    rows.add(new DataValue("disbursed_vnd", year, place, b, BigDecimal.valueOf(v[5])));
                });
            });
            workers.forEach((place, byBreakdown) -> {
                out.units.putIfAbsent(place.code(), place);
                byBreakdown.forEach((b, v) -> {
                    rows.add(new DataValue("workers_abroad", year, place, b, BigDecimal.valueOf(v[0])));
                    rows.add(new DataValue("workers_departed", year, place, b, BigDecimal.valueOf(v[1])));
                    rows.add(new DataValue("workers_returned", year, place, b, BigDecimal.valueOf(v[2])));
                });
            });
        });
    }

    private void names(Map<String, String> names, Locale locale) {
        String outstanding = label("report.credit.col.outstandingGroup", locale) + ": ";
        String disbursed = label("report.credit.col.disbursedGroup", locale) + ": ";
        names.put("loans", outstanding + label("report.credit.col.loans", locale));
        names.put("households", outstanding + label("report.credit.col.households", locale));
        names.put("outstanding_vnd", label("report.credit.dataValues.outstanding", locale));
        names.put("overdue_vnd", label("report.credit.dataValues.overdue", locale));
        names.put("overdue_share", label("report.credit.col.overdueShare", locale));
        names.put("disbursed", disbursed + label("report.credit.col.loans", locale));
        names.put("disbursed_vnd", label("report.credit.dataValues.disbursed", locale));
        names.put("workers_abroad", label("report.labour.col.abroad", locale));
        String period = label("report.labour.col.periodGroup", locale) + ": ";
        names.put("workers_departed", period + label("report.labour.col.departed", locale));
        names.put("workers_returned", period + label("report.labour.col.returned", locale));
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
