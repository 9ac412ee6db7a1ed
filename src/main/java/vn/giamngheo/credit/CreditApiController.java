package vn.giamngheo.credit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the credit register; every call is limited to the caller's area. Bad input → 400 with reasons. */
@RestController
@RequestMapping("/api/v1/credit")
class CreditApiController {

    private final Loans loans;
    private final LoanImport importer;
    private final Clock clock;

    CreditApiController(Loans loans, LoanImport importer, Clock clock) {
        this.loans = loans;
        this.importer = importer;
        this.clock = clock;
    }

    /** The lending programmes of the social-policy bank with their legal sources. */
    @GetMapping("/programmes")
    List<CreditRecords.Programme> programmes() {
        CurrentUsers.require();
        return loans.programmes();
    }

    /**
     * Figures of the caller's area on a day: loans, households, amounts lent and balances by commune, programme and status.
     * @param on the day (default today)
     */
    @GetMapping("/figures")
    List<CreditRecords.Figure> figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return loans.figures(CurrentUsers.require().scope(), on == null ? LocalDate.now(clock) : on);
    }

    /**
     * The loans of the caller's area disbursed by a day, with their balance and status on it (at most 10,000).
     * @param on the day (default today)
     * @param programme code of a lending programme, or none for all
     * @param status current, overdue or settled, or none for all
     */
    @GetMapping("/loans")
    List<CreditRecords.Loan> loans(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                   @RequestParam(required = false) String programme,
                                   @RequestParam(required = false) String status) {
        return loans.list(CurrentUsers.require().scope(), on == null ? LocalDate.now(clock) : on, programme, status, 10_000);
    }

    /**
     * The loans of a household of the caller's area with their balance and status on a day.
     * @param householdId id of the household
     * @param on the day (default today)
     */
    @GetMapping("/households/{householdId}/loans")
    List<CreditRecords.Loan> ofHousehold(@PathVariable long householdId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return loans.ofHousehold(householdId, on == null ? LocalDate.now(clock) : on, CurrentUsers.require().scope());
    }

    /**
     * Records a loan of a household of the caller's area.
     * @param householdId id of the household
     * @param form programme, contract number, member, amount (đồng), disbursement day, term (months), interest category, note
     */
    @PostMapping("/households/{householdId}/loans")
    @ResponseStatus(HttpStatus.CREATED)
    CreditRecords.Loan add(@PathVariable long householdId, @RequestBody CreditRecords.LoanForm form) {
        return loans.add(new CreditRecords.LoanForm(householdId, form.memberNo(), form.programmeCode(), form.contractNo(),
                form.amount(), form.disbursedOn(), form.termMonths(), form.interestCategory(), form.note()),
                CurrentUsers.requireEditor());
    }

    /**
     * Corrects a loan, from the version the client read.
     * @param id id of the loan
     * @param correction the loan as corrected, with the version read (400 "stale" when it changed since)
     */
    @PutMapping("/loans/{id}")
    CreditRecords.Loan correct(@PathVariable long id, @RequestBody CreditRecords.LoanCorrection correction) {
        return loans.correct(id, correction, CurrentUsers.requireEditor());
    }

    /**
     * The balance statements of a loan of the caller's area, latest first.
     * @param id id of the loan
     */
    @GetMapping("/loans/{id}/statements")
    List<CreditRecords.Statement> statements(@PathVariable long id) {
        return loans.statements(id, CurrentUsers.require().scope());
    }

    /**
     * Adds a balance statement (outstanding and overdue on a day) to a loan.
     * @param id id of the loan
     * @param form the day, the outstanding balance and the overdue amount in đồng
     */
    @PostMapping("/loans/{id}/statements")
    @ResponseStatus(HttpStatus.CREATED)
    CreditRecords.Loan addStatement(@PathVariable long id, @RequestBody CreditRecords.StatementForm form) {
        return loans.addStatement(id, form, CurrentUsers.requireEditor());
    }

    /**
     * Imports the bank's loan file (CSV or XLSX): all or nothing for line errors; lines matching no household are
     * listed and stored nowhere. Answers 200 with the result when stored or previewed, 422 when refused.
     * @param file the loan file (docs/exchange-format.md, "Loans of the social-policy bank")
     * @param dryRun true: check and preview only, nothing stored
     * @param matchedOnly true: store the matched lines when some lines match no household (without it such a file is refused)
     */
    @PostMapping("/imports")
    ResponseEntity<LoanImport.Result> importFile(@RequestParam MultipartFile file,
                                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                                 @RequestParam(defaultValue = "false") boolean matchedOnly) throws IOException {
        LoanImport.Mode mode = dryRun ? LoanImport.Mode.DRY_RUN : matchedOnly ? LoanImport.Mode.MATCHED_ONLY : LoanImport.Mode.ALL;
        LoanImport.Result result = importer.importFile(file.getOriginalFilename(), file.getInputStream(), mode,
                dryRun ? CurrentUsers.require() : CurrentUsers.requireEditor(), p -> { });
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }
}
