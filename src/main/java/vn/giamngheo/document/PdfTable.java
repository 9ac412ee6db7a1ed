package vn.giamngheo.document;

import java.util.List;

/**
 * A table as printed tables have it: columns, the groups of the first header row (a group cell spans its
 * sub-columns; a column without a group has its header span both header rows; no groups: one header row), an
 * optional row of column numbers (1), (2)…, and the lines. Laid out by {@link OfficialPdf#table(PdfTable, float)}
 * with column widths from the font's metrics ({@link ColumnWidths}).
 */
public record PdfTable(List<PdfColumn> columns, List<PdfColumnGroup> groups, List<PdfRow> rows, boolean numbered) {

    public PdfTable {
        columns = List.copyOf(columns);
        groups = groups == null || groups.isEmpty() ? columns.stream().map(c -> PdfColumnGroup.single()).toList()
                : List.copyOf(groups);
        rows = List.copyOf(rows);
        int spanned = groups.stream().mapToInt(PdfColumnGroup::span).sum();
        if (spanned != columns.size()) {
            throw new IllegalArgumentException("groups span " + spanned + " columns, table has " + columns.size());
        }
        for (PdfRow r : rows) {
            if (r.kind() != PdfRow.Kind.SECTION && r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.cells().size() + " cells, table has " + columns.size()
                        + " columns");
            }
        }
    }

    /** Two header rows when at least one group has a label. */
    public boolean grouped() {
        return groups.stream().anyMatch(g -> !(g.span() == 1 && Text.isBlank(g.label())));
    }

    /** The groups made from each column's group label: adjacent columns with the same label share one cell. */
    public static List<PdfColumnGroup> groupsOf(List<String> labels) {
        List<PdfColumnGroup> groups = new java.util.ArrayList<>();
        int i = 0;
        while (i < labels.size()) {
            String label = labels.get(i);
            int span = 1;
            if (!Text.isBlank(label)) {
                while (i + span < labels.size() && label.equals(labels.get(i + span))) {
                    span++;
                }
            }
            groups.add(Text.isBlank(label) ? PdfColumnGroup.single() : new PdfColumnGroup(label, span));
            i += span;
        }
        return groups;
    }
}
