package vn.giamngheo.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages of the programme catalogue: periods and items (the budget pages are in module budget). */
@Controller
@RequestMapping("/programme")
class ProgrammePageController {

    static final String CATALOGUE = "programme/catalogue";
    static final String ITEM = "programme/item";
    static final String PERIOD = "programme/period";

    private final ProgrammeCatalogue catalogue;
    private final GeographyCatalog geography;
    private final vn.giamngheo.agency.Agencies agencies;

    ProgrammePageController(ProgrammeCatalogue catalogue, GeographyCatalog geography, vn.giamngheo.agency.Agencies agencies) {
        this.catalogue = catalogue;
        this.geography = geography;
        this.agencies = agencies;
    }

    @GetMapping
    String catalogue(@RequestParam(required = false) String period, Model model) {
        return showCatalogue(period, List.of(), model);
    }

    @PostMapping("/periods")
    String addPeriod(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "0") int yearFrom,
                     @RequestParam(defaultValue = "0") int yearTo, @RequestParam(defaultValue = "") String nameVi,
                     @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String legalBasis,
                     Model model, RedirectAttributes redirect) {
        try {
            catalogue.addPeriod(new ProgrammePeriod(code.strip(), yearFrom, yearTo, nameVi, nameEn, legalBasis), CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme?period=" + code.strip();
        } catch (InvalidProgrammeException e) {
            return showCatalogue(null, e.problems(), model);
        }
    }

    @PostMapping("/items")
    String addItem(@RequestParam(defaultValue = "") String periodCode, @RequestParam(defaultValue = "") String code,
                   @RequestParam(defaultValue = "") String parentCode, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "0") int sortOrder, @RequestParam(defaultValue = "") String shortNameVi,
                   @RequestParam(defaultValue = "") String nameVi, @RequestParam(defaultValue = "") String nameEn,
                   @RequestParam(defaultValue = "") String leadAgency, @RequestParam(defaultValue = "") String partnerAgencies,
                   @RequestParam(defaultValue = "") String legalSource, @RequestParam(defaultValue = "?") String confidence,
                   @RequestParam(defaultValue = "") String note, @RequestParam(required = false) List<String> linkRole,
                   @RequestParam(required = false) List<String> linkAgency, @RequestParam(required = false) List<String> linkFunction,
                   Model model, RedirectAttributes redirect) {
        try {
            catalogue.addItem(new ProgrammeCatalogue.NewItem(periodCode, code.strip(), parentCode.strip(), kind, sortOrder,
                    shortNameVi, nameVi, nameEn, leadAgency, partnerAgencies, legalSource, confidence, note,
                    links(linkRole, linkAgency, linkFunction)), CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme?period=" + periodCode;
        } catch (InvalidProgrammeException e) {
            return showCatalogue(periodCode, e.problems(), model);
        }
    }

    /** An item's page: what it is, its agencies resolved for the reader's province today, its sub-items; its edit forms. */
    @GetMapping("/items/{id}")
    String item(@PathVariable long id, Model model) {
        return showItem(id, List.of(), model);
    }

    @PostMapping("/items/{id}")
    String updateItem(@PathVariable long id, @RequestParam(defaultValue = "") String code,
                      @RequestParam(defaultValue = "0") int sortOrder, @RequestParam(defaultValue = "") String shortNameVi,
                      @RequestParam(defaultValue = "") String nameVi, @RequestParam(defaultValue = "") String nameEn,
                      @RequestParam(defaultValue = "") String legalSource, @RequestParam(defaultValue = "?") String confidence,
                      @RequestParam(defaultValue = "") String note, @RequestParam(required = false) List<String> linkRole,
                      @RequestParam(required = false) List<String> linkAgency, @RequestParam(required = false) List<String> linkFunction,
                      @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            catalogue.updateItem(id, new ProgrammeCatalogue.ItemEdit(code.strip(), sortOrder, shortNameVi, nameVi, nameEn,
                    legalSource, confidence, note, links(linkRole, linkAgency, linkFunction), version == null ? -1 : version),
                    CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme/items/" + id;
        } catch (InvalidProgrammeException e) {
            return showItem(id, e.problems(), model);
        }
    }

    @PostMapping("/items/{id}/active")
    String setActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
                     @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            catalogue.setActive(id, active, version == null ? -1 : version, CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme/items/" + id;
        } catch (InvalidProgrammeException e) {
            return showItem(id, e.problems(), model);
        }
    }

    @PostMapping("/items/{id}/delete")
    String deleteItem(@PathVariable long id, @RequestParam(required = false) Integer version, Model model,
                      RedirectAttributes redirect) {
        ProgrammeItem item = catalogue.item(id, CurrentUsers.require());
        try {
            catalogue.deleteItem(id, version == null ? -1 : version, CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme?period=" + item.periodCode();
        } catch (InvalidProgrammeException e) {
            return showItem(id, e.problems(), model);
        }
    }

    /** A period's page: its legal basis, confidence and envelope, with the administrators' edit form. */
    @GetMapping("/periods/{code}")
    String period(@PathVariable String code, Model model) {
        return showPeriod(code, List.of(), model);
    }

    @PostMapping("/periods/{code}")
    String updatePeriod(@PathVariable String code, @RequestParam(defaultValue = "0") int yearFrom,
                        @RequestParam(defaultValue = "0") int yearTo, @RequestParam(defaultValue = "") String nameVi,
                        @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String legalBasis,
                        @RequestParam(defaultValue = "?") String confidence, @RequestParam(defaultValue = "") String note,
                        @RequestParam(required = false) BigDecimal envelopeCentralInvestment,
                        @RequestParam(required = false) BigDecimal envelopeCentralRecurrent,
                        @RequestParam(required = false) BigDecimal envelopeLocal,
                        @RequestParam(required = false) BigDecimal envelopeCredit,
                        @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            catalogue.updatePeriod(code, new ProgrammePeriod(code, yearFrom, yearTo, nameVi, nameEn, legalBasis, confidence,
                    note, envelopeCentralInvestment, envelopeCentralRecurrent, envelopeLocal, envelopeCredit,
                    version == null ? -1 : version), CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme/periods/" + code;
        } catch (InvalidProgrammeException e) {
            return showPeriod(code, e.problems(), model);
        }
    }

    /** The links of a form: rows of role, agency id and function code; rows with neither agency nor function are skipped. */
    static List<ItemAgency> links(List<String> roles, List<String> agencyIds, List<String> functions) {
        if (roles == null) {
            return null;
        }
        List<ItemAgency> links = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String agency = agencyIds != null && i < agencyIds.size() ? agencyIds.get(i).strip() : "";
            String function = functions != null && i < functions.size() ? functions.get(i).strip() : "";
            if (agency.isEmpty() && function.isEmpty()) {
                continue;
            }
            Long agencyId;
            try {
                agencyId = agency.isEmpty() ? null : Long.valueOf(agency);
            } catch (NumberFormatException e) {
                throw new InvalidProgrammeException(ProgrammeProblem.of("links", "programme.problem.link-agency", agency));
            }
            links.add(new ItemAgency(agencyId, function.isEmpty() ? null : function, roles.get(i)));
        }
        return links;
    }

    private String showItem(long id, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        ProgrammeItem item = catalogue.item(id, user);
        java.time.LocalDate today = geography.today();
        model.addAttribute("item", item);
        model.addAttribute("period", catalogue.period(item.periodCode()));
        model.addAttribute("children", catalogue.children(item, user));
        model.addAttribute("links", catalogue.links(id));
        model.addAttribute("resolved", catalogue.resolve(id, user.scope().provinceCode(), today));
        model.addAttribute("agencies", agencies.inArea(user.scope(), today));
        model.addAttribute("agencyNames", agencyNames(catalogue.links(id)));
        boolean mayEdit = catalogue.mayChangeItems(user) && (user.isAdmin() ? true
                : java.util.Objects.equals(item.provinceCode(), user.scope().provinceCode()));
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("problems", problems);
        return ITEM;
    }

    private java.util.Map<Long, vn.giamngheo.agency.Agency> agencyNames(List<ItemAgency> links) {
        java.util.Map<Long, vn.giamngheo.agency.Agency> names = new java.util.HashMap<>();
        links.stream().map(ItemAgency::agencyId).filter(java.util.Objects::nonNull)
                .forEach(a -> agencies.find(a).ifPresent(found -> names.put(a, found)));
        return names;
    }

    private String showPeriod(String code, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("period", catalogue.period(code));
        model.addAttribute("mayEdit", user.isAdmin());
        model.addAttribute("problems", problems);
        return PERIOD;
    }

    private String showCatalogue(String period, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<ProgrammePeriod> periods = catalogue.periods();
        ProgrammePeriod shown = period == null || period.isBlank() ? catalogue.periodOf(geography.today().getYear()) : catalogue.period(period);
        model.addAttribute("periods", periods);
        model.addAttribute("period", shown);
        List<ProgrammeItem> items = catalogue.visibleItems(shown.code(), user.scope());
        model.addAttribute("items", items);
        java.util.Map<Long, Integer> depth = new java.util.HashMap<>();
        for (ProgrammeItem i : items) {
            depth.put(i.id(), i.parentId() == null ? 0 : depth.getOrDefault(i.parentId(), 0) + 1);
        }
        model.addAttribute("depth", depth);
        java.util.Map<Long, String> leads = new java.util.HashMap<>();
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        for (ProgrammeItem i : items) {
            List<String> names = catalogue.links(i.id()).stream().filter(l -> ItemAgency.LEAD.equals(l.role()) && l.agencyId() != null)
                    .map(l -> agencies.find(l.agencyId()).map(a -> a.name(locale)).orElse("")).filter(n -> !n.isEmpty()).toList();
            if (!names.isEmpty()) {
                leads.put(i.id(), String.join("; ", names));
            }
        }
        model.addAttribute("leads", leads);
        model.addAttribute("agencies", agencies.inArea(user.scope(), geography.today()));
        model.addAttribute("mayChange", catalogue.mayChangeItems(user));
        model.addAttribute("isAdmin", user.isAdmin());
        model.addAttribute("problems", problems);
        return CATALOGUE;
    }
}
