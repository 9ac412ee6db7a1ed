package vn.giamngheo.labour;

import java.time.Clock;
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
import vn.giamngheo.security.CurrentUsers;

/** REST API of the labour-export register; every call is limited to the caller's area. Bad input → 400 with reasons. */
@RestController
@RequestMapping("/api/v1/labour")
class LabourApiController {

    private final Workers workers;
    private final Clock clock;

    LabourApiController(Workers workers, Clock clock) {
        this.workers = workers;
        this.clock = clock;
    }

    /** The destination countries (ISO 3166-1 alpha-2 codes) with their Vietnamese and English names. */
    @GetMapping("/countries")
    List<LabourRecords.Country> countries() {
        CurrentUsers.require();
        return workers.countries();
    }

    /**
     * The workers abroad of the caller's area counted on a day, of one country and status if asked (at most 10,000).
     * @param on the day (default today)
     * @param country ISO code of the destination country, or none for all
     * @param status abroad, returned or broke_contract, or none for all
     */
    @GetMapping("/workers")
    List<LabourRecords.Worker> workers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                       @RequestParam(required = false) String country,
                                       @RequestParam(required = false) String status) {
        return workers.list(CurrentUsers.require().scope(), on == null ? LocalDate.now(clock) : on, country, status, 10_000);
    }

    /**
     * Figures of the caller's area on a day by commune and country.
     * @param on the day (default today)
     */
    @GetMapping("/figures")
    List<LabourRecords.Figure> figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return workers.figures(CurrentUsers.require().scope(), on == null ? LocalDate.now(clock) : on);
    }

    /**
     * The workers abroad of a household of the caller's area.
     * @param householdId id of the household
     */
    @GetMapping("/households/{householdId}/workers")
    List<LabourRecords.Worker> ofHousehold(@PathVariable long householdId) {
        return workers.ofHousehold(householdId, CurrentUsers.require().scope());
    }

    /**
     * Records a member of a household of the caller's area working abroad.
     * @param householdId id of the household
     * @param form the member, country, contract type, departure, contract months and support received
     */
    @PostMapping("/households/{householdId}/workers")
    @ResponseStatus(HttpStatus.CREATED)
    LabourRecords.Worker add(@PathVariable long householdId, @RequestBody LabourRecords.WorkerForm form) {
        return workers.add(householdId, form, CurrentUsers.requireEditor());
    }

    /**
     * Changes a worker abroad (return, broken contract, support), from the version the client read.
     * @param id id of the worker
     * @param update the worker as changed, with the version read (400 "stale" when it changed since)
     */
    @PutMapping("/workers/{id}")
    LabourRecords.Worker update(@PathVariable long id, @RequestBody LabourRecords.WorkerUpdate update) {
        return workers.update(id, update, CurrentUsers.requireEditor());
    }
}
