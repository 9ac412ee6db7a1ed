package vn.giamngheo.household;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.security.CurrentUsers;

/** The household page's forms for life events: move, split, merge, dissolve. */
@Controller
@RequestMapping("/households/{id}")
class LifeEventController {

    private final HouseholdLifeEvents events;

    LifeEventController(HouseholdLifeEvents events) {
        this.events = events;
    }

    @PostMapping("/move")
    String move(@PathVariable long id, @RequestParam int version, @RequestParam String toCommuneCode,
                @RequestParam(required = false) String newHouseholdCode,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return run(id, redirect, "event.done.moved", () -> {
            events.move(id, version, toCommuneCode, newHouseholdCode, date, note, CurrentUsers.requireEditor());
            return -1; // the household may now be outside the user's area: back to the list
        });
    }

    @PostMapping("/split")
    String split(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) List<Integer> leaving,
                 @RequestParam(required = false) Integer newHead, @RequestParam(required = false) Integer remainingHead,
                 @RequestParam String newHouseholdCode,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Set<Integer> members = leaving == null ? Set.of() : new LinkedHashSet<>(leaving);
        return run(id, redirect, "event.done.split", () -> events.split(id, version, members, newHead == null ? -1 : newHead,
                remainingHead, newHouseholdCode, date, note, CurrentUsers.requireEditor()).id());
    }

    @PostMapping("/merge")
    String merge(@PathVariable long id, @RequestParam int version, @RequestParam long intoHouseholdId,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return run(id, redirect, "event.done.merged",
                () -> events.merge(id, version, intoHouseholdId, date, note, CurrentUsers.requireEditor()).id());
    }

    @PostMapping("/dissolve")
    String dissolve(@PathVariable long id, @RequestParam int version,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return run(id, redirect, "event.done.dissolved", () -> {
            events.dissolve(id, version, date, note, CurrentUsers.requireEditor());
            return id;
        });
    }

    private interface Action {
        long run();
    }

    /** Runs the event; on success shows the resulting household, on refusal the reasons on this household's page. */
    private static String run(long id, RedirectAttributes redirect, String doneKey, Action action) {
        try {
            long target = action.run();
            redirect.addFlashAttribute("eventDone", doneKey);
            return target < 0 ? "redirect:/households" : "redirect:/households/" + target;
        } catch (InvalidHouseholdException e) {
            redirect.addFlashAttribute("eventProblems", e.problems());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("eventConflict", true);
        }
        return "redirect:/households/" + id;
    }
}
