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
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final RoundListing listing;
    private final RoundSummaries summaries;
    private final CollectionJobs jobs;

    /** Decision movements shown on the round page; the movement report has them all. */
    static final int MOVEMENTS_SHOWN = 100;
    /** How long starting a collection waits for it before showing its progress instead. */
    static final java.time.Duration SHORT_WAIT = java.time.Duration.ofSeconds(3);

    ReviewController(ReviewRounds rounds, RoundHouseholds households, VillageMeetings meetings, ReviewComplaints complaints,
                     ReviewDecisions decisions, RefusalMessages refusals, vn.giamngheo.movement.MovementService movements,
                     Clock clock, RoundListing listing, RoundSummaries summaries, CollectionJobs jobs) {
        this.listing = listing;
        this.summaries = summaries;
        this.jobs = jobs;
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

    /**
     * The round: the step panel first (where the round is, what stops it, the next action and its form), then its
     * households one page at a time, filtered on the server. An htmx request for another page or filter gets the
     * households' part only.
     */
    @GetMapping("/{id}")
    String round(@PathVariable long id, @RequestParam(required = false) String village,
                 @RequestParam(required = false) String collected, @RequestParam(required = false) String result,
                 @RequestParam(required = false) String change, @RequestParam(required = false) String complaint,
                 @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String collection,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 @RequestHeader(value = "HX-Target", required = false) String htmxTarget, Model model) {
        CurrentUser user = CurrentUsers.require();
        ReviewRound round = rounds.get(id, user);
        RoundListing.Filter filter = RoundListing.Filter.of(village, collected, result, change, complaint);
        RoundListing.Totals totals = listing.totals(round);
        model.addAttribute("round", round);
        model.addAttribute("filter", filter);
        model.addAttribute("page", listing.page(round, filter, page));
        model.addAttribute("totals", totals);
        model.addAttribute("villages", rounds.villages(round.communeId()));
        model.addAttribute("decision", null);
        if (htmx != null && "households-part".equals(htmxTarget)) {
            decisions.current(id).filter(d -> round.decided()).ifPresent(d -> model.addAttribute("decision", d));
            return "review/round :: households";
        }
        model.addAttribute("collected", totals.collectedCount());
        model.addAttribute("agreed", totals.agreed());
        // the summary is what the chair signs on and the province approves on: read when it is shown
        RoundSummary summary = round.state() == RoundState.POSTED || round.decided() ? summaries.of(round) : null;
        model.addAttribute("summary", summary);
        if (round.state() == RoundState.PREPARING || round.state() == RoundState.COLLECTING) {
            model.addAttribute("blocked", listing.blocked(round, RoundListing.NAMED));
        }
        if (collection != null) {
            jobs.find(collection, id, user).ifPresent(j -> model.addAttribute("job", j));
        }
        model.addAttribute("meetings", meetings.list(id, user));
        model.addAttribute("complaints", complaints.list(id, user));
        model.addAttribute("decisions", decisions.decisions(id, user));
        model.addAttribute("approvals", decisions.approvals(id, user));
        model.addAttribute("history", rounds.history(id, user));
        model.addAttribute("states", RoundState.values());
        model.addAttribute("today", LocalDate.now(clock));
        decisions.current(id).filter(d -> round.decided()).ifPresent(d -> {
            model.addAttribute("decision", d);
            model.addAttribute("listCounts", summaries.decidedLists(round, d.id()));
            List<vn.giamngheo.movement.HouseholdMovement> moved = movements.forDecision(d.id(), user);
            model.addAttribute("movements", moved.size() > MOVEMENTS_SHOWN ? moved.subList(0, MOVEMENTS_SHOWN) : moved);
            model.addAttribute("movementsTotal", moved.size());
            decisions.laterListWithout(round, d).ifPresent(later -> model.addAttribute("laterList", later));
        });
        return "review/round";
    }

    /** The complaint form's search: at most {@link RoundListing#MATCHES} households of the round by code or name. */
    @GetMapping("/{id}/households/search")
    String search(@PathVariable long id, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String householdCode, Model model) {
        CurrentUser user = CurrentUsers.require();
        if (q == null) {
            q = householdCode; // the complaint form's search box sends itself under its own name
        }
        model.addAttribute("round", rounds.get(id, user));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("matches", listing.search(id, q, user));
        return "review/fragments :: matches";
    }

    /** Starts collecting the round in the background; the round page then shows its progress. */
    @PostMapping("/{id}/collect-job")
    String collectJob(@PathVariable long id, @RequestParam(defaultValue = "false") boolean again, RedirectAttributes ra,
                      Locale locale) {
        try {
            CollectionJobs.Job job = jobs.start(id, again, CurrentUsers.require(), locale);
            // a small round is collected while the officer waits; a large one shows its progress on the round page
            if (job.await(SHORT_WAIT)) {
                if (job.getProblems().isEmpty()) {
                    ra.addFlashAttribute("done", true);
                    ra.addFlashAttribute("collectedNow", job.getClassified());
                } else {
                    ra.addFlashAttribute("problems", job.getProblems());
                }
                return "redirect:/reviews/" + id;
            }
            return "redirect:/reviews/" + id + "?collection=" + job.getId();
        } catch (ReviewRefusedException e) {
            ra.addFlashAttribute("problems", refusals.of(e, locale));
            return "redirect:/reviews/" + id;
        }
    }

    /** The progress of a background collection (polled by the round page). */
    @GetMapping("/{id}/collect-job/{job}")
    String collectJobProgress(@PathVariable long id, @PathVariable String job, Model model) {
        CurrentUser user = CurrentUsers.require();
        ReviewRound round = rounds.get(id, user);
        model.addAttribute("round", round);
        model.addAttribute("job", jobs.find(job, id, user).orElseThrow(() -> new RoundNotFoundException("job " + job)));
        return "review/fragments :: collection";
    }

    /** The chair's confirmation step: the summary again, the number and date given, and "I have read". */
    @GetMapping("/{id}/decision/confirm")
    String confirmDecision(@PathVariable long id, @RequestParam(required = false) String number,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                           Model model) {
        confirmation(id, "decision", model).addAttribute("number", number).addAttribute("decidedOn", decidedOn);
        return "review/confirm";
    }

    /** The province's confirmation step before approving. */
    @GetMapping("/{id}/approve/confirm")
    String confirmApproval(@PathVariable long id, Model model) {
        confirmation(id, "approve", model);
        return "review/confirm";
    }

    /** The province's confirmation step before returning, with the reason given. */
    @GetMapping("/{id}/return/confirm")
    String confirmReturn(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        confirmation(id, "return", model).addAttribute("reason", reason);
        return "review/confirm";
    }

    private Model confirmation(long id, String action, Model model) {
        CurrentUser user = CurrentUsers.require();
        ReviewRound round = rounds.get(id, user);
        model.addAttribute("round", round);
        model.addAttribute("action", action);
        model.addAttribute("summary", summaries.of(id, user));
        model.addAttribute("today", LocalDate.now(clock));
        return model;
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
                     @RequestParam(required = false) String householdCode,
                     @RequestParam(required = false) String complainant,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                     @RequestParam(required = false) String content, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> {
            CurrentUser user = CurrentUsers.require();
            Long household = householdId;
            if (household == null && householdCode != null && !householdCode.isBlank()) {
                // the form sent without script: the code typed in the search box
                household = listing.byCode(id, householdCode, user).orElseThrow(() ->
                        new ReviewRefusedException("review.refused.complaintCode", householdCode.strip()));
            }
            complaints.record(id, household, complainant, receivedOn, content, user);
        });
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
                  @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> {
            requireConfirmed(confirmed, "review.refused.notConfirmed.decision");
            decisions.decide(id, number, decidedOn, CurrentUsers.require());
        });
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes ra,
                   Locale locale) {
        return attempt(id, ra, locale, () -> {
            requireConfirmed(confirmed, "review.refused.notConfirmed.approval");
            decisions.approve(id, CurrentUsers.require());
        });
    }

    @PostMapping("/{id}/return")
    String returnResult(@PathVariable long id, @RequestParam(required = false) String reason,
                        @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes ra, Locale locale) {
        return attempt(id, ra, locale, () -> {
            requireConfirmed(confirmed, "review.refused.notConfirmed.approval");
            decisions.returnResult(id, reason, CurrentUsers.require());
        });
    }

    /**
     * The pages sign and approve only after the summary was read: a form without {@code confirmed=true} (the
     * confirmation step's checkbox) is refused, and nothing is stored.
     */
    private static void requireConfirmed(boolean confirmed, String key) {
        if (!confirmed) {
            throw new ReviewRefusedException(key);
        }
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
