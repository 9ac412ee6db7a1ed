package vn.giamngheo.agency;

import java.time.LocalDate;
import java.util.List;
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

/** Pages of the agencies: those of the user's area on a day, one agency with its history, and their edit forms. */
@Controller
@RequestMapping("/agencies")
class AgencyPageController {

    static final String LIST = "agency/list";
    static final String DETAIL = "agency/detail";

    private final Agencies agencies;
    private final AgencyRegistry registry;
    private final GeographyCatalog geography;

    AgencyPageController(Agencies agencies, AgencyRegistry registry, GeographyCatalog geography) {
        this.agencies = agencies;
        this.registry = registry;
        this.geography = geography;
    }

    @GetMapping
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        return showList(day, List.of(), model);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, List.of(), model);
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String level,
               @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String functionCode,
               @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String nameVi,
               @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String shortNameVi,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
               @RequestParam(required = false) Long successorId, @RequestParam(defaultValue = "") String legalSource,
               @RequestParam(defaultValue = "?") String confidence, Model model, RedirectAttributes redirect) {
        try {
            Agency added = registry.add(new AgencyRegistry.AgencyForm(code, level, kind, functionCode, unitId, nameVi, nameEn,
                    shortNameVi, validFrom, validTo, successorId, legalSource, confidence, 0), CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/agencies/" + added.id();
        } catch (InvalidAgencyException e) {
            return showList(null, e.problems(), model);
        }
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String functionCode, @RequestParam(defaultValue = "") String nameVi,
                  @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String shortNameVi,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                  @RequestParam(required = false) Long successorId, @RequestParam(defaultValue = "") String legalSource,
                  @RequestParam(defaultValue = "?") String confidence, @RequestParam(required = false) Integer version,
                  Model model, RedirectAttributes redirect) {
        try {
            registry.update(id, new AgencyRegistry.AgencyForm(null, null, kind, functionCode, null, nameVi, nameEn,
                    shortNameVi, validFrom, validTo, successorId, legalSource, confidence, version == null ? -1 : version),
                    CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/agencies/" + id;
        } catch (InvalidAgencyException e) {
            return showDetail(id, e.problems(), model);
        }
    }

    @PostMapping("/commune-offices")
    String communeOffices(@RequestParam(required = false) Long unit, Model model, RedirectAttributes redirect) {
        if (unit == null) {
            return showList(null, List.of(InvalidAgencyException.Problem.of("unitId", "agency.problem.unit-required")), model);
        }
        try {
            List<Agency> offices = registry.createCommuneOffices(unit, null, CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/agencies/" + offices.get(0).id();
        } catch (InvalidAgencyException e) {
            return showList(null, e.problems(), model);
        }
    }

    private String showList(LocalDate day, List<InvalidAgencyException.Problem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate shown = day == null ? geography.today() : day;
        model.addAttribute("day", shown);
        model.addAttribute("agencies", agencies.inArea(user.scope(), shown));
        model.addAttribute("mayChange", registry.mayChange(user));
        model.addAttribute("isAdmin", user.isAdmin());
        model.addAttribute("levels", AgencyRegistry.LEVELS);
        model.addAttribute("kinds", AgencyRegistry.KINDS);
        if (registry.mayChange(user)) {
            model.addAttribute("units", units(user));
        }
        model.addAttribute("problems", problems);
        return LIST;
    }

    /** The units a writer may attach an agency to: every current province (administrators), or their province and its communes. */
    private List<AdminUnit> units(CurrentUser user) {
        LocalDate today = geography.today();
        if (user.scope().national()) {
            return geography.unitsOn(today, AdminUnit.PROVINCE, null);
        }
        List<AdminUnit> list = new java.util.ArrayList<>();
        geography.unit(user.scope().unitId()).ifPresent(list::add);
        geography.children(user.scope().unitId(), today).stream()
                .filter(u -> AdminUnit.COMMUNE.equals(u.level())).forEach(list::add);
        return list;
    }

    private String showDetail(long id, List<InvalidAgencyException.Problem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        Agency agency = registry.visible(id, user);
        model.addAttribute("agency", agency);
        model.addAttribute("details", registry.details(agency));
        model.addAttribute("history", agencies.history(id).stream().filter(a -> agencies.visible(a, user.scope())).toList());
        model.addAttribute("mayEdit", registry.mayChange(agency, user));
        model.addAttribute("kinds", AgencyRegistry.KINDS);
        model.addAttribute("problems", problems);
        return DETAIL;
    }
}
