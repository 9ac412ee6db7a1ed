package vn.giamngheo.programme;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * REST API of the programme catalogue: periods and items. The budget ({@code /budget/..}) and monitoring
 * ({@code /monitoring/..}) endpoints are in their modules, under the same error format (problem details, module {@code problem}).
 */
@RestController
@RequestMapping("/api/v1")
class ProgrammeApiController {

    private final ProgrammeCatalogue catalogue;
    private final vn.giamngheo.geography.GeographyCatalog geography;

    ProgrammeApiController(ProgrammeCatalogue catalogue, vn.giamngheo.geography.GeographyCatalog geography) {
        this.catalogue = catalogue;
        this.geography = geography;
    }

    /**
     * The periods of the programme (e.g. 2021-2025, 2026-2030).
     */
    @GetMapping("/programme/periods")
    List<ProgrammePeriod> periods() {
        CurrentUsers.require();
        return catalogue.periods();
    }

    /**
     * Adds a period of the programme (administrators).
     * @param period the period's code, years and legal basis
     */
    @PostMapping("/programme/periods")
    @ResponseStatus(HttpStatus.CREATED)
    ProgrammePeriod addPeriod(@RequestBody ProgrammePeriod period) {
        return catalogue.addPeriod(period, CurrentUsers.require());
    }

    /**
     * The projects and sub-projects of a period of the programme.
     * @param period the period's code, e.g. 2026-2030
     */
    @GetMapping("/programme/items")
    List<ProgrammeItem> items(@RequestParam String period) {
        CurrentUser user = CurrentUsers.require();
        catalogue.period(period);
        return catalogue.itemsFor(period, user.scope());
    }

    /**
     * Adds a project or sub-project to a period (administrators).
     * @param item the period, code, parent, names and lead agency of the item
     */
    @PostMapping("/programme/items")
    @ResponseStatus(HttpStatus.CREATED)
    ProgrammeItem addItem(@RequestBody ProgrammeCatalogue.NewItem item) {
        return catalogue.addItem(item, CurrentUsers.require());
    }

    /**
     * Changes a period's years, names, legal basis, confidence, note and budget envelope (administrators).
     * From the version the client read: a period changed since is refused.
     * @param code the period's code, e.g. 2026-2030
     * @param period the period as changed, with the version read
     */
    @PutMapping("/programme/periods/{code}")
    ProgrammePeriod updatePeriod(@PathVariable String code, @RequestBody ProgrammePeriod period) {
        return catalogue.updatePeriod(code, period, CurrentUsers.require());
    }

    /**
     * One item of the catalogue with its lead and coordinating agencies (a province's own item: its province only).
     * @param id the item's id
     */
    @GetMapping("/programme/items/{id}")
    ItemView item(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        ProgrammeItem item = catalogue.item(id, user);
        return new ItemView(item, catalogue.links(id));
    }

    /** An item with its agency links. */
    record ItemView(ProgrammeItem item, List<ItemAgency> agencies) {
    }

    /**
     * Changes an item's code, names, order, source, confidence, note and agencies: administrators national items, a
     * province officer their province's own. From the version the client read: an item changed since is refused.
     * @param id the item's id
     * @param edit the item as changed, with the version read ({@code links} null keeps the agencies)
     */
    @PutMapping("/programme/items/{id}")
    ProgrammeItem updateItem(@PathVariable long id, @RequestBody ProgrammeCatalogue.ItemEdit edit) {
        return catalogue.updateItem(id, edit, CurrentUsers.require());
    }

    /**
     * Takes an item out of use or back into use (an item budget lines refer to is deactivated, not deleted).
     * @param id the item's id
     * @param active whether the item is in use
     * @param version the item's version as read
     */
    @PutMapping("/programme/items/{id}/active")
    ProgrammeItem setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam int version) {
        return catalogue.setActive(id, active, version, CurrentUsers.require());
    }

    /**
     * Deletes an item nothing refers to; an item with sub-items, budget lines or other references is refused.
     * @param id the item's id
     * @param version the item's version as read
     */
    @DeleteMapping("/programme/items/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteItem(@PathVariable long id, @RequestParam int version) {
        catalogue.deleteItem(id, version, CurrentUsers.require());
    }

    /**
     * The agencies that lead and coordinate an item in a province on a day: each function resolved to the
     * province's agency carrying it that day (a former department for a day before 2025).
     * @param id the item's id
     * @param province the province's two-digit code; none: the national agencies (a province officer: their own)
     * @param day the day (default today)
     */
    @GetMapping("/programme/items/{id}/agencies")
    List<ProgrammeCatalogue.ResolvedAgency> itemAgencies(@PathVariable long id, @RequestParam(required = false) String province,
                                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        CurrentUser user = CurrentUsers.require();
        catalogue.item(id, user);
        String p = user.scope().national() ? province : user.scope().provinceCode();
        if (p != null && !p.matches("[0-9]{2}")) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("province", "programme.problem.province"));
        }
        return catalogue.resolve(id, p, day == null ? geography.today() : day);
    }
}
