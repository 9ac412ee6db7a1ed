package vn.giamngheo.setting;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One day of a year's holiday calendar as shown to users: statutory (computed from the Labour Code) or
 * announced (stored by an administrator, with who stored it).
 *
 * @param kind holiday, compensatory or working_weekend
 * @param confidence S, S2 or ? for statutory days; announced days carry their own source
 */
public record HolidayEntry(LocalDate date, DayOfWeek dayOfWeek, String nameVi, String nameEn, String kind,
                           String source, String confidence, boolean announced, String createdBy) {
}
