package vn.giamngheo.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.rules.Place;
import vn.giamngheo.report.rules.ReportTable;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.Tables;

/** Turns a report's figures into the official tables in the reader's language (one or two tables per report). */
@Component
class ReportTables {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    ReportTables(MessageSource messages) {
        this.messages = messages;
    }

    List<ReportTable> tables(ReportSet set, Locale locale) {
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        ReportContext ctx = set.context();
        String title = label.apply("report.kind." + set.kind().code());
        List<String> subtitles = subtitles(ctx, label, locale);
        List<String> notes = notes(set, label, locale);
        return switch (set.kind()) {
            case RESULTS -> List.of(Tables.results(set.results(), ctx.decision59() || hasKinds(set), title, subtitles, label,
                    key -> rowName(key, label), notes));
            case DEPRIVATIONS -> List.of(
                    Tables.codes(set.indicators(), true, title + " — " + label.apply("report.table.indicators"), subtitles,
                            label, code -> message("classification.indicator." + code, code, locale),
                            dim -> message("analysis.dimension." + dim, dim, locale), label.apply("report.col.indicator"), List.of()),
                    Tables.codes(set.dimensions(), false, title + " — " + label.apply("report.table.dimensions"), subtitles,
                            label, dim -> message("analysis.dimension." + dim, dim, locale), dim -> dim,
                            label.apply("report.col.dimension"), notes));
            case CAUSES -> List.of(Tables.codes(set.causes(), false, title, subtitles, label,
                    code -> message("cause." + code, code, locale), c -> c, label.apply("report.col.cause"), notes));
            case BANDS -> List.of(Tables.bands(set.bands(), title, subtitles, label, notes));
            case TRENDS -> List.of(Tables.trend(set.trend().stream().map(ReportSet.TrendYear::year).toList(),
                    set.trend().stream().map(ReportSet.TrendYear::counts).toList(), title, subtitles, label, notes));
        };
    }

    String label(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static boolean hasKinds(ReportSet set) {
        return set.results().total().all().poorIncome() + set.results().total().all().poorDeprivation() > 0;
    }

    private List<String> subtitles(ReportContext ctx, Function<String, String> label, Locale locale) {
        String unitName = ctx.national() ? label.apply("report.country") : ctx.unitName();
        return List.of(label("report.subtitle.unit", locale, unitName),
                label("report.subtitle.year", locale, String.valueOf(ctx.year()),
                        label.apply("report.boundaries." + ctx.boundaries().code()),
                        label("report.subtitle.mapDate", locale, ctx.unitsDate().format(DAY))));
    }

    private List<String> notes(ReportSet set, Function<String, String> label, Locale locale) {
        List<String> notes = new ArrayList<>();
        notes.add(label.apply("report.method.title") + ": " + label.apply("report.method.text"));
        Map<Place.Method, Long> m = set.results().methods();
        notes.add(label("report.method.counts", locale, count(m, Place.Method.SAME), count(m, Place.Method.SUCCESSOR),
                count(m, Place.Method.VILLAGE), count(m, Place.Method.REGISTER), count(m, Place.Method.PREDECESSOR),
                count(m, Place.Method.UNPLACED)));
        return notes;
    }

    private static String count(Map<Place.Method, Long> m, Place.Method k) {
        return String.format(Locale.ROOT, "%,d", m.getOrDefault(k, 0L)).replace(',', '.');
    }

    String rowName(Selection.RowKey key, Function<String, String> label) {
        return switch (key.kind()) {
            case UNIT -> key.unit().name();
            case NO_VILLAGE -> label.apply("report.row.noVillage");
            case UNPLACED -> label.apply("report.row.unplaced");
        };
    }

    private String message(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
