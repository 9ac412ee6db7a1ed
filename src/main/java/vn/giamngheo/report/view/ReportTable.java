package vn.giamngheo.report.view;

import java.util.List;

/**
 * A report laid out as an official table, ready for any format (page, XLSX, PDF, CSV): title lines,
 * columns (adjacent columns of one group share a merged upper header), and lines — section headings, unit
 * rows, subtotals and the grand total. Values are text, whole numbers (Long) or shares as fractions (Double);
 * null is an empty cell. {@code links} holds, per line, the unit id a row drills down to (or null).
 */
public record ReportTable(String title, List<String> subtitles, List<Column> columns, List<Line> lines,
                          List<String> notes) {

    public enum Kind { TEXT, CENTERED, INTEGER, PERCENT }

    public enum LineType { SECTION, ROW, SUBTOTAL, TOTAL }

    public record Column(String group, String header, Kind kind, int width) {
    }

    public record Line(LineType type, List<Object> values, Long unitId) {

        public Line {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public static Line section(String text) {
            return new Line(LineType.SECTION, List.of(text), null);
        }
    }

    public ReportTable {
        subtitles = List.copyOf(subtitles);
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        for (Line l : lines) {
            if (l.type() != LineType.SECTION && l.values().size() != columns.size()) {
                throw new IllegalArgumentException("a line has " + l.values().size() + " values for " + columns.size()
                        + " columns");
            }
        }
    }
}
