package vn.giamngheo.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.security.CurrentUsers;

/** Administrators browse the audit log (page, exports and API). */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final PersonalDataReads reads;
    private final AuditWords words;
    private final AuditExports exports;
    private final AreaUnits areaUnits;

    AuditController(AuditLog log, PersonalDataReads reads, AuditWords words, AuditExports exports, AreaUnits areaUnits) {
        this.log = log;
        this.reads = reads;
        this.words = words;
        this.exports = exports;
        this.areaUnits = areaUnits;
    }

    /** Reads of personal data: who read which household, when, through which route. */
    @GetMapping("/audit/reads")
    String reads(@RequestParam(defaultValue = "") String username, @RequestParam(required = false) Long householdId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        PersonalDataReads.ReadQuery query = new PersonalDataReads.ReadQuery(username, householdId, from, to, page, 50);
        model.addAttribute("query", query);
        List<PersonalDataReads.Read> found = reads.search(query);
        model.addAttribute("reads", found);
        model.addAttribute("names", words.readNames(found));
        return "audit/reads";
    }

    /** The reads with the filters of the page as XLSX or CSV. */
    @GetMapping("/audit/reads/export")
    ResponseEntity<byte[]> readsExport(@RequestParam(defaultValue = "") String username,
                                       @RequestParam(required = false) Long householdId,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam String format, Locale locale) {
        AuditExports.Format f = AuditExports.Format.parse(format);
        List<PersonalDataReads.Read> found = reads.search(new PersonalDataReads.ReadQuery(username, householdId, from, to, 0,
                AuditExports.MAX_ROWS));
        return file(exports.reads(found, words.readNames(found), f, locale), "nhat-ky-truy-cap", f);
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

    /**
     * The log in words: who changed what, from what to what; filters user, table, record, unit (in the reader's
     * area), day range; keyset pages ({@code before}).
     */
    @GetMapping("/audit")
    String page(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String entityId,
                @RequestParam(defaultValue = "") String username, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long before, Model model, Locale locale) {
        AuditLog.AuditFilter filter = filter(entity, entityId, username, unit, from, to, before);
        List<AuditEntry> found = log.find(filter, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<AuditEntry> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("filter", filter);
        model.addAttribute("unitId", unit);
        model.addAttribute("lines", words.describe(shown, locale));
        model.addAttribute("next", more ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("tables", words.tables(locale));
        return "audit/log";
    }

    /** The log with the filters of the page as XLSX or CSV (identity numbers masked as on the page). */
    @GetMapping("/audit/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String entityId,
                                  @RequestParam(defaultValue = "") String username, @RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam String format, Locale locale) {
        AuditExports.Format f = AuditExports.Format.parse(format);
        AuditLog.AuditFilter filter = filter(entity, entityId, username, unit, from, to, null);
        List<AuditEntry> found = log.find(filter, AuditExports.MAX_ROWS);
        byte[] body = exports.log(words.describe(found, locale), f, locale);
        log.record("EXPORT", "audit_log", null, filter.unit() == null ? null : filter.unit().provinceCode(),
                f.name().toLowerCase(Locale.ROOT) + ": " + found.size());
        return file(body, "nhat-ky-thay-doi", f);
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

    private AuditLog.AuditFilter filter(String entity, String entityId, String username, Long unit, LocalDate from,
                                        LocalDate to, Long before) {
        AdminUnit resolved = unit == null ? null : areaUnits.resolve(unit, CurrentUsers.require());
        return new AuditLog.AuditFilter(username, entity, entityId, resolved, from, to, before);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, AuditExports.Format format) {
        String file = name + "-" + LocalDate.now(vn.giamngheo.format.Formats.VIETNAM) + "." + format.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .body(body);
    }
}
