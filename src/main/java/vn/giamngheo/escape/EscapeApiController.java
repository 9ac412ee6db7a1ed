package vn.giamngheo.escape;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.status.rules.PovertyStatus;

/** REST API of escape registrations and helpers; every call is limited to the caller's area. */
@RestController
@RequestMapping("/api/v1/escape")
class EscapeApiController {

    private final EscapeRegistrations registrations;
    private final HelperAssignments helpers;
    private final EscapeReport report;

    EscapeApiController(EscapeRegistrations registrations, HelperAssignments helpers, EscapeReport report) {
        this.registrations = registrations;
        this.helpers = helpers;
        this.report = report;
    }

    /**
     * The registrations to escape poverty (households that commit to leave the list) of the caller's area.
     * @param listYear the list year the households registered for (default: every year)
     * @param outcome open, escaped, not_escaped or withdrawn (default: every outcome)
     * @param limit at most this many registrations (default 500)
     */
    @GetMapping("/registrations")
    List<Registration> registrations(@RequestParam(required = false) Integer listYear,
                                     @RequestParam(defaultValue = "") String outcome,
                                     @RequestParam(defaultValue = "500") int limit) {
        return registrations.search(listYear, outcome, CurrentUsers.require().scope(), Math.min(Math.max(limit, 1), 5000));
    }

    /**
     * One registration to escape poverty.
     * @param id id of the registration (of the caller's area)
     */
    @GetMapping("/registrations/{id}")
    Registration registration(@PathVariable long id) {
        return registrations.get(id, CurrentUsers.require().scope());
    }

    /**
     * Registers a poor or near-poor household's commitment to escape poverty in a list year.
     * @param form the household, the list year and the day of registration
     */
    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Registration register(@RequestBody RegistrationForm form) {
        return registrations.register(form, CurrentUsers.requireEditor());
    }

    /**
     * Withdraws an open registration.
     * @param id id of the registration
     * @param version the registration's version as read (409 if changed since)
     */
    @PostMapping("/registrations/{id}/withdraw")
    Registration withdraw(@PathVariable long id, @RequestParam int version) {
        return registrations.withdraw(id, version, CurrentUsers.requireEditor());
    }

    /**
     * Registrations against escapes by unit (villages, communes, total) for a list year.
     * @param listYear the list year
     */
    @GetMapping("/report")
    List<EscapeReport.UnitRow> report(@RequestParam int listYear) {
        return report.byUnit(listYear, CurrentUsers.require().scope());
    }

    /**
     * The kinds of organisation whose members help households (Women's Union, Farmers' Union, …).
     */
    @GetMapping("/organisation-kinds")
    List<HelperRecords.OrganisationKind> kinds() {
        return helpers.kinds();
    }

    /**
     * The helping organisations of the caller's area.
     */
    @GetMapping("/organisations")
    List<HelperRecords.Organisation> organisations() {
        return helpers.organisations(CurrentUsers.require().scope());
    }

    /**
     * Adds a helping organisation of a commune.
     * @param form the commune, kind and name of the organisation
     */
    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    HelperRecords.Organisation createOrganisation(@RequestBody HelperRecords.OrganisationForm form) {
        return helpers.createOrganisation(form, CurrentUsers.requireEditor());
    }

    /**
     * Deactivates an organisation: no new assignments to it (current ones continue).
     * @param id id of the organisation
     */
    @PostMapping("/organisations/{id}/deactivate")
    HelperRecords.Organisation deactivate(@PathVariable long id) {
        return helpers.setActive(id, false, CurrentUsers.requireEditor());
    }

    /**
     * Activates an organisation again: new assignments to it are possible.
     * @param id id of the organisation
     */
    @PostMapping("/organisations/{id}/activate")
    HelperRecords.Organisation activate(@PathVariable long id) {
        return helpers.setActive(id, true, CurrentUsers.requireEditor());
    }

    /**
     * Assigns a helper (a member of an organisation) to a household.
     * @param form the household, organisation, helper's account and the day the help starts
     */
    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    HelperRecords.Assignment assign(@RequestBody HelperRecords.AssignmentForm form) {
        return helpers.assign(form, CurrentUsers.requireEditor());
    }

    /**
     * One assignment of a helper to a household, with its visits.
     * @param id id of the assignment
     */
    @GetMapping("/assignments/{id}")
    HelperRecords.Assignment assignment(@PathVariable long id) {
        return helpers.get(id, CurrentUsers.require());
    }

    /**
     * The helpers assigned to a household, current and past.
     * @param householdId id of the household
     */
    @GetMapping("/households/{householdId}/assignments")
    List<HelperRecords.Assignment> ofHousehold(@PathVariable long householdId) {
        return helpers.ofHousehold(householdId, CurrentUsers.require().scope());
    }

    /**
     * The households currently assigned to the caller as their helper.
     */
    @GetMapping("/assignments/mine")
    List<HelperRecords.Assignment> mine() {
        return helpers.mine(CurrentUsers.require());
    }

    /**
     * Records a helper's visit to the household of an assignment.
     * @param id id of the assignment
     * @param form the day and what was seen, advised and agreed
     */
    @PostMapping("/assignments/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    HelperRecords.Visit visit(@PathVariable long id, @RequestBody HelperRecords.VisitForm form) {
        return helpers.recordVisit(id, form, CurrentUsers.require());
    }

    /**
     * Ends an assignment.
     * @param id id of the assignment
     * @param form the day it ends and why
     */
    @PostMapping("/assignments/{id}/end")
    HelperRecords.Assignment end(@PathVariable long id, @RequestBody HelperRecords.EndForm form) {
        return helpers.end(id, form, CurrentUsers.requireEditor());
    }

    /**
     * Poor (and, with status=all, near-poor) households of the area without a helper.
     * @param asked poor (default), near_poor or all
     */
    @GetMapping("/unassigned")
    List<HelperRecords.Unassigned> unassigned(@RequestParam(name = "status", required = false) String asked) {
        String status = asked == null || asked.isEmpty() ? PovertyStatus.POOR.code() : asked;
        CurrentUser user = CurrentUsers.require();
        Set<String> statuses = status.equals("all") ? HelperAssignments.UNASSIGNED_STATUSES : Set.of(status);
        if (!HelperAssignments.UNASSIGNED_STATUSES.containsAll(statuses)) {
            throw new InvalidEscapeException("status", "helper.problem.status", status);
        }
        return helpers.unassigned(user.scope(), statuses, 10_000);
    }
}
