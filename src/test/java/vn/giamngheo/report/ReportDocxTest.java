package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.document.DocxChecks;
import vn.giamngheo.document.LibreOffice;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.view.ReportTable.Column;
import vn.giamngheo.report.view.ReportTable.Kind;
import vn.giamngheo.report.view.ReportTable.Line;
import vn.giamngheo.report.view.ReportTable.LineType;

/** A report as a Word file: grouped columns under merged header cells, section rows across the table, A4 landscape. */
class ReportDocxTest {

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1234567     | vi | 1.234.567
            1234567     | en | 1,234,567
            0.13925     | vi | 13,93
            0.13925     | en | 13.93
            0.0         | vi | 0,00
            Thôn Nà Hẩu | vi | Thôn Nà Hẩu
            """)
    void valuesArePrintedInTheReadersConventions(String value, String language, String shown) {
        Object v = value.matches("\\d+") ? (Object) Long.valueOf(value)
                : value.matches("[0-9.]+") ? (Object) Double.valueOf(value) : value;
        assertThat(ReportDocx.show(v, Formats.of(Locale.forLanguageTag(language)))).isEqualTo(shown);
        assertThat(ReportDocx.show(null, Formats.vietnamese())).isEmpty();
    }

    @Test
    void theSymbolIsTheCommitteesOrTheMinistrys() {
        assertThat(ReportDocx.symbol(List.of("UBND Tỉnh Hà Giang", "UBND Xã Nà Hẩu"))).isEqualTo("/BC-UBND");
        assertThat(ReportDocx.symbol(List.of("Bộ Nông nghiệp và Môi trường"))).isEqualTo("/BC-BNNMT");
    }

    @Test
    void groupedHeadersMergeAndSectionsSpanTheTable() throws Exception {
        byte[] docx = ReportDocx.write(List.of(table()), List.of("UBND Tỉnh Hà Giang", "UBND Xã Nà Hẩu"), "Xã Nà Hẩu",
                LocalDate.of(2026, 12, 6), new Signature(List.of("Thủ trưởng đơn vị"), "(Ký, ghi rõ họ tên, đóng dấu)", ""),
                List.of("- UBND Tỉnh Hà Giang (để báo cáo);", "- Lưu: VT."), null);
        DocxChecks.assertOfficial(docx, true);
        List<List<String>> header = DocxChecks.repeatedHeaderRows(docx);
        assertThat(header.get(0)).containsExactly("STT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo");
        assertThat(header.get(1)).containsExactly("", "", "", "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)");

        LibreOffice.require();
        Path pdf = LibreOffice.convert("report-grouped.docx", docx);
        String text = LibreOffice.text(pdf);
        assertThat(text).contains("UBND TỈNH HÀ GIANG", "UBND XÃ NÀ HẨU", "Số: /BC-UBND", "Xã Nà Hẩu, ngày 06 tháng 12 năm 2026",
                "KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2026", "I. KHU VỰC THÀNH THỊ", "II. KHU VỰC NÔNG THÔN",
                "1 Thôn Nà Hẩu 1.234 130 10,53 95 7,70", "Tổng cộng 2.468 260 10,53 190 7,70",
                "Nơi nhận:", "- Lưu: VT.", "THỦ TRƯỞNG ĐƠN VỊ");
        assertThat(LibreOffice.pageSizes(pdf)).allSatisfy(size -> assertThat(size[0]).isCloseTo(842f,
                org.assertj.core.data.Offset.offset(1f)));
    }

    private static ReportTable table() {
        List<Column> columns = List.of(new Column(null, "STT", Kind.CENTERED, 4), new Column(null, "Đơn vị", Kind.TEXT, 20),
                new Column(null, "Tổng số hộ", Kind.INTEGER, 8), new Column("Hộ nghèo", "Số hộ", Kind.INTEGER, 8),
                new Column("Hộ nghèo", "Tỷ lệ (%)", Kind.PERCENT, 8), new Column("Hộ cận nghèo", "Số hộ", Kind.INTEGER, 8),
                new Column("Hộ cận nghèo", "Tỷ lệ (%)", Kind.PERCENT, 8));
        List<Line> lines = new ArrayList<>();
        lines.add(Line.section("I. KHU VỰC THÀNH THỊ"));
        lines.add(new Line(LineType.ROW, List.of("1", "Thôn Nà Hẩu", 1234L, 130L, 130 / 1234.0, 95L, 95 / 1234.0), null));
        lines.add(Line.section("II. KHU VỰC NÔNG THÔN"));
        lines.add(new Line(LineType.ROW, List.of("2", "Thôn Khe Ỏ", 1234L, 130L, 130 / 1234.0, 95L, 95 / 1234.0), null));
        lines.add(new Line(LineType.TOTAL, java.util.Arrays.asList("", "Tổng cộng", 2468L, 260L, 260 / 2468.0, 190L,
                190 / 2468.0), null));
        return new ReportTable("Kết quả rà soát hộ nghèo năm 2026", List.of("Tỉnh Hà Giang"), columns, lines,
                List.of("Ghi chú: tỷ lệ tính trên tổng số hộ."));
    }
}
