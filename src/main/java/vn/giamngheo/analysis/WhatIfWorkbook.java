package vn.giamngheo.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The changed households of a what-if as an XLSX sheet with Vietnamese headers. Every text is written as a
 * plain string cell (never a formula, whatever it starts with); counts are numeric cells.
 */
final class WhatIfWorkbook {

    static final List<String> HEADERS = List.of("Mã hộ", "Chủ hộ", "Thôn", "Mã xã", "Xã", "Trước (chuẩn hiện hành)",
            "Sau (phương án)", "Số thiếu hụt trước", "Số thiếu hụt sau", "Thiếu thông tin");

    private WhatIfWorkbook() {
    }

    static void write(WhatIfResult result, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Hộ thay đổi");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            text(sheet.createRow(r++), 0, "Đơn vị: " + result.unitName() + " (" + result.unitCode() + ")");
            text(sheet.createRow(r++), 0, "Chuẩn hiện hành: " + result.currentStandard());
            text(sheet.createRow(r++), 0, "Phương án: " + result.candidate());
            text(sheet.createRow(r++), 0, "Không lưu dữ liệu: danh sách đã quyết định không thay đổi.");
            r++;
            Row header = sheet.createRow(r++);
            for (int c = 0; c < HEADERS.size(); c++) {
                text(header, c, HEADERS.get(c)).setCellStyle(bold);
            }
            for (ChangedHousehold h : result.rows()) {
                Row row = sheet.createRow(r++);
                text(row, 0, h.householdCode());
                text(row, 1, h.headName());
                text(row, 2, h.villageName());
                text(row, 3, h.communeCode());
                text(row, 4, h.communeName());
                text(row, 5, Outcome.valueOf(h.from().toUpperCase(java.util.Locale.ROOT)).vietnamese());
                text(row, 6, Outcome.valueOf(h.to().toUpperCase(java.util.Locale.ROOT)).vietnamese());
                number(row, 7, h.deprivationsBefore());
                number(row, 8, h.deprivationsAfter());
                text(row, 9, h.missingFact());
            }
            if (result.notListed() > 0) {
                text(sheet.createRow(r + 1), 0, "… và " + result.notListed() + " hộ khác (danh sách giới hạn "
                        + WhatIfTally.ROW_CAP + " hộ)");
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, c == 1 || c == 4 || c >= 5 && c <= 6 ? 30 * 256 : 16 * 256);
            }
            workbook.write(out);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }

    private static void number(Row row, int column, Integer value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
    }
}
