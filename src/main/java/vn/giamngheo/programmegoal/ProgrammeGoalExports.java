package vn.giamngheo.programmegoal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialSheet;
import vn.giamngheo.document.OfficialWorkbook;
import vn.giamngheo.document.SheetColumn;
import vn.giamngheo.document.Signature;
import vn.giamngheo.security.CurrentUser;

/** The programme's goals checked for a province and a year as an XLSX workbook: the same figures and words as the page. */
@Component
class ProgrammeGoalExports {

    private final ProgrammeGoals goals;
    private final ProgrammeGoalTexts texts;
    private final Clock clock;

    ProgrammeGoalExports(ProgrammeGoals goals, ProgrammeGoalTexts texts, Clock clock) {
        this.goals = goals;
        this.texts = texts;
        this.clock = clock;
    }

    byte[] xlsx(String province, Integer year, CurrentUser user, Locale locale) {
        ProgrammeGoals.Checks checks = goals.check(province, year, user);
        OfficialWorkbook book = new OfficialWorkbook();
        String rates = texts.text("programmegoal.col.rates", locale);
        String communes = texts.text("programmegoal.col.communes", locale);
        OfficialSheet sheet = book.sheet(texts.text("programmegoal.sheet", locale), List.of(
                SheetColumn.of(texts.text("programmegoal.col.goal", locale), SheetColumn.Kind.TEXT, 48),
                new SheetColumn(rates, texts.text("programmegoal.col.base", locale), SheetColumn.Kind.DECIMAL, 11),
                new SheetColumn(rates, texts.text("programmegoal.col.actual", locale), SheetColumn.Kind.DECIMAL, 11),
                new SheetColumn(rates, texts.text("programmegoal.col.required", locale), SheetColumn.Kind.DECIMAL, 11),
                new SheetColumn(communes, texts.text("programmegoal.col.base", locale), SheetColumn.Kind.INTEGER, 11),
                new SheetColumn(communes, texts.text("programmegoal.col.actual", locale), SheetColumn.Kind.INTEGER, 11),
                new SheetColumn(communes, texts.text("programmegoal.col.required", locale), SheetColumn.Kind.INTEGER, 11),
                SheetColumn.of(texts.text("programmegoal.col.outcome", locale), SheetColumn.Kind.TEXT, 18),
                SheetColumn.of(texts.text("programmegoal.col.reason", locale), SheetColumn.Kind.TEXT, 60),
                SheetColumn.of(texts.text("programmegoal.col.source", locale), SheetColumn.Kind.TEXT, 40),
                SheetColumn.of(texts.text("programmegoal.col.confidence", locale), SheetColumn.Kind.CENTERED, 10)));
        sheet.title(texts.text("programmegoal.heading", locale, checks.province().name(),
                vn.giamngheo.format.Formats.of(locale).year(checks.year())));
        sheet.subtitle(texts.text("programmegoal.how", locale));
        sheet.blank();
        sheet.header();
        for (ProgrammeGoals.Check c : checks.checks()) {
            boolean rate = c.unit() == ProgrammeGoals.Unit.RATE;
            sheet.row(c.goal().text(locale), rate ? c.base() : null, rate ? c.actual() : null, rate ? c.required() : null,
                    rate ? null : count(c.base()), rate ? null : count(c.actual()), rate ? null : count(c.required()),
                    texts.text(c.outcome().messageKey(), locale), texts.reason(c, locale), c.goal().legalSource(),
                    c.goal().confidence());
        }
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        LocalDate today = LocalDate.now(clock);
        int month = today.getMonthValue();
        sheet.signature(labels.get("document.place-date", checks.province().name(), String.format("%02d", today.getDayOfMonth()),
                month <= 2 ? String.format("%02d", month) : String.valueOf(month), String.valueOf(today.getYear())),
                new Signature(List.of(texts.text("programmegoal.sign", locale)), "", ""));
        return book.finish();
    }

    private static Long count(java.math.BigDecimal v) {
        return v == null ? null : v.longValueExact();
    }
}
