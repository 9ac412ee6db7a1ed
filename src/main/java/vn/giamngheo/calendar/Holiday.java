package vn.giamngheo.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated entry of the holiday calendar, with its names, its legal source and the confidence of the rule
 * that placed it ({@code S} published source, {@code S2} secondary source, {@code ?} best guess).
 */
public record Holiday(LocalDate date, String nameVi, String nameEn, HolidayKind kind, String source, String confidence) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }
}
