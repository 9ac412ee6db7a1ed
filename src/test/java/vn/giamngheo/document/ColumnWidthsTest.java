package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column widths from the font's metrics: words never split, the largest font that allows it, the width filled. */
class ColumnWidthsTest {

    private static final float LANDSCAPE = 728.5f;
    private static final float PORTRAIT = 467.7f;

    private static PdfTable table(String headers, int rows, String cell) {
        List<PdfColumn> columns = new ArrayList<>();
        for (String h : headers.split("\\|")) {
            columns.add(new PdfColumn(h, 1, PdfColumn.Align.RIGHT));
        }
        List<PdfRow> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lines.add(PdfRow.of(columns.stream().map(c -> cell).toList()));
        }
        return new PdfTable(columns, List.of(), lines, false);
    }

    @ParameterizedTest(name = "{0} columns of \"{1}\" / \"{2}\" on {3} pt from {4} pt → {5} pt")
    @CsvSource(delimiter = ';', value = {
            "3; Số hộ; 1.234; 467.7; 11; 11",
            "15; Trong đó DTTS; 1.234.567; 728.5; 11; 10",
            "15; Trong đó DTTS; 1.234.567; 467.7; 11; 6",
            "12; Trong đó DTTS; 1.234.567; 467.7; 11; 7.5",
            "8; Tỷ lệ (%); 100,00; 467.7; 13; 13",
            "20; Không đồng ý; 123.456.789; 467.7; 11; 6",
    })
    void theLargestFontInWhichNoWordIsSplit(int count, String header, String cell, float available, float largest,
                                            float expected) {
        PdfTable t = table(String.join("|", java.util.Collections.nCopies(count, header)), 5, cell);
        ColumnWidths.Layout layout = ColumnWidths.fit(t, available, largest);
        assertThat(layout.fontSize()).isEqualTo(expected);
        assertThat(sum(layout.widths())).isCloseTo(available, Offset.offset(0.5f));
        if (expected > ColumnWidths.SMALLEST) {
            for (int i = 0; i < count; i++) {
                for (String w : ColumnWidths.words(header)) {
                    assertThat(ColumnWidths.textWidth(w, true, layout.fontSize()) + ColumnWidths.PADDING)
                            .isLessThanOrEqualTo(layout.widths()[i]);
                }
                assertThat(ColumnWidths.textWidth(cell, false, layout.fontSize()) + ColumnWidths.PADDING)
                        .isLessThanOrEqualTo(layout.widths()[i]);
            }
        }
        if (expected == ColumnWidths.SMALLEST) {
            assertThat(ColumnWidths.widths(t, available, expected)).as("nothing fits: the smallest size, widths in proportion")
                    .isNull();
        }
        if (expected < largest && expected > ColumnWidths.SMALLEST) {
            assertThat(ColumnWidths.widths(t, available, expected + 0.5f)).as("half a point larger does not fit").isNull();
        }
    }

    @Test
    void aGroupLabelWidensTheColumnsUnderIt() {
        List<PdfColumn> cols = List.of(new PdfColumn("A", 1, null), new PdfColumn("B", 1, null), new PdfColumn("C", 1, null));
        PdfTable without = new PdfTable(cols, List.of(), List.of(PdfRow.of(List.of("1", "2", "3"))), false);
        PdfTable with = new PdfTable(cols, List.of(PdfColumnGroup.single(), new PdfColumnGroup("Ngânsáchtrungương", 2)),
                List.of(PdfRow.of(List.of("1", "2", "3"))), false);
        float[] min = ColumnWidths.minimum(with, 11);
        float word = ColumnWidths.textWidth("Ngânsáchtrungương", true, 11) + ColumnWidths.PADDING;
        assertThat(min[1] + min[2]).isCloseTo(word, Offset.offset(0.01f));
        assertThat(min[0]).isEqualTo(ColumnWidths.minimum(without, 11)[0]);
    }

    @Test
    void sectionRowsDoNotWidenAColumnAndTotalsSpreadTheirLabel() {
        List<PdfColumn> cols = List.of(new PdfColumn("STT", 1, null), new PdfColumn("Đơn vị", 6, null),
                new PdfColumn("Số hộ", 2, PdfColumn.Align.RIGHT));
        List<PdfRow> rows = List.of(PdfRow.of(List.of("1", "Xã Nà Hẩu", "1.234")));
        List<PdfRow> more = new ArrayList<>(rows);
        more.add(PdfRow.section("I. KHU VỰC THÀNH THỊ VÀ MỘT ĐOẠN RẤT DÀI KHÔNG BAO GIỜ VỪA MỘT CỘT"));
        more.add(PdfRow.total(List.of("", "Tổng cộng", "1.234"), 2));
        float[] plain = ColumnWidths.minimum(new PdfTable(cols, List.of(), rows, false), 11);
        float[] withSection = ColumnWidths.minimum(new PdfTable(cols, List.of(), more, false), 11);
        assertThat(withSection[0]).as("the STT column stays narrow").isEqualTo(plain[0]);
        assertThat(withSection[0] + withSection[1])
                .isGreaterThanOrEqualTo(ColumnWidths.textWidth("Tổng", true, 11) + ColumnWidths.PADDING);
        assertThat(ColumnWidths.fit(new PdfTable(cols, List.of(), more, false), PORTRAIT, 11).fontSize()).isEqualTo(11f);
    }

    @Test
    void extraRoomFollowsTheColumnsRelativeWidths() {
        List<PdfColumn> cols = List.of(new PdfColumn("TT", 1, null), new PdfColumn("Tên", 9, null));
        ColumnWidths.Layout layout = ColumnWidths.fit(new PdfTable(cols, List.of(), List.of(PdfRow.of(List.of("1", "A"))),
                false), PORTRAIT, 11);
        assertThat(layout.widths()[1]).isGreaterThan(layout.widths()[0] * 5);
    }

    @Test
    void tablesRefuseRowsAndGroupsThatDoNotMatchTheirColumns() {
        List<PdfColumn> cols = List.of(new PdfColumn("A", 1, null), new PdfColumn("B", 1, null));
        assertThatThrownBy(() -> new PdfTable(cols, List.of(), List.of(PdfRow.of(List.of("1"))), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells");
        assertThatThrownBy(() -> new PdfTable(cols, List.of(new PdfColumnGroup("G", 3)), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("span 3");
        assertThatThrownBy(() -> new PdfRow(PdfRow.Kind.ROW, List.of("a", "b"), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdfRow(PdfRow.Kind.SECTION, List.of("a", "b"), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adjacentColumnsOfOneGroupShareOneCell() {
        assertThat(PdfTable.groupsOf(Arrays.asList(null, "Hộ nghèo", "Hộ nghèo", "Hộ cận nghèo", "", "Hộ nghèo")))
                .extracting(g -> g.label() + "/" + g.span())
                .containsExactly("/1", "Hộ nghèo/2", "Hộ cận nghèo/1", "/1", "Hộ nghèo/1");
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
