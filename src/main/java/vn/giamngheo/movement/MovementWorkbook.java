package vn.giamngheo.movement;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.movement.rules.Reconciliation;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The movement report as an official-looking XLSX: merged Vietnamese headers (poor, near-poor, each with start,
 * flows, end and residual), one row per unit below, the unit's own total, a place, date and signature block; a
 * second sheet lists the households that moved. Text is always written as plain strings, never formulas.
 */
final class MovementWorkbook {

    static final List<String> COLUMNS = List.of("Đầu kỳ", "Thoát", "Tái", "Phát sinh", "Chuyển đi", "Chuyển đến",
            "Cuối kỳ", "Chênh lệch");
    static final Map<String, String> STATUS = Map.of(PovertyStatus.POOR.code(), "Nghèo", PovertyStatus.NEAR_POOR.code(), "Cận nghèo",
            PovertyStatus.AVERAGE.code(), "Mức sống trung bình", PovertyStatus.NOT_POOR.code(), "Không nghèo");
    static final Map<String, String> FLOW = Map.of("escaped", "thoát", "re_entered", "tái",
            "newly_entered", "phát sinh", "departed", "chuyển đi", "arrived", "chuyển đến");
    static final Map<String, String> HOW = Map.of("moved_in", "chuyển đến", "split", "tách hộ", "moved_out", "chuyển đi",
            "dissolved", "giải thể", "merged", "nhập hộ");

    private MovementWorkbook() {
    }

    static void write(MovementReport report, LocalDate today, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Biến động");
            int last = 1 + 2 * COLUMNS.size();
            int r = 0;
            merged(sheet, r++, 0, last, "BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO", styles.title);
            merged(sheet, r++, 0, last, "Đơn vị: " + report.unitName() + " (" + report.unitCode() + ")", styles.center);
            merged(sheet, r++, 0, last, period(report), styles.center);
            r++;
            int head = r;
            Row top = sheet.createRow(r++);
            Row sub = sheet.createRow(r++);
            text(top, 0, "STT", styles.header);
            text(sub, 0, "", styles.header);
            text(top, 1, "Đơn vị", styles.header);
            text(sub, 1, "", styles.header);
            sheet.addMergedRegion(new CellRangeAddress(head, head + 1, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(head, head + 1, 1, 1));
            String[] groups = {"Hộ nghèo", "Hộ cận nghèo"};
            for (int g = 0; g < 2; g++) {
                int first = 2 + g * COLUMNS.size();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    text(top, first + c, c == 0 ? groups[g] : "", styles.header);
                    text(sub, first + c, COLUMNS.get(c), styles.header);
                }
                sheet.addMergedRegion(new CellRangeAddress(head, head, first, first + COLUMNS.size() - 1));
            }
            int no = 1;
            for (PartMovement p : report.parts()) {
                Row row = sheet.createRow(r++);
                number(row, 0, no++, styles.number);
                text(row, 1, p.name(), styles.cell);
                figures(row, 2, p.poor(), styles, false);
                figures(row, 2 + COLUMNS.size(), p.nearPoor(), styles, false);
            }
            Row total = sheet.createRow(r++);
            text(total, 0, "", styles.totalText);
            text(total, 1, "Tổng cộng", styles.totalText);
            figures(total, 2, report.poor(), styles, true);
            figures(total, 2 + COLUMNS.size(), report.nearPoor(), styles, true);
            r++;
            text(sheet.createRow(r++), 0, "Số hộ mới thoát nghèo (trong " + report.newlyEscapedMonths() + " tháng): "
                    + report.newlyEscaped(), styles.plain);
            text(sheet.createRow(r++), 0, "Cuối kỳ đếm từ danh sách đang có hiệu lực, không suy ra từ các biến động; "
                    + "chênh lệch = cuối kỳ − (đầu kỳ − thoát + tái + phát sinh − chuyển đi + chuyển đến).", styles.plain);
            if (!report.parts().isEmpty()) {
                text(sheet.createRow(r++), 0, "Hộ chuyển giữa các đơn vị trực thuộc được tính chuyển đi ở đơn vị này, "
                        + "chuyển đến ở đơn vị kia, nhưng không tính ở dòng tổng cộng.", styles.plain);
            }
            r++;
            Row place = sheet.createRow(r++);
            merged(sheet, place.getRowNum(), last - 6, last, "……, ngày " + today.getDayOfMonth() + " tháng "
                    + today.getMonthValue() + " năm " + today.getYear(), styles.italic);
            Row sign = sheet.createRow(r++);
            merged(sheet, sign.getRowNum(), 0, 6, "NGƯỜI LẬP BIỂU", styles.title);
            merged(sheet, sign.getRowNum(), last - 6, last, "THỦ TRƯỞNG ĐƠN VỊ", styles.title);
            Row hint = sheet.createRow(r);
            merged(sheet, hint.getRowNum(), 0, 6, "(Ký, ghi rõ họ tên)", styles.italic);
            merged(sheet, hint.getRowNum(), last - 6, last, "(Ký, ghi rõ họ tên, đóng dấu)", styles.italic);
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 32 * 256);
            for (int c = 2; c <= last; c++) {
                sheet.setColumnWidth(c, 11 * 256);
            }
            sheet.createFreezePane(2, head + 2);
            households(workbook.createSheet("Danh sách hộ"), report, styles);
            workbook.write(out);
        }
    }

    private static void households(Sheet sheet, MovementReport report, Styles styles) {
        List<String> headers = List.of("STT", "Mã hộ", "Chủ hộ", "Thôn", "Đầu kỳ", "Cuối kỳ", "Hộ nghèo", "Hộ cận nghèo",
                "Chuyển đến / đi", "Mới thoát nghèo");
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            text(header, c, headers.get(c), styles.header);
        }
        int r = 1;
        for (HouseholdMovement h : report.households()) {
            Row row = sheet.createRow(r);
            number(row, 0, r++, styles.number);
            text(row, 1, h.householdCode(), styles.cell);
            text(row, 2, h.headName(), styles.cell);
            text(row, 3, h.villageName(), styles.cell);
            text(row, 4, h.fromStatus() == null ? "" : STATUS.get(h.fromStatus()), styles.cell);
            text(row, 5, h.toStatus() == null ? "" : STATUS.get(h.toStatus()), styles.cell);
            text(row, 6, String.join(", ", h.poorFlows().stream().map(FLOW::get).toList()), styles.cell);
            text(row, 7, String.join(", ", h.nearPoorFlows().stream().map(FLOW::get).toList()), styles.cell);
            text(row, 8, HOW.getOrDefault(h.arrival() != null ? h.arrival() : String.valueOf(h.departure()), ""), styles.cell);
            text(row, 9, h.newlyEscaped() ? "x" : "", styles.cell);
        }
        int[] widths = {6, 18, 28, 20, 16, 16, 22, 22, 16, 14};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    static String period(MovementReport report) {
        String span = "Từ " + date(report.from()) + " đến " + date(report.to());
        return report.listYear() == null ? span
                : span + " (đầu kỳ: danh sách năm " + report.listYear() + "; cuối kỳ: danh sách năm " + (report.listYear() + 1) + ")";
    }

    private static String date(LocalDate d) {
        return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static void figures(Row row, int first, Reconciliation r, Styles styles, boolean total) {
        long[] values = {r.start(), r.escaped(), r.reEntered(), r.newlyEntered(), r.departed(), r.arrived(), r.end(), r.residual()};
        for (int c = 0; c < values.length; c++) {
            CellStyle style = c == values.length - 1 && values[c] != 0 ? styles.residual : total ? styles.totalNumber : styles.number;
            number(row, first + c, values[c], style);
        }
    }

    private static void merged(Sheet sheet, int rowNum, int from, int to, String value, CellStyle style) {
        Row row = sheet.getRow(rowNum) == null ? sheet.createRow(rowNum) : sheet.getRow(rowNum);
        text(row, from, value, style);
        sheet.addMergedRegion(new CellRangeAddress(rowNum, rowNum, from, to));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle center;
        final CellStyle italic;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle number;
        final CellStyle totalText;
        final CellStyle totalNumber;
        final CellStyle residual;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font italicFont = wb.createFont();
            italicFont.setItalic(true);
            short integer = wb.createDataFormat().getFormat("#,##0");
            title = wb.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            center = wb.createCellStyle();
            center.setAlignment(HorizontalAlignment.CENTER);
            italic = wb.createCellStyle();
            italic.setFont(italicFont);
            italic.setAlignment(HorizontalAlignment.CENTER);
            plain = wb.createCellStyle();
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            cell = bordered(wb);
            number = bordered(wb);
            number.setDataFormat(integer);
            totalText = bordered(wb);
            totalText.setFont(bold);
            totalNumber = bordered(wb);
            totalNumber.setFont(bold);
            totalNumber.setDataFormat(integer);
            residual = bordered(wb);
            residual.setFont(bold);
            residual.setDataFormat(integer);
            residual.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            residual.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
