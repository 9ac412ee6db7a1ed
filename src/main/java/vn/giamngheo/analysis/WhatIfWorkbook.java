package vn.giamngheo.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import vn.giamngheo.document.WorkbookBuilder;

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
        WorkbookBuilder workbook = WorkbookBuilder.create();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Hộ thay đổi")
                .title("Đơn vị: " + result.unitName() + " (" + result.unitCode() + ")")
                .title("Chuẩn hiện hành: " + result.currentStandard())
                .title("Phương án: " + result.candidate())
                .title("Không lưu dữ liệu: danh sách đã quyết định không thay đổi.")
                .blank()
                .header(HEADERS);
        for (ChangedHousehold h : result.rows()) {
            sheet.row().text(h.householdCode()).text(h.headName()).text(h.villageName()).text(h.communeCode())
                    .text(h.communeName())
                    .text(Outcome.valueOf(h.from().toUpperCase(java.util.Locale.ROOT)).vietnamese())
                    .text(Outcome.valueOf(h.to().toUpperCase(java.util.Locale.ROOT)).vietnamese())
                    .number(h.deprivationsBefore()).number(h.deprivationsAfter()).text(h.missingFact());
        }
        if (result.notListed() > 0) {
            sheet.blank().title("… và " + result.notListed() + " hộ khác (danh sách giới hạn " + WhatIfTally.ROW_CAP + " hộ)");
        }
        sheet.widths(HEADERS.size(), c -> c == 1 || c == 4 || c >= 5 && c <= 6 ? 30 : 16);
        workbook.write(out);
    }
}
