package vn.giamngheo.monitoring;

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
import vn.giamngheo.monitoring.rules.IndicatorLevel;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.RuleImportance;
import vn.giamngheo.monitoring.rules.RuleOperator;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeWeb;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages of indicators and validation rules as data (administrators: national; province officers: their
 * province's own), and the validation report of an area and period with its XLSX export.
 */
@Controller
@RequestMapping("/monitoring")
class MonitoringCataloguePageController {

    static final String CATALOGUE = "monitoring/catalogue";
    static final String INDICATOR_FORM = "monitoring/indicator-form";
    static final String RULE_FORM = "monitoring/rule-form";
    static final String VALIDATION = "monitoring/validation";
    /** An example expression shown in the rule form (kept out of the templates, where #{…} is a message key). */
    static final String EXPRESSION_EXAMPLE = "#{HOUSES_BUILT} + #{HOUSES_FUNDED} * 0.5";

    private final IndicatorCatalogue catalogue;
    private final ValidationRules rules;
    private final ReportValidation validation;
    private final MonitoringReports reports;
    private final ProgrammeWeb web;

    MonitoringCataloguePageController(IndicatorCatalogue catalogue, ValidationRules rules, ReportValidation validation,
                                      MonitoringReports reports, ProgrammeWeb web) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.validation = validation;
        this.reports = reports;
        this.web = web;
    }

    @GetMapping("/catalogue")
    String catalogue(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("indicators", catalogue.list(user));
        model.addAttribute("rules", rules.list(user));
        model.addAttribute("mayAdd", catalogue.mayAdd(user));
        return CATALOGUE;
    }

    @GetMapping("/catalogue/indicators/new")
    String newIndicator(Model model) {
        CurrentUser user = CurrentUsers.require();
        return indicatorForm(null, new IndicatorCatalogue.IndicatorForm(null, null, null, "count", "increase", "commune",
                "quarter", Indicator.ENTERED_BY_UNITS, null, null, null, 100, true), null, List.of(), catalogue.mayAdd(user), model);
    }

    @GetMapping("/catalogue/indicators/{id}")
    String indicator(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Indicator i = catalogue.get(id, user);
        return indicatorForm(i, formOf(i), i.version(), List.of(), catalogue.mayEdit(i, user), model);
    }

    @PostMapping("/catalogue/indicators")
    String createIndicator(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        IndicatorCatalogue.IndicatorForm f = indicatorForm(form, true);
        try {
            Indicator i = catalogue.create(f, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/catalogue/indicators/" + i.id();
        } catch (InvalidProgrammeException e) {
            return indicatorForm(null, f, null, e.problems(), true, model);
        }
    }

    @PostMapping("/catalogue/indicators/{id}")
    String updateIndicator(@PathVariable long id, @RequestParam(required = false) Integer version,
                           @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        IndicatorCatalogue.IndicatorForm f = indicatorForm(form, false);
        try {
            catalogue.update(id, f, version, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/catalogue/indicators/" + id;
        } catch (InvalidProgrammeException e) {
            Indicator i = catalogue.get(id, user);
            return indicatorForm(i, f, version, e.problems(), true, model);
        }
    }

    private String indicatorForm(Indicator existing, IndicatorCatalogue.IndicatorForm form, Integer version,
                                 List<ProgrammeProblem> problems, boolean mayEdit, Model model) {
        model.addAttribute("indicator", existing);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("unitsOfMeasure", IndicatorCatalogue.UNITS_OF_MEASURE);
        model.addAttribute("levels", java.util.Arrays.stream(IndicatorLevel.values()).map(IndicatorLevel::code).toList());
        model.addAttribute("periodTypes", java.util.Arrays.stream(ReportKind.values()).map(ReportKind::code).toList());
        model.addAttribute("obtainedChoices", Indicator.OBTAINED);
        model.addAttribute("computations", catalogue.computationNames());
        return INDICATOR_FORM;
    }

    private static IndicatorCatalogue.IndicatorForm formOf(Indicator i) {
        return new IndicatorCatalogue.IndicatorForm(i.code(), i.nameVi(), i.nameEn(), i.unitOfMeasure(), i.direction().code(),
                i.level().code(), i.periodType().code(), i.obtained(), i.computation(), i.checkComputation(), i.legalSource(),
                i.sortOrder(), i.active());
    }

    private static IndicatorCatalogue.IndicatorForm indicatorForm(Map<String, String> f, boolean withCode) {
        return new IndicatorCatalogue.IndicatorForm(withCode ? blank(f.get("code")) : null, blank(f.get("nameVi")),
                blank(f.get("nameEn")), blank(f.get("unitOfMeasure")), blank(f.get("direction")), blank(f.get("level")),
                blank(f.get("periodType")), blank(f.get("obtained")), blank(f.get("computation")),
                blank(f.get("checkComputation")), blank(f.get("legalSource")), integer(f.get("sortOrder")),
                f.containsKey("active"));
    }

    @GetMapping("/catalogue/rules/new")
    String newRule(Model model) {
        CurrentUser user = CurrentUsers.require();
        return ruleForm(null, new ValidationRules.RuleForm(null, null, null, null, "<=", null, "medium", "quarter", "skip",
                null, null, null, true), null, List.of(), catalogue.mayAdd(user), user, model);
    }

    @GetMapping("/catalogue/rules/{id}")
    String rule(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        ValidationRules.Rule r = rules.get(id, user);
        return ruleForm(r, new ValidationRules.RuleForm(r.code(), r.nameVi(), r.nameEn(), r.left(), r.operator(), r.right(),
                r.importance(), r.periodType(), r.missingValue(), r.instructionVi(), r.instructionEn(), r.legalSource(),
                r.active()), r.version(), List.of(), rules.mayEdit(r, user), user, model);
    }

    @PostMapping("/catalogue/rules")
    String createRule(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        ValidationRules.RuleForm f = ruleForm(form, true);
        try {
            ValidationRules.Rule r = rules.create(f, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/catalogue/rules/" + r.id();
        } catch (InvalidProgrammeException e) {
            return ruleForm(null, f, null, e.problems(), true, user, model);
        }
    }

    @PostMapping("/catalogue/rules/{id}")
    String updateRule(@PathVariable long id, @RequestParam(required = false) Integer version,
                      @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        ValidationRules.RuleForm f = ruleForm(form, false);
        try {
            rules.update(id, f, version, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/catalogue/rules/" + id;
        } catch (InvalidProgrammeException e) {
            return ruleForm(rules.get(id, user), f, version, e.problems(), true, user, model);
        }
    }

    private String ruleForm(ValidationRules.Rule existing, ValidationRules.RuleForm form, Integer version,
                            List<ProgrammeProblem> problems, boolean mayEdit, CurrentUser user, Model model) {
        model.addAttribute("rule", existing);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("operators", java.util.Arrays.stream(RuleOperator.values()).map(RuleOperator::symbol).toList());
        model.addAttribute("importances", java.util.Arrays.stream(RuleImportance.values()).map(RuleImportance::code).toList());
        model.addAttribute("periodTypes", java.util.Arrays.stream(ReportKind.values()).map(ReportKind::code).toList());
        model.addAttribute("indicators", catalogue.list(user).stream().filter(Indicator::active).toList());
        model.addAttribute("example", EXPRESSION_EXAMPLE);
        return RULE_FORM;
    }

    private static ValidationRules.RuleForm ruleForm(Map<String, String> f, boolean withCode) {
        return new ValidationRules.RuleForm(withCode ? blank(f.get("code")) : null, blank(f.get("nameVi")), blank(f.get("nameEn")),
                blank(f.get("left")), blank(f.get("operator")), blank(f.get("right")), blank(f.get("importance")),
                blank(f.get("periodType")), blank(f.get("missingValue")), blank(f.get("instructionVi")),
                blank(f.get("instructionEn")), blank(f.get("legalSource")), f.containsKey("active"));
    }

    @GetMapping("/validation")
    String validation(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) String kind, @RequestParam(defaultValue = "1") int number, Model model) {
        CurrentUser user = CurrentUsers.require();
        Long unitId = web.defaultUnit(user, unit);
        int y = year == null ? reports.today().getYear() : year;
        ReportKind k = kind == null || kind.isBlank() ? ReportKind.HALF_YEAR : MonitoringPageController.kind(kind);
        model.addAttribute("choices", web.choices(user));
        model.addAttribute("unitId", unitId);
        model.addAttribute("year", y);
        model.addAttribute("kind", k.code());
        model.addAttribute("number", number);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("problems", List.of());
        model.addAttribute("result", unitId == null ? null : validation.area(unitId, k, y, number, user));
        return VALIDATION;
    }

    @GetMapping("/validation/export")
    ResponseEntity<byte[]> exportValidation(@RequestParam(required = false) Long unit, @RequestParam int year,
                                            @RequestParam(required = false) String kind,
                                            @RequestParam(defaultValue = "1") int number) {
        CurrentUser user = CurrentUsers.require();
        Long unitId = web.defaultUnit(user, unit);
        if (unitId == null) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("unit", "programme.problem.unit-required"));
        }
        ReportKind k = kind == null || kind.isBlank() ? ReportKind.HALF_YEAR : MonitoringPageController.kind(kind);
        ReportValidation.AreaFindings result = validation.area(unitId, k, year, number, user);
        return web.download(ValidationWorkbook.write(result), ProgrammeWeb.XLSX,
                "kiem-tra-so-lieu-" + k.code() + "-" + number + "-" + year + ".xlsx", "validation_report", unitId);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
