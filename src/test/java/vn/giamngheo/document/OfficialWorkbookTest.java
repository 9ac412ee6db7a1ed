package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OfficialWorkbookTest {

    private static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.of("Đơn vị", SheetColumn.Kind.TEXT, 24),
            SheetColumn.of("Số hộ", SheetColumn.Kind.INTEGER, 10),
            SheetColumn.of("Tỷ lệ hộ nghèo", SheetColumn.Kind.PERCENT, 12));

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(B1:B9)", "+84 912 345 678", "-5", "@Nguyễn", "=HYPERLINK(\"http://x\",\"y\")", "\tTab"})
    void textThatLooksLikeAFormulaStaysTextWithAQuotePrefix(String text) throws IOException {
        OfficialWorkbook workbook = new OfficialWorkbook();
        workbook.sheet("Báo cáo", COLUMNS).header().row(text, text, 0.5).row("Xã Nà Hẩu", 12, 0.25);

        try (XSSFWorkbook read = Workbooks.reopen("formula-text.xlsx", workbook.finish())) {
            Sheet sheet = read.getSheetAt(0);
            for (int c = 0; c < 2; c++) {
                Cell cell = sheet.getRow(1).getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(text);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
            Cell plain = sheet.getRow(2).getCell(0);
            assertThat(plain.getStringCellValue()).isEqualTo("Xã Nà Hẩu");
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void integersAndPercentagesCarryTheirNumberFormats() throws IOException {
        OfficialWorkbook workbook = new OfficialWorkbook();
        workbook.sheet("Báo cáo", COLUMNS).title("Tỷ lệ hộ nghèo").header()
                .row("Xã Nà Hẩu", 1234, 0.4889).row("Xã Mậu A", null, null).totals("Cộng", 1, 1234, 0.4);

        try (XSSFWorkbook read = Workbooks.reopen("numbers.xlsx", workbook.finish())) {
            Sheet sheet = read.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Cell households = sheet.getRow(2).getCell(1);
            Cell rate = sheet.getRow(2).getCell(2);
            assertThat(households.getNumericCellValue()).isEqualTo(1234);
            assertThat(households.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(formatter.formatCellValue(households)).isEqualTo("1,234");
            assertThat(rate.getNumericCellValue()).isEqualTo(0.4889);
            assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(formatter.formatCellValue(rate)).isEqualTo("48.89%");
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Cộng");
            assertThat(read.getFontAt(sheet.getRow(4).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getRow(4).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        }
    }

    @Test
    void oneHeaderRowWhenNoColumnHasAGroupAndTitlesMergedAcrossTheColumns() throws IOException {
        OfficialWorkbook workbook = new OfficialWorkbook();
        workbook.sheet("Báo cáo", COLUMNS).title("Báo cáo").subtitle("(Kèm theo)").header().row("Xã Nà Hẩu", 1, 0.1);

        try (XSSFWorkbook read = Workbooks.reopen("one-header.xlsx", workbook.finish())) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(Workbooks.merged(sheet)).containsExactlyInAnyOrder("A1:C1", "A2:C2");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Tỷ lệ hộ nghèo");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            assertThat(sheet.getColumnWidth(0)).isEqualTo(24 * 256);
        }
    }

    @Test
    void twoHeaderRowsMergeEachGroupAcrossAndEveryUngroupedHeaderDown() throws IOException {
        List<SheetColumn> columns = List.of(SheetColumn.of("Đơn vị", SheetColumn.Kind.TEXT, 20),
                new SheetColumn("Hộ nghèo", "Số hộ", SheetColumn.Kind.INTEGER, 10),
                new SheetColumn("Hộ nghèo", "Tỷ lệ", SheetColumn.Kind.PERCENT, 10),
                new SheetColumn("Hộ cận nghèo", "Số hộ", SheetColumn.Kind.INTEGER, 10),
                new SheetColumn("Hộ cận nghèo", "Tỷ lệ", SheetColumn.Kind.PERCENT, 10),
                SheetColumn.of("Ghi chú", SheetColumn.Kind.TEXT, 20));
        OfficialWorkbook workbook = new OfficialWorkbook();
        workbook.sheet("Báo cáo", columns).title("Báo cáo").header().row("Xã Nà Hẩu", 10, 0.1, 5, 0.05, "")
                .totals("Cộng", 1, 10, 0.1, 5, 0.05, null)
                .signature("Xã Nà Hẩu, ngày 20 tháng 12 năm 2026",
                        new Signature(List.of("Người lập biểu"), "(Ký, ghi rõ họ tên)", "Đặng Thị Huyền Trâm"));

        try (XSSFWorkbook read = Workbooks.reopen("two-headers.xlsx", workbook.finish())) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(Workbooks.merged(sheet)).contains("A1:F1", "A2:A3", "B2:C2", "D2:E2", "F2:F3");
            Workbooks.assertMergesAreValid(sheet);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Hộ nghèo");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Hộ cận nghèo");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Tỷ lệ");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getRow(6).getCell(3).getStringCellValue()).isEqualTo("Xã Nà Hẩu, ngày 20 tháng 12 năm 2026");
            assertThat(Workbooks.merged(sheet)).contains("D7:F7", "D8:F8", "D9:F9", "D14:F14");
            assertThat(sheet.getRow(7).getCell(3).getStringCellValue()).isEqualTo("NGƯỜI LẬP BIỂU");
            assertThat(sheet.getRow(13).getCell(3).getStringCellValue()).isEqualTo("Đặng Thị Huyền Trâm");
        }
    }

    @Test
    void decomposedTextIsWrittenComposedAndUnsafeSheetNamesAreCleaned() throws IOException {
        String nfd = Normalizer.normalize("Nguyễn Thị Hương", Normalizer.Form.NFD);
        OfficialWorkbook workbook = new OfficialWorkbook();
        workbook.sheet("Báo cáo [1/2]: hộ nghèo và cận nghèo năm 2027", COLUMNS).header().row(nfd, 1, 0.1);

        try (XSSFWorkbook read = Workbooks.reopen("nfc.xlsx", workbook.finish())) {
            assertThat(read.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Nguyễn Thị Hương");
            assertThat(read.getSheetName(0)).doesNotContain("[", "]", "/", ":").hasSizeLessThanOrEqualTo(31);
        }
    }

    @Test
    void rowsThatDoNotFitTheColumnsAreRefused() {
        OfficialSheet sheet = new OfficialWorkbook().sheet("x", COLUMNS).header();
        assertThatThrownBy(() -> sheet.row("a", 1, 0.1, "extra")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.totals("Cộng", 2, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.totals("Cộng", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
