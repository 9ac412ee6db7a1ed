package vn.giamngheo.monitoring;

import java.util.List;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.document.WorkbookBuilder.Look;
import vn.giamngheo.document.WorkbookBuilder.RowBuilder;
import vn.giamngheo.document.WorkbookBuilder.SheetBuilder;

/** The results framework (khung kết quả) of a unit and year as an XLSX sheet, Vietnamese headings. */
final class ResultsFrameworkWorkbook {

    private static final List<String> HEADERS = List.of("STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Chiều hướng",
            "Giá trị cơ sở", "Mục tiêu", "Kết quả", "Nguồn số liệu", "Đánh giá");

    private ResultsFrameworkWorkbook() {
    }

    private static final Look HEADER = Look.PLAIN.bold().wrapped();

    static byte[] write(String unitName, int year, List<MonitoringIndicators.ResultRow> rows) {
        WorkbookBuilder book = WorkbookBuilder.create();
        SheetBuilder sheet = book.sheet("Khung kết quả");
        sheet.row().merged("KHUNG KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO NĂM " + year + " — " + unitName, HEADER,
                HEADERS.size() - 1);
        sheet.blank();
        RowBuilder header = sheet.row();
        HEADERS.forEach(h -> header.text(h, HEADER));
        int no = 1;
        for (MonitoringIndicators.ResultRow row : rows) {
            sheet.row()
                    .number(no++)
                    .text(row.indicator().code())
                    .text(row.indicator().nameVi())
                    .text(unit(row.indicator().unitOfMeasure()))
                    .text(row.indicator().direction().code().equals("increase") ? "tăng" : "giảm")
                    .number(row.baseline(), WorkbookBuilder.DECIMAL)
                    .number(row.target(), WorkbookBuilder.DECIMAL)
                    .number(row.result(), WorkbookBuilder.DECIMAL)
                    .text(switch (row.source()) {
                        case "computed" -> "tính từ cơ sở dữ liệu";
                        case "reported" -> "báo cáo định kỳ";
                        default -> "chưa có";
                    })
                    .text(row.met().map(m -> m ? "đạt" : "chưa đạt").orElse(""));
        }
        sheet.width(2, 60);
        for (int c : new int[] {1, 3, 4, 5, 6, 7, 8, 9}) {
            sheet.width(c, 16);
        }
        return book.bytes();
    }

    static String unit(String code) {
        return switch (code) {
            case "percent" -> "%";
            case "households" -> "hộ";
            case "people" -> "người";
            case "million_vnd" -> "triệu đồng";
            default -> "số lượng";
        };
    }
}
