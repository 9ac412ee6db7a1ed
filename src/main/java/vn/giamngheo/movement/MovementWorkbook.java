package vn.giamngheo.movement;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.IndexedColors;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.document.WorkbookBuilder.Look;
import vn.giamngheo.document.WorkbookBuilder.RowBuilder;
import vn.giamngheo.document.WorkbookBuilder.SheetBuilder;
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

    private static final Look TITLE = Look.PLAIN.bold().centred();
    private static final Look CENTRE = Look.PLAIN.centred();
    private static final Look ITALIC = Look.PLAIN.italic().centred();
    private static final Look HEADER = Look.PLAIN.bold().centred().middle().bordered().wrapped()
            .filled(IndexedColors.GREY_25_PERCENT);
    private static final Look CELL = Look.PLAIN.bordered();
    private static final Look NUMBER = CELL.format(WorkbookBuilder.INTEGER);
    private static final Look TOTAL_TEXT = CELL.bold();
    private static final Look TOTAL_NUMBER = NUMBER.bold();
    private static final Look RESIDUAL = TOTAL_NUMBER.filled(IndexedColors.ROSE);

    static void write(MovementReport report, LocalDate today, OutputStream out) throws IOException {
        WorkbookBuilder book = WorkbookBuilder.create();
        SheetBuilder sheet = book.sheet("Biến động");
        int last = 1 + 2 * COLUMNS.size();
        sheet.row().merged("BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO", TITLE, last);
        sheet.row().merged("Đơn vị: " + report.unitName() + " (" + report.unitCode() + ")", CENTRE, last);
        sheet.row().merged(period(report), CENTRE, last);
        sheet.blank();
        int head = sheet.rowIndex();
        RowBuilder top = sheet.row().text("STT", HEADER).text("Đơn vị", HEADER);
        RowBuilder sub = sheet.row().text("", HEADER).text("", HEADER);
        sheet.merge(head, head + 1, 0, 0).merge(head, head + 1, 1, 1);
        String[] groups = {"Hộ nghèo", "Hộ cận nghèo"};
        for (int g = 0; g < 2; g++) {
            int first = 2 + g * COLUMNS.size();
            for (int c = 0; c < COLUMNS.size(); c++) {
                top.text(c == 0 ? groups[g] : "", HEADER);
                sub.text(COLUMNS.get(c), HEADER);
            }
            sheet.merge(head, head, first, first + COLUMNS.size() - 1);
        }
        int no = 1;
        for (PartMovement p : report.parts()) {
            RowBuilder row = sheet.row().number(no++, NUMBER).text(p.name(), CELL);
            figures(row, p.poor(), false);
            figures(row, p.nearPoor(), false);
        }
        RowBuilder total = sheet.row().text("", TOTAL_TEXT).text("Tổng cộng", TOTAL_TEXT);
        figures(total, report.poor(), true);
        figures(total, report.nearPoor(), true);
        sheet.blank();
        sheet.row().text("Số hộ mới thoát nghèo (trong " + report.newlyEscapedMonths() + " tháng): "
                + report.newlyEscaped(), Look.PLAIN);
        sheet.row().text("Cuối kỳ đếm từ danh sách đang có hiệu lực, không suy ra từ các biến động; "
                + "chênh lệch = cuối kỳ − (đầu kỳ − thoát + tái + phát sinh − chuyển đi + chuyển đến).", Look.PLAIN);
        if (!report.parts().isEmpty()) {
            sheet.row().text("Hộ chuyển giữa các đơn vị trực thuộc được tính chuyển đi ở đơn vị này, "
                    + "chuyển đến ở đơn vị kia, nhưng không tính ở dòng tổng cộng.", Look.PLAIN);
        }
        sheet.blank();
        sheet.row().at(last - 6).merged("……, ngày " + today.getDayOfMonth() + " tháng "
                + today.getMonthValue() + " năm " + today.getYear(), ITALIC, last);
        sheet.row().merged("NGƯỜI LẬP BIỂU", TITLE, 6).at(last - 6).merged("THỦ TRƯỞNG ĐƠN VỊ", TITLE, last);
        sheet.row().merged("(Ký, ghi rõ họ tên)", ITALIC, 6).at(last - 6).merged("(Ký, ghi rõ họ tên, đóng dấu)", ITALIC, last);
        sheet.widths(last + 1, c -> c == 0 ? 6 : c == 1 ? 32 : 11);
        sheet.freeze(2, head + 2);
        households(book.sheet("Danh sách hộ"), report);
        book.write(out);
    }

    private static void households(SheetBuilder sheet, MovementReport report) {
        List<String> headers = List.of("STT", "Mã hộ", "Chủ hộ", "Thôn", "Đầu kỳ", "Cuối kỳ", "Hộ nghèo", "Hộ cận nghèo",
                "Chuyển đến / đi", "Mới thoát nghèo");
        RowBuilder header = sheet.row();
        headers.forEach(h -> header.text(h, HEADER));
        int no = 1;
        for (HouseholdMovement h : report.households()) {
            sheet.row()
                    .number(no++, NUMBER)
                    .text(h.householdCode(), CELL)
                    .text(h.headName(), CELL)
                    .text(h.villageName(), CELL)
                    .text(h.fromStatus() == null ? "" : STATUS.get(h.fromStatus()), CELL)
                    .text(h.toStatus() == null ? "" : STATUS.get(h.toStatus()), CELL)
                    .text(String.join(", ", h.poorFlows().stream().map(FLOW::get).toList()), CELL)
                    .text(String.join(", ", h.nearPoorFlows().stream().map(FLOW::get).toList()), CELL)
                    .text(HOW.getOrDefault(h.arrival() != null ? h.arrival() : String.valueOf(h.departure()), ""), CELL)
                    .text(h.newlyEscaped() ? "x" : "", CELL);
        }
        int[] widths = {6, 18, 28, 20, 16, 16, 22, 22, 16, 14};
        sheet.widths(widths.length, c -> widths[c]);
        sheet.freeze(0, 1);
    }

    static String period(MovementReport report) {
        String span = "Từ " + date(report.from()) + " đến " + date(report.to());
        return report.listYear() == null ? span
                : span + " (đầu kỳ: danh sách năm " + report.listYear() + "; cuối kỳ: danh sách năm " + (report.listYear() + 1) + ")";
    }

    private static String date(LocalDate d) {
        return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static void figures(RowBuilder row, Reconciliation r, boolean total) {
        long[] values = {r.start(), r.escaped(), r.reEntered(), r.newlyEntered(), r.departed(), r.arrived(), r.end(), r.residual()};
        for (int c = 0; c < values.length; c++) {
            row.number(values[c], c == values.length - 1 && values[c] != 0 ? RESIDUAL : total ? TOTAL_NUMBER : NUMBER);
        }
    }
}
