package vn.giamngheo.household;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

/** REST API of the household register; every call is limited to the caller's area. */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdApiController {

    private final HouseholdRegistry registry;
    private final HouseholdLifeEvents events;
    private final HouseholdClassifier classifier;

    HouseholdApiController(HouseholdRegistry registry, HouseholdLifeEvents events, HouseholdClassifier classifier) {
        this.classifier = classifier;
        this.registry = registry;
        this.events = events;
    }

    /**
     * Searches the households of the caller's area.
     * One page of households (code, head, village, life and poverty status) matching the filters, in the chosen order.
     * Identity numbers are masked for roles that may not see them.
     * @param q words of the household code, the head's name, the address, or a full identity number
     * @param communeId id of a commune of the caller's area
     * @param villageId id of a village
     * @param lifeStatus active, moved, split, merged or dissolved (default: any)
     * @param povertyStatus poor, near_poor, not_poor or unclassified (default: any)
     * @param page the page, from 0
     * @param size households per page (default 50)
     * @param sort code, head, village, status or updated
     * @param dir asc or desc
     */
    @GetMapping
    List<HouseholdSummary> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long communeId,
                                  @RequestParam(required = false) Long villageId,
                                  @RequestParam(defaultValue = "") String lifeStatus,
                                  @RequestParam(defaultValue = "") String povertyStatus,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                  @RequestParam(defaultValue = "code") String sort, @RequestParam(defaultValue = "asc") String dir) {
        List<HouseholdSummary> rows = registry.search(new HouseholdQuery(q, communeId, villageId, lifeStatus, povertyStatus,
                page, size, sort, "desc".equalsIgnoreCase(dir)), user());
        return rows.size() > size ? rows.subList(0, size) : rows;
    }

    /**
     * How many households a search finds (all pages), with the same filters as the search.
     * @param q as for the search
     * @param communeId as for the search
     * @param villageId as for the search
     * @param lifeStatus as for the search
     * @param povertyStatus as for the search
     */
    @GetMapping("/count")
    java.util.Map<String, Long> count(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long communeId,
                                      @RequestParam(required = false) Long villageId,
                                      @RequestParam(defaultValue = "") String lifeStatus,
                                      @RequestParam(defaultValue = "") String povertyStatus) {
        return java.util.Map.of("total", registry.count(
                new HouseholdQuery(q, communeId, villageId, lifeStatus, povertyStatus, 0, 1), user()));
    }

    /**
     * One household with its members and its current classification.
     * @param id id of the household (of the caller's area)
     */
    @GetMapping("/{id}")
    Household get(@PathVariable long id) {
        CurrentUser user = user();
        return registry.get(id, user).visibleTo(user.seesIdentityNumbers());
    }

    /**
     * @param form the household and its members
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a household", description = """
            Creates a household with its members. Nothing is assumed: `housingQuality`, `floorAreaM2`, \
            `waterSource`, `toilet`, `internetUse` and, per member, `sex`, `ethnicity`, `relation`, `employment`, \
            `education`, `workingCapacity`, `healthInsurance`, `inSchool` are required; an optional yes/no fact \
            left out or `null` is stored as not recorded.""")
    Household create(@RequestBody HouseholdForm form) {
        CurrentUser user = user();
        return registry.create(form, user).visibleTo(user.seesIdentityNumbers());
    }

    /**
     * @param id id of the household
     * @param form the household as changed, with the version read
     */
    @PutMapping("/{id}")
    @Operation(summary = "Change a household (and its members)", description = """
            Saves the household as sent, from the version the client read (`version` is required; a household \
            changed since answers 409 with the current data). **A property left out of the JSON keeps its stored \
            value**: a PUT never clears a fact it does not mention. To clear an optional fact (a yes/no fact \
            becomes *not recorded*), send it as `null`. Without `members` the members stay as stored; with \
            `members` the list is the household's members (a stored member not listed is removed), and each \
            listed member whose `memberNo` is stored keeps its stored value for every property left out. \
            Yes/no facts are `true`, `false` or `null` (not recorded); `internetUse`, and a member's \
            `workingCapacity`, `healthInsurance` and `inSchool`, are required by the exchange format and cannot \
            be `null`. A PUT that changes nothing writes nothing (same version, no audit row).""")
    Household update(@PathVariable long id, @RequestBody HouseholdForm form) {
        CurrentUser user = user();
        return registry.update(id, form, user).visibleTo(user.seesIdentityNumbers());
    }

    /**
     * Deletes a household entered by mistake.
     * Only a household that is on no list and has no history; from the version the client read (409 if changed since).
     * @param id id of the household
     * @param version the household's version as read
     */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam int version) {
        registry.delete(id, version, user());
    }

    /**
     * The household's classification under the standard of the lists being reviewed, with its explanation.
     * @param id id of the household
     */
    @GetMapping("/{id}/classification")
    HouseholdClassifier.ClassificationView classification(@PathVariable long id) {
        return classifier.view(registry.get(id, user()), org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /**
     * The life events of a household: moves, splits, merges, dissolution.
     * @param id id of the household
     */
    @GetMapping("/{id}/events")
    List<HouseholdLifeEvents.HouseholdEvent> history(@PathVariable long id) {
        return events.events(id, user());
    }

    /**
     * Moves a household to another commune.
     * The household leaves its commune on the day and continues under a new code in the commune it moved to.
     * @param id id of the household
     * @param request the version as read, the commune moved to, the new household code, the day and a note
     */
    @PostMapping("/{id}/move")
    Household move(@PathVariable long id, @RequestBody MoveRequest request) {
        CurrentUser user = user();
        return events.move(id, request.version(), request.toCommuneCode(), request.newHouseholdCode(), request.date(),
                request.note(), user).visibleTo(user.seesIdentityNumbers());
    }

    /**
     * Splits members off into a new household.
     * @param id id of the household split
     * @param request the version as read, the members leaving, the heads of both households, the new household's code,
     * the day and a note
     */
    @PostMapping("/{id}/split")
    @ResponseStatus(HttpStatus.CREATED)
    Household split(@PathVariable long id, @RequestBody SplitRequest request) {
        CurrentUser user = user();
        return events.split(id, request.version(), request.leavingMemberNos(), request.newHeadMemberNo(),
                request.remainingHeadMemberNo(), request.newHouseholdCode(), request.date(), request.note(), user)
                .visibleTo(user.seesIdentityNumbers());
    }

    /**
     * Merges a household into another one.
     * @param id id of the household that merges into the other
     * @param request the version as read, the household merged into, the day and a note
     */
    @PostMapping("/{id}/merge")
    Household merge(@PathVariable long id, @RequestBody MergeRequest request) {
        CurrentUser user = user();
        return events.merge(id, request.version(), request.intoHouseholdId(), request.date(), request.note(), user)
                .visibleTo(user.seesIdentityNumbers());
    }

    /**
     * Records that a household no longer exists (all members died or left).
     * @param id id of the household
     * @param request the version as read, the day and a note
     */
    @PostMapping("/{id}/dissolve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dissolve(@PathVariable long id, @RequestBody DissolveRequest request) {
        events.dissolve(id, request.version(), request.date(), request.note(), user());
    }

    private static CurrentUser user() {
        return CurrentUsers.require();
    }

    record MoveRequest(int version, String toCommuneCode, String newHouseholdCode, LocalDate date, String note) {
    }

    record SplitRequest(int version, Set<Integer> leavingMemberNos, int newHeadMemberNo, Integer remainingHeadMemberNo,
                        String newHouseholdCode, LocalDate date, String note) {
    }

    record MergeRequest(int version, long intoHouseholdId, LocalDate date, String note) {
    }

    record DissolveRequest(int version, LocalDate date, String note) {
    }
}
