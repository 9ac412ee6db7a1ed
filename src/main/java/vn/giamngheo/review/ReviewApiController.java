package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUsers;

/**
 * The review over REST: rounds and their steps, applications, decisions and approval. A refused step answers 409
 * with every reason; a round outside the caller's area answers 404.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewApiController {

    private final ReviewRounds rounds;
    private final RoundHouseholds households;
    private final VillageMeetings meetings;
    private final ReviewComplaints complaints;
    private final ReviewDecisions decisions;
    private final ReviewApplications applications;
    private final RefusalMessages refusals;
    private final ReviewProgress progress;
    private final java.time.Clock clock;
    private final RoundSummaries summaries;
    private final CollectionJobs jobs;

    ReviewApiController(ReviewRounds rounds, RoundHouseholds households, VillageMeetings meetings,
                        ReviewComplaints complaints, ReviewDecisions decisions, ReviewApplications applications,
                        RefusalMessages refusals, ReviewProgress progress, java.time.Clock clock,
                        RoundSummaries summaries, CollectionJobs jobs) {
        this.summaries = summaries;
        this.jobs = jobs;
        this.rounds = rounds;
        this.households = households;
        this.meetings = meetings;
        this.complaints = complaints;
        this.decisions = decisions;
        this.applications = applications;
        this.refusals = refusals;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * The review rounds of the caller's area.
     * Periodic and monthly review rounds of the communes of the caller's area, optionally of one unit, year or state.
     * @param unit id of a unit of the caller's area (its communes' rounds)
     * @param year the review year
     * @param state the round's state, e.g. collecting, meetings, posting, decided
     */
    @GetMapping
    List<ReviewRound> list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) String state) {
        return rounds.search(CurrentUsers.require(), unit, year, state);
    }

    /**
     * Opens a review round for a commune.
     * Opens a periodic or monthly review round of the caller's commune; a round that cannot be opened answers 409 with the
     * reasons.
     * @param request the commune, kind and year of the round
     */
    @PostMapping
    ResponseEntity<ReviewRound> open(@RequestBody OpenRound request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rounds.open(request, CurrentUsers.require()));
    }

    /**
     * One review round with its state and dates.
     * @param id id of the round (of the caller's area)
     */
    @GetMapping("/{id}")
    ReviewRound get(@PathVariable long id) {
        return rounds.get(id, CurrentUsers.require());
    }

    /**
     * Moves a round on to its next step.
     *
     * Body: {"target": "collecting"|"meetings"}.
     * @param id id of the round
     * @param body the step to move to: {@code {"target": "collecting"|"meetings"}}
     */
    @PostMapping("/{id}/advance")
    ReviewRound advance(@PathVariable long id, @RequestBody Map<String, String> body) {
        return rounds.advance(id, state(body.get("target")), CurrentUsers.require());
    }

    /**
     * Sends a round back to an earlier step, with a reason.
     *
     * Body: {"target": "collecting"|"meetings", "reason": "…"}.
     * @param id id of the round
     * @param body the step to go back to and why: {@code {"target": "collecting"|"meetings", "reason": "…"}}
     */
    @PostMapping("/{id}/send-back")
    ReviewRound sendBack(@PathVariable long id, @RequestBody Map<String, String> body) {
        return rounds.sendBack(id, state(body.get("target")), body.get("reason"), CurrentUsers.require());
    }

    /**
     * The households of a round with their collected facts and proposed classification.
     * @param id id of the round
     */
    @GetMapping("/{id}/households")
    List<RoundHousehold> households(@PathVariable long id, Locale locale) {
        return households.list(id, CurrentUsers.require(), locale);
    }

    /**
     * Adds households to a round.
     * Adds the households of the current lists, of the applications received, of a village, one household by its code, or
     * every household of the commune; answers how many were added.
     *
     * Body: {"what": "current"|"applications"|"village"|"household"|"all", "villageId": …, "householdCode": "…"}.
     * @param id id of the round
     * @param body what to add: {@code what} and, for a village or a household, {@code villageId} or {@code householdCode}
     */
    @PostMapping("/{id}/households")
    Map<String, Integer> add(@PathVariable long id, @RequestBody Map<String, Object> body) {
        var user = CurrentUsers.require();
        String what = String.valueOf(body.getOrDefault("what", ""));
        int added = switch (what) {
            case "current" -> households.addCurrentLists(id, user);
            case "applications" -> households.addApplications(id, user);
            case "village" -> households.add(id, null, number(body.get("villageId")), user);
            case "household" -> households.addByCode(id, (String) body.get("householdCode"), user);
            case "all" -> households.add(id, null, null, user);
            default -> throw new ReviewRefusedException("review.refused.what");
        };
        return Map.of("added", added);
    }

    /**
     * Collects one household of a round.
     * Takes the household's facts from the register and classifies it under the round's standard.
     * @param id id of the round
     * @param householdId id of the household (in the round)
     */
    @PostMapping("/{id}/households/{householdId}/collect")
    RoundHousehold collect(@PathVariable long id, @PathVariable long householdId) {
        return households.collect(id, householdId, CurrentUsers.require());
    }

    /**
     * Collects every household of a round at once.
     * Answers how many were collected; for a large commune prefer {@code POST …/collect-jobs} (in the background).
     * @param id id of the round
     * @param again true: collect again the households already collected
     */
    @PostMapping("/{id}/collect")
    Map<String, Integer> collectAll(@PathVariable long id, @RequestParam(defaultValue = "false") boolean again) {
        return Map.of("collected", households.collectAll(id, again, CurrentUsers.require()));
    }

    /**
     * Starts collecting the round in the background (households not yet collected, or all with {@code again=true});
     * 202 with the job. Resumable per batch: what a run cut short collected is kept.
     * @param id id of the round
     * @param again true: collect again the households already collected
     */
    @PostMapping("/{id}/collect-jobs")
    ResponseEntity<Map<String, Object>> startCollection(@PathVariable long id, @RequestParam(defaultValue = "false") boolean again,
                                                        Locale locale) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job(jobs.start(id, again, CurrentUsers.require(), locale)));
    }

    /**
     * The progress of a background collection.
     * @param id id of the round
     * @param job id of the job, as {@code POST …/collect-jobs} answered
     */
    @GetMapping("/{id}/collect-jobs/{job}")
    Map<String, Object> collection(@PathVariable long id, @PathVariable String job) {
        return job(jobs.find(job, id, CurrentUsers.require()).orElseThrow(() -> new RoundNotFoundException("job " + job)));
    }

    private static Map<String, Object> job(CollectionJobs.Job j) {
        return Map.of("id", j.getId(), "round", j.getRoundId(), "total", j.getTotal(), "done", j.getDone(),
                "classified", j.getClassified(), "percent", j.getPercent(), "finished", j.isFinished(), "problems", j.getProblems());
    }

    /**
     * What the decision and the approval are made on: lists, changes, complaints ({@link RoundSummary}).
     * @param id id of the round
     */
    @GetMapping("/{id}/summary")
    RoundSummary summary(@PathVariable long id) {
        return summaries.of(id, CurrentUsers.require());
    }

    /**
     * The village meetings of a round.
     * @param id id of the round
     */
    @GetMapping("/{id}/meetings")
    List<VillageMeeting> meetings(@PathVariable long id) {
        return meetings.list(id, CurrentUsers.require());
    }

    /**
     * Records a village meeting of a round.
     * Who attended, how many voted for each household; a meeting attended by less than half of the households is refused
     * (409) and held again.
     * @param id id of the round
     * @param form the village, date, attendance and votes of the meeting
     */
    @PostMapping("/{id}/meetings")
    VillageMeeting meeting(@PathVariable long id, @RequestBody MeetingForm form) {
        return meetings.record(id, form, CurrentUsers.require());
    }

    /**
     * Starts the public posting of a round's lists.
     *
     * Body: {"startedOn": "2026-11-02"}.
     * @param id id of the round
     * @param body the day the posting starts: {@code {"startedOn": "2026-11-02"}}
     */
    @PostMapping("/{id}/posting")
    ReviewRound post(@PathVariable long id, @RequestBody Map<String, String> body) {
        return rounds.post(id, date(body.get("startedOn")), CurrentUsers.require());
    }

    /**
     * The complaints received about a round's lists.
     * @param id id of the round
     */
    @GetMapping("/{id}/complaints")
    List<Complaint> complaints(@PathVariable long id) {
        return complaints.list(id, CurrentUsers.require());
    }

    /**
     * Records a complaint about a round's lists.
     *
     * Body: {"householdId": …, "complainant": "…", "receivedOn": "…", "content": "…"}.
     * @param id id of the round
     * @param body the household, complainant, day received and content:
     * {@code {"householdId": …, "complainant": "…", "receivedOn": "…", "content": "…"}}
     */
    @PostMapping("/{id}/complaints")
    Complaint complaint(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return complaints.record(id, number(body.get("householdId")), (String) body.get("complainant"),
                date((String) body.get("receivedOn")), (String) body.get("content"), CurrentUsers.require());
    }

    /**
     * Answers a complaint after checking again.
     * @param id id of the round
     * @param complaintId id of the complaint
     * @param body the note of the recheck, the answer and the day answered:
     * {@code {"recheckNote": "…", "answer": "…", "answeredOn": "…"}}
     */
    @PostMapping("/{id}/complaints/{complaintId}/answer")
    Complaint answer(@PathVariable long id, @PathVariable long complaintId, @RequestBody Map<String, String> body) {
        return complaints.answer(id, complaintId, body.get("recheckNote"), body.get("answer"),
                date(body.get("answeredOn")), CurrentUsers.require());
    }

    /**
     * The chair's decision recognising the round's lists.
     *
     * Body: {"number": "12/QĐ-UBND", "decidedOn": "2026-12-10", "confirmed": true}. The pages ask the chair to read the
     * summary ({@code GET …/summary}) and confirm; over the API {@code confirmed} may be left out (the clients written
     * before it keep working: the program calling is responsible for showing the summary), but {@code false} is
     * refused, so a client that asks its user can pass the answer on.
     * @param id id of the round
     * @param body the decision's number and day, and the chair's confirmation
     */
    @PostMapping("/{id}/decision")
    ResponseEntity<Decision> decide(@PathVariable long id, @RequestBody Map<String, String> body) {
        notDeclined(body.get("confirmed"), "review.refused.notConfirmed.decision");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(decisions.decide(id, body.get("number"), date(body.get("decidedOn")), CurrentUsers.require()));
    }

    /**
     * The decisions of a round.
     * @param id id of the round
     */
    @GetMapping("/{id}/decisions")
    List<Decision> decisions(@PathVariable long id) {
        return decisions.decisions(id, CurrentUsers.require());
    }

    /**
     * The households of a decision with the status it gave them.
     * @param id id of the round
     * @param decisionId id of the decision
     */
    @GetMapping("/{id}/decisions/{decisionId}/households")
    List<DecidedHousehold> decided(@PathVariable long id, @PathVariable long decisionId) {
        return decisions.households(id, decisionId, CurrentUsers.require());
    }

    /**
     * The province approves a round's result.
     *
     * Optional {@code ?confirmed=false} is refused, as for the decision; left out, the approval goes ahead.
     * @param id id of the round
     * @param confirmed false is refused (the approval was not confirmed); left out, the approval goes ahead
     */
    @PostMapping("/{id}/approve")
    ReviewRound approve(@PathVariable long id, @RequestParam(required = false) String confirmed) {
        notDeclined(confirmed, "review.refused.notConfirmed.approval");
        return decisions.approve(id, CurrentUsers.require());
    }

    /**
     * The province returns a round's result to the commune, with a reason.
     *
     * Body: {"reason": "…", "confirmed": true} ({@code confirmed} as for the decision).
     * @param id id of the round
     * @param body why, and the confirmation
     */
    @PostMapping("/{id}/return")
    ReviewRound returnResult(@PathVariable long id, @RequestBody Map<String, String> body) {
        notDeclined(body.get("confirmed"), "review.refused.notConfirmed.approval");
        return decisions.returnResult(id, body.get("reason"), CurrentUsers.require());
    }

    /**
     * Completeness and timeliness of the periodic review of {@code year} (default: this year) under {@code unit} (a
     * unit of the caller's area; default: their own), one row per commune; a unit outside the area answers 404.
     * @param unit id of a unit of the caller's area (default: the caller's own; required for national users)
     * @param year the review year (default: this year)
     */
    @GetMapping("/progress")
    ProgressReport progress(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year) {
        var user = CurrentUsers.require();
        Long unitId = unit != null ? unit : user.scope().unitId();
        if (unitId == null) {
            throw new IllegalArgumentException("unit is required for a user of the whole country");
        }
        LocalDate today = LocalDate.now(clock);
        return progress.report(unitId, year == null ? today.getYear() : year, today, user);
    }

    /**
     * The applications received (to be listed, or to leave a list) in the caller's area.
     * @param commune id of a commune of the caller's area (default: every commune of the area)
     */
    @GetMapping("/applications")
    List<Application> applications(@RequestParam(required = false) Long commune) {
        return applications.list(commune, CurrentUsers.require());
    }

    /**
     * Receives a household's application.
     * An application to be recognised as poor or near-poor, or to leave a list, handled in the next round.
     * @param form the household, kind of application, day received and content
     */
    @PostMapping("/applications")
    ResponseEntity<Application> receive(@RequestBody ApplicationForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.receive(form, CurrentUsers.require()));
    }

    /** An API caller that says it did not confirm is refused; one that says nothing is not (see {@link #decide}). */
    private static void notDeclined(String confirmed, String key) {
        if (confirmed != null && !Boolean.parseBoolean(confirmed.strip())) {
            throw new ReviewRefusedException(key);
        }
    }

    private static RoundState state(String code) {
        if (code == null) {
            throw new IllegalArgumentException("target is required");
        }
        return RoundState.of(code);
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    private static Long number(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            return n.longValue();
        }
        return Long.valueOf(o.toString());
    }
}
