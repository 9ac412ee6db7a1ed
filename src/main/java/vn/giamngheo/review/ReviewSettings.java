package vn.giamngheo.review;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.giamngheo.setting.PublicHolidays;
import vn.giamngheo.review.rules.ReviewCalendar;
import vn.giamngheo.setting.Parameters;

/** The review's calendar as the administrator has set it (parameters and public holidays), read fresh each time. */
@Component
class ReviewSettings {

    private final Parameters parameters;
    private final PublicHolidays holidays;

    ReviewSettings(Parameters parameters, PublicHolidays holidays) {
        this.parameters = parameters;
        this.holidays = holidays;
    }

    ReviewCalendar calendar() {
        return new ReviewCalendar(parameters.monthDay("review.periodic.start"), parameters.monthDay("review.periodic.end"),
                parameters.intValue("review.monthly.start_day"), parameters.intValue("review.monthly.decision_days"),
                parameters.intValue("review.posting.working_days"), parameters.intValue("review.complaint.working_days"),
                parameters.decimalValue("review.meeting.agreement_threshold"),
                LocalDate.parse(parameters.text("review.district_level.until")), holidays.calendar());
    }
}
