package vn.giamngheo.task;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.document.WorkbookBuilder.Look;
import vn.giamngheo.document.WorkbookBuilder.RowBuilder;
import vn.giamngheo.document.WorkbookBuilder.SheetBuilder;
import vn.giamngheo.format.Formats;

/**
 * A plan's consolidation of one period as XLSX in the reader's language: the outputs of every task with their lead
 * agency, target, value, share of the target and report status; the sums by indicator; the late or missing reports.
 * Numbers are number cells (counts and decimals with their formats), dates date cells, words from the messages.
 */
final class ConsolidationWorkbook {

    private static final Look HEADER = Look.PLAIN.bold().wrapped();

    private ConsolidationWorkbook() {
    }

    static byte[] write(TaskReports.Consolidation c, MessageSource messages, Locale locale) {
        Formats fmt = Formats.of(locale);
        WorkbookBuilder book = WorkbookBuilder.create();
        SheetBuilder sheet = book.sheet(text(messages, locale, "task.consolidation.sheet"));
        String period = text(messages, locale, "task.period." + c.period().kind(), String.valueOf(c.period().number()),
                fmt.year(c.period().year()));
        sheet.row().merged(text(messages, locale, "task.consolidation.heading", c.plan().unitName(), fmt.year(c.plan().year()))
                + " — " + period, HEADER, 8);
        sheet.blank();
        List<String> headers = List.of("task.col.no", "task.col.item", "task.col.description", "task.col.lead",
                "task.col.output", "task.col.unit", "task.col.target", "task.col.value", "task.col.share", "task.col.status", "task.col.register",
                "task.col.registerFlag");
        RowBuilder header = sheet.row();
        headers.forEach(h -> header.text(text(messages, locale, h), HEADER));
        int no = 1;
        for (TaskReports.Line l : c.lines()) {
            sheet.row().number(no++).text(l.task().itemCode() + " " + l.task().itemName(locale)).text(l.task().description(locale))
                    .text(l.agency().name(locale)).text(l.output().name(locale)).text(unit(messages, locale, l.output().unitOfMeasure()))
                    .number(l.output().target(), WorkbookBuilder.DECIMAL).number(l.value(), WorkbookBuilder.DECIMAL)
                    .number(fraction(l.share()), WorkbookBuilder.PERCENT)
                    .text(text(messages, locale, "task.status." + l.status()))
                    .number(l.registerValue(), WorkbookBuilder.DECIMAL)
                    .text(l.flagged() ? text(messages, locale, "task.register.differs") : "");
        }
        sheet.blank();
        sheet.row().text(text(messages, locale, "task.consolidation.sums"), HEADER);
        RowBuilder sumHeader = sheet.row();
        List.of("task.col.output", "task.col.unit", "task.col.target", "task.col.value", "task.col.share", "task.col.lines")
                .forEach(h -> sumHeader.text(text(messages, locale, h), HEADER));
        for (TaskReports.Sum s : c.sums()) {
            sheet.row().text(s.name(locale)).text(unit(messages, locale, s.unitOfMeasure()))
                    .number(s.target(), WorkbookBuilder.DECIMAL).number(s.value(), WorkbookBuilder.DECIMAL)
                    .number(fraction(s.share()), WorkbookBuilder.PERCENT).number(s.lines());
        }
        sheet.blank();
        sheet.row().text(text(messages, locale, "task.late.title"), HEADER);
        RowBuilder lateHeader = sheet.row();
        List.of("task.col.task", "task.col.lead", "task.col.period", "task.col.due", "task.col.status")
                .forEach(h -> lateHeader.text(text(messages, locale, h), HEADER));
        for (LateOutputReport l : c.late()) {
            sheet.row().number(l.taskId()).text(l.agency().name(locale))
                    .text(text(messages, locale, "task.period." + l.periodKind(), String.valueOf(l.number()), fmt.year(l.year())))
                    .date(l.dueDate()).text(text(messages, locale, "task.status." + l.status()));
        }
        sheet.width(1, 30).width(2, 40).width(3, 30).width(4, 30);
        for (int col : new int[] {5, 6, 7, 8, 9}) {
            sheet.width(col, 14);
        }
        return book.bytes();
    }

    /** A share in per cent as the fraction the per-cent format shows. */
    private static BigDecimal fraction(BigDecimal percent) {
        return percent == null ? null : percent.movePointLeft(2);
    }

    /** An indicator's unit code in words; a free output's unit as it was written. */
    static String unit(MessageSource messages, Locale locale, String unit) {
        return unit == null ? "" : messages.getMessage("task.uom." + unit, null, unit, locale);
    }

    private static String text(MessageSource messages, Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
