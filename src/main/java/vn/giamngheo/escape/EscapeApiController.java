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

    @GetMapping("/registrations")
    List<Registration> registrations(@RequestParam(required = false) Integer listYear,
                                     @RequestParam(defaultValue = "") String outcome,
                                     @RequestParam(defaultValue = "500") int limit) {
        return registrations.search(listYear, outcome, CurrentUsers.require().scope(), Math.min(Math.max(limit, 1), 5000));
    }

    @GetMapping("/registrations/{id}")
    Registration registration(@PathVariable long id) {
        return registrations.get(id, CurrentUsers.require().scope());
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Registration register(@RequestBody RegistrationForm form) {
        return registrations.register(form, CurrentUsers.requireEditor());
    }

    @PostMapping("/registrations/{id}/withdraw")
    Registration withdraw(@PathVariable long id, @RequestParam int version) {
        return registrations.withdraw(id, version, CurrentUsers.requireEditor());
    }

    /** Registrations against escapes by unit (villages, communes, total) for a list year. */
    @GetMapping("/report")
    List<EscapeReport.UnitRow> report(@RequestParam int listYear) {
        return report.byUnit(listYear, CurrentUsers.require().scope());
    }

    @GetMapping("/organisation-kinds")
    List<HelperRecords.OrganisationKind> kinds() {
        return helpers.kinds();
    }

    @GetMapping("/organisations")
    List<HelperRecords.Organisation> organisations() {
        return helpers.organisations(CurrentUsers.require().scope());
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    HelperRecords.Organisation createOrganisation(@RequestBody HelperRecords.OrganisationForm form) {
        return helpers.createOrganisation(form, CurrentUsers.requireEditor());
    }

    /** Deactivates an organisation: no new assignments to it (current ones continue). */
    @PostMapping("/organisations/{id}/deactivate")
    HelperRecords.Organisation deactivate(@PathVariable long id) {
        return helpers.setActive(id, false, CurrentUsers.requireEditor());
    }

    @PostMapping("/organisations/{id}/activate")
    HelperRecords.Organisation activate(@PathVariable long id) {
        return helpers.setActive(id, true, CurrentUsers.requireEditor());
    }

    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    HelperRecords.Assignment assign(@RequestBody HelperRecords.AssignmentForm form) {
        return helpers.assign(form, CurrentUsers.requireEditor());
    }

    @GetMapping("/assignments/{id}")
    HelperRecords.Assignment assignment(@PathVariable long id) {
        return helpers.get(id, CurrentUsers.require());
    }

    @GetMapping("/households/{householdId}/assignments")
    List<HelperRecords.Assignment> ofHousehold(@PathVariable long householdId) {
        return helpers.ofHousehold(householdId, CurrentUsers.require().scope());
    }

    /** The households currently assigned to the caller as their helper. */
    @GetMapping("/assignments/mine")
    List<HelperRecords.Assignment> mine() {
        return helpers.mine(CurrentUsers.require());
    }

    @PostMapping("/assignments/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    HelperRecords.Visit visit(@PathVariable long id, @RequestBody HelperRecords.VisitForm form) {
        return helpers.recordVisit(id, form, CurrentUsers.require());
    }

    @PostMapping("/assignments/{id}/end")
    HelperRecords.Assignment end(@PathVariable long id, @RequestBody HelperRecords.EndForm form) {
        return helpers.end(id, form, CurrentUsers.requireEditor());
    }

    /** Poor (and, with status=all, near-poor) households of the area without a helper. */
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
