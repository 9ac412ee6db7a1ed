package vn.giamngheo.report.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Figures that are not known are not zero: in the lines of a table whose unit (or year) has no recognised list,
 * the poor and near-poor columns — from column {@code from} on — are emptied, and the first of them says so
 * ({@code text}, e.g. "chưa có số liệu"; null leaves every cell empty, as the API wants: null and a flag).
 */
public final class NoData {

    private NoData() {
    }

    public static ReportTable blank(ReportTable t, Predicate<ReportTable.Line> noData, int from, String text) {
        List<ReportTable.Line> lines = new ArrayList<>(t.lines().size());
        boolean changed = false;
        for (ReportTable.Line line : t.lines()) {
            if (line.type() == ReportTable.LineType.SECTION || !noData.test(line)) {
                lines.add(line);
                continue;
            }
            List<Object> values = new ArrayList<>(line.values());
            for (int k = from; k < values.size(); k++) {
                values.set(k, k == from ? text : null);
            }
            lines.add(new ReportTable.Line(line.type(), values, line.unitId()));
            changed = true;
        }
        return changed ? new ReportTable(t.title(), t.subtitles(), t.columns(), lines, t.notes()) : t;
    }
}
