package vn.giamngheo.planning;

import java.util.List;

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
        return PlanChecker.missingColumns(table);
    }

    @Override
    protected CheckReport check(Table table) {
        return PlanChecker.check(table);
    }
}
