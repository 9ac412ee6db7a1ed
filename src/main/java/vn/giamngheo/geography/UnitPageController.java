package vn.giamngheo.geography;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The unit tree on a date, expanded level by level with htmx, and a page per unit with its history. */
@Controller
class UnitPageController {

    static final String TREE_VIEW = "geography/units";
    static final String CHILDREN_FRAGMENT = "geography/units :: children";
    static final String UNIT_VIEW = "geography/unit";

    private final GeographyCatalog catalog;

    UnitPageController(GeographyCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/units")
    String tree(@RequestParam(required = false) String date, Model model) {
        LocalDate on = date(date, model);
        List<AdminUnit> provinces = catalog.unitsOn(on, AdminUnit.PROVINCE, null);
        addUnits(model, on, provinces);
        return TREE_VIEW;
    }

    @GetMapping("/units/{id}/children")
    String children(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        LocalDate on = date(date, model);
        addUnits(model, on, catalog.children(id, on));
        return CHILDREN_FRAGMENT;
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        LocalDate on = date(date, model);
        AdminUnit unit = catalog.unitOn(id, on).or(() -> catalog.unit(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + id));
        model.addAttribute("unit", unit);
        model.addAttribute("existsOnDate", unit.existsOn(on));
        model.addAttribute("ancestors", catalog.ancestors(id));
        model.addAttribute("predecessorLinks", catalog.predecessors(id));
        model.addAttribute("successorLinks", catalog.successors(id));
        model.addAttribute("currentUnits", unit.isCurrent() ? List.of() : catalog.currentUnitsOf(id));
        model.addAttribute("villages", AdminUnit.COMMUNE.equals(unit.level()) ? catalog.villagesOf(id) : List.of());
        model.addAttribute("villageKinds", java.util.Arrays.stream(VillageKind.values()).map(VillageKind::label).toList());
        return UNIT_VIEW;
    }

    private void addUnits(Model model, LocalDate on, List<AdminUnit> units) {
        List<Long> ids = units.stream().map(AdminUnit::id).toList();
        model.addAttribute("units", units);
        model.addAttribute("predecessors", catalog.predecessorsOf(ids));
        model.addAttribute("successors", catalog.successorsOf(ids));
    }

    /** The date asked for, or today; a date that does not parse is reported on the page and today is shown. */
    private LocalDate date(String text, Model model) {
        LocalDate on = catalog.today();
        if (text != null && !text.isBlank()) {
            try {
                on = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("dateError", text);
            }
        }
        model.addAttribute("date", on);
        return on;
    }
}
