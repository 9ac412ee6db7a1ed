package vn.giamngheo.budget;

import vn.giamngheo.budget.rules.FundingSource;

/** A budget line: one leaf item from one funding source for a unit and year, with its stages. */
public record BudgetLine(long itemId, FundingSource source, StageAmounts amounts) {
}
