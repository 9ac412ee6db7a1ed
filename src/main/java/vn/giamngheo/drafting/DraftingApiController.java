package vn.giamngheo.drafting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.CurrentUsers;

/** REST API of a plan's drafted documents: narratives, drafting, kept versions with their changes, and their files. */
@RestController
@RequestMapping("/api/v1/plans/{id}")
class DraftingApiController {

    /** The narrative sections as edited, with {@code version} as last read (0 before the first save). */
    record NarrativeBody(Integer version, Map<String, String> sections) {
    }

    private final Drafts drafts;

    DraftingApiController(Drafts drafts) {
        this.drafts = drafts;
    }

    /**
     * The narrative sections of one of the plan's documents and their version.
     * @param id id of the plan (of the caller's area)
     * @param kind the document: {@code plan}, {@code half_year} or {@code annual}
     */
    @GetMapping("/narratives/{kind}")
    Map<String, Object> narrative(@PathVariable long id, @PathVariable String kind) {
        return narrative(drafts.narrative(id, kind(kind), CurrentUsers.require()));
    }

    /**
     * Saves the narrative sections of a document at the version they were read at; a narrative changed since is refused.
     * @param id id of the plan (of the caller's area)
     * @param kind the document: {@code plan}, {@code half_year} or {@code annual}
     * @param body the version read and the sections by code (a blank section is removed)
     */
    @PostMapping("/narratives/{kind}")
    Map<String, Object> saveNarrative(@PathVariable long id, @PathVariable String kind, @RequestBody NarrativeBody body) {
        return narrative(drafts.saveNarrative(id, kind(kind), body.sections() == null ? Map.of() : body.sections(),
                body.version(), CurrentUsers.require()));
    }

    /**
     * The kept drafted versions of the plan's documents, newest first, each with the figures that changed since the one
     * before it.
     * @param id id of the plan (of the caller's area)
     * @param kind only this document ({@code plan}, {@code half_year}, {@code annual}); all when absent
     */
    @GetMapping("/drafts")
    List<Map<String, Object>> drafts(@PathVariable long id, @RequestParam(required = false) String kind) {
        if (kind == null) {
            return drafts.versions(id, null, CurrentUsers.require()).stream().map(v -> version(v, null, null)).toList();
        }
        return drafts.history(id, kind(kind), CurrentUsers.require()).stream()
                .map(d -> version(d.version(), d.previousId(), d.changes())).toList();
    }

    /**
     * Drafts a document of the plan now from live data, keeps it (DOCX and PDF) and answers its version with the figures
     * that changed since the previous version.
     * @param id id of the plan (of the caller's area)
     * @param kind the document: {@code plan}, {@code half_year} or {@code annual}
     * @param language the document's language, {@code vi} (default) or {@code en}
     */
    @PostMapping("/drafts")
    Map<String, Object> draft(@PathVariable long id, @RequestParam String kind,
                              @RequestParam(required = false, defaultValue = "vi") String language) {
        if (!language.equals("vi") && !language.equals("en")) {
            throw new InvalidPlanException(PlanProblem.of("language", "drafting.error.language", language));
        }
        Drafts.Drafted d = drafts.draft(id, kind(kind), Locale.forLanguageTag(language), CurrentUsers.require());
        return version(d.version(), d.previousId(), d.changes());
    }

    /**
     * A kept version's Word file exactly as it was drafted.
     * @param id id of the plan (of the caller's area)
     * @param draftId id of the drafted version
     */
    @GetMapping("/drafts/{draftId}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, @PathVariable long draftId) {
        return DraftingPageController.download(drafts, id, draftId, "docx", CurrentUsers.require());
    }

    /**
     * A kept version's PDF file exactly as it was drafted.
     * @param id id of the plan (of the caller's area)
     * @param draftId id of the drafted version
     */
    @GetMapping("/drafts/{draftId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long draftId) {
        return DraftingPageController.download(drafts, id, draftId, "pdf", CurrentUsers.require());
    }

    private static DraftKind kind(String code) {
        return DraftKind.ofCode(code).orElseThrow(() -> new InvalidPlanException(PlanProblem.of("kind", "drafting.error.kind", code)));
    }

    private static Map<String, Object> narrative(Narratives.Narrative n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planId", n.planId());
        m.put("kind", n.kind().code());
        m.put("version", n.version());
        m.put("sections", n.sections());
        m.put("updatedBy", n.updatedBy());
        return m;
    }

    private static Map<String, Object> version(Drafts.Version v, Long previousId, List<Drafts.Change> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("planId", v.planId());
        m.put("kind", v.kind().code());
        m.put("language", v.language());
        m.put("draftedBy", v.draftedBy());
        m.put("draftedAt", v.draftedAt().toString());
        m.put("asOf", v.asOf().toString());
        m.put("narrativeVersion", v.narrativeVersion());
        m.put("planVersion", v.planVersion());
        m.put("dataVersion", v.dataVersion());
        m.put("findings", v.findings());
        m.put("figures", v.figures());
        m.put("docx", "/api/v1/plans/" + v.planId() + "/drafts/" + v.id() + "/docx");
        m.put("pdf", "/api/v1/plans/" + v.planId() + "/drafts/" + v.id() + "/pdf");
        if (changes != null) {
            m.put("previousId", previousId);
            m.put("changes", changes.stream().map(c -> Map.of("figure", c.key(), "before", c.before(), "after", c.after())).toList());
        }
        return m;
    }
}
