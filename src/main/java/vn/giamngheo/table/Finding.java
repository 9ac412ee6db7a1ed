package vn.giamngheo.table;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing a checker says about one cell of a printed table: where (line, row label, column), how
 * serious, which rule, the printed and the expected value, and a message key with its arguments.
 *
 * @param line 1-based line in the file (CSV: physical line, header = 1; XLSX: sheet row number)
 * @param messageKey key in {@code i18n/planning*.properties}
 * @param args message arguments; an argument {@code column:NAME} is shown as the column's label
 */
public record Finding(int line, String unitOrItem, String column, Severity severity, String rule,
        String printed, String expected, String messageKey, List<String> args) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(messageKey, "messageKey");
        unitOrItem = Objects.requireNonNullElse(unitOrItem, "");
        column = Objects.requireNonNullElse(column, "");
        printed = Objects.requireNonNullElse(printed, "");
        expected = Objects.requireNonNullElse(expected, "");
        args = List.copyOf(args);
    }

    /** The plain-Vietnamese message written in the findings CSV. */
    public String message() {
        return message(Messages.VIETNAMESE);
    }

    public String message(Locale locale) {
        return Messages.forLocale(locale).format(messageKey, args);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
