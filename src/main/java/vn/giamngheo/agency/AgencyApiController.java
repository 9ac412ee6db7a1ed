package vn.giamngheo.agency;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the agencies: read in the user's area, added and changed by administrators and province officers. */
@RestController
@RequestMapping("/api/v1/agencies")
class AgencyApiController {

    private final Agencies agencies;
    private final AgencyRegistry registry;
    private final GeographyCatalog geography;

    AgencyApiController(Agencies agencies, AgencyRegistry registry, GeographyCatalog geography) {
        this.agencies = agencies;
        this.registry = registry;
        this.geography = geography;
    }

    /**
     * The agencies of the user's area that exist on a day: the national ones and those of units in the area.
     * @param day the day (default today)
     */
    @GetMapping
    List<Agency> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        CurrentUser user = CurrentUsers.require();
        return agencies.inArea(user.scope(), day == null ? geography.today() : day);
    }

    /**
     * One agency with its history: the agencies it replaced and those that replaced it (404 outside the area).
     * @param id the agency's id
     */
    @GetMapping("/{id}")
    AgencyView get(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Agency agency = registry.visible(id, user);
        return new AgencyView(agency, registry.details(agency), agencies.history(id));
    }

    /** An agency, what its page shows beside it, and its history (oldest first). */
    record AgencyView(Agency agency, AgencyRegistry.Details details, List<Agency> history) {
    }

    /**
     * Adds an agency: administrators at any level, a province officer one of their province or of its communes.
     * @param form the agency's code, level, kind, function, unit, names, dates, successor, source and confidence
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Agency add(@RequestBody AgencyRegistry.AgencyForm form) {
        return registry.add(form, CurrentUsers.require());
    }

    /**
     * Changes an agency (its code, level and unit stay); an agency that ends names its successor.
     * From the version the client read: an agency changed since is refused.
     * @param id the agency's id
     * @param form the agency as changed, with the version read
     */
    @PutMapping("/{id}")
    Agency update(@PathVariable long id, @RequestBody AgencyRegistry.AgencyForm form) {
        return registry.update(id, form, CurrentUsers.require());
    }

    /**
     * Creates a commune's offices (economic office, culture and social affairs office) it has not got yet.
     * @param unit the commune's id
     * @param from the first day they exist (default 1 July 2025, when communes got their offices)
     */
    @PostMapping("/commune-offices")
    List<Agency> communeOffices(@RequestParam long unit,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return registry.createCommuneOffices(unit, from, CurrentUsers.require());
    }
}
