package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.view.ReportTable.Column;
import vn.giamngheo.report.view.ReportTable.Kind;
import vn.giamngheo.report.view.ReportTable.Line;
import vn.giamngheo.report.view.ReportTable.LineType;

/** The report page's rows, written in Java: escaped, numbers in the reader's format, the drill link on the name. */
class PageTableTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ReportTable table = new ReportTable("Kết quả", List.of("Tỉnh X"), List.of(
            new Column(null, "STT", Kind.CENTERED, 5), new Column(null, "Đơn vị", Kind.TEXT, 20),
            new Column("Hộ nghèo", "Số hộ", Kind.INTEGER, 8), new Column("Hộ nghèo", "Tỷ lệ", Kind.PERCENT, 8)),
            List.of(Line.section("I. Xã <b>&\"'"),
                    new Line(LineType.ROW, List.of("1", "Xã <script>alert(1)</script> & \"Đồng\"", 1234567L, 0.0523), 42L),
                    new Line(LineType.ROW, List.of("2", "Xã Hà Giang", 3L, 0.5), null),
                    new Line(LineType.TOTAL, java.util.Arrays.asList("", "Tổng", 1234570L, null), null)),
            List.of());

    @Test
    void cellsAreEscapedAndNumbersPrintedInTheReadersFormat() {
        PageTable t = PageTable.of(table, VI, id -> "/reports?unit=" + id + "&year=2026", "Xem <chi tiết>");
        assertThat(t.rows()).extracting(PageTable.PageRow::html).containsExactly(
                "<td colspan=\"4\">I. Xã &lt;b&gt;&amp;&quot;&#39;</td>",
                "<td>1</td><td><a title=\"Xem &lt;chi tiết&gt;\" href=\"/reports?unit=42&amp;year=2026\">"
                        + "Xã &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Đồng&quot;</a></td>"
                        + "<td class=\"num\">1.234.567</td><td class=\"num\">5,23</td>",
                "<td>2</td><td>Xã Hà Giang</td><td class=\"num\">3</td><td class=\"num\">50,00</td>",
                "<td></td><td>Tổng</td><td class=\"num\">1.234.570</td><td class=\"num\"></td>");
        assertThat(t.rows()).extracting(PageTable.PageRow::type).containsExactly("section", "row", "row", "total");
        assertThat(t.body()).isEqualTo("<tr class=\"section\">" + t.rows().get(0).html() + "</tr>\n"
                + "<tr class=\"row\">" + t.rows().get(1).html() + "</tr>\n"
                + "<tr class=\"row\">" + t.rows().get(2).html() + "</tr>\n"
                + "<tr class=\"total\">" + t.rows().get(3).html() + "</tr>\n");
    }

    @Test
    void withoutDrillLinksNoRowIsALink() {
        PageTable t = PageTable.of(table, Locale.ENGLISH, PageTable.DrillLinks.NONE, "Open");
        assertThat(t.rows().get(1).html()).doesNotContain("<a ").contains("<td class=\"num\">1,234,567</td>",
                "<td class=\"num\">5.23</td>");
        assertThat(t.top()).extracting(PageTable.HeaderCell::text).containsExactly("STT", "Đơn vị", "Hộ nghèo");
        assertThat(t.bottom()).extracting(PageTable.HeaderCell::text).containsExactly("Số hộ", "Tỷ lệ");
    }
}
