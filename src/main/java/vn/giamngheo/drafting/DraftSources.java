package vn.giamngheo.drafting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.budget.CostView;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.monitoring.MonitoringReports;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;
import vn.giamngheo.movement.InvalidMovementRequestException;
import vn.giamngheo.movement.MovementReport;
import vn.giamngheo.movement.MovementService;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanCoverage;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammePeriod;
import vn.giamngheo.report.RecognisedFigures;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.task.LateOutputReport;
import vn.giamngheo.task.PlanTask;
import vn.giamngheo.task.PlanTasks;

/**
 * Reads what a drafted document prints through the services the pages use (never its own SQL): the plan and its
 * communes' plans ({@link PlanService}), the counts of the decided lists as the reports count them
 * ({@link RecognisedFigures}), the movements ({@link MovementService}), the coverage targets ({@link PlanCoverage}), the
 * cost table ({@link BudgetLines}), the programme items with their agencies ({@link ProgrammeCatalogue}) and the
 * overdue reports ({@link MonitoringReports}), the plan's tasks with their agencies and outputs ({@link PlanTasks}). All scoped to the user: a plan outside their area is not found.
 */
@Component
class DraftSources {

    /** Overdue reports listed in a report (the total is always printed). */
    static final int OVERDUE_LISTED = 30;

    private final PlanService plans;
    private final PlanCoverage coverage;
    private final RecognisedFigures figures;
    private final MovementService movements;
    private final BudgetLines budget;
    private final ProgrammeCatalogue programme;
    private final MonitoringReports monitoring;
    private final Clock clock;
    private final PlanTasks tasks;

    DraftSources(PlanService plans, PlanCoverage coverage, RecognisedFigures figures, MovementService movements,
                 BudgetLines budget, ProgrammeCatalogue programme, MonitoringReports monitoring, Clock clock, PlanTasks tasks) {
        this.tasks = tasks;
        this.plans = plans;
        this.coverage = coverage;
        this.figures = figures;
        this.movements = movements;
        this.budget = budget;
        this.programme = programme;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Plan plan(long planId, CurrentUser user) {
        return plans.get(planId, user);
    }

    DraftData gather(Plan plan, DraftKind kind, CurrentUser user) {
        LocalDate today = today();
        LocalDate asOf = kind.asOf(plan.year(), today);
        List<Plan> children = plans.children(plan.id(), user);
        // the situation: the recognised lists of the plan's year (its baseline), as the report pages count them
        RecognisedFigures.UnitCounts situation = figures.ofUnit(plan.unitId(), Math.min(plan.year(), today.getYear() + 1), user);
        MovementReport movement = movement(plan, kind, asOf, user);
        List<TargetLine> targets = TargetLine.of(plan, children);
        Map<String, PlanService.Tracking> tracking = new LinkedHashMap<>();
        if (kind.report()) {
            for (Plan c : children) {
                if (c.households() > 0 || c.poor() > 0) {
                    tracking.put(c.unitCode(), plans.track(c.id(), asOf, user));
                }
            }
            tracking.put(targets.size() == 1 ? plan.unitCode() : "total", plans.track(plan.id(), asOf, user));
        }
        ProgrammePeriod period = programme.periods().isEmpty() ? null : programme.periodOf(plan.year());
        boolean inPeriod = period != null && period.yearFrom() <= plan.year() && plan.year() <= period.yearTo();
        CostView cost = inPeriod ? budget.costView(plan.unitId(), plan.year(), period.code(), BudgetStage.ALLOCATED, user) : null;
        List<ProgrammeItem> items = inPeriod ? programme.items(period.code()).stream()
                .filter(i -> !ProgrammeItem.POLICY.equals(i.kind())).toList() : List.of();
        MonitoringReports.Overdue overdue = kind.report() ? monitoring.overdue(plan.unitId(), user, asOf, OVERDUE_LISTED) : null;
        List<PlanTask> planTasks = tasks.ofPlan(plan.id(), user.scope());
        java.util.Set<Long> ids = planTasks.stream().map(PlanTask::id).collect(java.util.stream.Collectors.toSet());
        List<LateOutputReport> late = kind.report() ? tasks.late(user.scope(), asOf).stream()
                .filter(l -> ids.contains(l.taskId())).toList() : List.of();
        return new DraftData(kind, plan, children, asOf, today, situation, movement, targets, TargetLine.check(targets),
                tracking, coverage.track(plan.id(), asOf, user), cost, items, overdue, schedule(plan.year()),
                kind.report() ? monitoring.list(user, plan.unitId(), plan.year(),
                        kind == DraftKind.HALF_YEAR ? ReportKind.HALF_YEAR : ReportKind.YEAR) : List.of(), planTasks, late);
    }

    /** The 6-month and annual reports of the year with their data periods and due dates (monitoring's schedule). */
    List<DraftData.Schedule> schedule(int year) {
        List<DraftData.Schedule> list = new java.util.ArrayList<>();
        for (ReportKind k : List.of(ReportKind.HALF_YEAR, ReportKind.YEAR)) {
            ReportPeriod p = monitoring.periodOf(k, year, 1);
            MonitoringReports.Deadlines d = monitoring.deadlinesOf(p);
            list.add(new DraftData.Schedule(k.code(), p.start(), p.end(), d.due(), d.ministryDue()));
        }
        return list;
    }

    /**
     * The movements of the period: for a plan those of the year before it (how its baseline came about), for a report
     * those from 1 January of the plan's year to the day of its figures. Null when the period has no day yet.
     */
    private MovementReport movement(Plan plan, DraftKind kind, LocalDate asOf, CurrentUser user) {
        LocalDate from = kind.report() ? LocalDate.of(plan.year(), 1, 1) : LocalDate.of(plan.year() - 1, 1, 1);
        LocalDate to = kind.report() ? asOf : LocalDate.of(plan.year(), 1, 1);
        if (to.isAfter(today())) {
            to = today();
        }
        if (!from.isBefore(to)) {
            return null;
        }
        try {
            return movements.between(plan.unitId(), from, to, user);
        } catch (InvalidMovementRequestException e) {
            return null;
        }
    }
}
