package vn.giamngheo.setting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.calendar.HolidayKind;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages of the parameters and of the holiday calendar: every logged-in user reads them, administrators
 * change them (the security filter also keeps every POST under /admin to administrators).
 */
@Controller
class SettingPageController {

    static final String PARAMETERS = "setting/parameters";
    static final String HOLIDAYS = "setting/holidays";

    private final Parameters parameters;
    private final PublicHolidays holidays;
    private final MessageSource messages;

    SettingPageController(Parameters parameters, PublicHolidays holidays, MessageSource messages) {
        this.parameters = parameters;
        this.holidays = holidays;
        this.messages = messages;
    }

    @GetMapping("/admin/parameters")
    String parameters(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("parameters", parameters.all());
        model.addAttribute("canChange", user.isAdmin());
        return PARAMETERS;
    }

    @PostMapping("/admin/parameters/{key}")
    String update(@PathVariable String key, @RequestParam(defaultValue = "") String value,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            parameters.update(key, value, version, CurrentUsers.require());
            redirect.addFlashAttribute("saved", key);
        } catch (InvalidSettingException e) {
            redirect.addFlashAttribute("problems", texts(e.problems()));
            redirect.addFlashAttribute("failedKey", key);
            redirect.addFlashAttribute("failedValue", value);
        } catch (UnknownParameterException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:/admin/parameters";
    }

    @GetMapping("/admin/holidays")
    String holidays(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        int shown = year == null ? LocalDate.now().getYear() : year;
        if (shown < PublicHolidays.FIRST_YEAR || shown > PublicHolidays.LAST_YEAR) {
            model.addAttribute("problems", List.of(messages.getMessage("setting.holiday.error.year",
                    new Object[] {PublicHolidays.FIRST_YEAR, PublicHolidays.LAST_YEAR}, LocaleContextHolder.getLocale())));
            shown = Math.max(PublicHolidays.FIRST_YEAR, Math.min(PublicHolidays.LAST_YEAR, shown));
        }
        model.addAttribute("year", shown);
        model.addAttribute("firstYear", PublicHolidays.FIRST_YEAR);
        model.addAttribute("lastYear", PublicHolidays.LAST_YEAR);
        model.addAttribute("entries", holidays.forYear(shown));
        model.addAttribute("kinds", HolidayKind.values());
        model.addAttribute("canChange", user.isAdmin());
        return HOLIDAYS;
    }

    @PostMapping("/admin/holidays")
    String add(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(defaultValue = "") String nameVi, @RequestParam(defaultValue = "") String nameEn,
               @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String source,
               @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        try {
            holidays.add(date, nameVi, nameEn, kind, source, CurrentUsers.require());
            redirect.addFlashAttribute("saved", date.toString());
        } catch (InvalidSettingException e) {
            redirect.addFlashAttribute("problems", texts(e.problems()));
        }
        int back = date != null ? date.getYear() : year != null ? year : LocalDate.now().getYear();
        return "redirect:/admin/holidays?year=" + back;
    }

    @PostMapping("/admin/holidays/{date}/delete")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
        if (holidays.remove(date, CurrentUsers.require())) {
            redirect.addFlashAttribute("removed", date.toString());
        }
        return "redirect:/admin/holidays?year=" + date.getYear();
    }

    private List<String> texts(List<SettingProblem> problems) {
        return problems.stream().map(p -> messages.getMessage(p.messageKey(), p.argArray(), p.text(),
                LocaleContextHolder.getLocale())).toList();
    }
}
