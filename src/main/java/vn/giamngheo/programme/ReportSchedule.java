package vn.giamngheo.programme;

import java.time.MonthDay;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.giamngheo.calendar.HolidayRules;
import vn.giamngheo.monitoring.ReportDeadlines;
import vn.giamngheo.monitoring.WorkingDays;

/**
 * The deadlines of periodic reports and the working-day calendar they are counted in.
 */
@Component
class ReportSchedule {

    ReportDeadlines deadlines() {
        return new ReportDeadlines(15, MonthDay.of(6, 1), MonthDay.of(12, 1));
    }

    WorkingDays workingDays(int year) {
        return HolidayRules.calendar(year, year + 1, List.of())::plusWorkingDays;
    }
}
