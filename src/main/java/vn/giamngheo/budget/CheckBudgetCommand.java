package vn.giamngheo.budget;

import java.util.List;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Table;
import vn.giamngheo.table.TableCheckCommand;
import vn.giamngheo.budget.rules.BudgetChecker;

/** {@code check-budget budget.csv|budget.xlsx [--out findings.csv]}: checks a budget table (exchange-format §5). */
public final class CheckBudgetCommand extends TableCheckCommand {

    @Override
    public String name() {
        return "check-budget";
    }

    @Override
    public String usage() {
        return "check-budget budget.csv|budget.xlsx [--out findings.csv]   (plan budget table, exchange-format §5)";
    }

    @Override
    protected List<String> missingColumns(Table table) {
        return BudgetChecker.missingColumns(table);
    }

    @Override
    protected CheckReport check(Table table) {
        return BudgetChecker.check(table);
    }
}
