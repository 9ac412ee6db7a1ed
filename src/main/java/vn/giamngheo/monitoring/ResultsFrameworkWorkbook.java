package vn.giamngheo.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The results framework (khung kết quả) of a unit and year as an XLSX sheet, Vietnamese headings. */
final class ResultsFrameworkWorkbook {

    private static final List<String> HEADERS = List.of("STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Chiều hướng",
            "Giá trị cơ sở", "Mục tiêu", "Kết quả", "Nguồn số liệu", "Đánh giá");

    private ResultsFrameworkWorkbook() {
    }

    static byte[] write(String unitName, int year, List<MonitoringIndicators.ResultRow> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Khung kết quả");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("KHUNG KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO NĂM " + year + " — " + unitName);
            title.getCell(0).setCellStyle(header);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            Row h = sheet.createRow(2);
            for (int c = 0; c < HEADERS.size(); c++) {
                h.createCell(c).setCellValue(HEADERS.get(c));
                h.getCell(c).setCellStyle(header);
            }
            int r = 3;
            for (MonitoringIndicators.ResultRow row : rows) {
                Row x = sheet.createRow(r);
                x.createCell(0).setCellValue(r - 2);
                x.createCell(1).setCellValue(row.indicator().code());
                x.createCell(2).setCellValue(row.indicator().nameVi());
                x.createCell(3).setCellValue(unit(row.indicator().unitOfMeasure()));
                x.createCell(4).setCellValue(row.indicator().direction().code().equals("increase") ? "tăng" : "giảm");
                number(x, 5, row.baseline());
                number(x, 6, row.target());
                number(x, 7, row.result());
                x.createCell(8).setCellValue(switch (row.source()) {
                    case "computed" -> "tính từ cơ sở dữ liệu";
                    case "reported" -> "báo cáo định kỳ";
                    default -> "chưa có";
                });
                x.createCell(9).setCellValue(row.met().map(m -> m ? "đạt" : "chưa đạt").orElse(""));
                r++;
            }
            sheet.setColumnWidth(2, 60 * 256);
            for (int c : new int[] {1, 3, 4, 5, 6, 7, 8, 9}) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int c, BigDecimal v) {
        if (v != null) {
            row.createCell(c).setCellValue(v.doubleValue());
        }
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
