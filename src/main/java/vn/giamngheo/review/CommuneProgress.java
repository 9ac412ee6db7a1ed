package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where a commune stands in a review year: its round (if opened), state, decision and approval, and whether it is
 * late (not decided by the due day, or decided after it). A commune that never opened a round is due on the
 * calendar's decision day like the others, so it is late once that day has passed.
 * <p>
 * {@link #phase()} says it in one word — not opened, one of the steps, decided, approved, returned — and
 * {@link #timeliness} whether it is late ("quá hạn"), decided on time, or not yet due: a commune without a decision is
 * never "on time". Its lists ({@code poor}, {@code nearPoor}, {@code households}) are known only with a decision in
 * force ({@link #hasLists()}); without one they are no data, not zero. {@code approvedBy}: the level that last
 * approved the decision in force (district or province); {@code returnedBy} and {@code returnReason}: the level that
 * last sent the result back and why (null when never). Plain Java: the rules are tested without Spring.
 */
record CommuneProgress(long communeId, String communeCode, String communeName, Long roundId, String state,
                              String approvalState, LocalDate decisionDue, LocalDate decidedOn, String decisionNumber,
                              int poor, int nearPoor, int households, String approvedBy, String returnedBy,
                              String returnReason) {

    /** Where a commune's review stands. */
    public enum Phase {
        NOT_OPENED, PREPARING, COLLECTING, MEETINGS, POSTED, DECIDED, APPROVED, RETURNED;

        /** {@code not_opened}, {@code preparing}, … as in the API and the message keys. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Late (not decided by the due day, or decided after it), decided on time, or not decided and not yet due. */
    public enum Timeliness {
        LATE, ON_TIME, NOT_YET_DUE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CommuneProgress {
        java.util.Objects.requireNonNull(decisionDue, "decisionDue");
    }

    public CommuneProgress(long communeId, String communeCode, String communeName, Long roundId, String state,
                           String approvalState, LocalDate decisionDue, LocalDate decidedOn, String decisionNumber,
                           int poor, int nearPoor, int households) {
        this(communeId, communeCode, communeName, roundId, state, approvalState, decisionDue, decidedOn, decisionNumber,
                poor, nearPoor, households, null, null, null);
    }

    public boolean finished() {
        return "approved".equals(approvalState);
    }

    public boolean late(LocalDate today) {
        return timeliness(today) == Timeliness.LATE;
    }

    public Timeliness timeliness(LocalDate today) {
        if (decidedOn != null) {
            return decidedOn.isAfter(decisionDue) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        return today.isAfter(decisionDue) ? Timeliness.LATE : Timeliness.NOT_YET_DUE;
    }

    /** Days past the due day without a decision (0 when decided or not yet due). */
    public long daysOverdue(LocalDate today) {
        return decidedOn == null && today.isAfter(decisionDue)
                ? java.time.temporal.ChronoUnit.DAYS.between(decisionDue, today) : 0;
    }

    public Phase phase() {
        if (roundId == null) {
            return Phase.NOT_OPENED;
        }
        if ("decided".equals(state)) {
            return "approved".equals(approvalState) ? Phase.APPROVED : Phase.DECIDED;
        }
        if ("returned".equals(approvalState)) {
            return Phase.RETURNED;
        }
        return switch (state == null ? "" : state) {
            case "preparing" -> Phase.PREPARING;
            case "collecting" -> Phase.COLLECTING;
            case "meetings" -> Phase.MEETINGS;
            case "posted" -> Phase.POSTED;
            default -> throw new IllegalStateException("round " + roundId + " is in an unknown state: " + state);
        };
    }

    /** Whether a decision is in force, so that the commune's lists are known (else: no data, not 0). */
    public boolean hasLists() {
        return decidedOn != null;
    }
}
