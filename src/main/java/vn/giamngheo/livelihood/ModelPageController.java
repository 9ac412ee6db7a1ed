package vn.giamngheo.livelihood;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages of the livelihood models: list (models below the required share flagged), create, detail, XLSX. */
@Controller
@RequestMapping("/livelihood/models")
class ModelPageController {

    static final String LIST = "livelihood/list";
    static final String DETAIL = "livelihood/detail";

    private final LivelihoodModels models;
    private final LivelihoodThresholds thresholds;
    private final AuditLog audit;
    private final MessageSource messages;

    ModelPageController(LivelihoodModels models, LivelihoodThresholds thresholds, AuditLog audit, MessageSource messages) {
        this.models = models;
        this.thresholds = thresholds;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean flagged, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("models", models.list(user.scope(), flagged));
        model.addAttribute("flagged", flagged);
        model.addAttribute("thresholds", thresholds.current());
        model.addAttribute("kinds", ModelRecords.KINDS);
        model.addAttribute("communes", models.communes(user.scope()));
        return LIST;
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(required = false) Long communeId, @RequestParam(required = false) Long villageId,
                  @RequestParam(defaultValue = "") String programmeItem, @RequestParam(defaultValue = "") String budgetLine,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @RequestParam(defaultValue = "") String leadAgency, @RequestParam(defaultValue = "") String description,
                  RedirectAttributes redirect) {
        try {
            ModelRecords.Model m = models.create(new ModelRecords.ModelForm(name, kind, communeId, villageId, programmeItem,
                    budgetLine, startsOn, endsOn, leadAgency, description), CurrentUsers.requireEditor());
            return "redirect:/livelihood/models/" + m.id();
        } catch (InvalidModelException e) {
            redirect.addFlashAttribute("problems", words(e));
            return "redirect:/livelihood/models";
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("model", models.get(id, user.scope()));
        model.addAttribute("participants", models.participants(id));
        model.addAttribute("thresholds", thresholds.current());
        model.addAttribute("kinds", ModelRecords.KINDS);
        return DETAIL;
    }

    /** Saves the edited model (with the version the form was shown with). */
    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) Integer version,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(required = false) Long villageId,
                  @RequestParam(defaultValue = "") String programmeItem, @RequestParam(defaultValue = "") String budgetLine,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @RequestParam(defaultValue = "") String leadAgency, @RequestParam(defaultValue = "") String description,
                  RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        return act(id, redirect, () -> models.update(id, version, new ModelRecords.ModelForm(name, kind, null, villageId,
                programmeItem, budgetLine, startsOn, endsOn, leadAgency, description), user));
    }

    @PostMapping("/{id}/participants")
    String addParticipant(@PathVariable long id, @RequestParam(required = false) Long householdId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn,
                          @RequestParam(required = false) Long incomeBefore, @RequestParam(defaultValue = "") String note,
                          RedirectAttributes redirect) {
        return act(id, redirect, () -> models.addParticipant(id,
                new ModelRecords.ParticipantForm(householdId, joinedOn, incomeBefore, note), CurrentUsers.requireEditor()));
    }

    @PostMapping("/{id}/participants/{participantId}/incomes")
    String incomes(@PathVariable long id, @PathVariable long participantId, @RequestParam(required = false) String version,
                   @RequestParam(required = false) Long incomeBefore, @RequestParam(required = false) Long incomeAfter,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> models.recordIncomes(id, participantId,
                new ModelRecords.IncomeForm(version, incomeBefore, incomeAfter), CurrentUsers.requireEditor()));
    }

    @PostMapping("/{id}/participants/{participantId}/delete")
    String remove(@PathVariable long id, @PathVariable long participantId, RedirectAttributes redirect) {
        return act(id, redirect, () -> models.removeParticipant(id, participantId, CurrentUsers.requireEditor()));
    }

    @GetMapping("/export.xlsx")
    void xlsx(HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        List<ModelRecords.Model> list = models.list(user.scope(), false);
        Map<Long, List<ModelRecords.Participant>> participants = new LinkedHashMap<>();
        list.forEach(m -> participants.put(m.id(), models.participants(m.id())));
        audit.record("EXPORT", "livelihood_model", null, user.scope().provinceCode(),
                "livelihood models (" + list.size() + " models)");
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"mo-hinh-giam-ngheo.xlsx\"");
        ModelWorkbook.write(user.getUnitName() == null ? "Toàn quốc" : user.getUnitName(), list, participants,
                response.getOutputStream());
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidModelException e) {
            redirect.addFlashAttribute("problems", words(e));
        }
        return "redirect:/livelihood/models/" + id;
    }

    private List<String> words(InvalidModelException e) {
        return e.problems().stream().map(p -> messages.getMessage(p.key(), p.args().toArray(), p.key(),
                LocaleContextHolder.getLocale())).toList();
    }
}
