package vn.giamngheo.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Registrations against escapes by unit, and the households without a helper, as XLSX sheets with Vietnamese
 * headers. Texts are plain string cells (never formulas), counts numeric cells.
 */
final class EscapeWorkbook {

    static final List<String> UNIT_HEADERS = List.of("Cấp", "Mã xã", "Xã", "Thôn", "Số hộ đăng ký thoát nghèo",
            "Trong đó hộ nghèo", "Trong đó hộ cận nghèo", "Dự kiến thoát", "Chưa có kết quả", "Đã thoát",
            "Thoát nghèo", "Thoát cận nghèo", "Đã thoát trong số dự kiến", "Không thoát", "Tỷ lệ thoát (%)", "Rút đăng ký");
    static final List<String> UNASSIGNED_HEADERS = List.of("Mã hộ", "Chủ hộ", "Mã xã", "Xã", "Thôn", "Tình trạng theo quyết định");

    private EscapeWorkbook() {
    }

    static void write(int listYear, String areaName, List<EscapeReport.UnitRow> rows, List<HelperRecords.Unassigned> unassigned,
                      OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet sheet = workbook.createSheet("Đăng ký thoát nghèo");
            int r = 0;
            text(sheet.createRow(r++), 0, "Hộ đăng ký thoát nghèo và kết quả — danh sách năm " + listYear);
            text(sheet.createRow(r++), 0, "Địa bàn: " + areaName);
            r++;
            header(sheet.createRow(r++), UNIT_HEADERS, bold);
            for (EscapeReport.UnitRow u : rows) {
                Row row = sheet.createRow(r++);
                text(row, 0, switch (u.level()) {
                    case "total" -> "Tổng";
                    case "commune" -> "Xã";
                    default -> "Thôn";
                });
                text(row, 1, u.communeCode());
                text(row, 2, u.communeName());
                text(row, 3, u.level().equals("village") && u.villageName() == null ? "(chưa có thôn)" : u.villageName());
                int[] counts = {u.registered(), u.registeredPoor(), u.registeredNearPoor(), u.expected(), u.open(), u.escaped(),
                        u.escapedPoor(), u.escapedNearPoor(), u.escapedExpected(), u.notEscaped()};
                for (int i = 0; i < counts.length; i++) {
                    row.createCell(4 + i).setCellValue(counts[i]);
                }
                if (u.escapeRate() != null) {
                    row.createCell(14).setCellValue(u.escapeRate());
                }
                row.createCell(15).setCellValue(u.withdrawn());
            }
            for (int c = 0; c < UNIT_HEADERS.size(); c++) {
                sheet.setColumnWidth(c, c == 2 || c == 3 ? 28 * 256 : 14 * 256);
            }

            Sheet second = workbook.createSheet("Hộ chưa có người giúp đỡ");
            r = 0;
            text(second.createRow(r++), 0, "Hộ nghèo, hộ cận nghèo chưa được phân công giúp đỡ — " + areaName);
            r++;
            header(second.createRow(r++), UNASSIGNED_HEADERS, bold);
            for (HelperRecords.Unassigned u : unassigned) {
                Row row = second.createRow(r++);
                text(row, 0, u.householdCode());
                text(row, 1, u.headName());
                text(row, 2, u.communeCode());
                text(row, 3, u.communeName());
                text(row, 4, u.villageName());
                text(row, 5, PovertyStatus.POOR.is(u.decidedStatus()) ? "Hộ nghèo" : "Hộ cận nghèo");
            }
            for (int c = 0; c < UNASSIGNED_HEADERS.size(); c++) {
                second.setColumnWidth(c, c == 1 || c == 3 ? 28 * 256 : 16 * 256);
            }
            workbook.write(out);
        }
    }

    private static void header(Row row, List<String> headers, CellStyle bold) {
        for (int c = 0; c < headers.size(); c++) {
            text(row, c, headers.get(c)).setCellStyle(bold);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }
}
