package vn.giamngheo.report.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import vn.giamngheo.report.view.ReportTable.Column;
import vn.giamngheo.report.view.ReportTable.Kind;
import vn.giamngheo.report.view.ReportTable.Line;
import vn.giamngheo.report.view.ReportTable.LineType;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.Shares;

/**
 * Lays the figures out as the tables the provincial plans print. Every label comes from {@code label}
 * (a message key → the text in the reader's language), so the layout is the same in every language.
 */
public final class Tables {

    private Tables() {
    }

    /** Results by unit: urban section, rural section, then all households, each with its subtotal, then the total. */
    public static ReportTable results(Results r, boolean decision59, String title, List<String> subtitles,
                                      Function<String, String> label, Function<Selection.RowKey, String> rowName,
                                      List<String> notes) {
        List<Column> cols = new ArrayList<>(List.of(
                new Column(null, label.apply("report.col.no"), Kind.CENTERED, 5),
                new Column(null, label.apply("report.col.unit"), Kind.TEXT, 30),
                new Column(null, label.apply("report.col.households"), Kind.INTEGER, 11)));
        String poor = label.apply("report.col.poor");
        String near = label.apply("report.col.nearPoor");
        cols.addAll(List.of(new Column(poor, label.apply("report.col.number"), Kind.INTEGER, 9),
                new Column(poor, label.apply("report.col.rate"), Kind.PERCENT, 8),
                new Column(poor, label.apply("report.col.ethnic"), Kind.INTEGER, 9),
                new Column(poor, label.apply("report.col.social"), Kind.INTEGER, 9),
                new Column(poor, label.apply("report.col.merit"), Kind.INTEGER, 9)));
        if (decision59) {
            cols.add(new Column(poor, label.apply("report.col.incomePoor"), Kind.INTEGER, 9));
            cols.add(new Column(poor, label.apply("report.col.deprivationPoor"), Kind.INTEGER, 9));
        }
        cols.addAll(List.of(new Column(near, label.apply("report.col.number"), Kind.INTEGER, 9),
                new Column(near, label.apply("report.col.rate"), Kind.PERCENT, 8),
                new Column(near, label.apply("report.col.ethnic"), Kind.INTEGER, 9),
                new Column(near, label.apply("report.col.social"), Kind.INTEGER, 9),
                new Column(near, label.apply("report.col.merit"), Kind.INTEGER, 9)));
        List<Line> lines = new ArrayList<>();
        String[][] sections = {{Results.URBAN, "report.section.urban", "report.subtotal.urban"},
                {Results.RURAL, "report.section.rural", "report.subtotal.rural"},
                {null, "report.section.all", null}};
        for (String[] s : sections) {
            lines.add(Line.section(label.apply(s[1])));
            int no = 0;
            for (Results.Row row : r.rows()) {
                Counts c = row.section(s[0]);
                if (s[0] != null && c.households() == 0) {
                    continue;
                }
                lines.add(new Line(LineType.ROW, figures(String.valueOf(++no), rowName.apply(row.key()), c, decision59),
                        row.key().unit() == null ? null : row.key().unit().id()));
            }
            if (s[2] != null) {
                lines.add(new Line(LineType.SUBTOTAL, figures("", label.apply(s[2]), r.total().section(s[0]), decision59), null));
            }
        }
        lines.add(new Line(LineType.TOTAL, figures("", label.apply("report.total"), r.total().all(), decision59), null));
        return new ReportTable(title, subtitles, cols, lines, notes);
    }

    static List<Object> figures(String no, String name, Counts c, boolean decision59) {
        List<Object> v = new ArrayList<>(Arrays.asList(no, name, c.households(), c.poor(), c.poorRate(),
                c.poorEthnicMinority(), c.poorSocialProtection(), c.poorMerit()));
        if (decision59) {
            v.add(c.poorIncome());
            v.add(c.poorDeprivation());
        }
        v.addAll(Arrays.asList(c.nearPoor(), c.nearPoorRate(), c.nearPoorEthnicMinority(), c.nearPoorSocialProtection(),
                c.nearPoorMerit()));
        return v;
    }

    /** Poor and near-poor households per code (indicator, dimension or cause): number and share of each list. */
    public static ReportTable codes(CodeTally t, boolean withGroup, String title, List<String> subtitles,
                                    Function<String, String> label, Function<String, String> codeName,
                                    Function<String, String> groupName, String codeHeader, List<String> notes) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(null, label.apply("report.col.no"), Kind.CENTERED, 5));
        if (withGroup) {
            cols.add(new Column(null, label.apply("report.col.dimension"), Kind.TEXT, 22));
        }
        cols.add(new Column(null, codeHeader, Kind.TEXT, 36));
        String poor = label.apply("report.col.poor");
        String near = label.apply("report.col.nearPoor");
        cols.addAll(List.of(new Column(poor, label.apply("report.col.number"), Kind.INTEGER, 10),
                new Column(poor, label.apply("report.col.shareOfList"), Kind.PERCENT, 10),
                new Column(near, label.apply("report.col.number"), Kind.INTEGER, 10),
                new Column(near, label.apply("report.col.shareOfList"), Kind.PERCENT, 10)));
        List<Line> lines = new ArrayList<>();
        int no = 0;
        for (CodeTally.Line l : t.lines()) {
            List<Object> v = new ArrayList<>();
            v.add(String.valueOf(++no));
            if (withGroup) {
                v.add(groupName.apply(l.group()));
            }
            v.addAll(Arrays.asList(codeName.apply(l.code()), l.poor(), Shares.of(l.poor(), t.poor()), l.nearPoor(),
                    Shares.of(l.nearPoor(), t.nearPoor())));
            lines.add(new Line(LineType.ROW, v, null));
        }
        List<Object> total = new ArrayList<>();
        total.add("");
        if (withGroup) {
            total.add("");
        }
        total.addAll(Arrays.asList(label.apply("report.listTotal"), t.poor(), t.poor() > 0 ? 1.0 : null, t.nearPoor(),
                t.nearPoor() > 0 ? 1.0 : null));
        lines.add(new Line(LineType.TOTAL, total, null));
        return new ReportTable(title, subtitles, cols, lines, notes);
    }

    /** Communes by band of poverty rate. */
    public static ReportTable bands(List<RateBands.Band> bands, String title, List<String> subtitles,
                                    Function<String, String> label, List<String> notes) {
        List<Column> cols = List.of(new Column(null, label.apply("report.col.no"), Kind.CENTERED, 5),
                new Column(null, label.apply("report.col.band"), Kind.TEXT, 22),
                new Column(null, label.apply("report.col.communes"), Kind.INTEGER, 12),
                new Column(null, label.apply("report.col.households"), Kind.INTEGER, 12),
                new Column(null, label.apply("report.col.poorHouseholds"), Kind.INTEGER, 12));
        List<Line> lines = new ArrayList<>();
        long communes = 0;
        long households = 0;
        long poor = 0;
        for (RateBands.Band b : bands) {
            lines.add(new Line(LineType.ROW, List.of(String.valueOf(b.index() + 1), b.label(), b.communes(), b.households(),
                    b.poor()), null));
            communes += b.communes();
            households += b.households();
            poor += b.poor();
        }
        lines.add(new Line(LineType.TOTAL, List.of("", label.apply("report.total"), communes, households, poor), null));
        return new ReportTable(title, subtitles, cols, lines, notes);
    }

    /** Totals of each list year. */
    public static ReportTable trend(List<Integer> years, List<Counts> counts, String title, List<String> subtitles,
                                    Function<String, String> label, List<String> notes) {
        String poor = label.apply("report.col.poor");
        String near = label.apply("report.col.nearPoor");
        List<Column> cols = List.of(new Column(null, label.apply("report.col.year"), Kind.CENTERED, 8),
                new Column(null, label.apply("report.col.households"), Kind.INTEGER, 12),
                new Column(poor, label.apply("report.col.number"), Kind.INTEGER, 10),
                new Column(poor, label.apply("report.col.rate"), Kind.PERCENT, 10),
                new Column(near, label.apply("report.col.number"), Kind.INTEGER, 10),
                new Column(near, label.apply("report.col.rate"), Kind.PERCENT, 10));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            Counts c = counts.get(i);
            lines.add(new Line(LineType.ROW, c == null
                    ? Arrays.asList(String.valueOf(years.get(i)), null, null, null, null, null)
                    : Arrays.asList(String.valueOf(years.get(i)), c.households(), c.poor(), c.poorRate(), c.nearPoor(),
                    c.nearPoorRate()), null));
        }
        return new ReportTable(title, subtitles, cols, lines, notes);
    }
}
