package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** The pages of the review: rounds, their households, meetings, posting and complaints, decision, approval. */
@Controller
@RequestMapping("/reviews")
class ReviewController {

    private final ReviewRounds rounds;
    private final RoundHouseholds households;
    private final VillageMeetings meetings;
    private final ReviewComplaints complaints;
    private final ReviewDecisions decisions;
    private final RefusalMessages refusals;
    private final vn.giamngheo.movement.MovementService movements;
    private final Clock clock;

    ReviewController(ReviewRounds rounds, RoundHouseholds households, VillageMeetings meetings, ReviewComplaints complaints,
                     ReviewDecisions decisions, RefusalMessages refusals, vn.giamngheo.movement.MovementService movements,
                     Clock clock) {
        this.rounds = rounds;
        this.households = households;
        this.meetings = meetings;
        this.complaints = complaints;
        this.decisions = decisions;
        this.refusals = refusals;
        this.movements = movements;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String state, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("rounds", rounds.search(user, null, year, state));
        model.addAttribute("communes", rounds.communes(user));
        model.addAttribute("year", year);
        model.addAttribute("state", state);
        model.addAttribute("states", RoundState.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "review/list";
    }

    @PostMapping
    String open(@RequestParam long communeId, @RequestParam String kind, @RequestParam int reviewYear,
                @RequestParam(required = false) Integer reviewMonth,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referenceDate,
                RedirectAttributes ra, Locale locale) {
        try {
            ReviewRound round = rounds.open(new OpenRound(communeId, RoundKind.of(kind), reviewYear, reviewMonth,
                    referenceDate), CurrentUsers.require());
            return "redirect:/reviews/" + round.id();
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
            return "redirect:/reviews";
        }
    }

    @GetMapping("/{id}")
    String round(@PathVariable long id, Model model, Locale locale) {
        CurrentUser user = CurrentUsers.require();
        ReviewRound round = rounds.get(id, user);
        List<RoundHousehold> rows = households.list(id, user, locale);
        model.addAttribute("round", round);
        model.addAttribute("households", rows);
        model.addAttribute("collected", rows.stream().filter(RoundHousehold::collected).count());
        model.addAttribute("agreed", rows.stream().filter(h -> "agreed".equals(h.meetingState())).count());
        model.addAttribute("villages", rounds.villages(round.communeId()));
        model.addAttribute("meetings", meetings.list(id, user));
        model.addAttribute("complaints", complaints.list(id, user));
        model.addAttribute("decisions", decisions.decisions(id, user));
        model.addAttribute("approvals", decisions.approvals(id, user));
        model.addAttribute("history", rounds.history(id, user));
        model.addAttribute("states", RoundState.values());
        model.addAttribute("today", LocalDate.now(clock));
        decisions.current(id).filter(d -> round.decided()).ifPresent(d -> {
            model.addAttribute("decision", d);
            List<DecidedHousehold> decided = decisions.households(id, d.id(), user);
            model.addAttribute("decided", decided);
            java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
            for (vn.giamngheo.review.rules.DecidedList l : vn.giamngheo.review.rules.DecidedList.values()) {
                counts.put(l.code(), decided.stream().filter(h -> h.lists().contains(l)).count());
            }
            model.addAttribute("listCounts", counts);
            model.addAttribute("movements", movements.forDecision(d.id(), user));
            decisions.laterListWithout(round, d).ifPresent(later -> model.addAttribute("laterList", later));
        });
        return "review/round";
    }

    @PostMapping("/{id}/advance")
    String advance(@PathVariable long id, @RequestParam String target, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> rounds.advance(id, target(target), CurrentUsers.require()));
    }

    @PostMapping("/{id}/send-back")
    String sendBack(@PathVariable long id, @RequestParam String target, @RequestParam(required = false) String reason,
                    RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> rounds.sendBack(id, target(target), reason, CurrentUsers.require()));
    }

    @PostMapping("/{id}/households")
    String add(@PathVariable long id, @RequestParam String what, @RequestParam(required = false) Long villageId,
               @RequestParam(required = false) String householdCode, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> {
            CurrentUser user = CurrentUsers.require();
            int added = switch (what) {
                case "current" -> households.addCurrentLists(id, user);
                case "applications" -> households.addApplications(id, user);
                case "village" -> households.add(id, null, villageId == null ? -1L : villageId, user);
                case "household" -> households.addByCode(id, householdCode, user);
                default -> households.add(id, null, null, user);
            };
            ra.addFlashAttribute("added", added);
        });
    }

    @PostMapping("/{id}/households/{householdId}/remove")
    String remove(@PathVariable long id, @PathVariable long householdId, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> households.remove(id, householdId, CurrentUsers.require()));
    }

    @PostMapping("/{id}/collect")
    String collectAll(@PathVariable long id, @RequestParam(defaultValue = "false") boolean again, RedirectAttributes ra,
                      Locale locale) {
        return attempt(id, ra, locale, () -> ra.addFlashAttribute("collectedNow",
                households.collectAll(id, again, CurrentUsers.require())));
    }

    @PostMapping("/{id}/households/{householdId}/collect")
    String collect(@PathVariable long id, @PathVariable long householdId, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> households.collect(id, householdId, CurrentUsers.require()));
    }

    @GetMapping("/{id}/households/{householdId}")
    String household(@PathVariable long id, @PathVariable long householdId, Model model) {
        CurrentUser user = CurrentUsers.require();
        ReviewRound round = rounds.get(id, user);
        model.addAttribute("round", round);
        model.addAttribute("h", households.household(round, householdId));
        model.addAttribute("english", "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("snapshot", households.snapshot(id, householdId, user));
        return "review/household";
    }

    @PostMapping("/{id}/meetings")
    String meeting(@PathVariable long id, @RequestParam(required = false) Long villageId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                   @RequestParam(required = false) String chair, @RequestParam(required = false) String secretary,
                   @RequestParam(required = false) String supervisor, @RequestParam(required = false) Integer invited,
                   @RequestParam(required = false) Integer attendees, @RequestParam(required = false) Integer agreed,
                   @RequestParam(required = false) String note, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> {
            VillageMeeting m = meetings.record(id, new MeetingForm(villageId, heldOn, chair, secretary, supervisor, invited,
                    attendees, agreed, note), CurrentUsers.require());
            ra.addFlashAttribute("meetingResult", m.passed() ? "review.meeting.passed" : "review.meeting.failed");
        });
    }

    @PostMapping("/{id}/posting")
    String post(@PathVariable long id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
                RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> rounds.post(id, startedOn, CurrentUsers.require()));
    }

    @PostMapping("/{id}/complaints")
    String complaint(@PathVariable long id, @RequestParam(required = false) Long householdId,
                     @RequestParam(required = false) String complainant,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                     @RequestParam(required = false) String content, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> complaints.record(id, householdId, complainant, receivedOn, content,
                CurrentUsers.require()));
    }

    @PostMapping("/{id}/complaints/{complaintId}/answer")
    String answer(@PathVariable long id, @PathVariable long complaintId, @RequestParam(required = false) String recheckNote,
                  @RequestParam(required = false) String answer,
                  @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                          iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate answeredOn,
                  RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> complaints.answer(id, complaintId, recheckNote, answer, answeredOn,
                CurrentUsers.require()));
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String number,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                  RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> decisions.decide(id, number, decidedOn, CurrentUsers.require()));
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> decisions.approve(id, CurrentUsers.require()));
    }

    @PostMapping("/{id}/return")
    String returnResult(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes ra,
                        Locale locale) {
        return attempt(id, ra, locale, () -> decisions.returnResult(id, reason, CurrentUsers.require()));
    }

    /** The state a form asks for; a code naming no state is refused with a message, like any other refusal. */
    private static RoundState target(String code) {
        try {
            return RoundState.of(code);
        } catch (IllegalArgumentException e) {
            throw new ReviewRefusedException("review.refused.unknownState", String.valueOf(code));
        }
    }

    private String attempt(long id, RedirectAttributes ra, Locale locale, Runnable step) {
        try {
            step.run();
            ra.addFlashAttribute("done", true);
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
        }
        return "redirect:/reviews/" + id;
    }
}
