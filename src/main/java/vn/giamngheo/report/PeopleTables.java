package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import vn.giamngheo.format.Formats;
import vn.giamngheo.people.PeopleFigures;
import vn.giamngheo.people.rules.AgeBands;
import vn.giamngheo.people.rules.PeopleCounts;
import vn.giamngheo.people.rules.PersonIndicator;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.view.ReportTable.Column;
import vn.giamngheo.report.view.ReportTable.Kind;
import vn.giamngheo.report.view.ReportTable.Line;
import vn.giamngheo.report.view.ReportTable.LineType;

/**
 * The people section of the report set as two tables: members by sex and age band, and the person-level indicators
 * with their denominators (members counted, base, share); each table has a section per group of households (poor,
 * near-poor, all) with a row per unit and the group's total.
 */
final class PeopleTables {

    private PeopleTables() {
    }

    static List<ReportTable> of(PeopleFigures.Section s, String title, List<String> subtitles,
                                Function<String, String> label, java.util.function.BiFunction<String, Object[], String> message,
                                List<String> notes, Locale locale) {
        Formats f = Formats.of(locale);
        AgeBands bands = s.definitions().bands();
        List<Column> ages = new ArrayList<>(List.of(new Column(null, label.apply("report.col.no"), Kind.CENTERED, 5),
                new Column(null, label.apply("report.col.unit"), Kind.TEXT, 28),
                new Column(null, label.apply("report.people.col.members"), Kind.INTEGER, 10),
                new Column(label.apply("report.people.col.sex"), label.apply("report.people.col.male"), Kind.INTEGER, 9),
                new Column(label.apply("report.people.col.sex"), label.apply("report.people.col.female"), Kind.INTEGER, 9)));
        for (int i = 0; i < bands.size(); i++) {
            Integer to = bands.to(i);
            String header = to == null ? message.apply("report.people.band.open", new Object[] {f.count(bands.from(i))})
                    : message.apply("report.people.band.range", new Object[] {f.count(bands.from(i)), f.count(to)});
            ages.add(new Column(label.apply("report.people.col.ages"), header, Kind.INTEGER, 9));
        }
        List<Column> shares = new ArrayList<>(ages.subList(0, 2));
        for (PersonIndicator i : PersonIndicator.values()) {
            String group = label.apply("report.people.indicator." + i.code());
            shares.add(new Column(group, label.apply("report.people.col.count"), Kind.INTEGER, 9));
            shares.add(new Column(group, label.apply("report.people.base." + i.base().name().toLowerCase(Locale.ROOT)),
                    Kind.INTEGER, 9));
            shares.add(new Column(group, label.apply("report.col.rate"), Kind.PERCENT, 8));
        }
        List<Line> ageLines = new ArrayList<>();
        List<Line> shareLines = new ArrayList<>();
        for (String group : PeopleFigures.GROUPS) {
            String heading = label.apply("report.people.group." + group);
            ageLines.add(Line.section(heading));
            shareLines.add(Line.section(heading));
            int no = 0;
            for (PeopleFigures.Row row : s.rows()) {
                String name = row.unitId() == null ? label.apply("report.row.noVillage") : row.name();
                String n = f.count(++no);
                PeopleCounts c = row.groups().get(group);
                ageLines.add(new Line(LineType.ROW, ages(n, name, c), row.unitId()));
                shareLines.add(new Line(LineType.ROW, shares(n, name, c), row.unitId()));
            }
            String total = label.apply("report.people.total." + group);
            ageLines.add(new Line(LineType.TOTAL, ages("", total, s.totals().get(group)), null));
            shareLines.add(new Line(LineType.TOTAL, shares("", total, s.totals().get(group)), null));
        }
        return List.of(new ReportTable(title + " — " + label.apply("report.people.table.ages"), subtitles, ages, ageLines,
                        notes),
                new ReportTable(title + " — " + label.apply("report.people.table.indicators"), subtitles, shares,
                        shareLines, notes));
    }

    private static List<Object> ages(String no, String name, PeopleCounts c) {
        List<Object> v = new ArrayList<>(Arrays.asList(no, name, c.members(), c.male(), c.female()));
        v.addAll(c.bands());
        return v;
    }

    private static List<Object> shares(String no, String name, PeopleCounts c) {
        List<Object> v = new ArrayList<>(Arrays.asList(no, name));
        for (PersonIndicator i : PersonIndicator.values()) {
            v.add(c.count(i));
            v.add(c.base(i.base()));
            v.add(c.share(i));
        }
        return v;
    }
}
