package vn.giamngheo.standard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages of the poverty standards: the list with the schedule, and one standard with every parameter, its
 * legal source and confidence, its versions, and the forms (derive, change a parameter, schedule) for the
 * users allowed to use them.
 */
@Controller
@RequestMapping("/standards")
class StandardPageController {

    static final String LIST = "standards/list";
    static final String DETAIL = "standards/detail";

    private final StandardAdministration administration;
    private final StandardRegistry registry;
    private final GeographyCatalog geography;

    StandardPageController(StandardAdministration administration, StandardRegistry registry, GeographyCatalog geography) {
        this.administration = administration;
        this.registry = registry;
        this.geography = geography;
    }

    @GetMapping
    String list(Model model) {
        CurrentUser user = CurrentUsers.require();
        return showList(user, new ScheduleChange(null, null, user.isAdmin() ? null : user.scope().provinceCode(),
                null, null), List.of(), model);
    }

    @PostMapping("/schedule")
    String setSchedule(@RequestParam(required = false) Integer yearFrom, @RequestParam(required = false) Integer yearTo,
                       @RequestParam(defaultValue = "") String provinceCode, @RequestParam(defaultValue = "") String standardCode,
                       @RequestParam(defaultValue = "") String legalBasis, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        ScheduleChange change = new ScheduleChange(yearFrom, yearTo, provinceCode, standardCode, legalBasis);
        try {
            administration.setSchedule(change, user);
            redirect.addFlashAttribute("saved", "schedule");
            return "redirect:/standards";
        } catch (InvalidStandardException e) {
            return showList(user, change, e.problems(), model);
        }
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        CurrentUser user = CurrentUsers.require();
        return showDetail(code, version, user, model, List.of(), List.of(), Map.of());
    }

    @PostMapping("/{code}/parameters")
    String changeParameter(@PathVariable String code, @RequestParam(defaultValue = "") String name,
                           @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String legalSource,
                           @RequestParam(defaultValue = "S") String confidence, @RequestParam(defaultValue = "") String note,
                           @RequestParam(required = false) Integer expectedVersion, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            StandardVersion v = administration.changeParameter(code,
                    new ParameterChange(name, value, legalSource, confidence, note, expectedVersion), user);
            redirect.addFlashAttribute("saved", "version");
            redirect.addFlashAttribute("savedVersion", v.version());
            return "redirect:/standards/" + code;
        } catch (InvalidStandardException e) {
            return showDetail(code, null, user, model, e.problems(), List.of(),
                    Map.of("name", name, "value", value, "legalSource", legalSource, "confidence", confidence, "note", note));
        } catch (StandardConflictException e) {
            model.addAttribute("conflictVersion", e.currentVersion());
            return showDetail(code, null, user, model, List.of(), List.of(), Map.of());
        }
    }

    @PostMapping("/{code}/derive")
    String derive(@PathVariable String code, @RequestParam(defaultValue = "") String newCode,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String provinceCode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                  @RequestParam(defaultValue = "") String legalBasis,
                  @RequestParam(name = "overrideName", required = false) List<String> overrideNames,
                  @RequestParam(name = "overrideValue", required = false) List<String> overrideValues,
                  Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Map<String, String> overrides = new LinkedHashMap<>();
        if (overrideNames != null) {
            for (int i = 0; i < overrideNames.size(); i++) {
                String value = overrideValues != null && i < overrideValues.size() ? overrideValues.get(i) : "";
                if (!overrideNames.get(i).isBlank()) {
                    overrides.put(overrideNames.get(i).trim(), value);
                }
            }
        }
        try {
            StandardVersion created = administration.derive(code,
                    new DeriveRequest(newCode, name, provinceCode, validFrom, validTo, legalBasis, overrides), user);
            redirect.addFlashAttribute("saved", "derived");
            return "redirect:/standards/" + created.code();
        } catch (InvalidStandardException e) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("newCode", newCode);
            form.put("name", name);
            form.put("provinceCode", provinceCode);
            form.put("validFrom", validFrom);
            form.put("validTo", validTo);
            form.put("legalBasis", legalBasis);
            form.put("overrides", overrides);
            return showDetail(code, null, user, model, List.of(), e.problems(), form);
        }
    }

    private String showList(CurrentUser user, ScheduleChange scheduleForm, List<StandardProblem> problems, Model model) {
        List<StandardVersion> standards = administration.visibleStandards(user);
        model.addAttribute("standards", standards);
        model.addAttribute("schedule", administration.visibleSchedule(user));
        model.addAttribute("provinceNames", provinceNames());
        model.addAttribute("mayScheduleNational", administration.maySchedule(null, user));
        List<AdminUnit> provinces = administration.provincesFor(user);
        model.addAttribute("scheduleProvinces", provinces);
        model.addAttribute("maySchedule", user.isAdmin() || !provinces.isEmpty());
        model.addAttribute("scheduleForm", scheduleForm);
        model.addAttribute("problems", problems);
        return LIST;
    }

    private String showDetail(String code, Integer version, CurrentUser user, Model model,
                              List<StandardProblem> changeProblems, List<StandardProblem> deriveProblems,
                              Map<String, ?> form) {
        StoredStandard latest = administration.visible(code, user);
        StoredStandard shown = version == null ? latest : administration.visible(code, version, user);
        model.addAttribute("standard", shown.version());
        model.addAttribute("parameters", shown.standard().allParameters().stream()
                .map(p -> ParameterRow.of(p, org.springframework.context.i18n.LocaleContextHolder.getLocale())).toList());
        model.addAttribute("latestVersion", latest.version().version());
        List<StandardVersion> versions = new java.util.ArrayList<>(registry.versions(code));
        java.util.Collections.reverse(versions);
        model.addAttribute("versions", versions);
        model.addAttribute("provinceNames", provinceNames());
        boolean mayChange = administration.mayChange(latest.version(), user);
        model.addAttribute("mayChange", mayChange);
        model.addAttribute("changeable", ParameterRules.changeable(latest.standard()));
        List<AdminUnit> provinces = administration.provincesFor(user).stream()
                .filter(p -> !latest.version().provincial() || p.code().equals(latest.version().provinceCode())).toList();
        model.addAttribute("mayDerive", administration.mayDerive(user) && !provinces.isEmpty());
        model.addAttribute("deriveProvinces", provinces);
        model.addAttribute("overridable", ParameterRules.overridable(latest.standard()));
        model.addAttribute("changeProblems", changeProblems);
        model.addAttribute("deriveProblems", deriveProblems);
        model.addAttribute("form", form);
        return DETAIL;
    }

    private Map<String, String> provinceNames() {
        Map<String, String> names = new LinkedHashMap<>();
        geography.unitsOn(geography.today(), AdminUnit.PROVINCE, null).forEach(p -> names.put(p.code(), p.fullName()));
        return names;
    }
}
