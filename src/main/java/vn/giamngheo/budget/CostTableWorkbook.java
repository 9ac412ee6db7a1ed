package vn.giamngheo.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.budget.rules.CostTable;

/** The cost table as an XLSX sheet laid out like the plans print it: title, merged headers, totals, signatures. */
final class CostTableWorkbook {

    private CostTableWorkbook() {
    }

    static byte[] write(CostView view) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Biểu kinh phí");
            Styles s = new Styles(wb);
            int last = CostTableLayout.COLUMNS - 1;
            text(sheet, 0, 0, CostTableLayout.title(view.stage(), view.year()), s.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            text(sheet, 1, 0, CostTableLayout.subtitle(view), s.centre);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            for (int c = 0; c < CostTableLayout.COLUMNS; c++) {
                text(sheet, 3, c, CostTableLayout.HEADER_TOP.get(c), s.header);
                text(sheet, 4, c, CostTableLayout.HEADER_SUB.get(c), s.header);
                boolean central = c >= CostTableLayout.CENTRAL_FIRST && c <= CostTableLayout.CENTRAL_LAST;
                if (!central) {
                    sheet.addMergedRegion(new CellRangeAddress(3, 4, c, c));
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(3, 3, CostTableLayout.CENTRAL_FIRST, CostTableLayout.CENTRAL_LAST));
            int r = 5;
            for (int index = 0; index < view.rows().size(); index++) {
                CostTable.Row row = view.rows().get(index);
                boolean bold = row.level() == CostTable.Level.TOTAL || row.level() == CostTable.Level.GROUP;
                text(sheet, r, 0, row.code(), bold ? s.boldText : s.text);
                text(sheet, r, 1, row.item(), bold ? s.boldText : s.text);
                text(sheet, r, 2, row.leadAgency(), s.text);
                List<BigDecimal> amounts = CostTableLayout.amounts(row);
                for (int i = 0; i < amounts.size(); i++) {
                    Row sheetRow = sheet.getRow(r);
                    var cell = sheetRow.createCell(CostTableLayout.FIRST_AMOUNT + i);
                    cell.setCellValue(amounts.get(i).doubleValue());
                    cell.setCellStyle(bold ? s.boldNumber : s.number);
                }
                var rate = sheet.getRow(r).createCell(CostTableLayout.RATE);
                view.disbursementRate(index).ifPresent(v -> rate.setCellValue(v.doubleValue()));
                rate.setCellStyle(bold ? s.boldRate : s.rate);
                r++;
            }
            if (CostTableLayout.hasUnsplitCentral(view.table())) {
                text(sheet, ++r, 0, CostTableLayout.UNSPLIT_NOTE, s.plain);
            }
            r += 2;
            text(sheet, r, 6, CostTableLayout.PLACE_DATE, s.italicCentre);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 6, last));
            r++;
            text(sheet, r, 0, CostTableLayout.PREPARER, s.boldCentre);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
            text(sheet, r, 6, CostTableLayout.HEAD, s.boldCentre);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 6, last));
            r++;
            text(sheet, r, 0, CostTableLayout.SIGN_HINT, s.italicCentre);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
            text(sheet, r, 6, CostTableLayout.HEAD_HINT, s.italicCentre);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 6, last));
            sheet.setColumnWidth(0, 7 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            sheet.setColumnWidth(2, 28 * 256);
            for (int c = 3; c < CostTableLayout.COLUMNS; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            sheet.setColumnWidth(CostTableLayout.RATE, 12 * 256);
            sheet.createFreezePane(2, 5);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Sheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        var cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle centre;
        final CellStyle header;
        final CellStyle text;
        final CellStyle boldText;
        final CellStyle number;
        final CellStyle boldNumber;
        final CellStyle rate;
        final CellStyle boldRate;
        final CellStyle plain;
        final CellStyle boldCentre;
        final CellStyle italicCentre;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font italic = wb.createFont();
            italic.setItalic(true);
            short amountFormat = wb.createDataFormat().getFormat("#,##0.###");
            title = wb.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            centre = wb.createCellStyle();
            centre.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(wb);
            text.setWrapText(true);
            boldText = bordered(wb);
            boldText.setWrapText(true);
            boldText.setFont(bold);
            number = bordered(wb);
            number.setDataFormat(amountFormat);
            boldNumber = bordered(wb);
            boldNumber.setDataFormat(amountFormat);
            boldNumber.setFont(bold);
            short rateFormat = wb.createDataFormat().getFormat("0.00");
            rate = bordered(wb);
            rate.setDataFormat(rateFormat);
            boldRate = bordered(wb);
            boldRate.setDataFormat(rateFormat);
            boldRate.setFont(bold);
            plain = wb.createCellStyle();
            boldCentre = wb.createCellStyle();
            boldCentre.setFont(bold);
            boldCentre.setAlignment(HorizontalAlignment.CENTER);
            italicCentre = wb.createCellStyle();
            italicCentre.setFont(italic);
            italicCentre.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle st = wb.createCellStyle();
            st.setBorderTop(BorderStyle.THIN);
            st.setBorderBottom(BorderStyle.THIN);
            st.setBorderLeft(BorderStyle.THIN);
            st.setBorderRight(BorderStyle.THIN);
            st.setVerticalAlignment(VerticalAlignment.TOP);
            return st;
        }
    }
}
