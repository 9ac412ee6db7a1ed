package vn.giamngheo.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportWorkflow;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;
import vn.giamngheo.programme.ProgrammeWeb;

/** Pages of the monitoring: the results framework with targets, and the periodic reports. */
@Controller
@RequestMapping("/monitoring")
class MonitoringPageController {

    static final String INDICATORS = "monitoring/indicators";
    static final String REPORTS = "monitoring/reports";
    static final String REPORT = "monitoring/report";
    static final String MINISTRY_BEFORE_DATA_END = "monitoring.warning.ministry-before-data-end";

    private final MonitoringIndicators indicators;
    private final MonitoringReports reports;
    private final ReportValidation validation;
    private final ProgrammeUnits units;
    private final ProgrammeWeb web;

    MonitoringPageController(MonitoringIndicators indicators, MonitoringReports reports, ReportValidation validation,
                             ProgrammeUnits units, ProgrammeWeb web) {
        this.indicators = indicators;
        this.reports = reports;
        this.validation = validation;
        this.units = units;
        this.web = web;
    }

    @GetMapping("/indicators")
    String indicators(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        return showIndicators(unit, year, List.of(), model);
    }

    @PostMapping("/indicators/targets")
    String saveTargets(@RequestParam long unit, @RequestParam int year, @RequestParam(required = false) String version,
                       @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        List<MonitoringIndicators.Target> targets = new ArrayList<>();
        List<ProgrammeProblem> problems = new ArrayList<>();
        for (Indicator i : indicators.indicatorsOf(units.visible(unit, user).provinceCode())) {
            BigDecimal target = number(form.get("target_" + i.id()), i.code(), problems);
            BigDecimal baseline = number(form.get("baseline_" + i.id()), i.code(), problems);
            targets.add(new MonitoringIndicators.Target(i.id(), unit, year, baseline, target));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidProgrammeException(problems);
            }
            indicators.saveTargets(unit, year, targets, version, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/indicators?unit=" + unit + "&year=" + year;
        } catch (InvalidProgrammeException e) {
            return showIndicators(unit, year, e.problems(), model);
        }
    }

    @GetMapping("/indicators/export")
    ResponseEntity<byte[]> exportFramework(@RequestParam(required = false) Long unit, @RequestParam int year) {
        CurrentUser user = CurrentUsers.require();
        long unitId = requireUnit(web.defaultUnit(user, unit));
        String name = units.visible(unitId, user).name();
        return web.download(ResultsFrameworkWorkbook.write(name, year, indicators.resultsFramework(unitId, year, user)),
                ProgrammeWeb.XLSX, "khung-ket-qua-" + year + ".xlsx", "results_framework", unitId);
    }

    private String showIndicators(Long unit, Integer year, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        Long unitId = web.defaultUnit(user, unit);
        int y = year == null ? reports.today().getYear() : year;
        model.addAttribute("choices", web.choices(user));
        model.addAttribute("unitId", unitId);
        model.addAttribute("year", y);
        model.addAttribute("problems", problems);
        model.addAttribute("rows", unitId == null ? List.of() : indicators.resultsFramework(unitId, y, user));
        model.addAttribute("targetsVersion", unitId == null ? null : indicators.targetsVersion(unitId, y, user));
        model.addAttribute("mayEdit", unitId != null && user.canEdit());
        return INDICATORS;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kind, Model model) {
        return showReports(year, kind, List.of(), model);
    }

    @PostMapping("/reports/periods")
    String createPeriod(@RequestParam(required = false) Long unit, @RequestParam int year, @RequestParam String kind,
                        @RequestParam(defaultValue = "1") int number, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            ReportKind k = kind(kind);
            int created = reports.createPeriod(requireUnit(web.defaultUnit(user, unit)), k, year, number, user);
            redirect.addFlashAttribute("created", created);
            return "redirect:/monitoring/reports?year=" + year + "&kind=" + k.code();
        } catch (InvalidProgrammeException e) {
            return showReports(year, kind, e.problems(), model);
        }
    }

    private String showReports(Integer year, String kind, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = reports.today();
        int y = year == null ? today.getYear() : year;
        ReportKind k = kind == null || kind.isBlank() ? null : ReportKind.ofCode(kind).orElse(null);
        model.addAttribute("year", y);
        model.addAttribute("kind", k == null ? "" : k.code());
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("reports", reports.list(user, null, y, k));
        model.addAttribute("overdue", reports.overdue(user.scope(), today));
        model.addAttribute("today", today);
        model.addAttribute("mayCreate", user.isAdmin() || (user.canEdit()
                && units.home(user).map(u -> "province".equals(u.level())).orElse(false)));
        model.addAttribute("choices", web.choices(user));
        model.addAttribute("problems", problems);
        return REPORTS;
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, Model model) {
        return showReport(id, List.of(), model);
    }

    @PostMapping("/reports/{id}/values")
    String fill(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(required = false) Integer version,
                Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Map<Long, IndicatorValue> values = new LinkedHashMap<>();
        List<ProgrammeProblem> problems = new ArrayList<>();
        for (Indicator i : reports.carried(reports.get(id, user))) {
            if (i.computed()) {
                continue;
            }
            BigDecimal num = number(form.get("num_" + i.id()), i.code(), problems);
            BigDecimal den = number(form.get("den_" + i.id()), i.code(), problems);
            if (num != null) {
                values.put(i.id(), new IndicatorValue(num, i.share() ? den : null));
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidProgrammeException(problems);
            }
            reports.fill(id, values, version, user);
        } catch (InvalidProgrammeException e) {
            // the form keeps what was entered, with the rules it breaks
            return showReport(id, e.problems(), values, model);
        }
        return act(id, List.of(), model, redirect, () -> {
            if (form.containsKey("submit")) {
                reports.submit(id, null, user);
            }
        });
    }

    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        return act(id, List.of(), model, redirect, () -> reports.submit(id, version, CurrentUsers.require()));
    }

    @PostMapping("/reports/{id}/return")
    String returnReport(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                        @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        return act(id, List.of(), model, redirect, () -> reports.returnReport(id, reason, version, CurrentUsers.require()));
    }

    @PostMapping("/reports/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        return act(id, List.of(), model, redirect, () -> reports.approve(id, version, CurrentUsers.require()));
    }

    private String act(long id, List<ProgrammeProblem> problems, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            if (!problems.isEmpty()) {
                throw new InvalidProgrammeException(problems);
            }
            action.run();
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/reports/" + id;
        } catch (InvalidProgrammeException e) {
            return showReport(id, e.problems(), null, model);
        }
    }

    private String showReport(long id, List<ProgrammeProblem> problems, Model model) {
        return showReport(id, problems, null, model);
    }

    /** The report page; {@code entered}: figures a refused save gave, shown instead of the stored ones. */
    private String showReport(long id, List<ProgrammeProblem> problems, Map<Long, IndicatorValue> entered, Model model) {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.get(id, user);
        ReportWorkflow.Actor actor = reports.actor(r, user);
        List<Indicator> carried = reports.carried(r);
        model.addAttribute("report", r);
        model.addAttribute("actor", actor.name());
        model.addAttribute("indicators", carried);
        Map<Long, IndicatorValue> values = entered == null ? reports.values(id, user) : reports.figures(r, carried, entered);
        model.addAttribute("values", values);
        model.addAttribute("violations", values.isEmpty() ? List.of() : reports.violations(r, values));
        Map<Long, ReportValidation.CheckFigure> checks = new LinkedHashMap<>();
        validation.checks(r, values).forEach(c -> checks.put(c.indicator().id(), c));
        model.addAttribute("checks", checks);
        model.addAttribute("tolerance", validation.tolerance());
        // above the communes, an empty report starts from the consolidation of the units below
        model.addAttribute("prefill", values.isEmpty() && entered == null && actor == ReportWorkflow.Actor.OWNER ? reports.prefill(r) : Map.of());
        model.addAttribute("consolidation", reports.consolidated(id, user));
        model.addAttribute("completeness", reports.completeness(id, reports.today(), user));
        model.addAttribute("children", reports.childReports(r));
        model.addAttribute("today", reports.today());
        model.addAttribute("problems", problems);
        return REPORT;
    }

    private static BigDecimal number(String text, String field, List<ProgrammeProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return vn.giamngheo.table.PrintedNumber.amount(text).value();
        } catch (NumberFormatException e) {
            problems.add(ProgrammeProblem.of(field, "programme.problem.not-a-number", text));
            return null;
        }
    }

    private static long requireUnit(Long unit) {
        if (unit == null) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("unit", "programme.problem.unit-required"));
        }
        return unit;
    }

    static ReportKind kind(String code) {
        return ReportKind.ofCode(code).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("kind", "programme.problem.report-kind", String.valueOf(code))));
    }
}
