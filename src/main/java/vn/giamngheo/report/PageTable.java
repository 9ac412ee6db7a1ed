package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.report.rules.ReportTable;

/** A report table ready for the page: header cells with their spans, rows of printed values, drill-down links. */
record PageTable(String title, List<String> subtitles, List<HeaderCell> top, List<HeaderCell> bottom, List<PageRow> rows,
                 List<String> notes, int width) {

    record HeaderCell(String text, int colspan, int rowspan) {
    }

    record PageRow(String type, List<PageCell> cells, Long unitId) {
    }

    record PageCell(String text, boolean number) {
    }

    static PageTable of(ReportTable t, Locale locale) {
        List<HeaderCell> top = new ArrayList<>();
        List<HeaderCell> bottom = new ArrayList<>();
        boolean two = t.columns().stream().anyMatch(c -> c.group() != null);
        int i = 0;
        while (i < t.columns().size()) {
            ReportTable.Column c = t.columns().get(i);
            if (c.group() == null) {
                top.add(new HeaderCell(c.header(), 1, two ? 2 : 1));
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < t.columns().size() && c.group().equals(t.columns().get(end + 1).group())) {
                end++;
            }
            top.add(new HeaderCell(c.group(), end - i + 1, 1));
            for (int k = i; k <= end; k++) {
                bottom.add(new HeaderCell(t.columns().get(k).header(), 1, 1));
            }
            i = end + 1;
        }
        List<PageRow> rows = new ArrayList<>();
        for (ReportTable.Line line : t.lines()) {
            List<PageCell> cells = new ArrayList<>();
            if (line.type() == ReportTable.LineType.SECTION) {
                cells.add(new PageCell(String.valueOf(line.values().get(0)), false));
            } else {
                for (int k = 0; k < line.values().size(); k++) {
                    ReportTable.Kind kind = t.columns().get(k).kind();
                    cells.add(new PageCell(ReportFiles.show(line.values().get(k), kind, locale),
                            kind == ReportTable.Kind.INTEGER || kind == ReportTable.Kind.PERCENT));
                }
            }
            rows.add(new PageRow(line.type().name().toLowerCase(Locale.ROOT), cells, line.unitId()));
        }
        return new PageTable(t.title(), t.subtitles(), top, bottom, rows, t.notes(), t.columns().size());
    }
}
