package vn.giamngheo.monitoring;

import java.util.List;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.document.WorkbookBuilder.Look;
import vn.giamngheo.document.WorkbookBuilder.RowBuilder;
import vn.giamngheo.document.WorkbookBuilder.SheetBuilder;
import vn.giamngheo.format.Formats;

/**
 * The validation report of an area and period as an XLSX sheet, Vietnamese headings: one row per violated rule
 * and per entered figure that differs from the register's beyond the tolerance, numbers as number cells.
 */
final class ValidationWorkbook {

    private static final List<String> HEADERS = List.of("STT", "Đơn vị", "Loại kiểm tra", "Mã", "Nội dung", "Mức độ",
            "Vế trái / số nhập", "Phép so sánh", "Vế phải / số tính từ cơ sở dữ liệu");

    private static final Look HEADER = Look.PLAIN.bold().wrapped();

    private ValidationWorkbook() {
    }

    static byte[] write(ReportValidation.AreaFindings result) {
        WorkbookBuilder book = WorkbookBuilder.create();
        SheetBuilder sheet = book.sheet("Kiểm tra số liệu");
        Formats fmt = Formats.vietnamese();
        String period = switch (result.kind()) {
            case QUARTER -> "QUÝ " + result.number() + " NĂM " + fmt.year(result.year());
            case HALF_YEAR -> "6 THÁNG NĂM " + fmt.year(result.year());
            case NINE_MONTHS -> "9 THÁNG NĂM " + fmt.year(result.year());
            case YEAR -> "NĂM " + fmt.year(result.year());
        };
        sheet.row().merged("KẾT QUẢ KIỂM TRA SỐ LIỆU BÁO CÁO GIÁM SÁT " + period + " — " + result.unit().name(), HEADER,
                HEADERS.size() - 1);
        sheet.row().text("Số báo cáo đã xem: " + fmt.count(result.reports()) + "; mức chênh lệch cho phép: "
                + fmt.upTo(result.tolerance(), 2) + " %");
        sheet.blank();
        RowBuilder header = sheet.row();
        HEADERS.forEach(h -> header.text(h, HEADER));
        int no = 1;
        for (ReportValidation.Findings f : result.findings()) {
            for (RuleViolation v : f.violations()) {
                sheet.row().number(no++).text(f.report().unitName()).text("Quy tắc kiểm tra").text(v.ruleCode())
                        .text(v.nameVi()).text(importance(v.importance()))
                        .number(v.left(), WorkbookBuilder.DECIMAL).text(v.operator()).number(v.right(), WorkbookBuilder.DECIMAL);
            }
            for (ReportValidation.CheckFigure c : f.flagged()) {
                sheet.row().number(no++).text(f.report().unitName()).text("Đối chiếu với cơ sở dữ liệu")
                        .text(c.indicator().code()).text(c.indicator().nameVi()).text("")
                        .number(c.entered(), WorkbookBuilder.DECIMAL).text("≠").number(c.computed(), WorkbookBuilder.DECIMAL);
            }
        }
        sheet.width(1, 40);
        sheet.width(4, 60);
        for (int c : new int[] {2, 3, 5, 6, 7, 8}) {
            sheet.width(c, 18);
        }
        return book.bytes();
    }

    private static String importance(String code) {
        return switch (code) {
            case "high" -> "cao (chặn lưu)";
            case "medium" -> "trung bình";
            default -> "thấp";
        };
    }
}
