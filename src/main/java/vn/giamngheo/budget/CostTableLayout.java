package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;

/**
 * The printed layout of a cost table shared by the XLSX and PDF writers: the title by stage, the two
 * header rows (the central budget spans three columns), the figures of each row and its disbursement rate
 * (disbursed ÷ allocated, blank without allocation). Printed forms are Vietnamese.
 */
final class CostTableLayout {

    static final int COLUMNS = 11;
    /** First header row: a label spanning rows 1–2, or (central budget) spanning columns 4–6. */
    static final List<String> HEADER_TOP = List.of("STT", "Nội dung", "Cơ quan chủ trì", "Tổng cộng",
            "Ngân sách trung ương", "", "", "Ngân sách địa phương", "Vốn tín dụng chính sách (NHCSXH)", "Vốn huy động", "Tỷ lệ giải ngân (%)");
    static final List<String> HEADER_SUB = List.of("", "", "", "", "Tổng số", "Đầu tư phát triển", "Sự nghiệp", "", "", "", "");
    static final int CENTRAL_FIRST = 4;
    static final int CENTRAL_LAST = 6;
    static final int FIRST_AMOUNT = 3;
    /** The last column: disbursed ÷ allocated of the row, all sources, whatever the stage shown. */
    static final int RATE = 10;

    private CostTableLayout() {
    }

    static String title(BudgetStage stage, int year) {
        String what = switch (stage) {
            case NEED -> "NHU CẦU KINH PHÍ";
            case ALLOCATED -> "KẾ HOẠCH VỐN GIAO";
            case DISBURSED -> "KẾT QUẢ GIẢI NGÂN";
            case SETTLED -> "QUYẾT TOÁN KINH PHÍ";
        };
        return what + " THỰC HIỆN CÁC CHÍNH SÁCH VÀ CHƯƠNG TRÌNH GIẢM NGHÈO NĂM " + year;
    }

    static String subtitle(CostView view) {
        return (view.unitName().isBlank() ? "Toàn quốc" : view.unitName()) + " — giai đoạn " + view.periodCode()
                + " — Đơn vị tính: triệu đồng";
    }

    /** The seven amounts of a row, in column order from "Tổng cộng". */
    static List<BigDecimal> amounts(CostTable.Row row) {
        return List.of(row.total(), row.column(BudgetColumn.CENTRAL), row.amount(FundingSource.CENTRAL_INVESTMENT),
                row.amount(FundingSource.CENTRAL_RECURRENT), row.column(BudgetColumn.LOCAL), row.column(BudgetColumn.BANK),
                row.column(BudgetColumn.MOBILISED));
    }

    static boolean hasUnsplitCentral(CostTable table) {
        return table.total().amount(FundingSource.CENTRAL_UNSPLIT).signum() != 0;
    }

    static final String UNSPLIT_NOTE = "Ghi chú: phần ngân sách trung ương chưa tách đầu tư phát triển/sự nghiệp chỉ tính trong cột \"Tổng số\".";
    static final String PLACE_DATE = "…, ngày … tháng … năm …";
    static final String PREPARER = "NGƯỜI LẬP BIỂU";
    static final String HEAD = "THỦ TRƯỞNG ĐƠN VỊ";
    static final String SIGN_HINT = "(Ký, ghi rõ họ tên)";
    static final String HEAD_HINT = "(Ký, đóng dấu, ghi rõ họ tên)";
}
