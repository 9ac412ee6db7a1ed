package vn.giamngheo.budget.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.Severity;
import vn.giamngheo.table.Table;

/** A cost table built from budget lines adds up and is numbered the way BudgetChecker reads it. */
class CostTableTest {

    private static final List<CostTable.Group> GROUPS = List.of(
            new CostTable.Group("Chính sách giảm nghèo chung", List.of(
                    leaf("credit", "Chính sách tín dụng ưu đãi"), leaf("health", "Chính sách hỗ trợ bảo hiểm y tế"))),
            new CostTable.Group("Chương trình MTQG giảm nghèo bền vững", List.of(
                    leaf("p1", "Dự án 1"),
                    new CostTable.Node("p3", "Dự án 3", "Nông nghiệp", List.of(leaf("p3.1", "Tiểu dự án 1"), leaf("p3.2", "Tiểu dự án 2"))),
                    leaf("p7", "Dự án 7"))));

    private static CostTable.Node leaf(String key, String name) {
        return new CostTable.Node(key, name, "", List.of());
    }

    private static Map<String, Map<FundingSource, BigDecimal>> amounts() {
        Map<String, Map<FundingSource, BigDecimal>> a = new HashMap<>();
        a.put("credit", Map.of(FundingSource.BANK, new BigDecimal("710000")));
        a.put("health", Map.of(FundingSource.CENTRAL_RECURRENT, new BigDecimal("180000"), FundingSource.LOCAL, new BigDecimal("350")));
        a.put("p1", Map.of(FundingSource.CENTRAL_INVESTMENT, new BigDecimal("90000"), FundingSource.LOCAL, new BigDecimal("9000")));
        a.put("p3.1", Map.of(FundingSource.CENTRAL_RECURRENT, new BigDecimal("12000.5"), FundingSource.MOBILISED, new BigDecimal("200")));
        a.put("p3.2", Map.of(FundingSource.CENTRAL_UNSPLIT, new BigDecimal("3437"), FundingSource.LOCAL, new BigDecimal("2600")));
        a.put("p7", Map.of(FundingSource.CENTRAL_RECURRENT, new BigDecimal("16499.5"), FundingSource.LOCAL, new BigDecimal("17900")));
        a.put("not-in-catalogue", Map.of(FundingSource.BANK, BigDecimal.ONE));
        return a;
    }

    @Test
    void rowsAreNumberedAndSummedFromTheLeaves() {
        CostTable table = CostTable.build(GROUPS, amounts());

        assertThat(table.rows()).extracting(CostTable.Row::code)
                .containsExactly("", "I", "1", "2", "II", "1", "2", "2.1", "2.2", "3");
        assertThat(table.total().total()).isEqualByComparingTo("1041987");
        assertThat(table.total().column(BudgetColumn.CENTRAL)).isEqualByComparingTo("301937");
        assertThat(table.total().column(BudgetColumn.LOCAL)).isEqualByComparingTo("29850");
        assertThat(table.total().column(BudgetColumn.BANK)).isEqualByComparingTo("710000");
        assertThat(table.total().column(BudgetColumn.MOBILISED)).isEqualByComparingTo("200");
        assertThat(table.rows().get(6).total()).as("Dự án 3 = its two sub-projects").isEqualByComparingTo("18237.5");
    }

    @Test
    void theBuiltTablePassesTheBudgetCheck() {
        CheckReport report = BudgetChecker.check(CostTable.build(GROUPS, amounts()).toTable("built"));

        assertThat(report.findings()).isEmpty();
        assertThat(report.exitStatus()).isZero();
    }

    @ParameterizedTest(name = "line {0}, {1} changed to {2}: exactly that cell is reported")
    @CsvSource({"4, bank, 701.000", "8, central, 12.000", "11, local, 17.000", "9, mobilised, 5", "2, total, 1.041.988"})
    void changingOneCellOfTheBuiltTableReportsExactlyThatLine(int line, String column, String value) {
        Table built = CostTable.build(GROUPS, amounts()).toTable("built");
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row r : built.rows()) {
            Map<String, String> cells = new HashMap<>(r.cells());
            if (r.line() == line) {
                cells.put(column, value);
            }
            rows.add(new Table.Row(r.line(), cells));
        }
        CheckReport report = BudgetChecker.check(new Table("changed", built.columns(), rows));

        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).line()).isEqualTo(line);
        assertThat(errors.get(0).column()).isEqualTo(column);
        assertThat(report.exitStatus()).isEqualTo(1);
    }

    @ParameterizedTest(name = "disbursed {0} of allocated {1}: {2} %")
    @CsvSource({"0, 100, 0.00", "50, 200, 25.00", "1, 3, 33.33", "2, 3, 66.67", "300, 300, 100.00", "330, 300, 110.00", "5, 0,"})
    void disbursementRateIsDisbursedOverAllocated(BigDecimal disbursed, BigDecimal allocated, BigDecimal rate) {
        assertThat(DisbursementRate.percent(disbursed, allocated).orElse(null)).isEqualTo(rate);
    }
}
