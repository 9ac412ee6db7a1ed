package vn.giamngheo.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.budget.CostView;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.monitoring.MonitoringReports;
import vn.giamngheo.movement.MovementReport;
import vn.giamngheo.movement.rules.Reconciliation;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanCoverage;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.report.RecognisedFigures;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.task.LateOutputReport;
import vn.giamngheo.task.PlanTask;
import vn.giamngheo.task.TaskOutput;

/**
 * Everything a drafted document prints, read from the services of the pages: the plan and its communes' plans, the
 * report's counts of the decided lists, the movements, the coverage targets, the progress against each target
 * (reports), the cost table, the programme items with their agencies, the overdue reports, and the plan checker's
 * findings on the drafted target table. {@link #figures()} lists every printed figure under a stable key (machine
 * format) — what a later draft is compared with.
 *
 * @param movement null when the period has no day yet (a plan of a future year)
 * @param budget   null when no programme period holds the year
 * @param tracking the progress of the plan and of each line's plan by unit code (reports; empty for the plan)
 */
record DraftData(DraftKind kind, Plan plan, List<Plan> children, LocalDate asOf, LocalDate today,
                 RecognisedFigures.UnitCounts situation, MovementReport movement, List<TargetLine> targets,
                 CheckReport check, Map<String, PlanService.Tracking> tracking, List<PlanCoverage.Tracked> coverage,
                 CostView budget, List<ProgrammeItem> items, MonitoringReports.Overdue overdue, List<Schedule> schedule,
                 List<vn.giamngheo.monitoring.Report> periodReports, List<PlanTask> tasks,
                 List<LateOutputReport> lateOutputs) {

    /** A periodic report of the plan's year: its kind ({@code half_year}, {@code year}), data period and due dates. */
    record Schedule(String kind, LocalDate start, LocalDate end, LocalDate due, LocalDate ministryDue) {
    }

    /** The stages the budget section prints: need and allocation in a plan, allocation and disbursement in a report. */
    List<BudgetStage> stages() {
        return kind.report() ? List.of(BudgetStage.ALLOCATED, BudgetStage.DISBURSED) : List.of(BudgetStage.NEED, BudgetStage.ALLOCATED);
    }

    /** The columns of the budget section: total, then each source. */
    static List<BudgetColumn> budgetColumns() {
        return List.of(BudgetColumn.TOTAL, BudgetColumn.CENTRAL, BudgetColumn.LOCAL, BudgetColumn.BANK, BudgetColumn.MOBILISED);
    }

    /** The amount of an item (catalogue id) at a stage, all sources; zero when the item has no line. */
    BigDecimal itemAmount(ProgrammeItem item, BudgetStage stage) {
        if (budget == null) {
            return BigDecimal.ZERO;
        }
        String key = String.valueOf(item.id());
        return budget.tables().get(stage).rows().stream().filter(r -> key.equals(r.key())).findFirst()
                .map(CostTable.Row::total).orElse(BigDecimal.ZERO);
    }

    /** The rate count / all × 100 to two decimals, null without households. */
    static BigDecimal rate(long count, long all) {
        return all == 0 ? null : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP);
    }

    /** Every figure the document prints, by key, in machine format, in the order of the document. */
    Map<String, String> figures() {
        Map<String, String> f = new LinkedHashMap<>();
        RecognisedFigures.UnitCounts s = situation;
        put(f, "situation.households", s.households());
        put(f, "situation.poor", s.poor());
        put(f, "situation.poor_rate", rate(s.poor(), s.households()));
        put(f, "situation.near_poor", s.nearPoor());
        put(f, "situation.near_poor_rate", rate(s.nearPoor(), s.households()));
        put(f, "situation.poor_ethnic_minority", s.poorEthnicMinority());
        put(f, "situation.poor_social_protection", s.poorSocialProtection());
        put(f, "situation.poor_merit", s.poorMerit());
        put(f, "situation.near_poor_ethnic_minority", s.nearPoorEthnicMinority());
        put(f, "situation.near_poor_social_protection", s.nearPoorSocialProtection());
        put(f, "situation.near_poor_merit", s.nearPoorMerit());
        if (movement != null) {
            movement(f, "movement.poor", movement.poor());
            movement(f, "movement.near_poor", movement.nearPoor());
        }
        for (TargetLine l : targets) {
            String prefix = "target." + l.code() + ".";
            l.byKey().forEach((k, v) -> put(f, prefix + k, v));
        }
        tracking.forEach((code, t) -> {
            put(f, "result." + code + ".poor_now", t.poorNow());
            put(f, "result." + code + ".achieved", t.progress().achieved());
            put(f, "result." + code + ".projected", t.progress().projected());
            f.put("result." + code + ".mark", t.progress().mark().name().toLowerCase(java.util.Locale.ROOT));
        });
        for (PlanCoverage.Tracked t : coverage) {
            String prefix = "coverage." + t.target().id() + ".";
            put(f, prefix + "target", t.target().targetShare());
            put(f, prefix + "now", t.progress().now().percent());
        }
        if (budget != null) {
            CostTable.Row total;
            for (BudgetStage stage : stages()) {
                total = budget.tables().get(stage).total();
                for (BudgetColumn c : budgetColumns()) {
                    put(f, "budget." + stage.code() + "." + c.header(), total.column(c));
                }
            }
            for (ProgrammeItem item : items) {
                put(f, "task." + item.code() + "." + stages().get(stages().size() - 1).code(),
                        itemAmount(item, stages().get(stages().size() - 1)));
            }
        }
        for (PlanTask task : tasks) {
            for (int i = 0; i < task.outputs().size(); i++) {
                TaskOutput o = task.outputs().get(i);
                put(f, "task." + task.id() + ".output." + (i + 1) + ".target", o.target());
                if (kind.report()) {
                    put(f, "task." + task.id() + ".output." + (i + 1) + ".reported", o.reported());
                }
            }
        }
        if (kind.report()) {
            put(f, "late.outputs", lateOutputs.size());
            put(f, "outputs.expected", periodReports.size());
            put(f, "outputs.sent", periodReports.stream().filter(r -> r.firstSentOn() != null).count());
        }
        if (overdue != null) {
            put(f, "late.count", overdue.total());
        }
        put(f, "check.findings", check.findings().size());
        return f;
    }

    private static void movement(Map<String, String> f, String prefix, Reconciliation r) {
        put(f, prefix + ".start", r.start());
        put(f, prefix + ".escaped", r.escaped());
        put(f, prefix + ".re_entered", r.reEntered());
        put(f, prefix + ".newly_entered", r.newlyEntered());
        put(f, prefix + ".end", r.end());
    }

    private static void put(Map<String, String> f, String key, Number value) {
        f.put(key, value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value));
    }
}
