package vn.giamngheo.programme;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final ProgrammeCatalogue catalogue;
    private final GeographyCatalog geography;

    ProgrammePageController(ProgrammeCatalogue catalogue, GeographyCatalog geography) {
        this.catalogue = catalogue;
        this.geography = geography;
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
                   Model model, RedirectAttributes redirect) {
        try {
            catalogue.addItem(new ProgrammeCatalogue.NewItem(periodCode, code.strip(), parentCode.strip(), kind, sortOrder,
                    shortNameVi, nameVi, nameEn, leadAgency, partnerAgencies, legalSource, confidence), CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme?period=" + periodCode;
        } catch (InvalidProgrammeException e) {
            return showCatalogue(periodCode, e.problems(), model);
        }
    }

    private String showCatalogue(String period, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<ProgrammePeriod> periods = catalogue.periods();
        ProgrammePeriod shown = period == null || period.isBlank() ? catalogue.periodOf(geography.today().getYear()) : catalogue.period(period);
        model.addAttribute("periods", periods);
        model.addAttribute("period", shown);
        model.addAttribute("items", catalogue.items(shown.code()));
        model.addAttribute("mayChange", user.isAdmin());
        model.addAttribute("problems", problems);
        return CATALOGUE;
    }
}
