package vn.giamngheo.support;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The gap list of a commune (entitled, nothing received in the period) — or its leakage list (benefits recorded in
 * the period for someone not entitled on the benefit's date) — as an XLSX sheet with Vietnamese headers. Every text
 * is a plain string cell, never a formula, whatever it starts with; member numbers are numeric cells.
 */
final class GapWorkbook {

    static final String SHEET = "Chưa được hưởng";
    static final String LEAKAGE_SHEET = "Nhận khi không thuộc diện";
    static final List<String> HEADERS = List.of("Mã chính sách", "Chính sách", "Thôn", "Mã hộ", "Chủ hộ",
            "Số thứ tự thành viên", "Họ và tên người được hưởng");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private GapWorkbook() {
    }

    static void write(CoverageReport report, Map<String, String> policyNames, OutputStream out) throws IOException {
        write(SHEET, "Danh sách người, hộ thuộc diện được hưởng nhưng chưa nhận hỗ trợ", "Thuộc diện vào ngày "
                + DAY.format(report.to()) + "; chưa nhận từ " + DAY.format(report.from()) + " đến " + DAY.format(report.to()),
                report, report.gap(), policyNames, out);
    }

    static void writeLeakage(CoverageReport report, Map<String, String> policyNames, OutputStream out) throws IOException {
        write(LEAKAGE_SHEET, "Danh sách người, hộ nhận hỗ trợ khi không thuộc diện", "Hỗ trợ ghi nhận từ "
                + DAY.format(report.from()) + " đến " + DAY.format(report.to()) + ", không thuộc diện vào ngày nhận",
                report, report.leakage(), policyNames, out);
    }

    private static void write(String sheetName, String title, String period, CoverageReport report,
                              List<CoverageReport.Beneficiary> list, Map<String, String> policyNames, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            text(sheet.createRow(r++), 0, title);
            text(sheet.createRow(r++), 0, "Đơn vị: " + report.unit().name() + " (" + report.unit().code() + ")");
            text(sheet.createRow(r++), 0, period);
            r++;
            Row header = sheet.createRow(r++);
            for (int c = 0; c < HEADERS.size(); c++) {
                text(header, c, HEADERS.get(c)).setCellStyle(bold);
            }
            for (CoverageReport.Beneficiary b : list) {
                Row row = sheet.createRow(r++);
                text(row, 0, b.policyCode());
                text(row, 1, policyNames.getOrDefault(b.policyCode(), b.policyCode()));
                text(row, 2, b.village());
                text(row, 3, b.householdCode());
                text(row, 4, b.headName());
                if (b.memberNo() != null) {
                    row.createCell(5).setCellValue(b.memberNo());
                }
                text(row, 6, b.memberNo() == null ? b.headName() : b.memberName());
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, c == 1 ? 50 * 256 : c == 4 || c == 6 ? 30 * 256 : 16 * 256);
            }
            workbook.write(out);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }
}
