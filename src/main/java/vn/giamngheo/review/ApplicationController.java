package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Applications (forms 01 and 04), completeness of a review year (page and XLSX), and a household's decided status history. */
@Controller
class ApplicationController {

    private final ReviewRounds rounds;
    private final ReviewApplications applications;
    private final ReviewProgress progress;
    private final DecidedStatuses statuses;
    private final HouseholdRegistry registry;
    private final RefusalMessages refusals;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    ApplicationController(ReviewRounds rounds, ReviewApplications applications, ReviewProgress progress, DecidedStatuses statuses,
                          HouseholdRegistry registry, RefusalMessages refusals, MessageSource messages, AuditLog audit,
                          Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.progress = progress;
        this.statuses = statuses;
        this.registry = registry;
        this.refusals = refusals;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/reviews/applications")
    String list(@RequestParam(required = false) Long household, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("applications", applications.list(null, user));
        model.addAttribute("today", LocalDate.now(clock));
        if (household != null) {
            model.addAttribute("household", registry.get(household, user));
        }
        return "review/applications";
    }

    @PostMapping("/reviews/applications")
    String receive(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String form,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                   @RequestParam(required = false) String channel, @RequestParam(required = false) String applicant,
                   @RequestParam(required = false) String note, RedirectAttributes ra, Locale locale) {
        try {
            applications.receive(new ApplicationForm(householdId, form, receivedOn, channel, applicant, note),
                    CurrentUsers.require());
            ra.addFlashAttribute("done", true);
            return "redirect:/reviews/applications";
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
            return "redirect:/reviews/applications" + (householdId == null ? "" : "?household=" + householdId);
        }
    }

    @PostMapping("/reviews/applications/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes ra,
                  Locale locale) {
        try {
            applications.answer(id, answer, CurrentUsers.require());
            ra.addFlashAttribute("done", true);
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
        }
        return "redirect:/reviews/applications";
    }

    @GetMapping("/reviews/progress")
    String progress(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        int reviewYear = year == null ? LocalDate.now(clock).getYear() : year;
        Long unitId = unit != null ? unit : user.scope().unitId();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("year", reviewYear);
        model.addAttribute("unit", unitId);
        model.addAttribute("provinces", user.scope().national() ? rounds.provinces(user) : java.util.List.of());
        model.addAttribute("today", today);
        ProgressReport report = unitId == null ? null : progress.report(unitId, reviewYear, today, user);
        model.addAttribute("report", report);
        model.addAttribute("rows", report == null ? java.util.List.of() : report.communes());
        model.addAttribute("finished", report == null ? 0 : report.finished());
        model.addAttribute("late", report == null ? 0 : report.late());
        return "review/progress";
    }

    /** The same table as XLSX (merged Vietnamese headers); the export is written to the audit log. */
    @GetMapping("/reviews/progress.xlsx")
    ResponseEntity<byte[]> progressXlsx(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year) {
        CurrentUser user = CurrentUsers.require();
        int reviewYear = year == null ? LocalDate.now(clock).getYear() : year;
        Long unitId = unit != null ? unit : user.scope().unitId();
        if (unitId == null) {
            throw new RoundNotFoundException("unit");
        }
        ProgressReport report = progress.report(unitId, reviewYear, LocalDate.now(clock), user);
        byte[] xlsx = ProgressWorkbook.render(report, messages);
        audit.record("EXPORT", "review_round", report.unitCode(), report.provinceCode(),
                "progress XLSX, periodic review " + reviewYear + ", unit " + report.unitCode() + ": "
                        + report.communeCount() + " communes, " + report.late() + " late");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tien-do-ra-soat-" + report.unitCode() + "-" + reviewYear + ".xlsx").build().toString())
                .body(xlsx);
    }

    /** The household page loads this with htmx: every decided status of the household, revoked ones marked. */
    @GetMapping("/reviews/household/{id}/statuses")
    String statuses(@PathVariable long id, Model model) {
        model.addAttribute("statuses", statuses.history(id, CurrentUsers.require()));
        return "review/statuses :: table";
    }
}
