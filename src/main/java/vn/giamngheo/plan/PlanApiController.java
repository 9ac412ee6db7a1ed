package vn.giamngheo.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.table.Table;
import vn.giamngheo.table.TableReader;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of plans: create, cascade, adjust, approve or return, track, export and import the target table. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanApiController {

    record NewPlan(long unitId, int year, int poorReduction, int nearPoorReduction, String note) {
    }

    /** The targets as edited, with {@code version} as last read: required; a plan changed since is refused. */
    record Targets(Integer version, int poorReduction, int nearPoorReduction, String note) {
    }

    record Cascade(PlanService.Basis basis, Map<Long, Integer> shares) {
    }

    record Return(String reason) {
    }

    record NewCoverageTarget(String kind, String code, String group, java.math.BigDecimal targetShare, String note) {
    }

    private final PlanService plans;
    private final PlanImport planImport;
    private final AuditLog audit;
    private final PlanCoverage coverage;
    private final PlanExports exports;

    PlanApiController(PlanService plans, PlanImport planImport, AuditLog audit, PlanCoverage coverage, PlanExports exports) {
        this.plans = plans;
        this.planImport = planImport;
        this.audit = audit;
        this.coverage = coverage;
        this.exports = exports;
    }

    /** The coverage targets of the plan with their shares at the start and on the day, projection and mark. */
    @GetMapping("/{id}/coverage")
    List<Map<String, Object>> coverage(@PathVariable long id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        return coverage.track(id, day, CurrentUsers.require()).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.target().id());
            m.put("code", t.target().code());
            m.put("kind", t.target().kind());
            m.put("indicators", t.indicators());
            m.put("group", t.target().group());
            m.put("targetShare", t.target().targetShare());
            m.put("asOf", day);
            m.put("baselineCovered", t.progress().baseline().covered());
            m.put("baselineHouseholds", t.progress().baseline().total());
            m.put("baselineShare", t.progress().baseline().percent());
            m.put("covered", t.progress().now().covered());
            m.put("households", t.progress().now().total());
            m.put("share", t.progress().now().percent());
            m.put("projectedShare", t.progress().projectedPercent());
            m.put("mark", t.progress().mark());
            m.put("note", t.target().note());
            return m;
        }).toList();
    }

    @PostMapping("/{id}/coverage")
    @ResponseStatus(HttpStatus.CREATED)
    CoverageTarget setCoverage(@PathVariable long id, @RequestBody NewCoverageTarget t) {
        return coverage.set(id, t.kind(), t.code(), t.group(), t.targetShare(), t.note(), CurrentUsers.require());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}/coverage/{targetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCoverage(@PathVariable long id, @PathVariable long targetId) {
        coverage.remove(id, targetId, CurrentUsers.require());
    }

    @GetMapping("/{id}/table.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Plan plan = plans.get(id, user);
        byte[] pdf = exports.tablePdf(id, user, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        audit.record("EXPORT", "plan", String.valueOf(id), plan.provinceCode(), "plan table " + plan.year() + " pdf");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-tieu-" + plan.unitCode() + "-" + plan.year() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/{id}/table.docx")
    ResponseEntity<byte[]> exportDocx(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Plan plan = plans.get(id, user);
        byte[] docx = exports.tableDocx(id, user, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        audit.record("EXPORT", "plan", String.valueOf(id), plan.provinceCode(), "plan table " + plan.year() + " docx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-tieu-" + plan.unitCode() + "-" + plan.year() + ".docx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(docx);
    }

    @GetMapping
    List<Plan> list(@RequestParam int year) {
        return plans.list(year, CurrentUsers.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@RequestBody NewPlan p) {
        return plans.create(p.unitId(), p.year(), p.poorReduction(), p.nearPoorReduction(), p.note(), CurrentUsers.require());
    }

    @GetMapping("/{id}")
    Plan get(@PathVariable long id) {
        return plans.get(id, CurrentUsers.require());
    }

    @GetMapping("/{id}/children")
    List<Plan> children(@PathVariable long id) {
        return plans.children(id, CurrentUsers.require());
    }

    @PostMapping("/{id}/cascade")
    List<Plan> cascade(@PathVariable long id, @RequestBody Cascade c) {
        if (c.basis() == null) {
            throw new InvalidPlanException(PlanProblem.of("basis", "plan.error.basis"));
        }
        return plans.cascade(id, c.basis(), c.shares(), CurrentUsers.require());
    }

    @PutMapping("/{id}/targets")
    Plan adjust(@PathVariable long id, @RequestBody Targets t) {
        return plans.adjust(id, t.version(), t.poorReduction(), t.nearPoorReduction(), t.note(), CurrentUsers.require());
    }

    @PostMapping("/{id}/approve")
    Plan approve(@PathVariable long id) {
        return plans.approve(id, CurrentUsers.require());
    }

    @PostMapping("/{id}/return")
    Plan returnPlan(@PathVariable long id, @RequestBody Return r) {
        return plans.returnPlan(id, r.reason(), CurrentUsers.require());
    }

    @GetMapping("/{id}/tracking")
    Map<String, Object> tracking(@PathVariable long id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        PlanService.Tracking t = plans.track(id, asOf == null ? LocalDate.now() : asOf, CurrentUsers.require());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", id);
        body.put("asOf", t.asOf());
        body.put("poorAtStart", t.plan().poor());
        body.put("poorNow", t.poorNow());
        body.put("target", t.progress().target());
        body.put("achieved", t.progress().achieved());
        body.put("projected", t.progress().projected());
        body.put("mark", t.progress().mark());
        return body;
    }

    @GetMapping("/{id}/table.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Plan plan = plans.get(id, user);
        byte[] xlsx = exports.tableXlsx(id, user, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        audit.record("EXPORT", "plan", String.valueOf(id), plan.provinceCode(), "plan table " + plan.year() + " xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-tieu-" + plan.unitCode() + "-" + plan.year() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    @PostMapping(value = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<Plan> importTable(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser user = CurrentUsers.require();
        return planImport.importTable(id, read(file), user);
    }

    static Table read(MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "plan.csv" : file.getOriginalFilename();
        try {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile("plan", ".xlsx");
                try {
                    file.transferTo(tmp);
                    return TableReader.read(tmp);
                } finally {
                    java.nio.file.Files.deleteIfExists(tmp);
                }
            }
            return TableReader.readCsv(name, new String(file.getBytes(), StandardCharsets.UTF_8));
        } catch (TableReader.UnreadableTableException e) {
            throw new InvalidPlanException(PlanProblem.of("file", vn.giamngheo.problem.ErrorCode.UNREADABLE_FILE.messageKey()));
        }
    }
}
