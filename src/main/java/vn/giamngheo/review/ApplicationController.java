package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Applications (forms 01 and 04), completeness of a review year, and a household's decided status history. */
@Controller
class ApplicationController {

    private final ReviewRounds rounds;
    private final ReviewApplications applications;
    private final ReviewProgress progress;
    private final DecidedStatuses statuses;
    private final HouseholdRegistry registry;
    private final RefusalMessages refusals;
    private final Clock clock;

    ApplicationController(ReviewRounds rounds, ReviewApplications applications, ReviewProgress progress, DecidedStatuses statuses,
                          HouseholdRegistry registry, RefusalMessages refusals, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.progress = progress;
        this.statuses = statuses;
        this.registry = registry;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/reviews/applications")
    String list(@RequestParam(required = false) Long household, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("applications", applications.list(null, user));
        model.addAttribute("today", LocalDate.now(clock));
        if (household != null) {
            model.addAttribute("household", registry.get(household, user));
        }
        return "review/applications";
    }

    @PostMapping("/reviews/applications")
    String receive(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String form,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                   @RequestParam(required = false) String channel, @RequestParam(required = false) String applicant,
                   @RequestParam(required = false) String note, RedirectAttributes ra, Locale locale) {
        try {
            applications.receive(new ApplicationForm(householdId, form, receivedOn, channel, applicant, note),
                    CurrentUsers.require());
            ra.addFlashAttribute("done", true);
            return "redirect:/reviews/applications";
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
            return "redirect:/reviews/applications" + (householdId == null ? "" : "?household=" + householdId);
        }
    }

    @PostMapping("/reviews/applications/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes ra,
                  Locale locale) {
        try {
            applications.answer(id, answer, CurrentUsers.require());
            ra.addFlashAttribute("done", true);
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
        }
        return "redirect:/reviews/applications";
    }

    @GetMapping("/reviews/progress")
    String progress(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        int reviewYear = year == null ? LocalDate.now(clock).getYear() : year;
        Long unitId = unit != null ? unit : user.scope().unitId();
        model.addAttribute("year", reviewYear);
        model.addAttribute("unit", unitId);
        model.addAttribute("provinces", user.scope().national() ? rounds.provinces(user) : java.util.List.of());
        model.addAttribute("today", LocalDate.now(clock));
        java.util.List<CommuneProgress> rows = unitId == null ? java.util.List.of() : progress.periodic(unitId, reviewYear, user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("rows", rows);
        model.addAttribute("finished", rows.stream().filter(CommuneProgress::finished).count());
        model.addAttribute("late", rows.stream().filter(c -> c.late(today)).count());
        return "review/progress";
    }

    /** The household page loads this with htmx: every decided status of the household, revoked ones marked. */
    @GetMapping("/reviews/household/{id}/statuses")
    String statuses(@PathVariable long id, Model model) {
        model.addAttribute("statuses", statuses.history(id, CurrentUsers.require()));
        return "review/statuses :: table";
    }
}
