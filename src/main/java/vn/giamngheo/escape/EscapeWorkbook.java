package vn.giamngheo.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.document.WorkbookBuilder;

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
        WorkbookBuilder workbook = WorkbookBuilder.create();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Đăng ký thoát nghèo")
                .title("Hộ đăng ký thoát nghèo và kết quả — danh sách năm " + listYear)
                .title("Địa bàn: " + areaName)
                .blank()
                .header(UNIT_HEADERS);
        for (EscapeReport.UnitRow u : rows) {
            WorkbookBuilder.RowBuilder row = sheet.row().text(switch (u.level()) {
                case "total" -> "Tổng";
                case "commune" -> "Xã";
                default -> "Thôn";
            }).text(u.communeCode()).text(u.communeName())
                    .text(u.level().equals("village") && u.villageName() == null ? "(chưa có thôn)" : u.villageName());
            for (int count : new int[] {u.registered(), u.registeredPoor(), u.registeredNearPoor(), u.expected(), u.open(),
                    u.escaped(), u.escapedPoor(), u.escapedNearPoor(), u.escapedExpected(), u.notEscaped()}) {
                row.number(count);
            }
            row.numberOrNothing(u.escapeRate()).number(u.withdrawn());
        }
        sheet.widths(UNIT_HEADERS.size(), c -> c == 2 || c == 3 ? 28 : 14);

        WorkbookBuilder.SheetBuilder second = workbook.sheet("Hộ chưa có người giúp đỡ")
                .title("Hộ nghèo, hộ cận nghèo chưa được phân công giúp đỡ — " + areaName)
                .blank()
                .header(UNASSIGNED_HEADERS);
        for (HelperRecords.Unassigned u : unassigned) {
            second.row().text(u.householdCode()).text(u.headName()).text(u.communeCode()).text(u.communeName())
                    .text(u.villageName()).text(PovertyStatus.POOR.is(u.decidedStatus()) ? "Hộ nghèo" : "Hộ cận nghèo");
        }
        second.widths(UNASSIGNED_HEADERS.size(), c -> c == 1 || c == 3 ? 28 : 16);
        workbook.write(out);
    }
}
