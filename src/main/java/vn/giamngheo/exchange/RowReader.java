package vn.giamngheo.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the cells of one row; every invalid or missing value is added to the problem list and
 * read as {@code null}, so that a row reports all its problems at once. Columns missing from the header
 * read as empty without a problem per row (the header problem is reported once).
 */
final class RowReader {

    private final String file;
    private final Map<String, Integer> index;
    private final Table.Row row;
    private final List<ExchangeProblem> problems;

    RowReader(String file, Map<String, Integer> index, Table.Row row, List<ExchangeProblem> problems) {
        this.file = file;
        this.index = index;
        this.row = row;
        this.problems = problems;
    }

    int line() {
        return row.line();
    }

    private int errors;

    /** Whether a problem was reported for this row (the record is then not built). */
    boolean hasErrors() {
        return errors > 0;
    }

    void error(String column, String value, String code, String message, Object... args) {
        errors++;
        problems.add(ExchangeProblem.error(file, row.line(), column, value, code, message, args));
    }

    /** The column {@link #raw} read last (the accessors read a column two or three times in a row) and its value. */
    private String lastColumn;
    private String lastValue;

    String raw(String column) {
        if (column == lastColumn) { // the same name, as the accessors pass it on
            return lastValue;
        }
        Integer i = index.get(column);
        String value = i == null ? "" : row.cell(i).trim();
        lastColumn = column;
        lastValue = value;
        return value;
    }

    /**
     * The longest text the registry stores per column (household and member tables); any other text column
     * is bounded by {@link #MAX_TEXT}, which also stays below a spreadsheet cell's 32,767 characters.
     */
    static final Map<String, Integer> MAX_LENGTH = Map.of("household_code", 40, "address", 500, "full_name", 200,
            "ethnicity", 60, "village", 200);
    static final int MAX_TEXT = 1_000;

    /** Text, with a leading spreadsheet-protection quote removed (see {@link HouseholdFileWriter}). */
    String text(String column) {
        String value = HouseholdFileWriter.unprotect(raw(column));
        int max = MAX_LENGTH.getOrDefault(column, MAX_TEXT);
        if (value.length() > max) {
            error(column, value.substring(0, 40) + "…", ExchangeProblem.TOO_LONG,
                    "the text has " + value.length() + " characters, at most " + max + " are allowed",
                    value.length(), max);
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    String requiredText(String column) {
        String value = text(column);
        return value == null && HouseholdFileWriter.unprotect(raw(column)).isEmpty() ? missing(column) : value;
    }

    private <T> T missing(String column) {
        if (index.containsKey(column)) {
            error(column, "", ExchangeProblem.REQUIRED_VALUE, "a value is required", column);
        }
        return null;
    }

    <E extends Enum<E> & Coded> E optionalEnum(String column, Class<E> type) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        Optional<E> parsed = Labels.parse(type, value);
        if (parsed.isEmpty()) {
            error(column, value, ExchangeProblem.INVALID_VALUE, "not one of " + Labels.accepted(type),
                    Labels.accepted(type));
        }
        return parsed.orElse(null);
    }

    <E extends Enum<E> & Coded> E requiredEnum(String column, Class<E> type) {
        return raw(column).isEmpty() ? missing(column) : optionalEnum(column, type);
    }

    <E extends Enum<E> & Coded> Set<E> enumSet(String column, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String part : raw(column).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<E> parsed = Labels.parse(type, part);
            if (parsed.isPresent()) {
                set.add(parsed.get());
            } else {
                error(column, part.trim(), ExchangeProblem.INVALID_VALUE,
                        "not one of " + Labels.accepted(type), Labels.accepted(type));
            }
        }
        return set;
    }

    /** The accepted spellings of yes and no, for messages. */
    static final String YES_NO = "yes, no, có, không, true, false, 1, 0";

    /** yes/no, có/không (also without accents), true/false, 1/0, compared folded; {@code null} when empty. */
    Boolean optionalBoolean(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        Boolean parsed = yesNo(value);
        if (parsed == null) {
            error(column, value, ExchangeProblem.INVALID_VALUE, "not one of " + YES_NO, YES_NO);
        }
        return parsed;
    }

    /** The boolean a cell spells, or {@code null} when it spells none. */
    static Boolean yesNo(String value) {
        switch (value) { // the spellings writers use, without folding (millions of cells in a bulk import)
            case "yes", "có":
                return Boolean.TRUE;
            case "no", "không":
                return Boolean.FALSE;
            default:
                break;
        }
        return switch (Labels.fold(value)) {
            case "yes", "co", "true", "1" -> Boolean.TRUE;
            case "no", "khong", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    Boolean requiredBoolean(String column) {
        return raw(column).isEmpty() ? missing(column) : optionalBoolean(column);
    }

    Long optionalWholeNumber(String column, long min) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(column, value, ExchangeProblem.INVALID_NUMBER, "not a whole number ≥ " + min, min);
        return null;
    }

    Long requiredWholeNumber(String column, long min) {
        return raw(column).isEmpty() ? missing(column) : optionalWholeNumber(column, min);
    }

    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("\\d+,\\d+");

    BigDecimal optionalDecimal(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            // version 1.1: a decimal comma as Vietnamese spreadsheets write it (30,5); numbers here have no thousands
            BigDecimal number = new BigDecimal(DECIMAL_COMMA.matcher(value).matches() ? value.replace(',', '.') : value);
            // bounded before normalising: 1e999999999 would otherwise expand to a billion digits
            if (number.signum() >= 0 && number.scale() <= MAX_SCALE
                    && (long) number.precision() - number.scale() <= INTEGER_DIGITS.getOrDefault(column, MAX_INTEGER_DIGITS)) {
                return normalise(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(column, value, ExchangeProblem.INVALID_NUMBER, "not a decimal number ≥ 0 (12.5 or 12,5)", 0);
        return null;
    }

    BigDecimal requiredDecimal(String column) {
        return raw(column).isEmpty() ? missing(column) : optionalDecimal(column);
    }

    LocalDate optionalDate(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        LocalDate date = date(value);
        if (date == null) {
            error(column, value, ExchangeProblem.INVALID_DATE, "not a date DD/MM/YYYY or YYYY-MM-DD",
                    "DD/MM/YYYY, YYYY-MM-DD");
        }
        return date;
    }

    /** Day, month and year as Vietnamese write them: 15/03/2024 (also 5/3/2024). */
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A date written {@code DD/MM/YYYY} or {@code YYYY-MM-DD}, or {@code null}. */
    static LocalDate date(String value) {
        try {
            return value.indexOf('/') >= 0 ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    BirthDate requiredBirthDate(String column, LocalDate today) {
        String value = raw(column);
        if (value.isEmpty()) {
            return missing(column);
        }
        Optional<BirthDate> date = value.indexOf('/') >= 0
                ? Optional.ofNullable(date(value)).map(BirthDate::of) : BirthDate.parse(value);
        if (date.isEmpty()) {
            error(column, value, ExchangeProblem.INVALID_DATE, "not a date DD/MM/YYYY or YYYY-MM-DD or a year YYYY",
                    "DD/MM/YYYY, YYYY-MM-DD, YYYY");
            return null;
        }
        if (date.get().isAfter(today)) {
            error(column, value, ExchangeProblem.FUTURE_BIRTH_DATE, "the birth date is after " + today, today);
            return null;
        }
        return date.get();
    }

    /** Decimal values have at most 15 integer digits and 10 decimals (the registry stores far fewer). */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_SCALE = 10;
    /** What the registry can store: floor area numeric(9, 2), B1 score numeric(7, 2). */
    static final Map<String, Integer> INTEGER_DIGITS = Map.of("floor_area_m2", 7, "b1_score", 5);

    static BigDecimal normalise(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
