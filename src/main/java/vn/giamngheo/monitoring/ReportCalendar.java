package vn.giamngheo.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.giamngheo.monitoring.rules.ReportDeadlines;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;

/**
 * The periods, due dates and lateness of periodic reports for other modules (the agencies' output reports of plan
 * tasks): the same data periods, working-day deadlines and "overdue" rule as the monitoring reports
 * ({@link ReportSchedule}), by the kinds' codes {@code quarter}, {@code half_year}, {@code nine_months}, {@code year}.
 */
@Component
public class ReportCalendar {

    private final ReportSchedule schedule;

    ReportCalendar(ReportSchedule schedule) {
        this.schedule = schedule;
    }

    /** A report period: its kind's code, year, number (1–4 for quarters, else 1), data period and due date. */
    public record Period(String kind, int year, int number, LocalDate start, LocalDate end, LocalDate due) {
    }

    /** The report kinds' codes, shortest period first. */
    public static java.util.List<String> kinds() {
        return java.util.Arrays.stream(ReportKind.values()).map(ReportKind::code).toList();
    }

    /** How many periods of the kind a year has (4 quarters, else 1); empty for an unknown kind. */
    public static Optional<Integer> periodsPerYear(String kind) {
        return ReportKind.ofCode(kind).map(ReportKind::periodsPerYear);
    }

    /**
     * The period of a kind, year and number with its due date, as a monitoring report of it would get.
     *
     * @throws IllegalArgumentException for an unknown kind or a number outside the kind's periods
     */
    public Period period(String kind, int year, int number) {
        ReportKind k = ReportKind.ofCode(kind).orElseThrow(() -> new IllegalArgumentException("report kind " + kind));
        ReportPeriod p = schedule.cutOff().period(k, year, number);
        LocalDate due = schedule.deadlines().due(p, schedule.workingDays());
        return new Period(kind, year, number, p.start(), p.end(), due);
    }

    /** Whether a report due on {@code due} and not sent is late on {@code day} (the monitoring reports' rule). */
    public static boolean overdue(boolean sent, LocalDate due, LocalDate day) {
        return ReportDeadlines.overdue(sent, due, day);
    }
}
