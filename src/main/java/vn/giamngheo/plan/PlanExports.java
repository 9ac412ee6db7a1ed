package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialSheet;
import vn.giamngheo.document.OfficialWorkbook;
import vn.giamngheo.document.SheetColumn;
import vn.giamngheo.document.Signature;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.security.CurrentUser;

/** The files of plans: the target table (XLSX with the coverage targets, PDF, DOCX) and a goal's multi-year progress (XLSX). */
@Component
class PlanExports {

    private final PlanService plans;
    private final PlanCoverage coverage;
    private final PlanGoals goals;
    private final PlanUnits units;
    private final MessageSource messages;
    private final Clock clock;

    PlanExports(PlanService plans, PlanCoverage coverage, PlanGoals goals, PlanUnits units, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.coverage = coverage;
        this.goals = goals;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    byte[] tableXlsx(long planId, CurrentUser user, Locale locale) {
        Plan plan = plans.get(planId, user);
        PlanTablePdf.Labels l = new PlanTablePdf.Labels(messages, locale);
        List<String> headers = List.of(l.get("plan.pdf.no"), l.get("plan.coverage.code"), l.get("plan.coverage.group"),
                l.get("plan.coverage.target"), l.get("plan.coverage.baseline"), l.get("plan.coverage.now"),
                l.get("plan.projected"), l.get("plan.mark"));
        List<List<Object>> rows = new ArrayList<>();
        int i = 0;
        for (PlanCoverage.Tracked t : coverage.track(planId, today(), user)) {
            rows.add(List.of(++i, l.code(t), l.get("plan.coverage.group." + t.target().group()), t.target().targetShare(),
                    t.progress().baseline().percent(), t.progress().now().percent(), t.progress().projectedPercent(),
                    l.get("plan.mark." + t.progress().mark())));
        }
        return PlanTableWorkbook.write(plan, plans.children(planId, user), headers, rows, locale);
    }

    byte[] tablePdf(long planId, CurrentUser user, Locale locale) {
        Plan plan = plans.get(planId, user);
        return PlanTablePdf.write(plan, plans.children(planId, user), coverage.track(planId, today(), user), issuer(plan.unitId()),
                today(), messages, locale);
    }

    byte[] tableDocx(long planId, CurrentUser user, Locale locale) {
        Plan plan = plans.get(planId, user);
        return PlanTableDocx.write(plan, plans.children(planId, user), coverage.track(planId, today(), user), issuer(plan.unitId()),
                today(), messages, locale);
    }

    byte[] goalXlsx(long goalId, String boundaries, CurrentUser user, Locale locale) {
        PlanGoals.Progress p = goals.progress(goalId, boundaries, user);
        PlanGoal g = p.goal();
        PlanTablePdf.Labels l = new PlanTablePdf.Labels(messages, locale);
        OfficialWorkbook book = new OfficialWorkbook();
        OfficialSheet sheet = book.sheet(l.get("plan.goal.sheet"), List.of(
                SheetColumn.of(l.get("plan.year"), SheetColumn.Kind.CENTERED, 8),
                SheetColumn.of(l.get("plan.goal.goalRate"), SheetColumn.Kind.PERCENT, 14),
                new SheetColumn(l.get("plan.goal.actual"), l.get("plan.households"), SheetColumn.Kind.INTEGER, 14),
                new SheetColumn(l.get("plan.goal.actual"), l.get("plan.poor"), SheetColumn.Kind.INTEGER, 12),
                new SheetColumn(l.get("plan.goal.actual"), l.get("plan.goal.actualRate"), SheetColumn.Kind.PERCENT, 14),
                SheetColumn.of(l.get("plan.goal.achievedPoints"), SheetColumn.Kind.DECIMAL, 14),
                SheetColumn.of(l.get("plan.mark"), SheetColumn.Kind.TEXT, 18)));
        sheet.title(l.get("plan.goal.heading", g.unitName(), g.yearFrom() + "–" + g.yearTo()));
        sheet.subtitle(l.get("plan.goal.summary", decimal(g.startRate()), String.valueOf(g.startYear()), decimal(g.yearlyPoints()),
                decimal(g.targetEndRate()), decimal(g.periodPoints())));
        if (g.group() != vn.giamngheo.population.PopulationGroup.ALL) {
            sheet.subtitle(l.get("report.subtitle.group", l.get(g.group().messageKey())));
        }
        sheet.subtitle(l.get("plan.goal.boundaries." + p.boundaries()));
        sheet.blank();
        sheet.header();
        for (GoalTrajectory.Year y : p.years()) {
            GoalTrajectory.Actual a = y.actual();
            sheet.row(y.year(), fraction(y.goalRate()), a == null ? null : a.households(), a == null ? null : a.poor(),
                    a == null ? null : a.poor() / (double) a.households(),
                    y.achievedPoints(),
                    y.mark() == null ? l.get("plan.goal.noData") : l.get("plan.mark." + y.mark()));
        }
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        sheet.signature(PlanTablePdf.placeDate(labels, g.unitName(), today()), new Signature(List.of(l.get("plan.pdf.sign.body"),
                l.get("plan.pdf.sign.title")), l.get("plan.pdf.sign.note"), ""));
        return book.finish();
    }

    /** The issuing body: the People's Committee of the unit, under the committee of its province when it is lower. */
    List<String> issuer(long unitId) {
        PlanUnits.Unit unit = units.find(unitId).orElseThrow();
        List<String> lines = new ArrayList<>();
        if (!unit.level().equals("province")) {
            units.find(unitIdOfProvince(unit)).ifPresent(p -> lines.add("UBND " + p.name()));
        }
        lines.add("UBND " + unit.name());
        return lines;
    }

    private long unitIdOfProvince(PlanUnits.Unit unit) {
        String first = unit.path().replaceAll("^/?([0-9]+).*$", "$1");
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            return unit.id();
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Double fraction(BigDecimal percent) {
        return percent.doubleValue() / 100.0;
    }

    private String decimal(BigDecimal d) {
        return PlanTablePdf.decimal(d, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
