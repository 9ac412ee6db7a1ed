package vn.giamngheo.exchange;

import java.util.List;

/**
 * A problem found in an exchange file: where (file, 1-based line with the header as line 1, column), the
 * offending value, a message key with arguments for translated display, and a plain English message.
 */
public record ExchangeProblem(
        Severity severity, String file, int line, String column, String value, String code, List<Object> args,
        String message) {

    public enum Severity { ERROR, WARNING }

    public static final String MISSING_COLUMN = "exchange.missing-column";
    public static final String UNKNOWN_COLUMN = "exchange.unknown-column";
    /** A column named twice, by its code and its title (exchange-format 1.1). */
    public static final String DUPLICATE_COLUMN = "exchange.duplicate-column";
    public static final String REQUIRED_VALUE = "exchange.required-value";
    public static final String INVALID_VALUE = "exchange.invalid-value";
    public static final String INVALID_NUMBER = "exchange.invalid-number";
    public static final String INVALID_DATE = "exchange.invalid-date";
    public static final String FUTURE_BIRTH_DATE = "exchange.future-birth-date";
    public static final String INVALID_MEMBER_NO = "exchange.invalid-member-no";
    public static final String DUPLICATE_MEMBER_NO = "exchange.duplicate-member-no";
    public static final String INVALID_ID_NUMBER = "exchange.invalid-id-number";
    public static final String DUPLICATE_ID_NUMBER = "exchange.duplicate-id-number";
    public static final String HEAD_COUNT = "exchange.head-count";
    public static final String UNKNOWN_HOUSEHOLD = "exchange.unknown-household";
    public static final String NO_MEMBERS = "exchange.no-members";
    public static final String NO_INCOME_BASIS = "exchange.no-income-basis";
    public static final String DUPLICATE_HOUSEHOLD = "exchange.duplicate-household";
    public static final String INVALID_COMMUNE_CODE = "exchange.invalid-commune-code";
    public static final String UNREADABLE_FILE = "exchange.unreadable-file";
    public static final String NOT_UTF8 = "exchange.not-utf8";
    public static final String TOO_MANY_ROWS = "exchange.too-many-rows";
    public static final String TOO_LONG = "exchange.too-long";

    public ExchangeProblem {
        args = List.copyOf(args);
        value = value == null ? "" : value;
        column = column == null ? "" : column;
    }

    public static ExchangeProblem error(String file, int line, String column, String value, String code,
            String message, Object... args) {
        return new ExchangeProblem(Severity.ERROR, file, line, column, value, code, List.of(args), message);
    }

    public static ExchangeProblem warning(String file, int line, String column, String value, String code,
            String message, Object... args) {
        return new ExchangeProblem(Severity.WARNING, file, line, column, value, code, List.of(args), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: value: message}, as printed by the batch commands. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + value + ": " + message;
    }
}
