package vn.giamngheo.drafting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.Signature;
import vn.giamngheo.drafting.DraftDocument.Align;
import vn.giamngheo.drafting.DraftDocument.Column;
import vn.giamngheo.drafting.DraftDocument.Row;
import vn.giamngheo.format.Formats;
import vn.giamngheo.monitoring.Report;
import vn.giamngheo.movement.rules.Reconciliation;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanCoverage;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.report.RecognisedFigures;
import vn.giamngheo.table.Finding;
import vn.giamngheo.task.LateOutputReport;
import vn.giamngheo.task.PlanTask;
import vn.giamngheo.task.TaskOutput;

/**
 * Writes the plan (sections I–V) or a report of results from its {@link DraftData} and the narrative written in the
 * page: every number through {@link Formats} (counts with thousands separators, rates to two decimals), every word
 * from the {@code drafting} messages in the document's language.
 */
@Component
class DraftWriter {

    private final MessageSource messages;

    DraftWriter(MessageSource messages) {
        this.messages = messages;
    }

    /** The document, laid out as DOCX and PDF by the caller. */
    DraftDocument write(DraftData data, Narratives.Narrative narrative, LocalDate date, Locale locale) {
        Texts t = new Texts(messages, locale);
        Formats f = Formats.of(locale);
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        Plan plan = data.plan();
        String kind = data.kind().code();
        String title = t.get("drafting.title." + kind, f.year(plan.year()));
        String number = labels.get("document.number", labels.get("document.number.blank") + "/"
                + labels.get(data.kind().report() ? "document.symbol.report" : "document.symbol.plan") + "-UBND");
        String placeDate = labels.get("document.place-date", plan.unitName(), String.format("%02d", date.getDayOfMonth()),
                date.getMonthValue() <= 2 ? String.format("%02d", date.getMonthValue()) : String.valueOf(date.getMonthValue()),
                String.valueOf(date.getYear()));
        List<String> subtitles = new ArrayList<>();
        subtitles.add(plan.unitName());
        subtitles.add(t.get("drafting.subtitle.asOf", f.date(data.asOf())));
        DraftDocument d = new DraftDocument(labels, title + " — " + plan.unitName(), List.of(t.get("drafting.issuer",
                plan.unitName().toUpperCase(locale))), number, placeDate, title, subtitles);
        if (data.kind().report()) {
            report(d, data, narrative, t, f);
        } else {
            plan(d, data, narrative, t, f);
        }
        List<String> recipients = new ArrayList<>();
        recipients.add(labels.get("document.recipients.report", t.get("drafting.recipient.above")));
        recipients.add(labels.get("document.recipients.archive"));
        d.close(recipients, new Signature(List.of(t.get("drafting.sign.body"), t.get("drafting.sign.title")),
                t.get("drafting.sign.note"), ""));
        return d;
    }

    private void plan(DraftDocument d, DraftData data, Narratives.Narrative n, Texts t, Formats f) {
        d.heading(t.get("drafting.plan.I"));
        d.paragraphs(n.text("situation"));
        situation(d, data, t, f);
        movements(d, data, t, f);
        d.heading(t.get("drafting.plan.II"));
        d.paragraphs(n.text("goals"));
        targets(d, data, t, f);
        coverage(d, data, t, f);
        d.heading(t.get("drafting.plan.III"));
        d.paragraphs(n.text("tasks"));
        tasks(d, data, t, f);
        d.heading(t.get("drafting.plan.IV"));
        d.paragraphs(n.text("budget"));
        budget(d, data, t, f);
        d.heading(t.get("drafting.plan.V"));
        d.paragraphs(n.text("organisation"));
        schedule(d, data, t, f);
        findings(d, data, t, f);
    }

    private void report(DraftDocument d, DraftData data, Narratives.Narrative n, Texts t, Formats f) {
        d.heading(t.get("drafting.report.I"));
        d.paragraphs(n.text("results"));
        situation(d, data, t, f);
        results(d, data, t, f);
        coverage(d, data, t, f);
        movements(d, data, t, f);
        budget(d, data, t, f);
        outputs(d, data, t, f);
        late(d, data, t, f);
        d.heading(t.get("drafting.report.II"));
        d.paragraphs(n.text("difficulties"));
        d.heading(t.get("drafting.report.III"));
        d.paragraphs(n.text("causes"));
        d.heading(t.get("drafting.report.IV"));
        d.paragraphs(n.text("next_steps"));
        targets(d, data, t, f);
        findings(d, data, t, f);
    }

    /** The counts of the decided lists with rates and breakdowns (the report pages' figures). */
    private void situation(DraftDocument d, DraftData data, Texts t, Formats f) {
        RecognisedFigures.UnitCounts s = data.situation();
        d.paragraphs(t.get("drafting.situation.lead", f.year(s.year())));
        List<Column> cols = List.of(Column.of(t.get("drafting.col.no"), 3, Align.CENTER),
                Column.of(t.get("drafting.col.indicator"), 24, Align.LEFT),
                Column.of(t.get("drafting.col.households"), 8, Align.RIGHT),
                Column.of(t.get("drafting.col.rate"), 8, Align.RIGHT));
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(List.of("1", t.get("drafting.situation.households"), f.count(s.households()), "")));
        rows.add(Row.of(List.of("2", t.get("drafting.situation.poor"), f.count(s.poor()), rate(f, DraftData.rate(s.poor(), s.households())))));
        rows.add(Row.of(List.of("", t.get("drafting.situation.ethnicMinority"), f.count(s.poorEthnicMinority()), "")));
        rows.add(Row.of(List.of("", t.get("drafting.situation.socialProtection"), f.count(s.poorSocialProtection()), "")));
        rows.add(Row.of(List.of("", t.get("drafting.situation.merit"), f.count(s.poorMerit()), "")));
        rows.add(Row.of(List.of("3", t.get("drafting.situation.nearPoor"), f.count(s.nearPoor()),
                rate(f, DraftData.rate(s.nearPoor(), s.households())))));
        rows.add(Row.of(List.of("", t.get("drafting.situation.ethnicMinority"), f.count(s.nearPoorEthnicMinority()), "")));
        rows.add(Row.of(List.of("", t.get("drafting.situation.socialProtection"), f.count(s.nearPoorSocialProtection()), "")));
        rows.add(Row.of(List.of("", t.get("drafting.situation.merit"), f.count(s.nearPoorMerit()), "")));
        d.table(cols, rows, 11);
        if (!s.hasData()) {
            d.paragraphs(t.get("drafting.situation.noData"));
        }
    }

    private void movements(DraftDocument d, DraftData data, Texts t, Formats f) {
        if (data.movement() == null) {
            d.paragraphs(t.get("drafting.movement.none"));
            return;
        }
        d.paragraphs(t.get("drafting.movement.lead", f.date(data.movement().from()), f.date(data.movement().to())));
        List<Column> cols = List.of(Column.of(t.get("drafting.col.list"), 14, Align.LEFT),
                Column.of(t.get("drafting.movement.start"), 8, Align.RIGHT),
                Column.of(t.get("drafting.movement.escaped"), 8, Align.RIGHT),
                Column.of(t.get("drafting.movement.reEntered"), 8, Align.RIGHT),
                Column.of(t.get("drafting.movement.newlyEntered"), 8, Align.RIGHT),
                Column.of(t.get("drafting.movement.end"), 8, Align.RIGHT));
        d.table(cols, List.of(movementRow(t.get("drafting.situation.poor"), data.movement().poor(), f),
                movementRow(t.get("drafting.situation.nearPoor"), data.movement().nearPoor(), f)), 11);
    }

    private static Row movementRow(String label, Reconciliation r, Formats f) {
        return Row.of(List.of(label, f.count(r.start()), f.count(r.escaped()), f.count(r.reEntered()),
                f.count(r.newlyEntered()), f.count(r.end())));
    }

    /** The target table as plans print it: numbered columns with their formulas, a totals row, rates to two decimals. */
    private void targets(DraftDocument d, DraftData data, Texts t, Formats f) {
        d.paragraphs(t.get(data.kind().report() ? "drafting.targets.annex" : "drafting.targets.lead"));
        String poorStart = t.get("drafting.targets.poorStart");
        String reduction = t.get("drafting.targets.reduction");
        String poorEnd = t.get("drafting.targets.poorEnd");
        String policy = t.get("drafting.targets.policy");
        String protection = t.get("drafting.targets.protection");
        String nearStart = t.get("drafting.targets.nearPoorStart");
        String nearEnd = t.get("drafting.targets.nearPoorEnd");
        String count = t.get("drafting.col.count");
        String rate = t.get("drafting.col.ratePct");
        List<Column> cols = List.of(Column.of(t.get("drafting.col.no"), 2.5, Align.CENTER),
                Column.of(t.get("drafting.col.unit"), 12, Align.LEFT),
                Column.of(t.get("drafting.col.households"), 5.5, Align.RIGHT),
                new Column(poorStart, count, 4.5, Align.RIGHT), new Column(poorStart, rate, 4.5, Align.RIGHT),
                new Column(reduction, count, 4.5, Align.RIGHT), new Column(reduction, t.get("drafting.col.points"), 4.5, Align.RIGHT),
                new Column(poorEnd, count, 4.5, Align.RIGHT), new Column(poorEnd, rate, 4.5, Align.RIGHT),
                new Column(policy, count, 4.5, Align.RIGHT), new Column(policy, rate, 4.5, Align.RIGHT),
                new Column(protection, count, 4.5, Align.RIGHT), new Column(protection, rate, 4.5, Align.RIGHT),
                new Column(nearStart, count, 4.5, Align.RIGHT), new Column(nearStart, rate, 4.5, Align.RIGHT),
                new Column(t.get("drafting.targets.nearPoorReduction"), count, 4.5, Align.RIGHT),
                new Column(nearEnd, count, 4.5, Align.RIGHT), new Column(nearEnd, rate, 4.5, Align.RIGHT));
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(TargetLine.NUMBERS));
        int no = 0;
        for (TargetLine l : data.targets()) {
            List<String> cells = new ArrayList<>();
            cells.add(l.total() ? "" : f.count(++no));
            cells.add(l.total() ? t.get("drafting.col.total") : l.unit());
            for (Number v : l.values()) {
                cells.add(v instanceof BigDecimal b ? f.decimal(b, 2) : f.count(v));
            }
            rows.add(l.total() ? Row.total(cells) : Row.of(cells));
        }
        d.table(cols, rows, 9);
    }

    private void coverage(DraftDocument d, DraftData data, Texts t, Formats f) {
        if (data.coverage().isEmpty()) {
            return;
        }
        d.paragraphs(t.get("drafting.coverage.lead"));
        List<Column> cols = List.of(Column.of(t.get("drafting.col.no"), 3, Align.CENTER),
                Column.of(t.get("drafting.coverage.code"), 20, Align.LEFT),
                Column.of(t.get("drafting.coverage.group"), 10, Align.LEFT),
                Column.of(t.get("drafting.coverage.target"), 8, Align.RIGHT),
                Column.of(t.get("drafting.coverage.baseline"), 8, Align.RIGHT),
                Column.of(t.get("drafting.coverage.now"), 8, Align.RIGHT));
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (PlanCoverage.Tracked c : data.coverage()) {
            String key = c.target().kind().equals("indicator") ? "classification.indicator." + c.target().code()
                    : c.target().kind().equals(PlanCoverage.CREDIT) ? "plan.coverage.credit." + c.target().code()
                    : c.target().amount() ? "plan.coverage." + c.target().kind() + "." + c.target().code()
                    : "analysis.dimension." + c.target().code();
            String name = t.getOr(key, c.target().code());
            if (c.target().amount()) {
                name += " — " + t.get("drafting.coverage.amount", f.upTo(c.actual(), 2), f.upTo(c.target().targetAmount(), 2));
            }
            rows.add(Row.of(List.of(f.count(++i), name, t.get("plan.coverage.group." + c.target().group()),
                    f.decimal(c.target().targetShare(), 2), f.decimal(c.progress().baseline().percent(), 2),
                    f.decimal(c.progress().now().percent(), 2))));
        }
        d.table(cols, rows, 11);
    }

    /** Results against each line's target: poor now, achieved, projected to the year end and the mark. */
    private void results(DraftDocument d, DraftData data, Texts t, Formats f) {
        d.paragraphs(t.get("drafting.results.lead", f.date(data.asOf())));
        List<Column> cols = List.of(Column.of(t.get("drafting.col.unit"), 14, Align.LEFT),
                Column.of(t.get("drafting.results.poorStart"), 7, Align.RIGHT),
                Column.of(t.get("drafting.results.target"), 7, Align.RIGHT),
                Column.of(t.get("drafting.results.poorNow"), 7, Align.RIGHT),
                Column.of(t.get("drafting.results.achieved"), 7, Align.RIGHT),
                Column.of(t.get("drafting.results.projected"), 7, Align.RIGHT),
                Column.of(t.get("drafting.results.mark"), 9, Align.CENTER));
        List<Row> rows = new ArrayList<>();
        data.tracking().forEach((code, tr) -> {
            boolean total = code.equals("total");
            PlanService.Tracking x = tr;
            List<String> cells = List.of(total ? t.get("drafting.col.total") : x.plan().unitName(), f.count(x.plan().poor()),
                    f.count(x.progress().target()), f.count(x.poorNow()), f.count(x.progress().achieved()),
                    f.count(x.progress().projected()), t.get("plan.mark." + x.progress().mark()));
            rows.add(total ? Row.total(cells) : Row.of(cells));
        });
        if (!rows.isEmpty()) {
            d.table(cols, rows, 11);
        }
    }

    /** The budget by source: need and allocation (plan) or allocation and disbursement (reports), million VND. */
    private void budget(DraftDocument d, DraftData data, Texts t, Formats f) {
        if (data.budget() == null) {
            d.paragraphs(t.get("drafting.budget.none"));
            return;
        }
        d.paragraphs(t.get("drafting.budget.lead", data.budget().periodCode()));
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of(t.get("drafting.budget.stage"), 12, Align.LEFT));
        for (BudgetColumn c : DraftData.budgetColumns()) {
            cols.add(Column.of(t.get("drafting.budget.column." + c.header()), 8, Align.RIGHT));
        }
        List<Row> rows = new ArrayList<>();
        for (BudgetStage stage : data.stages()) {
            CostTable.Row total = data.budget().tables().get(stage).total();
            List<String> cells = new ArrayList<>();
            cells.add(t.get("drafting.budget.stage." + stage.code()));
            for (BudgetColumn c : DraftData.budgetColumns()) {
                cells.add(f.millions(total.column(c)));
            }
            rows.add(Row.of(cells));
        }
        d.table(cols, rows, 11);
    }

    /** Tasks by component: each project and sub-project of the period with its lead and coordinating agencies. */
    private void tasks(DraftDocument d, DraftData data, Texts t, Formats f) {
        if (!data.tasks().isEmpty()) {
            planTasks(d, data, t, f);
            return;
        }
        if (data.items().isEmpty()) {
            d.paragraphs(t.get("drafting.tasks.none"));
            return;
        }
        BudgetStage stage = data.stages().get(data.stages().size() - 1);
        List<Column> cols = List.of(Column.of(t.get("drafting.col.no"), 4, Align.CENTER),
                Column.of(t.get("drafting.tasks.item"), 26, Align.LEFT),
                Column.of(t.get("drafting.tasks.lead"), 12, Align.LEFT),
                Column.of(t.get("drafting.tasks.partners"), 16, Align.LEFT),
                Column.of(t.get("drafting.tasks.amount." + stage.code()), 8, Align.RIGHT));
        List<Row> rows = new ArrayList<>();
        for (ProgrammeItem i : data.items()) {
            String name = t.isVietnamese() || i.nameEn() == null || i.nameEn().isBlank() ? i.printedName() : i.nameEn();
            rows.add(Row.of(List.of(i.code(), name, blank(i.leadAgency()), blank(i.partnerAgencies()),
                    f.millions(data.itemAmount(i, stage)))));
        }
        d.table(cols, rows, 10);
    }

    /** The plan's tasks (h2's task register): item, what is to be done, lead and coordinating agencies, deadline, outputs. */
    private void planTasks(DraftDocument d, DraftData data, Texts t, Formats f) {
        List<Column> cols = List.of(Column.of(t.get("drafting.tasks.code"), 4, Align.CENTER),
                Column.of(t.get("drafting.tasks.task"), 24, Align.LEFT),
                Column.of(t.get("drafting.tasks.lead"), 12, Align.LEFT),
                Column.of(t.get("drafting.tasks.partners"), 14, Align.LEFT),
                Column.of(t.get("drafting.tasks.deadline"), 7, Align.CENTER),
                Column.of(t.get("drafting.tasks.outputs"), 18, Align.LEFT));
        List<Row> rows = new ArrayList<>();
        for (PlanTask task : data.tasks()) {
            String name = t.isVietnamese() || task.itemNameEn() == null ? task.itemNameVi() : task.itemNameEn();
            String what = task.descriptionVi() == null || task.descriptionVi().isBlank() ? name : name + ": " + task.descriptionVi();
            String partners = task.partners().stream().map(a -> a.name(t.locale())).collect(java.util.stream.Collectors.joining("; "));
            String outputs = task.outputs().stream().map(o -> output(o, t, f, data.kind().report()))
                    .collect(java.util.stream.Collectors.joining("; "));
            rows.add(Row.of(List.of(task.itemCode(), what, task.lead() == null ? "" : task.lead().name(t.locale()), partners,
                    task.deadline() == null ? "" : f.date(task.deadline()), outputs)));
        }
        d.table(cols, rows, 10);
    }

    private static String output(TaskOutput o, Texts t, Formats f, boolean reported) {
        String name = t.isVietnamese() || o.nameEn() == null ? o.nameVi() : o.nameEn();
        String unit = o.unitOfMeasure() == null ? "" : " " + o.unitOfMeasure();
        String target = o.target() == null ? "–" : f.upTo(o.target(), 2) + unit;
        if (!reported) {
            return t.get("drafting.tasks.output", name, target);
        }
        return t.get("drafting.tasks.outputReported", name, target, o.reported() == null ? "–" : f.upTo(o.reported(), 2) + unit);
    }

    /** Agencies' outputs: the periodic reports of the period in the area (monitoring), sent or not, on time or not. */
    private void outputs(DraftDocument d, DraftData data, Texts t, Formats f) {
        if (!data.tasks().isEmpty()) {
            d.paragraphs(t.get("drafting.outputs.tasks"));
            planTasks(d, data, t, f);
        }
        List<Report> reports = data.periodReports();
        long sent = reports.stream().filter(r -> r.firstSentOn() != null).count();
        d.paragraphs(t.get("drafting.outputs.lead", f.count(reports.size()), f.count(sent)));
        if (reports.isEmpty()) {
            return;
        }
        List<Column> cols = List.of(Column.of(t.get("drafting.col.unit"), 16, Align.LEFT),
                Column.of(t.get("drafting.late.status"), 10, Align.CENTER),
                Column.of(t.get("drafting.outputs.sentOn"), 8, Align.CENTER),
                Column.of(t.get("drafting.outputs.onTime"), 8, Align.CENTER));
        List<Row> rows = new ArrayList<>();
        for (Report r : reports) {
            Boolean onTime = r.onTime();
            rows.add(Row.of(List.of(r.unitName(), t.get("drafting.late.status." + r.status().code()),
                    r.firstSentOn() == null ? "" : f.date(r.firstSentOn()),
                    onTime == null ? "" : t.get(onTime ? "drafting.yes" : "drafting.no"))));
        }
        d.table(cols, rows, 10);
    }

    private void late(DraftDocument d, DraftData data, Texts t, Formats f) {
        if (data.overdue() == null) {
            return;
        }
        d.paragraphs(t.get("drafting.late.outputs", f.count(data.lateOutputs().size()), f.date(data.asOf())));
        if (!data.lateOutputs().isEmpty()) {
            List<Row> late = new ArrayList<>();
            for (LateOutputReport l : data.lateOutputs()) {
                late.add(Row.of(List.of(l.agency() == null ? "" : l.agency().name(t.locale()),
                        t.get("drafting.late.kind." + l.periodKind(), f.year(l.year()), f.count(l.number())),
                        f.date(l.dueDate()), t.get("drafting.late.output." + l.status()))));
            }
            d.table(List.of(Column.of(t.get("drafting.late.agency"), 16, Align.LEFT),
                    Column.of(t.get("drafting.late.report"), 12, Align.LEFT),
                    Column.of(t.get("drafting.late.due"), 8, Align.CENTER),
                    Column.of(t.get("drafting.late.status"), 8, Align.CENTER)), late, 10);
        }
        d.paragraphs(t.get("drafting.late.lead", f.count(data.overdue().total()), f.date(data.asOf())));
        if (data.overdue().shown().isEmpty()) {
            return;
        }
        List<Column> cols = List.of(Column.of(t.get("drafting.col.unit"), 16, Align.LEFT),
                Column.of(t.get("drafting.late.report"), 12, Align.LEFT),
                Column.of(t.get("drafting.late.due"), 8, Align.CENTER),
                Column.of(t.get("drafting.late.status"), 8, Align.CENTER));
        List<Row> rows = new ArrayList<>();
        for (Report r : data.overdue().shown()) {
            rows.add(Row.of(List.of(r.unitName(), t.get("drafting.late.kind." + r.kind().code(), f.year(r.year()),
                    f.count(r.number())), f.date(r.dueDate()), t.get("drafting.late.status." + r.status().code()))));
        }
        d.table(cols, rows, 10);
    }

    private void schedule(DraftDocument d, DraftData data, Texts t, Formats f) {
        for (DraftData.Schedule s : data.schedule()) {
            d.paragraphs(t.get("drafting.schedule." + s.kind(), f.date(s.start()), f.date(s.end()), f.date(s.due()),
                    s.ministryDue() == null ? "–" : f.date(s.ministryDue())));
        }
    }

    /** The annex of the plan checker's findings on the drafted target table, or the sentence that there are none. */
    private void findings(DraftDocument d, DraftData data, Texts t, Formats f) {
        d.heading(t.get("drafting.check.heading"));
        if (data.check().findings().isEmpty()) {
            d.paragraphs(t.get("drafting.check.none", f.count(data.check().rowsChecked())));
            return;
        }
        List<Column> cols = List.of(Column.of(t.get("drafting.col.unit"), 12, Align.LEFT),
                Column.of(t.get("drafting.check.column"), 8, Align.LEFT),
                Column.of(t.get("drafting.check.message"), 30, Align.LEFT));
        List<Row> rows = new ArrayList<>();
        for (Finding x : data.check().findings()) {
            rows.add(Row.of(List.of(x.unitOrItem(), x.column(), x.message(t.locale()))));
        }
        d.table(cols, rows, 10);
    }

    private static String rate(Formats f, BigDecimal rate) {
        return rate == null ? "" : f.decimal(rate, 2);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    /** The messages of one language. */
    record Texts(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String getOr(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }

        boolean isVietnamese() {
            return "vi".equals(locale.getLanguage());
        }
    }
}
