package vn.giamngheo.support;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.giamngheo.document.WorkbookBuilder;

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
        // streamed: a commune of 8,000 households has tens of thousands of people in its gap list
        try (WorkbookBuilder workbook = WorkbookBuilder.streaming(200)) {
            WorkbookBuilder.SheetBuilder sheet = workbook.sheet(sheetName)
                    .title(title)
                    .title("Đơn vị: " + report.unit().name() + " (" + report.unit().code() + ")")
                    .title(period)
                    .blank()
                    .header(HEADERS);
            int headerRow = sheet.rowIndex() - 1;
            // printed on A4 across, the header kept in view and filterable: officials print and sort these lists
            sheet.printOnA4(true).freeze(0, headerRow + 1);
            sheet.poi().setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf((headerRow + 1) + ":" + (headerRow + 1)));
            for (CoverageReport.Beneficiary b : list) {
                sheet.row().text(b.policyCode()).text(policyNames.getOrDefault(b.policyCode(), b.policyCode()))
                        .text(b.village()).text(b.householdCode()).text(b.headName()).numberOrNothing(b.memberNo())
                        .text(b.memberNo() == null ? b.headName() : b.memberName());
            }
            sheet.autoFilter(headerRow, HEADERS.size());
            sheet.widths(HEADERS.size(), c -> c == 0 ? 24 : c == 1 ? 50 : c == 4 || c == 6 ? 30 : 16);
            workbook.write(out);
        }
    }
}
