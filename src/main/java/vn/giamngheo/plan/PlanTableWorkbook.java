package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.document.WorkbookBuilder.RowBuilder;
import vn.giamngheo.document.WorkbookBuilder.SheetBuilder;
import vn.giamngheo.plan.rules.PlanColumn;

/**
 * The plan target table as XLSX: a header row with the column titles in the reader's language (which read back as
 * the columns of exchange-format §4, see {@link PlanTableHeaders}), one row per commune plan and the total row "Tổng số" (counts
 * summed, rates recomputed from them, two decimals).
 */
final class PlanTableWorkbook {

    static final String TOTAL = "Tổng số";
    /** Rates in per cent with two decimals (the values are per cent already, not fractions). */
    private static final String RATE = "0.00";
    /** Counts of households with thousands separators. */
    private static final String COUNT = "#,##0";

    private PlanTableWorkbook() {
    }

    /** One line of the table: the unit and the counts it prints. */
    record Line(String unit, int households, int poor, int reduction, int poorPolicy, int poorSocialProtection) {
        static Line of(Plan p) {
            return new Line(p.unitName(), p.households(), p.poor(), p.poorReduction(), p.poorPolicy(), p.poorSocialProtection());
        }

        Line plus(Line o) {
            return new Line(TOTAL, households + o.households, poor + o.poor, reduction + o.reduction, poorPolicy + o.poorPolicy,
                    poorSocialProtection + o.poorSocialProtection);
        }

        /** The values in the order of {@link PlanColumn}. */
        List<Number> values() {
            int end = poor - reduction;
            return List.of(households, poor, rate(poor), reduction, rate(reduction), end, rate(end), poorPolicy, rate(poorPolicy),
                    poorSocialProtection, rate(poorSocialProtection));
        }

        BigDecimal rate(int count) {
            return households == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(households), 2, RoundingMode.HALF_UP);
        }
    }

    static List<Line> lines(Plan plan, List<Plan> children) {
        List<Line> lines = new ArrayList<>();
        if (children.isEmpty()) {
            lines.add(Line.of(plan));
            return lines;
        }
        Line total = new Line(TOTAL, 0, 0, 0, 0, 0);
        for (Plan c : children) {
            Line l = Line.of(c);
            if (l.households() == 0 && l.poor() == 0) {
                continue; // a commune without households or listed households prints no line
            }
            lines.add(l);
            total = total.plus(l);
        }
        lines.add(total);
        return lines;
    }

    static byte[] write(Plan plan, List<Plan> children) {
        return write(plan, children, List.of(), List.of());
    }

    /** As {@link #write(Plan, List, List, List)} with the column titles in Vietnamese. */
    static byte[] write(Plan plan, List<Plan> children, List<String> coverageHeaders, List<List<Object>> coverage) {
        return write(plan, children, coverageHeaders, coverage, Locale.forLanguageTag("vi"));
    }

    /**
     * The table, and when there are coverage targets a second sheet with them ({@code coverageHeaders}, then one
     * row of values per target: text or numbers). The first sheet stays the §4 table, so the file reads back.
     */
    static byte[] write(Plan plan, List<Plan> children, List<String> coverageHeaders, List<List<Object>> coverage,
                        Locale locale) {
        WorkbookBuilder book = WorkbookBuilder.create();
        SheetBuilder sheet = book.sheet(PlanTableHeaders.text("plan.table.sheet", locale));
        int last = PlanColumn.values().length;
        // the header is the first row so the file reads back with the §4 columns (TableReader takes the
        // first non-blank row as the header); the title is the sheet's header line when printed
        sheet.printHeader(PlanTableHeaders.text("plan.table.title", locale) + " " + plan.year() + " - "
                + plan.unitName().toUpperCase(Locale.ROOT));
        PlanColumn[] columns = PlanColumn.values();
        // the titles in the reader's language; they read back as the §4 codes (PlanTableHeaders)
        sheet.header(PlanTableHeaders.titles(locale));
        for (Line line : lines(plan, children)) {
            // the total row in the reader's language ("Tổng số", "Total"): both read back as the total row
            RowBuilder row = sheet.row().text(TOTAL.equals(line.unit()) ? PlanTableHeaders.text("plan.table.total", locale) : line.unit());
            List<Number> values = line.values();
            for (int i = 0; i < values.size(); i++) {
                if (columns[i].isRate()) {
                    row.number(values.get(i), RATE);
                } else {
                    row.number(values.get(i), COUNT);
                }
            }
        }
        sheet.widths(last + 1, c -> c == 0 ? 36 : 14);
        if (!coverage.isEmpty()) {
            SheetBuilder cs = book.sheet(PlanTableHeaders.text("plan.table.coverageSheet", locale)).header(coverageHeaders);
            for (List<Object> values : coverage) {
                RowBuilder row = cs.row();
                for (Object value : values) {
                    if (value instanceof BigDecimal n) {
                        row.number(n, RATE);
                    } else if (value instanceof Number n) {
                        row.number(n);
                    } else {
                        row.text(String.valueOf(value));
                    }
                }
            }
            cs.width(1, 40);
            for (int c = 2; c < coverageHeaders.size(); c++) {
                cs.width(c, 16);
            }
        }
        return book.bytes();
    }
}
