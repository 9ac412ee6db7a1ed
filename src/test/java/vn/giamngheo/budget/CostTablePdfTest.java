package vn.giamngheo.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.document.ColumnWidths;
import vn.giamngheo.document.PageImages;
import vn.giamngheo.document.PdfTable;
import vn.giamngheo.table.CheckReport;

/**
 * The cost table as a PDF: the central budget as one merged header over its three columns, widths from the font
 * (no header word split), A4 landscape on every page (rendered to PNG by pdftoppm) with the bundled font.
 */
class CostTablePdfTest {

    private static CostView view() {
        List<CostTable.Node> leaves = new ArrayList<>();
        Map<String, Map<FundingSource, BigDecimal>> amounts = new HashMap<>();
        for (int i = 1; i <= 40; i++) {
            leaves.add(new CostTable.Node("p" + i, "Tiểu dự án hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế số " + i,
                    "Sở Nông nghiệp và Môi trường", List.of()));
            amounts.put("p" + i, Map.of(FundingSource.CENTRAL_INVESTMENT, new BigDecimal("123456.5").multiply(BigDecimal.valueOf(i)),
                    FundingSource.CENTRAL_RECURRENT, new BigDecimal("7890.25"), FundingSource.LOCAL, new BigDecimal("1200"),
                    FundingSource.BANK, new BigDecimal("99999")));
        }
        List<CostTable.Group> groups = List.of(new CostTable.Group("Chương trình MTQG giảm nghèo bền vững", leaves));
        Map<BudgetStage, CostTable> tables = new EnumMap<>(BudgetStage.class);
        for (BudgetStage stage : BudgetStage.values()) {
            tables.put(stage, CostTable.build(groups, amounts));
        }
        return new CostView("Tỉnh Tuyên Quang", "2026-2030", 2027, BudgetStage.ALLOCATED, tables, new CheckReport(List.of(), 0));
    }

    @Test
    void theCentralBudgetIsOneMergedHeaderAndNoHeaderWordIsSplit() {
        PdfTable table = CostTablePdf.table(view());
        assertThat(table.groups()).extracting(g -> g.label() + "/" + g.span())
                .contains("Ngân sách trung ương/3");
        float available = 841.89f - 2 * 20 * 72 / 25.4f;
        ColumnWidths.Layout layout = ColumnWidths.fit(table, available, 10f);
        for (int i = 0; i < table.columns().size(); i++) {
            for (String word : ColumnWidths.words(table.columns().get(i).header())) {
                assertThat(ColumnWidths.textWidth(word, true, layout.fontSize()) + ColumnWidths.PADDING)
                        .as(word).isLessThanOrEqualTo(layout.widths()[i]);
            }
        }
    }

    @Test
    void theCostTableIsPrintedOnA4Landscape() throws Exception {
        PageImages.require();
        byte[] pdf = CostTablePdf.write(view());
        assertThat(PageImages.renderA4("cost-table", pdf, true)).hasSizeGreaterThan(1);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("LiberationSerif").doesNotContain("DejaVu", "LiberationSans", "Helvetica");
    }
}
