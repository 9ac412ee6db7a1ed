package vn.giamngheo.plan;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.escape.EscapeTotals;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages /plans: the plans of the user's area, a plan with its communes, cascade, states and tracking. */
@Controller
class PlanPageController {

    private final PlanService plans;
    private final PlanImport planImport;
    private final MessageSource messages;
    private final Clock clock;
    private final PlanCoverage coverage;
    private final PlanGoals goals;
    private final EscapeTotals escapes;

    PlanPageController(PlanService plans, PlanImport planImport, MessageSource messages, Clock clock, PlanCoverage coverage,
                       PlanGoals goals, EscapeTotals escapes) {
        this.escapes = escapes;
        this.plans = plans;
        this.planImport = planImport;
        this.messages = messages;
        this.clock = clock;
        this.coverage = coverage;
        this.goals = goals;
    }

    @PostMapping("/plans/{id}/coverage")
    String setCoverage(@PathVariable long id, @RequestParam(required = false) String code, @RequestParam(required = false) String group,
                       @RequestParam(required = false) String targetShare, @RequestParam(required = false) String note,
                       @RequestParam(required = false) String targetAmount, RedirectAttributes redirect) {
        String kind = code != null && code.contains(":") ? code.substring(0, code.indexOf(':')) : null;
        String c = code != null && code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
        boolean amountKind = kind != null && PlanCoverage.AMOUNT_KINDS.contains(kind);
        return act(id, redirect, () -> coverage.set(id, kind, c, group,
                amountKind && (targetShare == null || targetShare.isBlank()) ? null
                        : decimal(targetShare, "share", "plan.coverage.error.share"),
                targetAmount == null || targetAmount.isBlank() ? null
                        : decimal(targetAmount, "amount", "plan.coverage.error.amount"),
                note, CurrentUsers.require()));
    }

    @PostMapping("/plans/{id}/coverage/{targetId}/delete")
    String removeCoverage(@PathVariable long id, @PathVariable long targetId, RedirectAttributes redirect) {
        return act(id, redirect, () -> coverage.remove(id, targetId, CurrentUsers.require()));
    }

    @GetMapping("/plans/goals")
    String goals(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("goals", goals.list(user));
        model.addAttribute("periods", goals.periods());
        model.addAttribute("homeUnit", user.scope().unitId());
        model.addAttribute("populationGroups", List.of(vn.giamngheo.population.PopulationGroup.values()));
        return "plans/goals";
    }

    @PostMapping("/plans/goals")
    String setGoal(@RequestParam long unitId, @RequestParam String period, @RequestParam int startYear,
                   @RequestParam(required = false) String startRate, @RequestParam(required = false) String yearlyPoints,
                   @RequestParam(required = false) String targetEndRate, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String group, RedirectAttributes redirect) {
        try {
            java.math.BigDecimal start = startRate == null || startRate.isBlank() ? null
                    : decimal(startRate, "startRate", "plan.goal.error.rate");
            PlanGoal g = goals.set(unitId, period, group, startYear, start, decimal(yearlyPoints, "yearlyPoints", "plan.goal.error.points"),
                    decimal(targetEndRate, "targetEndRate", "plan.goal.error.rate"), note, CurrentUsers.require());
            return "redirect:/plans/goals/" + g.id();
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            return "redirect:/plans/goals";
        }
    }

    @GetMapping("/plans/goals/{id}")
    String goal(@PathVariable long id, @RequestParam(required = false) String boundaries, Model model, RedirectAttributes redirect) {
        PlanGoals.Progress p;
        if (goals.get(id, CurrentUsers.require()).byClass()) {
            return "redirect:/plans/goals/" + id + "/tracking"; // a goal set on area classes has its own page
        }
        try {
            p = goals.progress(id, boundaries, CurrentUsers.require());
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            return "redirect:/plans/goals/" + id;
        }
        model.addAttribute("progress", p);
        model.addAttribute("goal", p.goal());
        return "plans/goal";
    }

    /** A number typed in a form: a comma or a point as decimal separator. */
    static java.math.BigDecimal decimal(String text, String field, String key) {
        if (text == null || text.isBlank()) {
            throw new InvalidPlanException(PlanProblem.of(field, key, ""));
        }
        try {
            return new java.math.BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidPlanException(PlanProblem.of(field, key, text.strip()));
        }
    }

    /** The dashboard's panel (loaded by htmx): the unit's and its sub-units' plans, furthest behind first. */
    @GetMapping("/plans/panel")
    String panel(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        LocalDate yearEnd = LocalDate.of(y, 12, 31);
        LocalDate asOf = today.isBefore(yearEnd) ? today : yearEnd;
        model.addAttribute("year", y);
        model.addAttribute("asOf", asOf);
        model.addAttribute("trackings", asOf.getYear() < y ? List.of() : plans.behindFirst(unit, y, asOf, user).stream()
                .limit(PANEL_ROWS).toList());
        return "plans/panel :: panel";
    }

    /** Rows of the dashboard's plan panel. */
    static final int PANEL_ROWS = 15;

    @GetMapping("/plans")
    String list(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("plans", plans.list(y, user));
        model.addAttribute("homeUnit", user.scope().unitId());
        return "plans/list";
    }

    @PostMapping("/plans")
    String create(@RequestParam long unitId, @RequestParam int year, @RequestParam(defaultValue = "0") int poorReduction,
                  @RequestParam(defaultValue = "0") int nearPoorReduction, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        try {
            Plan p = plans.create(unitId, year, poorReduction, nearPoorReduction, note, CurrentUsers.require());
            return "redirect:/plans/" + p.id();
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            return "redirect:/plans?year=" + year;
        }
    }

    @GetMapping("/plans/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Plan plan = plans.get(id, user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("plan", plan);
        model.addAttribute("tracking", plans.track(id, today, user));
        List<Plan> children = plans.children(id, user);
        model.addAttribute("children", children);
        Map<Long, PlanService.Tracking> tracks = new HashMap<>();
        children.forEach(c -> tracks.put(c.id(), plans.track(c.id(), today, user)));
        model.addAttribute("tracks", tracks);
        model.addAttribute("childSum", children.stream().mapToInt(Plan::poorReduction).sum());
        model.addAttribute("transitions", plans.transitions(id, user));
        model.addAttribute("coverage", coverage.track(id, today, user));
        model.addAttribute("coverageCodes", coverage.codes(plan));
        model.addAttribute("coverageGroups", CoverageTarget.GROUPS);
        // the plan of year Y is measured on the lists decided at the end of Y (list year Y + 1): the registrations
        // to escape at that decision, next to the plan's reduction target
        model.addAttribute("escape", escapes.ofUnit(plan.unitId(), plan.year() + 1));
        return "plans/plan";
    }

    @PostMapping("/plans/{id}/cascade")
    String cascade(@PathVariable long id, @RequestParam PlanService.Basis basis, RedirectAttributes redirect) {
        return act(id, redirect, () -> plans.cascade(id, basis, null, CurrentUsers.require()));
    }

    @PostMapping("/plans/{id}/targets")
    String adjust(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam int poorReduction, @RequestParam(defaultValue = "0") int nearPoorReduction,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> plans.adjust(id, version, poorReduction, nearPoorReduction, note, CurrentUsers.require()));
    }

    @PostMapping("/plans/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> plans.approve(id, CurrentUsers.require()));
    }

    @PostMapping("/plans/{id}/return")
    String returnPlan(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> plans.returnPlan(id, reason, CurrentUsers.require()));
    }

    @PostMapping("/plans/{id}/import")
    String importTable(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            try {
                planImport.importTable(id, PlanApiController.read(file), CurrentUsers.require());
            } catch (IOException e) {
                throw new InvalidPlanException(PlanProblem.of("file", vn.giamngheo.problem.ErrorCode.UNREADABLE_FILE.messageKey()));
            }
        });
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
        }
        return "redirect:/plans/" + id;
    }

    private List<String> texts(InvalidPlanException e) {
        return e.problems().stream().map(p -> (p.line() > 0 ? messages.getMessage("plan.line", new Object[] {p.line(), p.field()},
                LocaleContextHolder.getLocale()) : "") + messages.getMessage(p.messageKey(), p.argArray(), p.messageKey(),
                LocaleContextHolder.getLocale())).toList();
    }
}
