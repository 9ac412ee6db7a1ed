package vn.giamngheo.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.plan.rules.PlanChecker;
import vn.giamngheo.table.Table;
import vn.giamngheo.security.CurrentUser;

/**
 * Import of a plan target table (exchange-format §4) as the commune targets of a plan: all or nothing. The
 * table must pass {@link PlanChecker} without error (each error refused with its line and column); every unit
 * row must name one commune of the plan's unit (by name, full name or code); the reductions become the
 * communes' targets as a manual cascade, which must add up to the plan's target.
 */
@Service
public class PlanImport {

    private final PlanService plans;
    private final PlanUnits units;
    private final AuditLog audit;

    PlanImport(PlanService plans, PlanUnits units, AuditLog audit) {
        this.plans = plans;
        this.units = units;
        this.audit = audit;
    }

    @Transactional
    public List<Plan> importTable(long planId, Table titled, CurrentUser user) {
        // the columns by their codes, whether the file names them by code or by title (as the downloaded table does)
        Table table = PlanTableHeaders.withCodes(titled);
        Plan plan = plans.get(planId, user);
        PlanUnits.Unit unit = units.editable(plan.unitId(), user);
        List<String> missing = PlanChecker.missingColumns(table);
        if (!missing.isEmpty()) {
            throw new InvalidPlanException(PlanProblem.atLine(1, "", "plan.import.missing-columns", String.join(", ", missing)));
        }
        List<PlanProblem> problems = new ArrayList<>();
        CheckReport report = PlanChecker.check(table);
        for (Finding f : report.findings()) {
            if (f.isError()) {
                problems.add(PlanProblem.atLine(f.line(), f.column(), "plan.import.finding", f.message(Locale.forLanguageTag("vi"))));
            }
        }
        Map<Long, Integer> shares = new LinkedHashMap<>();
        LocalDate start = plan.baselineDate();
        for (Table.Row row : table.rows()) {
            String name = row.cell(vn.giamngheo.plan.rules.PlanColumn.UNIT);
            if (row.isBlank() || name == null || PlanChecker.isTotalUnit(name)) {
                continue;
            }
            List<PlanUnits.Unit> found = units.communesNamed(unit, name, start);
            if (found.size() != 1) {
                problems.add(PlanProblem.atLine(row.line(), "unit", found.isEmpty() ? "plan.import.unit-unknown" : "plan.import.unit-ambiguous", name));
                continue;
            }
            String reduction = row.cell("reduction");
            Integer value = parseCount(reduction);
            if (value == null) {
                if (problems.stream().noneMatch(p -> p.line() == row.line())) {
                    problems.add(PlanProblem.atLine(row.line(), "reduction", "plan.import.count", String.valueOf(reduction)));
                }
                continue;
            }
            if (shares.putIfAbsent(found.get(0).id(), value) != null) {
                problems.add(PlanProblem.atLine(row.line(), "unit", "plan.import.unit-twice", name));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        List<Plan> children = plans.cascade(planId, PlanService.Basis.MANUAL, shares, user);
        audit.record("IMPORT", "plan", String.valueOf(planId), plan.provinceCode(),
                table.source() + ": " + shares.size() + " communes, " + plan.year());
        return children;
    }

    static Integer parseCount(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace(".", "").replace(" ", "");
        try {
            int v = Integer.parseInt(t);
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
