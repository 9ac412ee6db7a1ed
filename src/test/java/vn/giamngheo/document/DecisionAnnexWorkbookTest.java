package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class DecisionAnnexWorkbookTest {

    @Test
    void annexWorkbookHasMergedTitlesTwoHeaderRowsSectionsAndTotals() throws IOException {
        try (XSSFWorkbook read = Workbooks.reopen("decision-annex.xlsx", DecisionAnnexWorkbook.render(DocumentFixture.annex(), null))) {
            Sheet sheet = read.getSheet("Phụ lục");
            assertThat(sheet).isNotNull();
            assertThat(text(sheet, 0, 0)).isEqualTo("PHỤ LỤC");
            assertThat(text(sheet, 1, 0)).isEqualTo("Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo năm 2027");
            assertThat(text(sheet, 2, 0)).isEqualTo(
                    "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2026 của Chủ tịch Ủy ban nhân dân xã Nà Hẩu)");
            assertThat(List.of(text(sheet, 4, 0), text(sheet, 4, 1), text(sheet, 4, 2), text(sheet, 4, 3), text(sheet, 4, 4),
                    text(sheet, 4, 5), text(sheet, 5, 5), text(sheet, 5, 6))).containsExactly("TT", "Mã hộ", "Họ và tên chủ hộ",
                    "Thôn", "Số thành viên", "Nhóm hộ", "Dân tộc thiểu số", "Bảo trợ xã hội");
            assertThat(Workbooks.merged(sheet)).contains("A1:G1", "A2:G2", "A3:G3", "A5:A6", "E5:E6", "F5:G5", "A7:G7", "A11:D11");
            Workbooks.assertMergesAreValid(sheet);
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 6);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("5:6");

            assertThat(text(sheet, 6, 0)).isEqualTo("I. Hộ nghèo");
            Row first = sheet.getRow(7);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("15250-00042");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Nguyễn Thị Hương");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Thôn Nà Hẩu");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(4);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("x");
            assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.BLANK);

            Row totals = sheet.getRow(10);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Cộng: 3 hộ, 11 nhân khẩu");
            assertThat(List.of(totals.getCell(4).getNumericCellValue(), totals.getCell(5).getNumericCellValue(),
                    totals.getCell(6).getNumericCellValue())).containsExactly(11.0, 2.0, 2.0);
            assertThat(totals.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");

            assertThat(column(sheet, 0)).containsSubsequence("I. Hộ nghèo", "Cộng: 3 hộ, 11 nhân khẩu", "II. Hộ cận nghèo",
                    "Cộng: 1 hộ, 5 nhân khẩu", "III. Hộ thoát nghèo", "Cộng: 1 hộ, 3 nhân khẩu", "IV. Hộ thoát cận nghèo",
                    "Cộng: 0 hộ, 0 nhân khẩu");
            assertThat(column(sheet, 3)).containsSubsequence("Xã Nà Hẩu, ngày 20 tháng 12 năm 2026", "TM. ỦY BAN NHÂN DÂN",
                    "CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)", "Hoàng Văn Thắng");
        }
    }

    @Test
    void largeCountsAreNumbersAndEnglishHeadersWhenAskedFor() throws IOException {
        List<AnnexHousehold> many = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            many.add(new AnnexHousehold(String.format("15250-%05d", i), "Hầu Mí Dế " + i, "Thôn Nà Hẩu", 1,
                    Set.of(HouseholdMark.ETHNIC_MINORITY)));
        }
        DecisionAnnex annex = new DecisionAnnex(DocumentFixture.NA_HAU, "15/QĐ-UBND", null, 2027, many, List.of(),
                List.of(), List.of(), "Hoàng Văn Thắng");
        try (XSSFWorkbook read = Workbooks.reopen("decision-annex-en.xlsx", DecisionAnnexWorkbook.render(annex, Locale.ENGLISH))) {
            Sheet sheet = read.getSheet("Annex");
            assertThat(text(sheet, 0, 0)).isEqualTo("ANNEX");
            assertThat(text(sheet, 5, 5)).isEqualTo("Ethnic minority");
            Row totals = sheet.getRow(7 + many.size());
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total: 1,200 households, 1,200 members");
            assertThat(totals.getCell(4).getNumericCellValue()).isEqualTo(1200);
            Workbooks.assertMergesAreValid(sheet);
        }
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? null : cell.getStringCellValue();
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING) {
                values.add(cell.getStringCellValue());
            }
        }
        return values;
    }
}
