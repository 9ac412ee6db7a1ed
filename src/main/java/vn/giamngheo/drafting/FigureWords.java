package vn.giamngheo.drafting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.giamngheo.format.Formats;

/**
 * A figure of a drafted document in the reader's words: its key ({@code target.08.poor_rate}) as "Target table 08:
 * poverty rate at the start (%)", its machine value through {@link Formats} (counts, rates to two decimals, amounts in
 * million VND, marks in words).
 */
final class FigureWords {

    /** A changed figure as the page shows it. */
    public record Shown(String key, String label, String before, String after) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final Formats formats;

    FigureWords(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.formats = Formats.of(locale);
    }

    List<Shown> show(List<Drafts.Change> changes) {
        return changes.stream().map(c -> new Shown(c.key(), label(c.key()), value(c.key(), c.before()), value(c.key(), c.after())))
                .toList();
    }

    String label(String key) {
        String[] p = key.split("\\.");
        String group = text("drafting.figure." + p[0]);
        String field = text("drafting.figure.field." + p[p.length - 1]);
        if (p.length == 2) {
            return group + ": " + field;
        }
        if (p.length == 5 && p[2].equals("output")) {
            return group + " " + p[1] + ", " + text("drafting.figure.output") + " " + p[3] + ": "
                    + text("drafting.figure.output." + p[4]);
        }
        String middle = p[0].equals("movement") ? text("drafting.figure.list." + p[1])
                : p[0].equals("budget") ? text("drafting.budget.stage." + p[1]) : p[1];
        return group + " " + middle + ": " + field;
    }

    String value(String key, String value) {
        if (value == null || value.isEmpty()) {
            return "–";
        }
        if (key.endsWith(".mark")) {
            return text("plan.mark." + value.toUpperCase(Locale.ROOT));
        }
        BigDecimal v;
        try {
            v = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return value;
        }
        if (key.contains(".output.")) {
            return formats.upTo(v, 2);
        }
        if (key.startsWith("budget.") || key.startsWith("task.")) {
            return formats.millions(v);
        }
        if (key.endsWith("_rate") || key.startsWith("coverage.")) {
            return formats.decimal(v, 2);
        }
        return formats.count(v);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
