package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import vn.giamngheo.report.ReportDataValuesController.DataValue;
import vn.giamngheo.report.ReportDataValuesController.DataValues;
import vn.giamngheo.report.ReportDataValuesController.MetaData;
import vn.giamngheo.report.ReportDataValuesController.UnitRef;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * One answer of a report section's data values ({@code GET /api/v1/reports/<section>/data-values}, counted from the
 * registers on today's map): the periods asked for, each one's context in the user's area and its name, the units the
 * rows refer to, and the answer in the shape of {@code GET /api/v1/reports/data-values}. The section names its
 * indicators and breakdowns and adds its rows for each period.
 */
final class SectionDataValues {

    /** What a section adds for one period: its rows, naming their units, indicators and breakdowns. */
    interface Period {
        void add(int year, ReportContext ctx);
    }

    final List<DataValue> rows = new ArrayList<>();
    final Map<String, UnitRef> units = new LinkedHashMap<>();
    final Map<String, String> indicators = new LinkedHashMap<>();
    final Map<String, String> breakdowns = new LinkedHashMap<>();
    private final Map<String, String> periodNames = new LinkedHashMap<>();
    private final ReportService reports;
    private final MessageSource messages;
    private final Locale locale;

    SectionDataValues(ReportService reports, MessageSource messages, Locale locale) {
        this.reports = reports;
        this.messages = messages;
        this.locale = locale;
    }

    /**
     * The answer for the periods ({@code period}: list years, comma separated; default this year) of the unit (of the
     * user's area; default the user's own unit), each period's rows added by {@code period}.
     */
    DataValues collect(String period, Long unit, Period each) {
        CurrentUser user = CurrentUsers.require();
        List<Integer> periods = ReportDataValuesController.periods(period, reports.today().getYear());
        for (int year : periods) {
            ReportContext ctx = reports.context(unit, year, "today", user);
            periodNames.put(String.valueOf(year), messages.getMessage("report.dataValues.period",
                    new Object[] {String.valueOf(year)}, locale));
            each.add(year, ctx);
        }
        return new DataValues(rows, new MetaData(indicators, periodNames, units, breakdowns, List.of()), "register", "today");
    }

    /** The unit of the context as a whole: the country for a national context. */
    UnitRef whole(ReportContext ctx) {
        return ctx.national() ? new UnitRef(null, "VN", label("report.country"))
                : new UnitRef(ctx.unit().id(), ctx.unit().code(), ctx.unit().name());
    }

    /** A unit directly below the context's unit; the households of no village as a unit without id. */
    UnitRef below(Long id, String code, String name) {
        return id == null ? new UnitRef(null, "no_village", label("report.row.noVillage")) : new UnitRef(id, code, name);
    }

    String label(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
