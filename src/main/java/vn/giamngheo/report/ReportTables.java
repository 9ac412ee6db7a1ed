package vn.giamngheo.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.view.NoData;
import vn.giamngheo.report.rules.Place;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.view.Tables;
import vn.giamngheo.format.Formats;

/** Turns a report's figures into the official tables in the reader's language (one or two tables per report). */
@Component
class ReportTables {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final vn.giamngheo.areaclass.AreaClasses areaClasses;

    ReportTables(MessageSource messages, vn.giamngheo.areaclass.AreaClasses areaClasses) {
        this.areaClasses = areaClasses;
        this.messages = messages;
    }

    /** The communes named in a report's note on undecided communes; the others are counted ("… and 40 more"). */
    static final int UNDECIDED_NAMED = 200;

    /** The tables for a page or a file: unknown figures say "no data" in the reader's language. */
    List<ReportTable> tables(ReportSet set, Locale locale) {
        return tables(set, locale, true);
    }

    /**
     * The tables; {@code sayNoData} false leaves unknown figures as empty (null) cells, as the API gives them (with
     * its flags), true writes "no data" in the first of them.
     */
    List<ReportTable> tables(ReportSet set, Locale locale, boolean sayNoData) {
        String text = sayNoData ? label("report.noData", locale) : null;
        List<ReportTable> list = raw(set, locale).stream().map(t -> noData(set, t, text)).toList();
        if (set.classes() == null) {
            return list;
        }
        List<ReportTable> withClasses = new ArrayList<>(list);
        withClasses.add(byClass(set, locale));
        return withClasses;
    }

    /** Empties the poor and near-poor figures of the lines whose unit (or year) has no recognised list. */
    private static ReportTable noData(ReportSet set, ReportTable t, String text) {
        Coverage coverage = set.coverage();
        if (set.kind() == ReportKind.PEOPLE || set.kind() == ReportKind.CREDIT) {
            return t;   // members are counted from the register: known without the lists (the notes say how many are decided)
        }
        if (set.kind() == ReportKind.TRENDS) {
            Map<String, Boolean> known = new java.util.HashMap<>();
            set.trend().forEach(y -> known.put(String.valueOf(y.year()), y.hasData()));
            return NoData.blank(t, line -> !known.getOrDefault(String.valueOf(line.values().get(0)), true), 2, text);
        }
        if (set.kind() == ReportKind.RESULTS) {
            Map<Long, Unit> units = new java.util.HashMap<>();
            for (Results.Row row : set.results().rows()) {
                if (row.key().unit() != null) {
                    units.put(row.key().unit().id(), row.key().unit());
                }
            }
            return NoData.blank(t, line -> {
                Unit u = line.unitId() == null ? null : units.get(line.unitId());
                return u == null ? !coverage.hasData() : !coverage.hasData(u);
            }, 3, text);
        }
        if (coverage.hasData()) {
            return t;
        }
        int first = 0;
        while (first < t.columns().size() && t.columns().get(first).kind() != ReportTable.Kind.INTEGER
                && t.columns().get(first).kind() != ReportTable.Kind.PERCENT) {
            first++;
        }
        return first == t.columns().size() ? t : NoData.blank(t, line -> true, first, text);
    }

    private List<ReportTable> raw(ReportSet set, Locale locale) {
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        ReportContext ctx = set.context();
        String title = label.apply("report.kind." + set.kind().code());
        List<String> subtitles = new ArrayList<>(subtitles(ctx, label, locale));
        if (ctx.group() != vn.giamngheo.population.PopulationGroup.ALL) {
            subtitles.add(label("report.subtitle.group", locale, label.apply(ctx.group().messageKey())));
        }
        if (ctx.areaClass() != null) {
            subtitles.add(label("report.subtitle.areaClass", locale, areaClasses.find(ctx.areaClass())
                    .map(c -> c.name(locale)).orElse(ctx.areaClass())));
        }
        subtitles.add(basis(set, locale));
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
            case PEOPLE -> PeopleTables.of(set.people(), title, subtitles, label, (key, args) -> label(key, locale, args),
                    peopleNotes(set, locale), locale);
            case CREDIT -> CreditTables.of(set.credit(), title, subtitles, label, creditNotes(set, locale), locale);
        };
    }

    /** The results broken down by area class: a row per class of the catalogue, the columns of the totals. */
    private ReportTable byClass(ReportSet set, Locale locale) {
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        String poor = label.apply("report.col.poor");
        String near = label.apply("report.col.nearPoor");
        List<ReportTable.Column> cols = List.of(new ReportTable.Column(null, label.apply("report.col.areaClass"), ReportTable.Kind.TEXT, 36),
                new ReportTable.Column(null, label.apply("report.col.households"), ReportTable.Kind.INTEGER, 12),
                new ReportTable.Column(poor, label.apply("report.col.number"), ReportTable.Kind.INTEGER, 10),
                new ReportTable.Column(poor, label.apply("report.col.rate"), ReportTable.Kind.PERCENT, 10),
                new ReportTable.Column(near, label.apply("report.col.number"), ReportTable.Kind.INTEGER, 10),
                new ReportTable.Column(near, label.apply("report.col.rate"), ReportTable.Kind.PERCENT, 10));
        List<ReportTable.Line> lines = new ArrayList<>();
        for (ReportSet.ClassCounts c : set.classes()) {
            vn.giamngheo.report.rules.Counts n = c.counts();
            lines.add(new ReportTable.Line(ReportTable.LineType.ROW, java.util.Arrays.asList(c.areaClass().name(locale),
                    n.households(), n.poor(), n.poorRate(), n.nearPoor(), n.nearPoorRate()), null));
        }
        List<String> subtitles = new ArrayList<>(subtitles(set.context(), label, locale));
        subtitles.add(basis(set, locale));
        return new ReportTable(label.apply("report.table.byClass"), subtitles, cols, lines,
                List.of(label.apply("report.table.byClass.note")));
    }

    /** The people section's notes: the lists counted, then what is counted and how (the definitions in force). */
    private List<String> peopleNotes(ReportSet set, Locale locale) {
        List<String> notes = new ArrayList<>(coverageNotes(set, locale));
        vn.giamngheo.people.PeopleFigures.Definitions d = set.people().definitions();
        Formats f = Formats.of(locale);
        notes.add(label("report.people.note.basis", locale, f.date(set.people().day())));
        notes.add(label("report.people.note.ages", locale, f.count(d.workingAgeMin()), f.count(d.retirementMaleMonths() / 12),
                f.count(d.retirementMaleMonths() % 12), f.count(d.retirementFemaleMonths() / 12),
                f.count(d.retirementFemaleMonths() % 12), f.count(d.schoolAgeMin()), f.count(d.schoolAgeMax())));
        notes.add(label("report.people.note.definitions", locale));
        return notes;
    }

    /** The credit section's notes: the day and period counted, and what is counted. */
    private List<String> creditNotes(ReportSet set, Locale locale) {
        Formats f = Formats.of(locale);
        return List.of(label("report.credit.note.basis", locale, f.date(set.credit().on()), f.date(set.credit().from())),
                label("report.credit.note.definitions", locale));
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

    /** What the figures count: the recognised lists of the list year, under the standard scheduled for it. */
    String basis(ReportSet set, Locale locale) {
        return label("report.basis", locale, String.valueOf(set.context().year()),
                set.standard() == null ? label("report.basis.noStandard", locale) : set.standard());
    }

    /** The coverage notes of a report set (with the standards of the earlier lists it counts). */
    List<String> coverageNotes(ReportSet set, Locale locale) {
        return coverageNotes(set.coverage(), set.listStandards() == null ? Map.of() : set.listStandards(), locale);
    }

    /** Whether the lists of the year are decided everywhere, partly (how many of each, the undecided named) or nowhere. */
    List<String> coverageNotes(Coverage c, Locale locale) {
        return coverageNotes(c, Map.of(), locale);
    }

    /** {@code standards}: the standard of each earlier list year counted (said with it when known). */
    List<String> coverageNotes(Coverage c, Map<Integer, String> standards, Locale locale) {
        String year = String.valueOf(c.year());
        if (c.total() == 0) {
            return List.of();
        }
        if (!c.hasData()) {
            return List.of(label("report.coverage.none", locale, year, String.valueOf(c.total())));
        }
        if (c.complete()) {
            return List.of(label("report.coverage.complete", locale, String.valueOf(c.total()), year));
        }
        List<String> notes = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        c.earlierYears().forEach((y, n) -> earlier.add(standards.containsKey(y)
                ? label("report.coverage.earlierYearStandard", locale, String.valueOf(y), String.valueOf(n), standards.get(y))
                : label("report.coverage.earlierYear", locale, String.valueOf(y), String.valueOf(n))));
        if (c.count(Coverage.State.DECIDED) == 0) {
            notes.add(label("report.coverage.allEarlier", locale, String.valueOf(c.total()), year,
                    String.join(", ", earlier), String.valueOf(c.count(Coverage.State.NONE))));
        } else {
            notes.add(label("report.coverage.mixed", locale, String.valueOf(c.total()),
                    String.valueOf(c.count(Coverage.State.DECIDED)), year, String.valueOf(c.count(Coverage.State.EARLIER)),
                    earlier.isEmpty() ? "—" : String.join(", ", earlier), String.valueOf(c.count(Coverage.State.NONE))));
        }
        List<String> names = new ArrayList<>();
        List<Coverage.CommuneState> undecided = c.undecided();
        for (Coverage.CommuneState s : undecided.subList(0, Math.min(UNDECIDED_NAMED, undecided.size()))) {
            names.add(s.state() == Coverage.State.NONE
                    ? label("report.coverage.communeNone", locale, s.commune().name(), s.commune().code())
                    : label("report.coverage.communeEarlier", locale, s.commune().name(), s.commune().code(),
                    String.valueOf(s.listYear())));
        }
        String list = String.join("; ", names);
        if (undecided.size() > UNDECIDED_NAMED) {
            list += " " + label("report.coverage.more", locale, String.valueOf(undecided.size() - UNDECIDED_NAMED));
        }
        notes.add(label("report.coverage.undecided", locale, year, list));
        return notes;
    }

    private List<String> notes(ReportSet set, Function<String, String> label, Locale locale) {
        List<String> notes = new ArrayList<>(coverageNotes(set, locale));
        int none = set.coverage().count(Coverage.State.NONE);
        if (set.kind() == ReportKind.BANDS && none > 0 && set.coverage().hasData()) {
            // the bands keep their figures (every commune by its counted rate); say which rates are not known
            notes.add(label("report.coverage.bandsNone", locale, String.valueOf(none)));
        }
        notes.add(label.apply("report.method.title") + ": " + label.apply("report.method.text"));
        Map<Place.Method, Long> m = set.results().methods();
        Formats f = Formats.of(locale);
        notes.add(label("report.method.counts", locale, count(m, Place.Method.SAME, f), count(m, Place.Method.SUCCESSOR, f),
                count(m, Place.Method.VILLAGE, f), count(m, Place.Method.REGISTER, f), count(m, Place.Method.PREDECESSOR, f),
                count(m, Place.Method.UNPLACED, f)));
        return notes;
    }

    private static String count(Map<Place.Method, Long> m, Place.Method k, Formats f) {
        return f.count(m.getOrDefault(k, 0L));
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
