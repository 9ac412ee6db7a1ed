package vn.giamngheo.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.support.rules.CoveragePeriod;
import vn.giamngheo.support.rules.FundingSplit;
import vn.giamngheo.support.rules.Qualifier;

/** Pages of the support policies: the catalogue (administrators edit it), benefit records, coverage and gaps. */
@Controller
@RequestMapping("/support")
class SupportPageController {

    static final String POLICIES = "support/policies";
    static final String POLICY = "support/policy";
    static final String BENEFITS = "support/benefits";
    static final String COVERAGE = "support/coverage";

    private final PolicyCatalog catalog;
    private final BenefitRecords benefits;
    private final BenefitCorrections corrections;
    private final CoverageService coverage;
    private final UnitChoices units;
    private final AuditLog audit;
    private final Clock clock;
    private final FundingShares shares;
    private final AreaClasses areaClasses;

    SupportPageController(PolicyCatalog catalog, BenefitRecords benefits, BenefitCorrections corrections,
                          CoverageService coverage, UnitChoices units, AuditLog audit, Clock clock, FundingShares shares,
                          AreaClasses areaClasses) {
        this.shares = shares;
        this.areaClasses = areaClasses;
        this.catalog = catalog;
        this.benefits = benefits;
        this.corrections = corrections;
        this.coverage = coverage;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/policies")
    String policies(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("policies", catalog.visible(user.scope()));
        model.addAttribute("provinceNames", catalog.provinceNames());
        model.addAttribute("mayCreate", PolicyCatalog.mayCreate(user));
        return POLICIES;
    }

    @GetMapping("/policies/new")
    String newPolicy(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!PolicyCatalog.mayCreate(user)) {
            throw new AccessDeniedException("only administrators and province officers change the policy catalogue");
        }
        PolicyForm form = new PolicyForm();
        form.setValidFrom(LocalDate.now(clock));
        if (!user.isAdmin()) {
            form.setProvinceCode(user.scope().provinceCode());
        }
        return showPolicy(null, form, List.of(), model);
    }

    /** A policy: national, or a province's own ({@code province}: which one, needed only between provinces). */
    @GetMapping("/policies/{code}")
    String policy(@PathVariable String code, @RequestParam(required = false) String province, Model model) {
        CurrentUser user = CurrentUsers.require();
        SupportPolicy p = catalog.find(code, province, user.scope())
                .orElseThrow(() -> new SupportNotFoundException("policy " + code));
        return showPolicy(p, PolicyForm.of(p), List.of(), model);
    }

    @PostMapping("/policies")
    String savePolicy(@ModelAttribute("form") PolicyForm form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            SupportPolicy saved = catalog.save(form, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + policyPath(saved);
        } catch (InvalidSupportRequestException e) {
            String province = user.isAdmin() ? PolicyForm.blankToNull(form.getProvinceCode()) : user.scope().provinceCode();
            return showPolicy(catalog.exactly(form.getCode() == null ? "" : form.getCode().trim(), province)
                    .filter(p -> PolicyCatalog.mayEdit(p, user)).orElse(null), form, e.keys(), model);
        }
    }

    /**
     * Stores the policy's split of its benefit across funding sources from a day (percent per source, summing to
     * 100), with the policy's version read.
     */
    @PostMapping("/policies/{code}/shares")
    String saveShares(@PathVariable String code, @RequestParam(required = false) String province,
                      @RequestParam(defaultValue = "-1") int version, @RequestParam(defaultValue = "") String validFrom,
                      @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        SupportPolicy p = catalog.find(code, province, user.scope())
                .orElseThrow(() -> new SupportNotFoundException("policy " + code));
        Map<String, java.math.BigDecimal> split = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (String source : FundingSplit.SOURCES) {
            String v = params.getOrDefault("share_" + source, "").strip().replace(',', '.');
            if (!v.isEmpty()) {
                try {
                    split.put(source, new java.math.BigDecimal(v));
                } catch (NumberFormatException e) {
                    problems.add("support.share.problem.percent");
                }
            }
        }
        LocalDate from = null;
        try {
            from = validFrom.isBlank() ? null : LocalDate.parse(validFrom.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("support.share.problem.valid-from");
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidSupportRequestException(problems, "the split is invalid: " + problems);
            }
            shares.save(p, from, split, version, user);
            redirect.addFlashAttribute("sharesSaved", true);
            return "redirect:" + policyPath(p);
        } catch (InvalidSupportRequestException e) {
            model.addAttribute("shareProblems", e.keys());
            model.addAttribute("shareEntry", params);
            return showPolicy(p, PolicyForm.of(p), List.of(), model);
        }
    }

    private static String policyPath(SupportPolicy p) {
        return "/support/policies/" + p.code() + (p.national() ? "" : "?province=" + p.provinceCode());
    }

    private String showPolicy(SupportPolicy policy, PolicyForm form, List<String> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("policy", policy);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("provinceNames", catalog.provinceNames());
        model.addAttribute("populationGroups", PolicyCatalog.POPULATION_GROUPS);
        model.addAttribute("areaClasses", areaClasses.catalogue());
        List<FundingSplit> splits = policy == null ? List.of() : shares.of(policy.id());
        model.addAttribute("splits", splits);
        model.addAttribute("shareSources", FundingSplit.SOURCES);
        model.addAttribute("mayEditShares", policy != null && PolicyCatalog.mayEdit(policy, user));
        model.addAttribute("adminForm", user.isAdmin());
        if (!model.containsAttribute("shareProblems")) {
            model.addAttribute("shareProblems", List.of());
            model.addAttribute("shareEntry", policy == null ? Map.of() : FundingShares.formOf(splits, policy.validFrom()));
        }
        model.addAttribute("qualifiers", List.of(Qualifier.values()).stream().map(Qualifier::code).toList());
        model.addAttribute("kinds", SupportPolicy.BENEFIT_KINDS);
        model.addAttribute("fundingSources", SupportPolicy.FUNDING_SOURCES);
        model.addAttribute("confidences", SupportPolicy.CONFIDENCES);
        model.addAttribute("mayEdit", policy == null ? PolicyCatalog.mayCreate(user) : PolicyCatalog.mayEdit(policy, user));
        return POLICY;
    }

    @GetMapping("/benefits")
    String benefits(@RequestParam(required = false) Long householdId, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("policies", catalog.visible(user.scope()).stream().filter(SupportPolicy::active).toList());
        model.addAttribute("records", householdId == null ? benefits.latest(user.scope(), null, 100)
                : corrections.ofHousehold(householdId, user.scope()));
        model.addAttribute("householdId", householdId);
        model.addAttribute("imports", corrections.imports(user.scope(), null, 20));
        model.addAttribute("mayEdit", user.canEdit());
        if (!model.containsAttribute("entry")) {
            model.addAttribute("entry", new BenefitEntry("", "", "", "", LocalDate.now(clock).toString(), "", "", ""));
        }
        return BENEFITS;
    }

    @PostMapping("/benefits")
    String addBenefit(@RequestParam(defaultValue = "") String householdCode, @RequestParam(defaultValue = "") String communeCode,
                      @RequestParam(defaultValue = "") String memberNo, @RequestParam(defaultValue = "") String policyCode,
                      @RequestParam(defaultValue = "") String benefitDate, @RequestParam(defaultValue = "") String amount,
                      @RequestParam(defaultValue = "") String referenceNo, @RequestParam(defaultValue = "") String note,
                      Model model) {
        CurrentUser user = CurrentUsers.requireEditor();
        BenefitEntry entry = new BenefitEntry(householdCode, communeCode, memberNo, policyCode, benefitDate, amount,
                referenceNo, note);
        BenefitImportResult result = benefits.add(entry, user);
        model.addAttribute("entryResult", result);
        if (!result.accepted()) {
            model.addAttribute("entry", entry);
        }
        return benefits(null, model);
    }

    /** Voids one record (with its reason) and returns to the list it was voided from. */
    @PostMapping("/benefits/{id}/void")
    String voidBenefit(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                       @RequestParam(required = false) Long householdId, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        try {
            corrections.voidRecord(id, reason, user);
            redirect.addFlashAttribute("voidDone", 1);
        } catch (InvalidSupportRequestException e) {
            redirect.addFlashAttribute("voidProblem", e.keys().get(0));
        }
        return householdId == null ? "redirect:/support/benefits" : "redirect:/support/benefits?householdId=" + householdId;
    }

    /** Voids every record of one imported file (one transaction). */
    @PostMapping("/benefits/void-import")
    String voidImport(@RequestParam(defaultValue = "") String sourceFile, @RequestParam(defaultValue = "") String recordedAt,
                      @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        try {
            java.time.Instant at = recordedAt.isBlank() ? null : java.time.Instant.parse(recordedAt);
            redirect.addFlashAttribute("voidDone", corrections.voidImport(sourceFile, at, reason, user));
        } catch (InvalidSupportRequestException e) {
            redirect.addFlashAttribute("voidProblem", e.keys().get(0));
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("voidProblem", "support.benefit.void.bad-recorded-at");
        }
        return "redirect:/support/benefits";
    }

    @PostMapping("/benefits/import")
    String importBenefits(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        CurrentUser user = CurrentUsers.requireEditor();
        if (file.isEmpty()) {
            model.addAttribute("missingFile", true);
            return benefits(null, model);
        }
        model.addAttribute("importResult", benefits.importFile(file.getOriginalFilename(), file.getInputStream(), user));
        return benefits(null, model);
    }

    @GetMapping("/coverage")
    String coverage(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String policy,
                    @RequestParam(required = false) String date, @RequestParam(required = false) String year,
                    @RequestParam(required = false) Integer gapPage, @RequestParam(required = false) Integer leakagePage,
                    Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("choices", units.of(user.scope(), today));
        model.addAttribute("policies", catalog.visible(user.scope()).stream().filter(SupportPolicy::active).toList());
        model.addAttribute("provinceNames", catalog.provinceNames());
        model.addAttribute("unitId", unitId);
        model.addAttribute("policy", policy);
        boolean hasYear = year != null && !year.isBlank();
        model.addAttribute("date", hasYear ? "" : date == null || date.isBlank() ? today.toString() : date);
        model.addAttribute("year", year);
        try {
            CoverageReport report = coverage.coverage(unitId, policy, CoverageRequest.period(date, year, today),
                    user.scope());
            model.addAttribute("report", report);
            // the lists with names a page at a time (a commune of 8,000 households has thousands of people in them:
            // 4 MB of page); the XLSX exports give the whole lists
            model.addAttribute("gapPage", ListPage.of(report.gap(), gapPage, ListPage.SIZE));
            model.addAttribute("leakagePage", ListPage.of(report.leakage(), leakagePage, ListPage.SIZE));
        } catch (InvalidSupportRequestException e) {
            model.addAttribute("problem", e.keys().get(0));
        }
        return COVERAGE;
    }

    /**
     * The coverage of the unit as XLSX: per policy (national and the province's own) entitled, received, gap, leakage
     * and the cost of the entitled split by funding source (entitled × benefit × share).
     */
    @GetMapping("/coverage.xlsx")
    void coverageXlsx(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String policy,
                      @RequestParam(required = false) String date, @RequestParam(required = false) String year,
                      HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        CoverageReport report = coverage.coverage(unitId, policy, CoverageRequest.period(date, year, LocalDate.now(clock)),
                user.scope());
        audit.record("EXPORT", "support_coverage", report.unit().code(), report.unit().provinceCode(),
                report.policies().size() + " policies, " + report.from() + " – " + report.to());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"do-bao-phu-" + report.unit().code() + ".xlsx\"");
        CoverageWorkbook.write(report, catalog.provinceNames(), response.getOutputStream());
    }

    /** The gap list of the user's own commune as XLSX (names are shown only to the commune's officers). */
    @GetMapping("/coverage/gap.xlsx")
    void gapXlsx(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String policy,
                 @RequestParam(required = false) String date, @RequestParam(required = false) String year,
                 HttpServletResponse response) throws IOException {
        exportList(false, unitId, policy, date, year, response);
    }

    /** The leakage list of the user's own commune as XLSX (names only for the commune's officers). */
    @GetMapping("/coverage/leakage.xlsx")
    void leakageXlsx(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String policy,
                     @RequestParam(required = false) String date, @RequestParam(required = false) String year,
                     HttpServletResponse response) throws IOException {
        exportList(true, unitId, policy, date, year, response);
    }

    private void exportList(boolean leakage, Long unitId, String policy, String date, String year,
                            HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        CoveragePeriod period = CoverageRequest.period(date, year, LocalDate.now(clock));
        CoverageReport report = coverage.coverage(unitId, policy, period, user.scope());
        if (!report.namesVisible()) {
            throw new SupportNotFoundException("the list with names of unit " + report.unit().code());
        }
        Map<String, String> names = new LinkedHashMap<>();
        catalog.visible(user.scope()).forEach(p -> names.putIfAbsent(p.code(), p.nameVi()));
        String policies = (policy == null || policy.isBlank() ? "all policies" : "policy " + policy) + ", " + report.from()
                + " – " + report.to();
        audit.record("EXPORT", leakage ? "support_leakage" : "support_gap", report.unit().code(),
                report.unit().provinceCode(), leakage ? report.leakage().size() + " received while not entitled, " + policies
                        : report.gap().size() + " entitled without benefit, " + policies);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + (leakage ? "nhan-khong-thuoc-dien-"
                : "chua-duoc-huong-") + report.unit().code() + ".xlsx\"");
        if (leakage) {
            GapWorkbook.writeLeakage(report, names, response.getOutputStream());
        } else {
            GapWorkbook.write(report, names, response.getOutputStream());
        }
    }
}
