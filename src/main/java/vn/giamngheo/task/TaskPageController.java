package vn.giamngheo.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages of plan tasks: the tasks of a plan with the form to add one ({@code /plans/{id}/tasks}), a task with its
 * outputs, reports and edit form ({@code /tasks/{id}}), an output report with its values and workflow
 * ({@code /task-reports/{id}}), the agency officer's home ({@code /tasks/mine}) and a plan's consolidation per period.
 */
@Controller
class TaskPageController {

    private final PlanTasks tasks;
    private final TaskReports reports;
    private final MessageSource messages;
    private final Clock clock;

    TaskPageController(PlanTasks tasks, TaskReports reports, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/plans/{id}/tasks")
    String list(@PathVariable long id, @RequestParam(required = false) Long itemId, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanTasks.PlanRef plan = tasks.plan(id, user);
        List<PlanTasks.Task> list = tasks.tasks(id, user);
        model.addAttribute("plan", plan);
        model.addAttribute("tasks", list);
        model.addAttribute("late", tasks.late(list, today()));
        model.addAttribute("kinds", vn.giamngheo.monitoring.ReportCalendar.kinds());
        if (user.canEdit()) {
            formOptions(plan, model);
            if (!model.containsAttribute("form")) {
                TaskForm form = TaskForm.empty();
                if (itemId != null) {
                    // the default: the item's lead and coordinating agencies resolved to the plan's province
                    PlanTasks.Proposal p = tasks.proposal(plan, itemId);
                    form.setItemId(itemId);
                    form.setLeadAgencyId(p.leadAgencyId());
                    form.setPartnerAgencyIds(new ArrayList<>(p.partnerAgencyIds()));
                }
                model.addAttribute("form", form);
            }
        }
        return "tasks/list";
    }

    @PostMapping("/plans/{id}/tasks")
    String create(@PathVariable long id, @ModelAttribute TaskForm form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        List<PlanProblem> problems = new ArrayList<>();
        PlanTasks.TaskInput input = form.input(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidPlanException(problems);
            }
            long task = tasks.create(id, input, user);
            redirect.addFlashAttribute("done", true);
            return "redirect:/tasks/" + task;
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            form.padRows();
            redirect.addFlashAttribute("form", form);
            return "redirect:/plans/" + id + "/tasks";
        }
    }

    @GetMapping("/tasks/mine")
    String mine(Model model) {
        CurrentUser user = CurrentUsers.require();
        List<PlanTasks.Task> mine = tasks.mine(user);
        model.addAttribute("tasks", mine);
        model.addAttribute("due", due(mine, user));
        model.addAttribute("agencyId", user.agencyId());
        return "tasks/mine";
    }

    /** A report the agency owes: its task, period, due day, status and report id (null when not opened yet). */
    record Due(PlanTasks.Task task, vn.giamngheo.monitoring.ReportCalendar.Period period, String status, Long reportId,
               boolean overdue) {
    }

    /**
     * The reports the user's agency owes as lead: every period whose data period has started, not yet accepted;
     * overdue first, then by due day.
     */
    private List<Due> due(List<PlanTasks.Task> mine, CurrentUser user) {
        LocalDate today = today();
        List<Due> due = new ArrayList<>();
        for (PlanTasks.Task t : mine) {
            if (!java.util.Objects.equals(t.leadAgencyId(), user.agencyId())) {
                continue;
            }
            Map<String, TaskReports.Report> byPeriod = new java.util.HashMap<>();
            reports.ofTask(t.id(), user).forEach(r -> byPeriod.put(r.kind() + "/" + r.year() + "/" + r.number(), r));
            for (var p : tasks.periods(t)) {
                TaskReports.Report r = byPeriod.get(p.kind() + "/" + p.year() + "/" + p.number());
                String status = r == null ? "missing" : r.status();
                if (p.start().isAfter(today) || TaskReports.ACCEPTED.equals(status)) {
                    continue;
                }
                boolean overdue = vn.giamngheo.monitoring.ReportCalendar.overdue(r != null && r.sent(), p.due(), today);
                due.add(new Due(t, p, status, r == null ? null : r.id(), overdue));
            }
        }
        due.sort(java.util.Comparator.comparing((Due d) -> !d.overdue()).thenComparing(d -> d.period().due()));
        return due;
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanTasks.Task task = tasks.task(id, user);
        model.addAttribute("task", task);
        model.addAttribute("reports", reports.ofTask(id, user));
        model.addAttribute("periods", tasks.periods(task));
        model.addAttribute("late", tasks.late(List.of(task), today()));
        model.addAttribute("lead", user.isAgencyOfficer() && java.util.Objects.equals(user.agencyId(), task.leadAgencyId()));
        if (user.canEdit()) {
            formOptions(tasks.plan(task.planId(), user), model);
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", TaskForm.of(task));
            }
        }
        return "tasks/task";
    }

    @PostMapping("/tasks/{id}")
    String update(@PathVariable long id, @ModelAttribute TaskForm form, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        List<PlanProblem> problems = new ArrayList<>();
        PlanTasks.TaskInput input = form.input(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidPlanException(problems);
            }
            tasks.update(id, form.getVersion(), input, user);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/reports")
    String open(@PathVariable long id, @RequestParam String period, RedirectAttributes redirect) {
        String[] p = period.split("/");
        try {
            if (p.length != 3 || !p[1].matches("[0-9]{4}") || !p[2].matches("[1-4]")) {
                throw new InvalidPlanException(PlanProblem.of("period", "task.error.period"));
            }
            long report = reports.open(id, p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), CurrentUsers.require());
            return "redirect:/task-reports/" + report;
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            return "redirect:/tasks/" + id;
        }
    }

    @GetMapping("/task-reports/{id}")
    String report(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        TaskReports.Filled f = reports.get(id, user);
        model.addAttribute("filled", f);
        model.addAttribute("r", f.report());
        model.addAttribute("task", f.task());
        model.addAttribute("communes", reports.communes(f, user));
        model.addAttribute("registers", reports.registers(f));
        model.addAttribute("tolerance", reports.tolerance());
        model.addAttribute("lead", user.isAgencyOfficer() && java.util.Objects.equals(user.agencyId(), f.task().leadAgencyId()));
        model.addAttribute("reviewer", user.canEdit());
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", reports.violations(f));
        }
        return "tasks/report";
    }

    @PostMapping("/task-reports/{id}")
    String save(@PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String note, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(id, redirect, () -> {
            List<PlanProblem> problems = new ArrayList<>();
            List<TaskReports.ValueInput> values = values(form, problems);
            if (!problems.isEmpty()) {
                throw new InvalidPlanException(problems);
            }
            List<vn.giamngheo.monitoring.RuleViolation> violations = reports.save(id, version, note, values, user);
            if (!violations.isEmpty()) {
                redirect.addFlashAttribute("violations", violations);
            }
            if ("submit".equals(form.get("action"))) {
                reports.submit(id, version + 1, user);
            }
        });
    }

    /**
     * The values of the report form: {@code value.OUTPUT} for an output of the whole area,
     * {@code value.OUTPUT.COMMUNECODE} for a per-commune output; empty fields are no value.
     */
    static List<TaskReports.ValueInput> values(Map<String, String> form, List<PlanProblem> problems) {
        List<TaskReports.ValueInput> values = new ArrayList<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (!e.getKey().startsWith("value.") || e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            String[] key = e.getKey().split("\\.", 3);
            if (!key[1].matches("[0-9]{1,18}")) {
                continue;
            }
            try {
                BigDecimal v = new BigDecimal(e.getValue().strip().replace(" ", "").replace(',', '.'));
                values.add(new TaskReports.ValueInput(Long.parseLong(key[1]), key.length > 2 ? key[2] : null, v));
            } catch (NumberFormatException ex) {
                problems.add(PlanProblem.of(e.getKey(), "task.error.value-number", e.getValue().strip()));
            }
        }
        return values;
    }

    @PostMapping("/task-reports/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.submit(id, version, CurrentUsers.require()));
    }

    @PostMapping("/task-reports/{id}/return")
    String returnReport(@PathVariable long id, @RequestParam(required = false) Integer version,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.returnReport(id, version, reason, CurrentUsers.require()));
    }

    @PostMapping("/task-reports/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.accept(id, version, CurrentUsers.require()));
    }

    @GetMapping("/plans/{id}/tasks/consolidation")
    String consolidation(@PathVariable long id, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer number,
                         Model model) {
        CurrentUser user = CurrentUsers.require();
        PlanTasks.PlanRef plan = tasks.plan(id, user);
        String k = kind == null || kind.isBlank() ? "year" : kind;
        int y = year == null ? plan.year() : year;
        int n = number == null ? 1 : number;
        model.addAttribute("plan", plan);
        model.addAttribute("kinds", vn.giamngheo.monitoring.ReportCalendar.kinds());
        model.addAttribute("kind", k);
        model.addAttribute("year", y);
        model.addAttribute("number", n);
        model.addAttribute("tolerance", reports.tolerance());
        try {
            model.addAttribute("c", reports.consolidate(id, k, y, n, today(), user));
        } catch (InvalidPlanException e) {
            model.addAttribute("problems", texts(e));
        }
        return "tasks/consolidation";
    }

    private void formOptions(PlanTasks.PlanRef plan, Model model) {
        model.addAttribute("items", tasks.items(plan));
        model.addAttribute("agencies", tasks.agencyChoices(plan));
        model.addAttribute("indicators", tasks.indicators());
        model.addAttribute("kinds", vn.giamngheo.monitoring.ReportCalendar.kinds());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(vn.giamngheo.format.Formats.VIETNAM));
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
        }
        return "redirect:/task-reports/" + id;
    }

    private List<String> texts(InvalidPlanException e) {
        return e.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.argArray(), p.messageKey(),
                LocaleContextHolder.getLocale())).toList();
    }
}
