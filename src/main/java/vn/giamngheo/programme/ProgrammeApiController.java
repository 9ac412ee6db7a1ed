package vn.giamngheo.programme;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUsers;

/**
 * REST API of the programme catalogue: periods and items. The budget ({@code /budget/..}) and monitoring
 * ({@code /monitoring/..}) endpoints are in their modules, under the same error format (problem details, module {@code problem}).
 */
@RestController
@RequestMapping("/api/v1")
class ProgrammeApiController {

    private final ProgrammeCatalogue catalogue;

    ProgrammeApiController(ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
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
        CurrentUsers.require();
        catalogue.period(period);
        return catalogue.items(period);
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
}
