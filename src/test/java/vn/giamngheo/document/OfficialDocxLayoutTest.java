package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** The Word layout helper's tables and sections, read back with Apache POI. */
class OfficialDocxLayoutTest {

    private static final List<DocxColumn> COLUMNS = List.of(
            DocxColumn.of("STT", 1, DocxColumn.Align.CENTER), DocxColumn.of("Đơn vị", 6, DocxColumn.Align.LEFT),
            new DocxColumn("Hộ nghèo", "Số hộ", 2, DocxColumn.Align.RIGHT),
            new DocxColumn("Hộ nghèo", "Tỷ lệ (%)", 2, DocxColumn.Align.RIGHT));

    @Test
    void groupsMergeAcrossSinglesDownSectionsAcrossTheTable() throws Exception {
        OfficialDocx docx = OfficialDocx.createLandscape(DocumentLabels.forLocale(null), "Bảng");
        docx.header(List.of("UBND Tỉnh Hà Giang"), "", "");
        docx.table(COLUMNS, List.of(DocxRow.section("I. KHU VỰC THÀNH THỊ"),
                DocxRow.row(List.of("1", "Thôn Nà Hẩu", "1.234", "10,53")),
                DocxRow.total(List.of("", "Tổng cộng", "1.234", "10,53"))), 11, true);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.finish()))) {
            XWPFTable t = doc.getTables().get(1);
            List<XWPFTableRow> rows = t.getRows();
            assertThat(rows).hasSize(6);
            assertThat(rows.subList(0, 3)).allMatch(XWPFTableRow::isRepeatHeader);
            assertThat(rows.get(3).isRepeatHeader()).isFalse();
            // first header row: STT and Đơn vị start a vertical merge, the group spans its two columns
            List<XWPFTableCell> top = rows.get(0).getTableCells();
            assertThat(top).extracting(XWPFTableCell::getText).containsExactly("STT", "Đơn vị", "Hộ nghèo");
            assertThat(pr(top.get(0)).getVMerge().getVal()).isEqualTo(STMerge.RESTART);
            assertThat(pr(top.get(2)).getGridSpan().getVal()).isEqualTo(BigInteger.TWO);
            List<XWPFTableCell> second = rows.get(1).getTableCells();
            assertThat(second).extracting(XWPFTableCell::getText).containsExactly("", "", "Số hộ", "Tỷ lệ (%)");
            assertThat(pr(second.get(0)).isSetVMerge()).isTrue();
            assertThat(pr(second.get(0)).getVMerge().isSetVal()).as("continues the merge").isFalse();
            assertThat(rows.get(2).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("(1)", "(2)", "(3)", "(4)");
            // the section row is one cell across the four columns, in bold
            XWPFTableCell section = rows.get(3).getTableCells().get(0);
            assertThat(rows.get(3).getTableCells()).hasSize(1);
            assertThat(pr(section).getGridSpan().getVal()).isEqualTo(BigInteger.valueOf(4));
            assertThat(section.getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(rows.get(4).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
            assertThat(rows.get(5).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).as("total").isTrue();
            // the widths fill the text width: A4 landscape less 30 and 15 mm
            long sum = t.getCTTbl().getTblGrid().getGridColList().stream()
                    .mapToLong(c -> ((BigInteger) c.getW()).longValue()).sum();
            assertThat(sum).isEqualTo(16838 - 1701 - 851);
        }
    }

    @Test
    void eachDocumentOfABatchIsASectionWhosePagesCountFromOne() throws Exception {
        OfficialDocx docx = OfficialDocx.create(DocumentLabels.forLocale(null), "Giấy chứng nhận");
        docx.title("Một").nextDocument().title("Hai").nextDocument().title("Ba");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.finish()))) {
            List<CTSectPr> sections = new java.util.ArrayList<>();
            doc.getParagraphs().stream().filter(p -> p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr())
                    .forEach(p -> sections.add(p.getCTP().getPPr().getSectPr()));
            sections.add(doc.getDocument().getBody().getSectPr());
            assertThat(sections).hasSize(3).allSatisfy(s -> {
                assertThat(s.getPgNumType().getStart()).isEqualTo(BigInteger.ONE);
                assertThat(s.isSetTitlePg()).as("no number on a document's first page").isTrue();
                assertThat(s.getHeaderReferenceList()).hasSize(2);
            });
        }
    }

    @Test
    void rowsMustFitTheColumns() {
        OfficialDocx docx = OfficialDocx.create(DocumentLabels.forLocale(null), "x");
        assertThatThrownBy(() -> docx.table(COLUMNS, List.of(List.of("1", "Thôn")), 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
        assertThatThrownBy(() -> docx.signatures(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\" wider than \"{1}\"")
    @CsvSource({
            "Disagree, Agree, false",
            "15250-00042, 1.234.567, false",
            "HẠNH, hạnh, false",
            "Nguyễn, Lò, true",
    })
    void aWordsWidthGrowsWithItsLettersCapitalsAndBold(String wider, String narrower, boolean boldOnly) {
        double size = 11;
        if (boldOnly) {
            assertThat(OfficialDocx.longestWord(wider, size, true)).isGreaterThan(OfficialDocx.longestWord(wider, size, false));
        }
        assertThat(OfficialDocx.longestWord(wider, size, false)).isGreaterThan(OfficialDocx.longestWord(narrower, size, false));
        // the widest word counts, not the whole text: a header may wrap between its words
        assertThat(OfficialDocx.longestWord("Tổng cộng", size, false)).isEqualTo(OfficialDocx.longestWord("Tổng", size, false));
        // a household code at 11 pt (ten digits and a hyphen, 0.5 and 0.3 em) needs at least 58 points
        assertThat(OfficialDocx.longestWord("15250-00042", size, false) / 20).isGreaterThan(58);
    }

    private static CTTcPr pr(XWPFTableCell cell) {
        return cell.getCTTc().getTcPr();
    }
}
