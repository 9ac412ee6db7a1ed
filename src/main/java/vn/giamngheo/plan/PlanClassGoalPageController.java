package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.report.TrajectoryChart;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages of goals set on area classes: the form to set one (/plans/goals/classes), its tracking with the trajectory
 * chart and the form to change it (/plans/goals/{id}/tracking), a commune's own trajectory.
 */
@Controller
class PlanClassGoalPageController {

    private final PlanClassGoals classGoals;
    private final PlanGoals goals;
    private final AreaClasses areaClasses;
    private final MessageSource messages;

    PlanClassGoalPageController(PlanClassGoals classGoals, PlanGoals goals, AreaClasses areaClasses, MessageSource messages) {
        this.classGoals = classGoals;
        this.goals = goals;
        this.areaClasses = areaClasses;
        this.messages = messages;
    }

    @GetMapping("/plans/goals/classes")
    String form(Model model) {
        CurrentUser user = CurrentUsers.require();
        List<PlanGoal> classGoals = goals.list(user).stream().filter(PlanGoal::byClass).toList();
        Locale locale = LocaleContextHolder.getLocale();
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        classGoals.forEach(g -> names.put(g.id(), String.join(", ", g.classes().stream()
                .map(c -> areaClasses.find(c).map(a -> a.name(locale)).orElse(c)).toList())));
        model.addAttribute("classGoals", classGoals);
        model.addAttribute("classNamesOf", names);
        model.addAttribute("periods", goals.periods());
        model.addAttribute("homeUnit", user.scope().unitId());
        model.addAttribute("classCatalogue", areaClasses.catalogue());
        model.addAttribute("populationGroups", List.of(vn.giamngheo.population.PopulationGroup.values()));
        return "plans/class-goals";
    }

    @PostMapping("/plans/goals/classes")
    String set(@RequestParam long unitId, @RequestParam String period, @RequestParam(required = false) String kind,
               @RequestParam(required = false) List<String> classes, @RequestParam(required = false) String group,
               @RequestParam(required = false) Integer startYear, @RequestParam(required = false) String startRate,
               @RequestParam(required = false) String yearlyPoints, @RequestParam(required = false) String ceiling,
               @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            PlanGoal g = classGoals.set(unitId, period, input(kind, classes, group, startYear, startRate, yearlyPoints, ceiling,
                    note), CurrentUsers.require());
            return "redirect:/plans/goals/" + g.id() + "/tracking";
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            return "redirect:/plans/goals/classes";
        }
    }

    @PostMapping("/plans/goals/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) Integer startYear, @RequestParam(required = false) String startRate,
                @RequestParam(required = false) String yearlyPoints, @RequestParam(required = false) String ceiling,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            classGoals.edit(id, version, input(null, null, null, startYear, startRate, yearlyPoints, ceiling, note),
                    CurrentUsers.require());
            redirect.addFlashAttribute("done", true);
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
        }
        return "redirect:/plans/goals/" + id + "/tracking";
    }

    @GetMapping("/plans/goals/{id}/tracking")
    String tracking(@PathVariable long id, Model model) {
        PlanClassGoals.Tracking t = classGoals.track(id, CurrentUsers.require());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("tracking", t);
        model.addAttribute("goal", t.goal());
        model.addAttribute("classNames", String.join(", ", t.classes().stream().map(c -> c.name(locale)).toList()));
        if (PlanGoal.CLASS_CEILING.equals(t.goal().goalKind())) {
            List<TrajectoryChart.Year> years = new ArrayList<>();
            t.ceiling().forEach(y -> years.add(new TrajectoryChart.Year(y.year(), percent(y.check().allowed()),
                    y.actual() == null ? null : y.actual().poor() * 100.0 / y.actual().households())));
            model.addAttribute("chart", chart(years, locale, "class-goal-chart"));
        }
        return "plans/class-goal";
    }

    @GetMapping("/plans/goals/{id}/communes/{communeId}")
    String commune(@PathVariable long id, @PathVariable long communeId, Model model) {
        PlanGoals.Progress p = classGoals.commune(id, communeId, CurrentUsers.require());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("progress", p);
        model.addAttribute("goal", p.goal());
        List<TrajectoryChart.Year> years = new ArrayList<>();
        for (GoalTrajectory.Year y : p.years()) {
            years.add(new TrajectoryChart.Year(y.year(), percent(y.goalRate()),
                    y.actual() == null ? null : y.actual().poor() * 100.0 / y.actual().households()));
        }
        model.addAttribute("chart", chart(years, locale, "commune-goal-chart"));
        return "plans/class-goal-commune";
    }

    private String chart(List<TrajectoryChart.Year> years, Locale locale, String id) {
        return TrajectoryChart.svg(text("plan.class-goal.chart", locale), text("plan.class-goal.chart.goal", locale),
                text("plan.class-goal.chart.actual", locale), text("report.noData", locale), years, locale, id);
    }

    private static Double percent(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    private static PlanClassGoals.Input input(String kind, List<String> classes, String group, Integer startYear, String startRate,
                                              String yearlyPoints, String ceiling, String note) {
        if (startYear == null) {
            throw new InvalidPlanException(PlanProblem.of("startYear", "plan.class-goal.error.start-year-missing"));
        }
        return new PlanClassGoals.Input(kind, classes, group, startYear, optional(startRate, "startRate", "plan.goal.error.rate"),
                optional(yearlyPoints, "yearlyPoints", "plan.goal.error.points"), optional(ceiling, "ceiling", "plan.goal.error.rate"),
                note);
    }

    private static BigDecimal optional(String text, String field, String key) {
        return text == null || text.isBlank() ? null : PlanPageController.decimal(text, field, key);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private List<String> texts(InvalidPlanException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return e.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.argArray(), p.messageKey(), locale)).toList();
    }
}
