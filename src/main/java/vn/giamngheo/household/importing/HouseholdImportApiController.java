package vn.giamngheo.household.importing;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * {@code POST /api/v1/households/import} (multipart: {@code year}, {@code households}, {@code members}; optional
 * {@code mode=add|update} (default add), {@code dryRun=true} (200 with the preview's summary as JSON: counts, every
 * changed field, new villages, problems; nothing stored), {@code createVillages=true}): the
 * import of the page and the command line, answered when done: 201 with the counts when stored, 400 with the
 * problems (counted per file and column, the first 1,000 listed, in the reader's language) when nothing was
 * stored, 413 for a file above the page's size limit (larger files go to {@code import --bulk}).
 */
@RestController
@RequestMapping("/api/v1/households/import")
class HouseholdImportApiController {

    private final HouseholdImport importer;
    private final MessageSource messages;
    private final long maxFileBytes;

    HouseholdImportApiController(HouseholdImport importer, MessageSource messages,
                                 @Value("${giamngheo.import.max-file-mb:64}") long maxFileMb) {
        this.importer = importer;
        this.messages = messages;
        this.maxFileBytes = maxFileMb * 1024 * 1024;
    }

    /**
     * Imports the households and members files of the exchange format; stored all together or not at all.
     * @param year the year of the facts
     * @param households the households file (CSV or XLSX, exchange format §1)
     * @param members the members file (CSV or XLSX)
     * @param mode add (default: new households only; a registered household code is refused) or update (households
     *        of the caller's area matched by household code, members by member number; an absent member is warned of,
     *        never deleted)
     * @param dryRun true: answer 200 with the preview (counts, every changed field before and after, new villages,
     *        problems) and store nothing
     * @param createVillages true: create the villages the files name that the commune does not have (otherwise an
     *        unknown village is refused with the closest names)
     */
    @Operation(summary = "Import a pair of household files (exchange-format §1), all or nothing")
    @PostMapping
    ResponseEntity<Map<String, Object>> importFiles(@RequestParam int year, @RequestParam MultipartFile households,
                                                    @RequestParam MultipartFile members,
                                                    @RequestParam(defaultValue = "add") String mode,
                                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                                    @RequestParam(defaultValue = "false") boolean createVillages)
            throws IOException {
        CurrentUser user = CurrentUsers.requireEditor();
        ImportOptions.Mode chosen = ImportOptions.Mode.parse(mode).orElse(null);
        if (chosen == null) {
            return ResponseEntity.badRequest().body(Map.of("status", 400,
                    "error", messages.getMessage("import.api.unknown-mode", new Object[] {mode}, LocaleContextHolder.getLocale())));
        }
        ImportOptions options = new ImportOptions(chosen, createVillages);
        if (households.isEmpty() || members.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("status", 400,
                    "error", messages.getMessage("import.api.missing-files", null, LocaleContextHolder.getLocale())));
        }
        if (households.getSize() > maxFileBytes || members.getSize() > maxFileBytes) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("status", 413,
                    "error", messages.getMessage("import.api.too-large", new Object[] {maxFileBytes / (1024 * 1024)},
                            LocaleContextHolder.getLocale())));
        }
        if (dryRun) {
            ImportPlan plan = importer.plan(year, options, households.getOriginalFilename(), households.getInputStream(),
                    members.getOriginalFilename(), members.getInputStream(), user, p -> { });
            return ResponseEntity.ok(dryRunBody(plan));
        }
        HouseholdImport.Result result = importer.importFiles(year, options, households.getOriginalFilename(),
                households.getInputStream(), members.getOriginalFilename(), members.getInputStream(), user, p -> { });
        ImportJobs.ProblemSummary summary = ImportJobs.ProblemSummary.of(result.problems());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.stored() ? 201 : 400);
        body.put("stored", result.stored());
        body.put("households", result.households());
        body.put("members", result.members());
        body.put("errors", summary.errors());
        body.put("warnings", summary.warnings());
        body.put("perColumn", summary.perColumn());
        body.put("problems", problems(summary.listed()));
        return ResponseEntity.status(result.stored() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST).body(body);
    }

    /** {@code dryRun=true}: the preview's summary (counts, every change, the new villages, the problems); nothing stored. */
    private Map<String, Object> dryRunBody(ImportPlan plan) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        ImportJobs.ProblemSummary summary = ImportJobs.ProblemSummary.of(plan.problems());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 200);
        body.put("dryRun", true);
        body.put("stored", false);
        body.put("wouldStore", plan.wouldStore());
        body.put("mode", plan.options().mode().code());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("new", plan.added().size());
        counts.put("changed", plan.changed().size());
        counts.put("unchanged", plan.unchanged().size());
        counts.put("refused", plan.refusedHouseholds());
        counts.put("changedFields", plan.changedFields());
        counts.put("warnings", plan.warnings().size());
        counts.put("newVillages", plan.newVillages().size());
        body.put("counts", counts);
        body.put("newVillages", plan.newVillages().stream()
                .map(v -> Map.of("communeCode", v.communeCode(), "name", v.name())).toList());
        body.put("changes", plan.changed().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", e.line());
            m.put("communeCode", e.communeCode());
            m.put("householdCode", e.householdCode());
            m.put("fields", e.changes().stream().map(c -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("memberNo", c.memberNo());
                f.put("column", c.column());
                f.put("label", messages.getMessage(c.labelKey(), null, c.column(), locale));
                f.put("before", c.before().plain());
                f.put("after", c.after().plain());
                return f;
            }).toList());
            return m;
        }).toList());
        body.put("errors", summary.errors());
        body.put("warnings", summary.warnings());
        body.put("perColumn", summary.perColumn());
        body.put("problems", problems(summary.listed()));
        return body;
    }

    private List<Map<String, Object>> problems(List<ExchangeProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("value", p.value() == null ? "" : p.value());
            m.put("code", p.code());
            m.put("message", messages.getMessage(p.code(), p.args().toArray(), p.message(), LocaleContextHolder.getLocale()));
            return m;
        }).toList();
    }
}
