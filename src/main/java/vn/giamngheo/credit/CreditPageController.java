package vn.giamngheo.credit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.credit.CreditRecords.LoanCorrection;
import vn.giamngheo.credit.CreditRecords.LoanForm;
import vn.giamngheo.credit.CreditRecords.StatementForm;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages of the credit register: the figures of the area on a day, the loans, the import of the bank's file (dry run
 * with a progress bar, preview, confirmation), the XLSX export, and a household's loans with entry and correction.
 */
@Controller
@RequestMapping("/credit")
class CreditPageController {

    private final Loans loans;
    private final LoanImportJobs jobs;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    CreditPageController(Loans loans, LoanImportJobs jobs, AuditLog audit, MessageSource messages, Clock clock) {
        this.loans = loans;
        this.jobs = jobs;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The figures of the area on a day by commune, programme and status. */
    @GetMapping
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("on", day);
        model.addAttribute("figures", loans.figures(user.scope(), day));
        model.addAttribute("programmes", loans.programmes());
        return "credit/figures";
    }

    /** The loans of the area on a day (at most 1,000), of one programme and status if asked. */
    @GetMapping("/loans")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                @RequestParam(required = false) String programme, @RequestParam(required = false) String status,
                Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("on", day);
        model.addAttribute("programme", programme);
        model.addAttribute("status", status);
        model.addAttribute("loans", loans.list(user.scope(), day, programme, status, 1000));
        model.addAttribute("programmes", loans.programmes());
        model.addAttribute("statuses", CreditRecords.STATUSES);
        return "credit/loans";
    }

    @GetMapping("/export.xlsx")
    void xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
              HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        List<CreditRecords.Loan> list = loans.list(user.scope(), day, null, null, 200_000);
        audit.record("EXPORT", "loan", null, user.scope().provinceCode(), "credit register on " + day + " (" + list.size() + " loans)");
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"tin-dung-chinh-sach.xlsx\"");
        CreditWorkbook.write(user.getUnitName() == null ? "Toàn quốc" : user.getUnitName(), day, loans.programmes(),
                loans.figures(user.scope(), day), list, response.getOutputStream());
    }

    @GetMapping("/import")
    String importForm(Model model) {
        CurrentUsers.requireEditor();
        model.addAttribute("programmes", loans.programmes());
        return "credit/import";
    }

    /** Starts the dry run of an uploaded file and shows its progress, then its preview. */
    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        CurrentUser user = CurrentUsers.requireEditor();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("missingFile", true);
            return "redirect:/credit/import";
        }
        LoanImportJobs.Job job = jobs.start(file.getOriginalFilename(), file.getBytes(), user);
        return "redirect:/credit/import/" + job.getId();
    }

    @GetMapping("/import/{job}")
    String job(@PathVariable String job, Model model) {
        model.addAttribute("job", find(job));
        return "credit/import-job";
    }

    /** The progress bar and, when done, the preview or the result (polled by the page). */
    @GetMapping("/import/{job}/progress")
    String progress(@PathVariable String job, Model model) {
        model.addAttribute("job", find(job));
        return "credit/import-job :: jobProgress";
    }

    /**
     * Stores a previewed file: {@code matchedOnly=true} stores the matched lines and nothing of the unmatched ones;
     * without it a file with unmatched lines is refused.
     */
    @PostMapping("/import/{job}/confirm")
    String confirm(@PathVariable String job, @RequestParam(defaultValue = "false") boolean matchedOnly) {
        jobs.confirm(find(job), matchedOnly ? LoanImport.Mode.MATCHED_ONLY : LoanImport.Mode.ALL, CurrentUsers.requireEditor());
        return "redirect:/credit/import/" + job;
    }

    /** A household's loans with their balances and statements, and the forms to enter and correct them. */
    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        household(id, model, true);
        return "credit/household";
    }

    /** The household's loans as a panel of the household page. */
    @GetMapping("/households/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        household(id, model, false);
        return "credit/household :: panel";
    }

    private void household(long id, Model model, boolean statements) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        Loans.HouseholdRef h = loans.household(id, user.scope()).orElseThrow(() -> new CreditNotFoundException("household", id));
        List<CreditRecords.Loan> list = loans.ofHousehold(id, today, user.scope());
        model.addAttribute("household", h);
        model.addAttribute("loans", list);
        model.addAttribute("programmes", loans.programmes());
        model.addAttribute("interests", CreditRecords.INTEREST_CATEGORIES);
        model.addAttribute("today", today);
        if (statements) {
            model.addAttribute("statements", list.stream().collect(java.util.stream.Collectors.toMap(
                    CreditRecords.Loan::id, l -> loans.statements(l.id(), user.scope()))));
        }
    }

    @PostMapping("/households/{id}/loans")
    String addLoan(@PathVariable long id, @RequestParam(defaultValue = "") String programmeCode,
                   @RequestParam(defaultValue = "") String contractNo, @RequestParam(required = false) Integer memberNo,
                   @RequestParam(required = false) Long amount,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disbursedOn,
                   @RequestParam(required = false) Integer termMonths, @RequestParam(defaultValue = "") String interestCategory,
                   @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> loans.add(new LoanForm(id, memberNo, programmeCode, contractNo, amount, disbursedOn,
                termMonths, interestCategory, note), CurrentUsers.requireEditor()));
    }

    /** Saves a corrected loan (with the version the form was shown with). */
    @PostMapping("/loans/{loanId}")
    String correct(@PathVariable long loanId, @RequestParam(required = false) Integer version,
                   @RequestParam(defaultValue = "") String programmeCode, @RequestParam(required = false) Long amount,
                   @RequestParam(required = false) Integer termMonths, @RequestParam(defaultValue = "") String interestCategory,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate settledOn,
                   @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        long household = loans.get(loanId, LocalDate.now(clock), user.scope()).householdId();
        return act(household, redirect, () -> loans.correct(loanId, new LoanCorrection(version, programmeCode, amount,
                termMonths, interestCategory, settledOn, note), user));
    }

    @PostMapping("/loans/{loanId}/statements")
    String statement(@PathVariable long loanId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(required = false) Long outstanding, @RequestParam(required = false) Long overdue,
                     RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        long household = loans.get(loanId, LocalDate.now(clock), user.scope()).householdId();
        return act(household, redirect, () -> loans.addStatement(loanId, new StatementForm(date, outstanding, overdue), user));
    }

    private LoanImportJobs.Job find(String id) {
        return jobs.find(id, CurrentUsers.requireEditor()).orElseThrow(() -> new CreditNotFoundException("import", id));
    }

    private String act(long household, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidCreditException e) {
            redirect.addFlashAttribute("problems", e.problems().stream().map(p -> messages.getMessage(p.key(),
                    p.args().toArray(), p.key(), LocaleContextHolder.getLocale())).toList());
        }
        return "redirect:/credit/households/" + household;
    }
}
