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

    record NewCoverageTarget(String kind, String code, String group, java.math.BigDecimal targetShare, String note,
                             java.math.BigDecimal targetAmount) {
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

    /**
     * The coverage targets of the plan with their shares at the start and on the day, projection and mark.
     * A target amount (kinds labour_departed, credit_disbursed) also carries targetAmount, the actual counted from
     * 1 January to the day (workers, or million đồng) and reachedShare (%); its shares are of the amount reached.
     * @param id id of the plan (of the caller's area)
     * @param asOf the day of the shares (ISO, 2026-06-30; default: today)
     */
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
            if (t.target().amount()) {
                m.put("targetAmount", t.target().targetAmount());
                m.put("actual", t.actual());
                m.put("reachedShare", t.reached());
            }
            return m;
        }).toList();
    }

    /**
     * Sets a coverage target of a plan.
     * The share of a group of households (e.g. poor households) that should be covered by a support or meet an indicator
     * by the end of the plan's year.
     * @param id id of the plan
     * A target amount (kind labour_departed with code all: workers departed abroad in the plan's year; kind
     * credit_disbursed with code all or a lending programme: million đồng disbursed) needs targetAmount (> 0) and no share.
     * @param t the kind (support or indicator), its code, the group of households, the target share (percent), a note
     *          and, for a target amount, the amount
     */
    @PostMapping("/{id}/coverage")
    @ResponseStatus(HttpStatus.CREATED)
    CoverageTarget setCoverage(@PathVariable long id, @RequestBody NewCoverageTarget t) {
        return coverage.set(id, t.kind(), t.code(), t.group(), t.targetShare(), t.targetAmount(), t.note(),
                CurrentUsers.require());
    }

    /**
     * Removes a coverage target from a plan.
     * @param id id of the plan
     * @param targetId id of the coverage target
     */
    @org.springframework.web.bind.annotation.DeleteMapping("/{id}/coverage/{targetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCoverage(@PathVariable long id, @PathVariable long targetId) {
        coverage.remove(id, targetId, CurrentUsers.require());
    }

    /**
     * The plan's target table as a PDF (audited as an export).
     * @param id id of the plan
     */
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

    /**
     * The plan's target table as a Word file (DOCX), laid out as Decree 30/2020/NĐ-CP prints it, to edit before filing.
     * @param id the plan
     */
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

    /**
     * The plans of the caller's area for a year.
     * @param year the plan year
     */
    @GetMapping
    List<Plan> list(@RequestParam int year) {
        return plans.list(year, CurrentUsers.require());
    }

    /**
     * Creates a unit's plan for a year.
     * How many poor and near-poor households the unit is to bring out of poverty in the year; refused (409) when the unit
     * already has one.
     * @param p the unit, year, reductions of poor and near-poor households and a note
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@RequestBody NewPlan p) {
        return plans.create(p.unitId(), p.year(), p.poorReduction(), p.nearPoorReduction(), p.note(), CurrentUsers.require());
    }

    /**
     * One plan with its targets and state.
     * @param id id of the plan (of the caller's area)
     */
    @GetMapping("/{id}")
    Plan get(@PathVariable long id) {
        return plans.get(id, CurrentUsers.require());
    }

    /**
     * The plans of the units directly below a plan's unit (its cascade).
     * @param id id of the plan
     */
    @GetMapping("/{id}/children")
    List<Plan> children(@PathVariable long id) {
        return plans.children(id, CurrentUsers.require());
    }

    /**
     * Cascades a plan's targets to the units below it.
     * Divides the targets among the units below by a basis (e.g. their poor households), or by the shares given.
     * @param id id of the plan
     * @param c the basis of the division and, for a division by hand, the share of each unit (by id)
     */
    @PostMapping("/{id}/cascade")
    List<Plan> cascade(@PathVariable long id, @RequestBody Cascade c) {
        if (c.basis() == null) {
            throw new InvalidPlanException(PlanProblem.of("basis", "plan.error.basis"));
        }
        return plans.cascade(id, c.basis(), c.shares(), CurrentUsers.require());
    }

    /**
     * Changes a plan's targets.
     * From the version the client read: a plan changed since answers 409.
     * @param id id of the plan
     * @param t the new targets, a note and the version as read
     */
    @PutMapping("/{id}/targets")
    Plan adjust(@PathVariable long id, @RequestBody Targets t) {
        return plans.adjust(id, t.version(), t.poorReduction(), t.nearPoorReduction(), t.note(), CurrentUsers.require());
    }

    /**
     * Approves a plan (the level above).
     * @param id id of the plan
     */
    @PostMapping("/{id}/approve")
    Plan approve(@PathVariable long id) {
        return plans.approve(id, CurrentUsers.require());
    }

    /**
     * Returns a plan to its unit, with a reason.
     * @param id id of the plan
     * @param r why the plan is returned
     */
    @PostMapping("/{id}/return")
    Plan returnPlan(@PathVariable long id, @RequestBody Return r) {
        return plans.returnPlan(id, r.reason(), CurrentUsers.require());
    }

    /**
     * How far a plan has come on a day.
     * The poor households at the start and on the day, the target, how many have escaped, the projection to the end of the
     * year and a mark.
     * @param id id of the plan
     * @param asOf the day (ISO, 2026-06-30; default: today)
     */
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

    /**
     * The plan's target table as an XLSX workbook (audited as an export).
     * @param id id of the plan
     */
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

    /**
     * Imports the target table of the units below a plan.
     * The table (XLSX or CSV, as {@code GET …/table.xlsx} gives it) sets the targets of the plans below; a table with
     * errors is refused whole with every problem.
     * @param id id of the plan
     * @param file the target table, XLSX or CSV
     */
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
