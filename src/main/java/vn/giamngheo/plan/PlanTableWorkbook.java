package vn.giamngheo.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.plan.rules.PlanColumn;

/**
 * The plan target table as XLSX: a header row with the column names of exchange-format §4 (so
 * the file reads back with the same columns), one row per commune plan and the total row "Tổng số" (counts
 * summed, rates recomputed from them, two decimals).
 */
final class PlanTableWorkbook {

    static final String TOTAL = "Tổng số";

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

    /**
     * The table, and when there are coverage targets a second sheet with them ({@code coverageHeaders}, then one
     * row of values per target: text or numbers). The first sheet stays the §4 table, so the file reads back.
     */
    static byte[] write(Plan plan, List<Plan> children, List<String> coverageHeaders, List<List<Object>> coverage) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Chỉ tiêu giảm nghèo");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle rate = wb.createCellStyle();
            rate.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            int last = PlanColumn.values().length;
            // the header is the first row so the file reads back with the §4 columns (TableReader takes the
            // first non-blank row as the header); the title is the sheet's header line when printed
            sheet.getHeader().setCenter("CHỈ TIÊU GIẢM NGHÈO NĂM " + plan.year() + " - "
                    + plan.unitName().toUpperCase(java.util.Locale.ROOT));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(PlanColumn.UNIT);
            PlanColumn[] columns = PlanColumn.values();
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i + 1).setCellValue(columns[i].header());
                header.getCell(i + 1).setCellStyle(bold);
            }
            header.getCell(0).setCellStyle(bold);
            int r = 1;
            for (Line line : lines(plan, children)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.unit());
                List<Number> values = line.values();
                for (int i = 0; i < values.size(); i++) {
                    var cell = row.createCell(i + 1);
                    cell.setCellValue(values.get(i).doubleValue());
                    if (columns[i].isRate()) {
                        cell.setCellStyle(rate);
                    }
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            for (int c = 1; c <= last; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            if (!coverage.isEmpty()) {
                Sheet cs = wb.createSheet("Chỉ tiêu theo chiều");
                Row h = cs.createRow(0);
                for (int i = 0; i < coverageHeaders.size(); i++) {
                    h.createCell(i).setCellValue(coverageHeaders.get(i));
                    h.getCell(i).setCellStyle(bold);
                }
                int cr = 1;
                for (List<Object> values : coverage) {
                    Row row = cs.createRow(cr++);
                    for (int i = 0; i < values.size(); i++) {
                        var cell = row.createCell(i);
                        if (values.get(i) instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            if (n instanceof BigDecimal) {
                                cell.setCellStyle(rate);
                            }
                        } else {
                            cell.setCellValue(String.valueOf(values.get(i)));
                        }
                    }
                }
                cs.setColumnWidth(1, 40 * 256);
                for (int c = 2; c < coverageHeaders.size(); c++) {
                    cs.setColumnWidth(c, 16 * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
