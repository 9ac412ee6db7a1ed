package vn.giamngheo.setting;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** The type of a parameter's value; {@link #code()} is the value stored in the database. */
public enum ParameterType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    /** A day of the year written MM-dd, e.g. 09-01 for 1 September. */
    MONTH_DAY("month_day"),
    TEXT("text"),
    BOOLEAN("boolean");

    static final int MAX_LENGTH = 500;
    private static final DateTimeFormatter MONTH_DAY_FORMAT = DateTimeFormatter.ofPattern("MM-dd");

    private final String code;

    ParameterType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ParameterType fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown parameter type: " + code));
    }

    /**
     * The value in its stored form (trimmed; a decimal comma becomes a point), or the problem with it: not of
     * this type, or outside the optional bounds {@code min} and {@code max} (numbers and month-days).
     */
    public Checked check(String raw, String min, String max) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return Checked.problem("setting.error.empty", "a value is required");
        }
        if (value.length() > MAX_LENGTH) {
            return Checked.problem("setting.error.too-long", "at most " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return switch (this) {
            case INTEGER -> number(value.matches("[+-]?[0-9]{1,9}") ? new BigDecimal(value) : null, value, min, max,
                    "setting.error.integer", "'" + value + "' is not a whole number");
            case DECIMAL -> number(decimal(value.replace(',', '.')), value, min, max,
                    "setting.error.decimal", "'" + value + "' is not a number");
            case MONTH_DAY -> monthDay(value, min, max);
            case BOOLEAN -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)
                    ? Checked.ok(value.toLowerCase(java.util.Locale.ROOT))
                    : Checked.problem("setting.error.boolean", "'" + value + "' is neither true nor false", value);
            case TEXT -> Checked.ok(value);
        };
    }

    private static Checked number(BigDecimal n, String value, String min, String max, String key, String text) {
        if (n == null) {
            return Checked.problem(key, text, value);
        }
        if (min != null && n.compareTo(new BigDecimal(min)) < 0) {
            return Checked.problem("setting.error.below", value + " is below the minimum " + min, value, min);
        }
        if (max != null && n.compareTo(new BigDecimal(max)) > 0) {
            return Checked.problem("setting.error.above", value + " is above the maximum " + max, value, max);
        }
        return Checked.ok(n.toPlainString());
    }

    private static BigDecimal decimal(String value) {
        if (!value.matches("[+-]?[0-9]{1,12}(\\.[0-9]{1,6})?")) {
            return null;
        }
        return new BigDecimal(value);
    }

    private static Checked monthDay(String value, String min, String max) {
        MonthDay day = parseMonthDay(value).orElse(null);
        if (day == null) {
            return Checked.problem("setting.error.month-day", "'" + value + "' is not a day of the year written MM-dd", value);
        }
        if (min != null && day.isBefore(MonthDay.parse("--" + min))) {
            return Checked.problem("setting.error.below", value + " is before " + min, value, min);
        }
        if (max != null && day.isAfter(MonthDay.parse("--" + max))) {
            return Checked.problem("setting.error.above", value + " is after " + max, value, max);
        }
        return Checked.ok(day.format(MONTH_DAY_FORMAT));
    }

    static Optional<MonthDay> parseMonthDay(String value) {
        if (!value.matches("[0-9]{2}-[0-9]{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.parse("--" + value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Either a value in stored form or a problem (message key, English text, arguments). */
    public record Checked(String value, String messageKey, String text, Object[] args) {

        static Checked ok(String value) {
            return new Checked(value, null, null, new Object[0]);
        }

        static Checked problem(String messageKey, String text, Object... args) {
            return new Checked(null, messageKey, text, args);
        }

        public boolean isOk() {
            return messageKey == null;
        }
    }
}
