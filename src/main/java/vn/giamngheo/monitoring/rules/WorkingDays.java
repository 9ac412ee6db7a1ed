package vn.giamngheo.monitoring.rules;

import java.time.LocalDate;

/** A calendar of working days: the {@code n}-th working day after {@code from} (n ≥ 1). */
@FunctionalInterface
public interface WorkingDays {

    LocalDate plusWorkingDays(LocalDate from, int n);
}
