package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.DisbursementRate;
import vn.giamngheo.table.CheckReport;

/**
 * The cost tables of a unit (its own lines and every unit below it) for a year and programme period,
 * one per stage with the same rows, and the consistency check of the table of the chosen stage.
 */
public record CostView(String unitName, String periodCode, int year, BudgetStage stage,
                       Map<BudgetStage, CostTable> tables, CheckReport check) {

    public CostTable table() {
        return tables.get(stage);
    }

    public List<CostTable.Row> rows() {
        return table().rows();
    }

    /** Disbursement rate of row {@code i}: disbursed ÷ allocated of the same row, all sources. */
    public Optional<BigDecimal> disbursementRate(int i) {
        return DisbursementRate.percent(tables.get(BudgetStage.DISBURSED).rows().get(i).total(),
                tables.get(BudgetStage.ALLOCATED).rows().get(i).total());
    }
}
