package vn.giamngheo.field.sync;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.household.ConcurrentEditException;
import vn.giamngheo.household.InvalidHouseholdException;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The server pages of the field sync (work at 360 px): the user's open conflicts and one conflict side by side with
 * keep mine / keep theirs / merge field by field; and the commune's page assigning the villages of a round to its
 * helpers and officers. Both forms carry the version they were read at.
 */
@Controller
@RequestMapping("/field")
class FieldSyncPageController {

    private final FieldConflicts conflicts;
    private final FieldAssignments assignments;
    private final MessageSource messages;
    private final HouseholdCaptures captures;

    FieldSyncPageController(FieldConflicts conflicts, FieldAssignments assignments, MessageSource messages,
                            HouseholdCaptures captures) {
        this.captures = captures;
        this.conflicts = conflicts;
        this.assignments = assignments;
        this.messages = messages;
    }

    @GetMapping("/conflicts")
    String conflicts(Model model) {
        model.addAttribute("rows", conflicts.open(CurrentUsers.require()));
        return "fieldsync/conflicts";
    }

    @GetMapping("/conflicts/{changeId}")
    String conflict(@PathVariable UUID changeId, Model model) {
        model.addAttribute("conflict", conflicts.view(changeId, CurrentUsers.require(), LocaleContextHolder.getLocale()));
        return "fieldsync/conflict";
    }

    @PostMapping("/conflicts/{changeId}")
    String resolve(@PathVariable UUID changeId, @RequestParam(defaultValue = "") String keep,
                   @RequestParam(required = false) Integer version, @RequestParam(required = false) Integer householdVersion,
                   @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Map<String, String> choices = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("choice:") && !values.isEmpty()) {
                choices.put(name.substring("choice:".length()), values.get(0));
            }
        });
        try {
            conflicts.resolve(changeId, new FieldConflicts.Resolution(keep, choices, householdVersion, version), user);
            redirect.addFlashAttribute("done", text("fieldsync.page.resolved"));
            return "redirect:/field/conflicts";
        } catch (InvalidHouseholdException e) {
            redirect.addFlashAttribute("problems", e.problems().stream()
                    .map(p -> p.field() + ": " + messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(),
                            LocaleContextHolder.getLocale())).toList());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("problems", List.of(text("fieldsync.page.household-changed")));
        } catch (FieldSyncException e) {
            redirect.addFlashAttribute("problems", List.of(text(e.key())));
        }
        return "redirect:/field/conflicts/" + changeId;
    }

    @GetMapping("/rounds/{roundId}/assignments")
    String assignmentPage(@PathVariable long roundId, Model model) {
        CurrentUser user = CurrentUsers.require();
        FieldAssignments.RoundAssignment a = assignments.roundAssignment(roundId, user);
        model.addAttribute("assignment", a);
        model.addAttribute("roundName", assignments.roundName(a.round(), LocaleContextHolder.getLocale()));
        return "fieldsync/assignments";
    }

    @PostMapping("/rounds/{roundId}/assignments")
    String assign(@PathVariable long roundId, @RequestParam(required = false) Integer version,
                  @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Map<Long, Set<Long>> assigned = new LinkedHashMap<>();
        try {
            params.forEach((name, values) -> {
                if (name.startsWith("village:")) {
                    Set<Long> users = new LinkedHashSet<>();
                    values.stream().filter(v -> !v.isBlank()).forEach(v -> users.add(Long.parseLong(v.strip())));
                    assigned.put(Long.parseLong(name.substring("village:".length())), users);
                }
            });
        } catch (NumberFormatException e) {
            throw new FieldSyncException("fieldsync.assign.village", "?");
        }
        try {
            assignments.assign(roundId, assigned, version, user);
            redirect.addFlashAttribute("done", text("fieldsync.page.assigned"));
        } catch (FieldAssignments.AssignmentChangedException e) {
            redirect.addFlashAttribute("problems", List.of(text("fieldsync.assign.changed")));
        } catch (FieldSyncException e) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage(e.key(), null, e.key(),
                    LocaleContextHolder.getLocale())));
        }
        return "redirect:/field/rounds/" + roundId + "/assignments";
    }

    /** The position and photo of a house as a panel of the household's page (404 when the household is not the user's). */
    @GetMapping("/households/{householdId}/panel")
    String capturePanel(@PathVariable long householdId, Model model) {
        model.addAttribute("capture", captures.of(householdId, CurrentUsers.require()).orElse(null));
        return "fieldsync/household-panel :: panel";
    }

    /** The photo of a house, for those who may see the household (otherwise 404); never cached by the browser. */
    @GetMapping("/households/{householdId}/photo")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long householdId) {
        HouseholdCaptures.Photo photo = captures.photo(householdId, CurrentUsers.require())
                .orElseThrow(() -> new vn.giamngheo.household.HouseholdNotFoundException(householdId));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, no-store").header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
