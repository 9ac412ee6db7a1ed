package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.document.WorkbookFingerprint;
import vn.giamngheo.table.CheckReport;

/** The cost table export looks as it did before it moved onto the workbook builder. */
class CostTableWorkbookSameTest {

    private static final List<CostTable.Group> GROUPS = List.of(
            new CostTable.Group("Chính sách giảm nghèo chung", List.of(
                    leaf("credit", "Chính sách tín dụng ưu đãi"), leaf("health", "=Chính sách hỗ trợ bảo hiểm y tế"))),
            new CostTable.Group("Chương trình MTQG giảm nghèo bền vững", List.of(
                    leaf("p1", "Dự án 1"),
                    new CostTable.Node("p3", "Dự án 3", "Nông nghiệp", List.of(leaf("p3.1", "Tiểu dự án 1"), leaf("p3.2", "Tiểu dự án 2"))))));

    private static CostTable.Node leaf(String key, String name) {
        return new CostTable.Node(key, name, "", List.of());
    }

    private static Map<String, Map<FundingSource, BigDecimal>> amounts(String factor, boolean unsplit) {
        BigDecimal f = new BigDecimal(factor);
        Map<String, Map<FundingSource, BigDecimal>> a = new HashMap<>();
        a.put("credit", Map.of(FundingSource.BANK, new BigDecimal("710000").multiply(f)));
        a.put("health", Map.of(FundingSource.CENTRAL_RECURRENT, new BigDecimal("180000").multiply(f), FundingSource.LOCAL, new BigDecimal("350.125")));
        a.put("p1", Map.of(FundingSource.CENTRAL_INVESTMENT, new BigDecimal("90000").multiply(f), FundingSource.LOCAL, new BigDecimal("9000")));
        a.put("p3.1", Map.of(FundingSource.CENTRAL_RECURRENT, new BigDecimal("12000.5").multiply(f), FundingSource.MOBILISED, new BigDecimal("200")));
        if (unsplit) {
            a.put("p3.2", Map.of(FundingSource.CENTRAL_UNSPLIT, new BigDecimal("3437").multiply(f), FundingSource.LOCAL, new BigDecimal("2600")));
        }
        return a;
    }

    private static byte[] export(BudgetStage stage, boolean unsplit) {
        Map<BudgetStage, CostTable> tables = new EnumMap<>(BudgetStage.class);
        tables.put(BudgetStage.NEED, CostTable.build(GROUPS, amounts("1.2", unsplit)));
        tables.put(BudgetStage.ALLOCATED, CostTable.build(GROUPS, amounts("1", unsplit)));
        tables.put(BudgetStage.DISBURSED, CostTable.build(GROUPS, amounts("0.3", unsplit)));
        tables.put(BudgetStage.SETTLED, CostTable.build(GROUPS, Map.of()));
        return CostTableWorkbook.write(new CostView("Huyện Yên Sơn", "2026-2030", 2027, stage, tables, new CheckReport(List.of(), 0)));
    }

    @Test
    void theDisbursedTableWithTheUnsplitNote() throws Exception {
        WorkbookFingerprint.assertSame("budget-cost-table", export(BudgetStage.DISBURSED, true));
    }

    @Test
    void theNeedWithoutUnsplitCentralMoney() throws Exception {
        WorkbookFingerprint.assertSame("budget-cost-table-need", export(BudgetStage.NEED, false));
    }
}
