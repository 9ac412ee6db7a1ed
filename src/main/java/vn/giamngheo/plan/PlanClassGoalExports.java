package vn.giamngheo.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialSheet;
import vn.giamngheo.document.OfficialWorkbook;
import vn.giamngheo.document.SheetColumn;
import vn.giamngheo.document.Signature;
import vn.giamngheo.plan.rules.ClassGoalRules;
import vn.giamngheo.security.CurrentUser;

/** The tracking of a goal set on area classes as an XLSX workbook: one sheet, the same figures as its page. */
@Component
class PlanClassGoalExports {

    private final PlanClassGoals classGoals;
    private final MessageSource messages;
    private final Clock clock;

    PlanClassGoalExports(PlanClassGoals classGoals, MessageSource messages, Clock clock) {
        this.classGoals = classGoals;
        this.messages = messages;
        this.clock = clock;
    }

    byte[] trackingXlsx(long goalId, CurrentUser user, Locale locale) {
        PlanClassGoals.Tracking t = classGoals.track(goalId, user);
        PlanGoal g = t.goal();
        PlanTablePdf.Labels l = new PlanTablePdf.Labels(messages, locale);
        OfficialWorkbook book = new OfficialWorkbook();
        String classes = t.classes().stream().map(c -> c.name(locale)).collect(Collectors.joining(", "));
        OfficialSheet sheet;
        if (PlanGoal.EACH_UNIT.equals(g.goalKind())) {
            sheet = book.sheet(l.get("plan.class-goal.sheet"), List.of(
                    SheetColumn.of(l.get("plan.year"), SheetColumn.Kind.CENTERED, 8),
                    SheetColumn.of(l.get("plan.class-goal.commune.code"), SheetColumn.Kind.CENTERED, 10),
                    SheetColumn.of(l.get("plan.unit"), SheetColumn.Kind.TEXT, 28),
                    new SheetColumn(l.get("plan.class-goal.before"), l.get("plan.households"), SheetColumn.Kind.INTEGER, 12),
                    new SheetColumn(l.get("plan.class-goal.before"), l.get("plan.poor"), SheetColumn.Kind.INTEGER, 10),
                    new SheetColumn(l.get("plan.class-goal.before"), l.get("plan.goal.actualRate"), SheetColumn.Kind.PERCENT, 12),
                    new SheetColumn(l.get("plan.class-goal.after"), l.get("plan.households"), SheetColumn.Kind.INTEGER, 12),
                    new SheetColumn(l.get("plan.class-goal.after"), l.get("plan.poor"), SheetColumn.Kind.INTEGER, 10),
                    new SheetColumn(l.get("plan.class-goal.after"), l.get("plan.goal.actualRate"), SheetColumn.Kind.PERCENT, 12),
                    SheetColumn.of(l.get("plan.class-goal.fall"), SheetColumn.Kind.DECIMAL, 12),
                    SheetColumn.of(l.get("plan.class-goal.outcome"), SheetColumn.Kind.TEXT, 22)));
            sheet.title(l.get("plan.class-goal.heading", g.unitName(), g.yearFrom() + "–" + g.yearTo()));
            sheet.subtitle(l.get("plan.class-goal.summary.each", classes, PlanTablePdf.decimal(g.yearlyPoints(), locale)));
            subtitles(sheet, g, l);
            sheet.blank();
            sheet.header();
            for (PlanClassGoals.EachUnitYear y : t.eachUnit()) {
                if (!y.ended()) {
                    sheet.row(y.year(), null, l.get("plan.class-goal.not-ended"), null, null, null, null, null, null, null,
                            l.get(ClassGoalRules.Outcome.NOT_MEASURABLE.messageKey()));
                    continue;
                }
                for (PlanClassGoals.CommuneLine c : y.communes()) {
                    ClassGoalRules.Counts b = c.before();
                    ClassGoalRules.Counts a = c.after();
                    sheet.row(y.year(), c.code(), c.name(), b == null ? null : b.households(), b == null ? null : b.poor(),
                            b == null ? null : b.poor() / (double) b.households(), a == null ? null : a.households(),
                            a == null ? null : a.poor(), a == null ? null : a.poor() / (double) a.households(),
                            c.fall().points(), l.get(c.fall().outcome().messageKey()));
                }
                sheet.row(y.year(), null, l.get("plan.class-goal.tally", y.tally().met(), y.tally().holders()), null, null,
                        null, null, null, null, null, l.get(y.tally().outcome().messageKey()));
            }
        } else {
            sheet = book.sheet(l.get("plan.class-goal.sheet"), List.of(
                    SheetColumn.of(l.get("plan.year"), SheetColumn.Kind.CENTERED, 8),
                    SheetColumn.of(l.get("plan.class-goal.allowed"), SheetColumn.Kind.PERCENT, 14),
                    new SheetColumn(l.get("plan.goal.actual"), l.get("plan.households"), SheetColumn.Kind.INTEGER, 14),
                    new SheetColumn(l.get("plan.goal.actual"), l.get("plan.poor"), SheetColumn.Kind.INTEGER, 12),
                    new SheetColumn(l.get("plan.goal.actual"), l.get("plan.goal.actualRate"), SheetColumn.Kind.PERCENT, 14),
                    SheetColumn.of(l.get("plan.class-goal.outcome"), SheetColumn.Kind.TEXT, 22)));
            sheet.title(l.get("plan.class-goal.heading", g.unitName(), g.yearFrom() + "–" + g.yearTo()));
            sheet.subtitle(l.get("plan.class-goal.summary.ceiling", classes, PlanTablePdf.decimal(g.startRate(), locale),
                    String.valueOf(g.startYear()), PlanTablePdf.decimal(g.targetEndRate(), locale), String.valueOf(g.yearTo())));
            subtitles(sheet, g, l);
            sheet.blank();
            sheet.header();
            for (PlanClassGoals.CeilingYear y : t.ceiling()) {
                ClassGoalRules.Counts a = y.actual();
                sheet.row(y.year(), y.check().allowed() == null ? null : y.check().allowed().doubleValue() / 100.0,
                        a == null ? null : a.households(), a == null ? null : a.poor(),
                        a == null ? null : a.poor() / (double) a.households(), l.get(y.check().outcome().messageKey()));
            }
        }
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        sheet.signature(PlanTablePdf.placeDate(labels, g.unitName(), LocalDate.now(clock)), new Signature(List.of(
                l.get("plan.pdf.sign.body"), l.get("plan.pdf.sign.title")), l.get("plan.pdf.sign.note"), ""));
        return book.finish();
    }

    private static void subtitles(OfficialSheet sheet, PlanGoal g, PlanTablePdf.Labels l) {
        if (g.group() != vn.giamngheo.population.PopulationGroup.ALL) {
            sheet.subtitle(l.get("report.subtitle.group", l.get(g.group().messageKey())));
        }
        sheet.subtitle(l.get("plan.class-goal.how"));
    }
}
