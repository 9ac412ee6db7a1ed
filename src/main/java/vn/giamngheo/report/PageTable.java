package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import vn.giamngheo.report.view.ReportTable;

/**
 * A report table ready for the page: header cells with their spans, rows of printed values, drill-down links.
 *
 * <p>The body's cells are written here, HTML-escaped, one string per row ({@link PageRow#html()}): a provincial
 * table has thousands of cells, and evaluating a handful of template expressions per cell made the template the
 * page's main cost (issue 9, docs/benchmarks.md "Web under load"); {@link #body()} joins the rows.
 */
record PageTable(String title, List<String> subtitles, List<HeaderCell> top, List<HeaderCell> bottom, List<PageRow> rows,
                 List<String> notes, int width) {

    /** The drill-down link of a row's unit (a path from the site's root), or none. */
    interface DrillLinks {
        DrillLinks NONE = unitId -> null;

        String href(long unitId);
    }

    record HeaderCell(String text, int colspan, int rowspan) {
    }

    /** {@code html}: the row's cells, escaped, ready to be written inside its {@code <tr>}. */
    record PageRow(String type, List<PageCell> cells, Long unitId, String html) {
    }

    record PageCell(String text, boolean number) {
    }

    /**
     * {@code links}: the drill-down link of a unit's row, written on its second cell (the unit's name);
     * {@code drillTitle}: that link's tooltip.
     */
    static PageTable of(ReportTable t, Locale locale, DrillLinks links, String drillTitle) {
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
        ReportFiles.Numbers numbers = new ReportFiles.Numbers(locale);
        List<PageRow> rows = new ArrayList<>();
        for (ReportTable.Line line : t.lines()) {
            List<PageCell> cells = new ArrayList<>();
            if (line.type() == ReportTable.LineType.SECTION) {
                cells.add(new PageCell(String.valueOf(line.values().get(0)), false));
            } else {
                for (int k = 0; k < line.values().size(); k++) {
                    ReportTable.Kind kind = t.columns().get(k).kind();
                    cells.add(new PageCell(numbers.show(line.values().get(k)),
                            kind == ReportTable.Kind.INTEGER || kind == ReportTable.Kind.PERCENT));
                }
            }
            String href = line.unitId() == null ? null : links.href(line.unitId());
            rows.add(new PageRow(line.type().name().toLowerCase(Locale.ROOT), cells, line.unitId(),
                    html(line.type() == ReportTable.LineType.SECTION, cells, t.columns().size(), href, drillTitle)));
        }
        return new PageTable(t.title(), t.subtitles(), top, bottom, rows, t.notes(), t.columns().size());
    }

    /**
     * The whole body, {@code <tr class="type">} and the row's cells per row: the page writes it with one template
     * expression per table (a provincial table has hundreds of rows, and two expressions per row were still half
     * the page's time).
     */
    public String body() {
        StringBuilder b = new StringBuilder(rows.stream().mapToInt(r -> r.html().length() + 24).sum());
        for (PageRow r : rows) {
            b.append("<tr class=\"").append(escape(r.type())).append("\">").append(r.html()).append("</tr>\n");
        }
        return b.toString();
    }

    private static String html(boolean section, List<PageCell> cells, int width, String href, String drillTitle) {
        StringBuilder b = new StringBuilder(cells.size() * 32);
        if (section) {
            b.append("<td colspan=\"").append(width).append("\">").append(escape(cells.get(0).text())).append("</td>");
            return b.toString();
        }
        for (int k = 0; k < cells.size(); k++) {
            PageCell c = cells.get(k);
            b.append(c.number() ? "<td class=\"num\">" : "<td>");
            if (k == 1 && href != null) {
                b.append("<a title=\"").append(escape(drillTitle)).append("\" href=\"").append(escape(href)).append("\">")
                        .append(escape(c.text())).append("</a>");
            } else {
                b.append(escape(c.text()));
            }
            b.append("</td>");
        }
        return b.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
