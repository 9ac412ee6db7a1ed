package vn.giamngheo.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
import vn.giamngheo.support.rules.FundingSplit;

/**
 * REST API of the support policies: the catalogue, coverage of a unit inside the caller's area, a household's
 * benefit records, recording a benefit and voiding records or a whole imported file (editors of the area).
 */
@RestController
@RequestMapping("/api/v1/support")
class SupportApiController {

    private final PolicyCatalog catalog;
    private final CoverageService coverage;
    private final BenefitRecords benefits;
    private final BenefitCorrections corrections;
    private final Clock clock;
    private final FundingShares shares;

    SupportApiController(PolicyCatalog catalog, CoverageService coverage, BenefitRecords benefits,
                         BenefitCorrections corrections, Clock clock, FundingShares shares) {
        this.shares = shares;
        this.catalog = catalog;
        this.coverage = coverage;
        this.benefits = benefits;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** A benefit as the API takes it (the texts are checked like a line of an imported file). */
    record BenefitRequest(String householdCode, String communeCode, Integer memberNo, String policyCode,
                          String benefitDate, Long amount, String referenceNo, String note) {
    }

    record VoidRequest(String reason) {
    }

    /** @param recordedAt when the file was imported (ISO instant), needed only when the name was imported twice */
    record VoidImportRequest(String sourceFile, String recordedAt, String reason) {
    }

    record Voided(int records) {
    }

    /**
     * Every benefit record of a household in the caller's area, voided ones included (404 outside the area).
     * @param householdId id of the household
     */
    @GetMapping("/households/{householdId}/benefits")
    List<BenefitRecord> householdBenefits(@PathVariable long householdId) {
        return corrections.ofHousehold(householdId, CurrentUsers.require().scope());
    }

    /**
     * Records one benefit (editors; the household must be in the caller's area): 201 with the record.
     * @param request the household (code and commune code), member number if the benefit is a member's, policy code, day,
     * amount in đồng, reference number and note
     */
    @PostMapping("/benefits")
    @ResponseStatus(HttpStatus.CREATED)
    BenefitRecord addBenefit(@RequestBody BenefitRequest request) {
        CurrentUser user = CurrentUsers.requireEditor();
        BenefitImportResult result = benefits.add(new BenefitEntry(request.householdCode(), request.communeCode(),
                request.memberNo() == null ? "" : String.valueOf(request.memberNo()), request.policyCode(),
                request.benefitDate(), request.amount() == null ? "" : String.valueOf(request.amount()),
                request.referenceNo(), request.note()), user);
        if (!result.accepted()) {
            throw new BenefitRejectedException(result.problems());
        }
        return corrections.find(result.ids().get(0), user.scope());
    }

    /**
     * Voids one record with a reason (editors of the household's area; 404 elsewhere).
     * @param id id of the benefit record
     * @param request why it is voided
     */
    @PostMapping("/benefits/{id}/void")
    BenefitRecord voidBenefit(@PathVariable long id, @RequestBody VoidRequest request) {
        return corrections.voidRecord(id, request.reason(), CurrentUsers.requireEditor());
    }

    /**
     * Voids every record of one imported file in one transaction.
     * @param request the imported file's name, when it was imported (if imported twice) and why it is voided
     */
    @PostMapping("/benefits/void-import")
    Voided voidImport(@RequestBody VoidImportRequest request) {
        CurrentUser user = CurrentUsers.requireEditor();
        Instant at = null;
        if (request.recordedAt() != null && !request.recordedAt().isBlank()) {
            try {
                at = Instant.parse(request.recordedAt().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidSupportRequestException("support.benefit.void.bad-recorded-at",
                        "recordedAt '" + request.recordedAt() + "' is not an instant such as 2026-03-01T08:15:30.123456Z");
            }
        }
        return new Voided(corrections.voidImport(request.sourceFile(), at, request.reason(), user));
    }

    /**
     * The catalogue of support policies the caller sees: the national ones and the caller's province's own (every one
     * for national users), each with its code, province (null: national), names, legal basis, who is entitled (poor,
     * near-poor, newly escaped…, population group, area class, ages) and the amounts.
     */
    @GetMapping("/policies")
    List<SupportPolicy> policies() {
        return catalog.visible(CurrentUsers.require().scope());
    }

    /**
     * The splits of a policy's benefit across funding sources, each from its day on (oldest first).
     * A province's own policy is found only by that province's users and national users (404 otherwise).
     * @param code the policy's code
     * @param province the province of a province's own policy (needed only for national users between provinces)
     */
    @GetMapping("/policies/{code}/shares")
    List<FundingSplit> policyShares(@PathVariable String code, @RequestParam(required = false) String province) {
        SupportPolicy p = catalog.find(code, province, CurrentUsers.require().scope())
                .orElseThrow(() -> new SupportNotFoundException("policy " + code));
        return shares.of(p.id());
    }

    /**
     * Entitled, received, gap and leakage per policy for a unit (province or commune id; empty = the caller's own
     * unit, the country for national users) on a date (from 1 January of its year) or in a year, with the cost of the
     * entitled by funding source; names of the gap and leakage only for the commune's own officers.
     * @param unit id of a province or commune of the caller's area (default: the caller's own unit)
     * @param policy the code of one policy (default: the national policies and the unit's province's own)
     * @param date the day (ISO, 2026-06-30): counted from 1 January of its year to the day
     * @param year a whole year instead of a day, e.g. 2026
     */
    @GetMapping("/coverage")
    CoverageReport coverage(@RequestParam(required = false) Long unit, @RequestParam(required = false) String policy,
                            @RequestParam(required = false) String date, @RequestParam(required = false) String year) {
        return coverage.coverage(unit, policy, CoverageRequest.period(date, year, LocalDate.now(clock)),
                CurrentUsers.require().scope());
    }
}
