package vn.giamngheo.programme;

import org.springframework.stereotype.Component;
import vn.giamngheo.monitoring.ReportDeadlines;
import vn.giamngheo.monitoring.WorkingDays;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.setting.PublicHolidays;

/**
 * The deadlines of periodic reports from the parameters ({@code monitoring.report.*}) and the working-day
 * calendar of public offices they are counted in.
 */
@Component
class ReportSchedule {

    static final String WORKING_DAYS = "monitoring.report.working_days";
    static final String MINISTRY_HALF_YEAR = "monitoring.report.ministry_half_year_before";
    static final String MINISTRY_YEAR = "monitoring.report.ministry_year_before";

    private final Parameters parameters;
    private final PublicHolidays holidays;

    ReportSchedule(Parameters parameters, PublicHolidays holidays) {
        this.parameters = parameters;
        this.holidays = holidays;
    }

    ReportDeadlines deadlines() {
        return new ReportDeadlines(parameters.intValue(WORKING_DAYS), parameters.monthDay(MINISTRY_HALF_YEAR),
                parameters.monthDay(MINISTRY_YEAR));
    }

    WorkingDays workingDays() {
        return holidays.calendar()::plusWorkingDays;
    }
}
