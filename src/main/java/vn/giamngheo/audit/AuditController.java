package vn.giamngheo.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Administrators browse the audit log (page and API). */
@Controller
class AuditController {

    private final AuditLog log;
    private final PersonalDataReads reads;

    AuditController(AuditLog log, PersonalDataReads reads) {
        this.log = log;
        this.reads = reads;
    }

    /** Reads of personal data: who read which household, when, through which route. */
    @GetMapping("/audit/reads")
    String reads(@RequestParam(defaultValue = "") String username, @RequestParam(required = false) Long householdId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        PersonalDataReads.ReadQuery query = new PersonalDataReads.ReadQuery(username, householdId, from, to, page, 50);
        model.addAttribute("query", query);
        model.addAttribute("reads", reads.search(query));
        return "audit/reads";
    }

    /**
     * The reads of personal data (administrators): who read which household, when, through which route.
     * @param username only the reads of this user
     * @param householdId only the reads of this household
     * @param from from this day (ISO, 2026-06-30)
     * @param to up to this day (ISO)
     * @param page the page, from 0
     * @param size entries per page (default 100, at most 500)
     */
    @GetMapping("/api/v1/audit/reads")
    @ResponseBody
    List<PersonalDataReads.Read> readsApi(@RequestParam(defaultValue = "") String username,
                                          @RequestParam(required = false) Long householdId,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "100") int size) {
        return reads.search(new PersonalDataReads.ReadQuery(username, householdId, from, to, page, size));
    }

    @GetMapping("/audit")
    String page(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String entityId,
                @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "0") int page,
                Model model) {
        AuditLog.AuditQuery query = new AuditLog.AuditQuery(entity, entityId, username, page, 50);
        model.addAttribute("query", query);
        model.addAttribute("entries", log.search(query));
        return "audit/log";
    }

    /**
     * The audit log (administrators), newest first: who changed what, from what to what.
     * @param entity only the changes of this table, e.g. household
     * @param entityId only the changes of this row (with {@code entity})
     * @param username only the changes made by this user
     * @param page the page, from 0
     * @param size entries per page (default 100, at most 500)
     */
    @GetMapping("/api/v1/audit")
    @ResponseBody
    List<AuditEntry> api(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String entityId,
                         @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "100") int size) {
        return log.search(new AuditLog.AuditQuery(entity, entityId, username, page, size));
    }
}
