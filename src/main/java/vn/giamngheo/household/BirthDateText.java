package vn.giamngheo.household;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A birth date as written in forms and files: {@code YYYY-MM-DD}, or {@code YYYY} when only the year is
 * known (stored as 1 January of that year with {@code yearOnly} set).
 */
public record BirthDateText(LocalDate date, boolean yearOnly) {

    public static BirthDateText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("birth date is required");
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                return new BirthDateText(LocalDate.of(Integer.parseInt(t), 1, 1), true);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new BirthDateText(LocalDate.parse(t), false);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date: " + t, e);
        }
        throw new IllegalArgumentException("a birth date is YYYY-MM-DD or YYYY: " + t);
    }

    static boolean valid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
