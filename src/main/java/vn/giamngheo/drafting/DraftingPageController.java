package vn.giamngheo.drafting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanNotFoundException;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Pages under a plan: its document ({@code /plans/{id}/document}) and its 6-month and annual reports
 * ({@code /plans/{id}/reports/half-year}, {@code /plans/{id}/reports/annual}): the narrative sections written before
 * drafting, the draft button, every kept version with what changed and its files.
 */
@Controller
class DraftingPageController {

    /** Form fields of the narrative sections: {@code section.} + the section's code. */
    static final String FIELD = "section.";

    private final Drafts drafts;
    private final MessageSource messages;

    DraftingPageController(Drafts drafts, MessageSource messages) {
        this.drafts = drafts;
        this.messages = messages;
    }

    @GetMapping("/plans/{id}/document")
    String document(@PathVariable long id, Model model) {
        return page(id, DraftKind.PLAN, model);
    }

    @PostMapping("/plans/{id}/document/narrative")
    String saveDocument(@PathVariable long id, @RequestParam(required = false) Integer version,
                        @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save(id, DraftKind.PLAN, version, form, redirect);
    }

    @PostMapping("/plans/{id}/document/draft")
    String draftDocument(@PathVariable long id, RedirectAttributes redirect) {
        return draft(id, DraftKind.PLAN, redirect);
    }

    @GetMapping("/plans/{id}/reports/{period}")
    String report(@PathVariable long id, @PathVariable String period, Model model) {
        return page(id, reportKind(period), model);
    }

    @PostMapping("/plans/{id}/reports/{period}/narrative")
    String saveReport(@PathVariable long id, @PathVariable String period, @RequestParam(required = false) Integer version,
                      @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save(id, reportKind(period), version, form, redirect);
    }

    @PostMapping("/plans/{id}/reports/{period}/draft")
    String draftReport(@PathVariable long id, @PathVariable String period, RedirectAttributes redirect) {
        return draft(id, reportKind(period), redirect);
    }

    /** A kept version's Word file as it was drafted. */
    @GetMapping("/plans/{id}/drafts/{draftId}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, @PathVariable long draftId) {
        return download(drafts, id, draftId, "docx", CurrentUsers.require());
    }

    /** A kept version's PDF file as it was drafted. */
    @GetMapping("/plans/{id}/drafts/{draftId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long draftId) {
        return download(drafts, id, draftId, "pdf", CurrentUsers.require());
    }

    static ResponseEntity<byte[]> download(Drafts drafts, long id, long draftId, String format, CurrentUser user) {
        Drafts.Version v = drafts.get(id, draftId, user);
        byte[] bytes = drafts.file(id, draftId, format, user);
        MediaType type = format.equals("pdf") ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String name = (v.kind() == DraftKind.PLAN ? "ke-hoach" : v.kind() == DraftKind.ANNUAL ? "bao-cao-nam" : "bao-cao-6-thang")
                + "-" + id + "-v" + draftId + "." + format;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }

    /** A kept version with its changes in words. */
    public record Shown(Drafts.Drafted drafted, List<FigureWords.Shown> changes) {
    }

    private String page(long id, DraftKind kind, Model model) {
        CurrentUser user = CurrentUsers.require();
        Plan plan = drafts.plan(id, user);
        model.addAttribute("plan", plan);
        model.addAttribute("kind", kind);
        model.addAttribute("narrative", drafts.narrative(id, kind, user));
        FigureWords words = new FigureWords(messages, LocaleContextHolder.getLocale());
        model.addAttribute("history", drafts.history(id, kind, user).stream()
                .map(d -> new Shown(d, words.show(d.changes()))).toList());
        model.addAttribute("canEdit", user.canEdit());
        model.addAttribute("base", "/plans/" + id + "/" + kind.path());
        model.addAttribute("kinds", List.of(DraftKind.values()));
        return "plans/draft";
    }

    private String save(long id, DraftKind kind, Integer version, Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> texts = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(FIELD)) {
                texts.put(k.substring(FIELD.length()), v);
            }
        });
        try {
            drafts.saveNarrative(id, kind, texts, version, CurrentUsers.require());
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
            redirect.addFlashAttribute("unsaved", texts);
        }
        return "redirect:/plans/" + id + "/" + kind.path();
    }

    private String draft(long id, DraftKind kind, RedirectAttributes redirect) {
        try {
            Drafts.Drafted d = drafts.draft(id, kind, LocaleContextHolder.getLocale(), CurrentUsers.require());
            redirect.addFlashAttribute("drafted", d.version().id());
        } catch (InvalidPlanException e) {
            redirect.addFlashAttribute("problems", texts(e));
        }
        return "redirect:/plans/" + id + "/" + kind.path();
    }

    static DraftKind reportKind(String period) {
        return DraftKind.ofReportPath(period).orElseThrow(() -> new PlanNotFoundException("no report " + period
                + " (half-year or annual)"));
    }

    private List<String> texts(InvalidPlanException e) {
        return e.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.argArray(), p.messageKey(),
                LocaleContextHolder.getLocale())).toList();
    }
}
