package vn.giamngheo.task;

import java.time.LocalDate;
import vn.giamngheo.agency.Agency;

/**
 * An output report of a task not sent by its due day: the task, the lead agency that owes it, its period (kind
 * {@code quarter}, {@code half_year}, {@code nine_months} or {@code year}; year; number) and due day, and its status:
 * {@code missing} (not started), {@code draft} or {@code returned}.
 */
public record LateOutputReport(long taskId, Agency agency, String periodKind, int year, int number, LocalDate dueDate,
                               String status) {
}
