package vn.giamngheo.monitoring;

import org.springframework.stereotype.Component;
import vn.giamngheo.monitoring.rules.DataCutOff;
import vn.giamngheo.monitoring.rules.ReportDeadlines;
import vn.giamngheo.monitoring.rules.WorkingDays;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.setting.PublicHolidays;

/**
 * The data periods and deadlines of periodic reports from the parameters ({@code monitoring.report.*}) and
 * the working-day calendar of public offices they are counted in.
 */
@Component
class ReportSchedule {

    static final String WORKING_DAYS = "monitoring.report.working_days";
    static final String MINISTRY_HALF_YEAR = "monitoring.report.ministry_half_year_before";
    static final String MINISTRY_YEAR = "monitoring.report.ministry_year_before";
    static final String QUARTER_END_DAY = "monitoring.report.data_end.quarter_day";
    static final String HALF_YEAR_END = "monitoring.report.data_end.half_year";
    static final String NINE_MONTHS_END = "monitoring.report.data_end.nine_months";
    static final String YEAR_END = "monitoring.report.data_end.year";

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

    /** The data period of each report kind (statistical cut-off, Decree 09/2019/NĐ-CP Art. 12 by default). */
    DataCutOff cutOff() {
        return new DataCutOff(parameters.intValue(QUARTER_END_DAY), parameters.monthDay(HALF_YEAR_END),
                parameters.monthDay(NINE_MONTHS_END), parameters.monthDay(YEAR_END));
    }

    WorkingDays workingDays() {
        return holidays.calendar()::plusWorkingDays;
    }
}
