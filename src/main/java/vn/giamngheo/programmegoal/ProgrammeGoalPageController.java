package vn.giamngheo.programmegoal;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages /programme/goals: the programme's poverty goals checked for a province and a year (province officers their
 * own province, national users any), and an administrator's form to change a goal (with its version).
 */
@Controller
class ProgrammeGoalPageController {

    private final ProgrammeGoals goals;
    private final ProgrammeGoalTexts texts;

    ProgrammeGoalPageController(ProgrammeGoals goals, ProgrammeGoalTexts texts) {
        this.goals = goals;
        this.texts = texts;
    }

    @GetMapping("/programme/goals")
    String page(@RequestParam(required = false) String province, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("provinces", goals.provinces(user));
        model.addAttribute("year", year == null ? goals.lastEndedYear() : year);
        model.addAttribute("province", province);
        if (province == null && goals.provinces(user).size() != 1) {
            model.addAttribute("checks", null);
            return "programmegoal/goals";
        }
        ProgrammeGoals.Checks checks = goals.check(province, year, user);
        model.addAttribute("checks", checks);
        model.addAttribute("province", checks.province().code());
        model.addAttribute("reasons", checks.checks().stream().map(c -> texts.reason(c, locale)).toList());
        model.addAttribute("bases", checks.checks().stream().map(c -> texts.figure(c, c.base(), locale)).toList());
        model.addAttribute("actuals", checks.checks().stream().map(c -> texts.figure(c, c.actual(), locale)).toList());
        model.addAttribute("requireds", checks.checks().stream().map(c -> texts.figure(c, c.required(), locale)).toList());
        return "programmegoal/goals";
    }

    @GetMapping("/programme/goals/{id}")
    String goal(@PathVariable long id, Model model) {
        CurrentUsers.require();
        model.addAttribute("goal", goals.get(id));
        return "programmegoal/goal";
    }

    @PostMapping("/programme/goals/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String minPoints, @RequestParam(required = false) String maxPoints,
                @RequestParam(required = false) String ceiling, @RequestParam(required = false) Integer targetYear,
                @RequestParam(required = false) String textVi, @RequestParam(required = false) String textEn,
                @RequestParam(required = false) String legalSource, @RequestParam(required = false) String confidence,
                @RequestParam(required = false) Boolean active, RedirectAttributes redirect) {
        try {
            goals.edit(id, new ProgrammeGoals.Change(version, number(minPoints, "minPoints"), number(maxPoints, "maxPoints"),
                    number(ceiling, "ceiling"), targetYear, textVi, textEn, legalSource, confidence,
                    active != null && active), CurrentUsers.require());
            redirect.addFlashAttribute("done", true);
        } catch (InvalidPlanException e) {
            Locale locale = LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("problems", e.problems().stream()
                    .map(p -> texts.text(p.messageKey(), locale, p.argArray())).toList());
        }
        return "redirect:/programme/goals/" + id;
    }

    private static BigDecimal number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidPlanException(PlanProblem.of(field, "programmegoal.error.number", text.strip()));
        }
    }
}
