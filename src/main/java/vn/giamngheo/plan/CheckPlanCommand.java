package vn.giamngheo.plan;

import java.util.List;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.plan.rules.PlanChecker;
import vn.giamngheo.table.Table;
import vn.giamngheo.table.TableCheckCommand;

/** {@code check-plan plan.csv|plan.xlsx [--out findings.csv]}: checks a plan target table (exchange-format §4). */
public final class CheckPlanCommand extends TableCheckCommand {

    @Override
    public String name() {
        return "check-plan";
    }

    @Override
    public String usage() {
        return "check-plan plan.csv|plan.xlsx [--out findings.csv]   (plan target table, exchange-format §4)";
    }

    @Override
    protected List<String> missingColumns(Table table) {
        return PlanChecker.missingColumns(PlanTableHeaders.withCodes(table));
    }

    @Override
    protected CheckReport check(Table table) {
        return PlanChecker.check(PlanTableHeaders.withCodes(table));
    }
}
