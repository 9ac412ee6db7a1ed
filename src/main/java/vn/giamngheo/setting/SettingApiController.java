package vn.giamngheo.setting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUsers;

/** Read-only REST API of the parameters and of the holiday calendar, for every logged-in user. */
@RestController
@RequestMapping("/api/v1")
class SettingApiController {

    private final Parameters parameters;
    private final PublicHolidays holidays;

    SettingApiController(Parameters parameters, PublicHolidays holidays) {
        this.parameters = parameters;
        this.holidays = holidays;
    }

    /**
     * Every parameter with its value, type, bounds, legal source and confidence (S, S2, ?).
     */
    @GetMapping("/parameters")
    List<ParameterView> parameters() {
        CurrentUsers.require();
        return parameters.all();
    }

    /**
     * One parameter with its value, type, bounds, legal source and confidence.
     * @param key the parameter's key, e.g. {@code report.rate_bands}
     */
    @GetMapping("/parameters/{key}")
    ParameterView parameter(@PathVariable String key) {
        CurrentUsers.require();
        return parameters.get(key);
    }

    /**
     * The statutory and announced days off (and declared working days) of a year, 2015–2035; default this year.
     * @param year the calendar year, 2015–2035 (default: this year)
     */
    @GetMapping("/holidays")
    List<HolidayEntry> holidays(@RequestParam(required = false) Integer year) {
        CurrentUsers.require();
        int y = year == null ? LocalDate.now().getYear() : year;
        PublicHolidays.checkYear(y);
        return holidays.forYear(y);
    }
}
