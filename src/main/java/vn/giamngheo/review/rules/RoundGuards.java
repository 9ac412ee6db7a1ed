package vn.giamngheo.review.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold before a round moves forward. Each method returns every reason that stops the move (empty when
 * it may go ahead), never just the first.
 */
public final class RoundGuards {

    private RoundGuards() {
    }

    /** The facts of a round that the guards look at. */
    public record Facts(RoundState state, int households, int unclassified, int withoutVillage, int notAgreed,
                        ReviewCalendar.Posting posting, int openComplaints) {
    }

    public static List<Refusal> advance(Facts f, RoundState target, LocalDate on) {
        List<Refusal> refusals = new ArrayList<>();
        if (!f.state().canAdvanceTo(target)) {
            refusals.add(Refusal.of("review.refused.jump", f.state().code(), target == null ? "" : target.code()));
            return refusals;
        }
        switch (target) {
            case COLLECTING -> {
                if (f.households() == 0) {
                    refusals.add(Refusal.of("review.refused.noHouseholds"));
                }
            }
            case MEETINGS -> {
                if (f.households() == 0) {
                    refusals.add(Refusal.of("review.refused.noHouseholds"));
                }
                if (f.unclassified() > 0) {
                    refusals.add(Refusal.of("review.refused.unclassified", f.unclassified()));
                }
                if (f.withoutVillage() > 0) {
                    refusals.add(Refusal.of("review.refused.withoutVillage", f.withoutVillage()));
                }
            }
            case POSTED -> {
                if (f.notAgreed() > 0) {
                    refusals.add(Refusal.of("review.refused.notAgreed", f.notAgreed()));
                }
            }
            case DECIDED -> refusals.addAll(decision(f, on));
            default -> {
            }
        }
        return refusals;
    }

    /** No decision before posting and the complaint period have run out, or while a complaint is open. */
    public static List<Refusal> decision(Facts f, LocalDate decidedOn) {
        List<Refusal> refusals = new ArrayList<>();
        if (f.state() != RoundState.POSTED) {
            refusals.add(Refusal.of("review.refused.notPosted", f.state().code()));
            return refusals;
        }
        if (f.posting() != null && decidedOn.isBefore(f.posting().earliestDecision())) {
            refusals.add(Refusal.of("review.refused.periodRunning", f.posting().complaintsEndOn()));
        }
        if (f.openComplaints() > 0) {
            refusals.add(Refusal.of("review.refused.openComplaints", f.openComplaints()));
        }
        return refusals;
    }

    /** A village meeting belongs to its round: held on or after the day the round opens, and not after today. */
    public static List<Refusal> meetingDate(LocalDate heldOn, LocalDate opensOn, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        if (heldOn == null || heldOn.isAfter(today)) {
            refusals.add(Refusal.of("review.refused.meetingDate"));
        } else if (heldOn.isBefore(opensOn)) {
            refusals.add(Refusal.of("review.refused.meetingBeforeOpening", opensOn));
        }
        return refusals;
    }

    /**
     * Public posting shows the results the village meetings agreed: it starts on or after the day the round opens
     * and on or after the last meeting of the round ({@code lastMeeting} null when none was held).
     */
    public static List<Refusal> postingStart(LocalDate startedOn, LocalDate opensOn, LocalDate lastMeeting) {
        List<Refusal> refusals = new ArrayList<>();
        if (startedOn.isBefore(opensOn)) {
            refusals.add(Refusal.of("review.refused.postingBeforeOpening", opensOn));
        }
        if (lastMeeting != null && startedOn.isBefore(lastMeeting)) {
            refusals.add(Refusal.of("review.refused.postingBeforeMeeting", lastMeeting));
        }
        return refusals;
    }
}
