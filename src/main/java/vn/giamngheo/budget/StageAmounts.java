package vn.giamngheo.budget;

import java.math.BigDecimal;
import vn.giamngheo.budget.rules.BudgetStage;

/** The four stages of one budget line or sum of lines, million VND. */
public record StageAmounts(BigDecimal need, BigDecimal allocated, BigDecimal disbursed, BigDecimal settled) {

    public static final StageAmounts ZERO = new StageAmounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal get(BudgetStage stage) {
        return switch (stage) {
            case NEED -> need;
            case ALLOCATED -> allocated;
            case DISBURSED -> disbursed;
            case SETTLED -> settled;
        };
    }

    public StageAmounts with(BudgetStage stage, BigDecimal value) {
        return new StageAmounts(stage == BudgetStage.NEED ? value : need, stage == BudgetStage.ALLOCATED ? value : allocated,
                stage == BudgetStage.DISBURSED ? value : disbursed, stage == BudgetStage.SETTLED ? value : settled);
    }

    public StageAmounts plus(StageAmounts o) {
        return new StageAmounts(need.add(o.need), allocated.add(o.allocated), disbursed.add(o.disbursed), settled.add(o.settled));
    }

    public boolean isZero() {
        return need.signum() == 0 && allocated.signum() == 0 && disbursed.signum() == 0 && settled.signum() == 0;
    }
}
