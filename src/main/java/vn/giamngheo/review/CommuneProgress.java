package vn.giamngheo.review;

import java.time.LocalDate;

/**
 * Where a commune stands in a review year: its round (if opened), state, decision and approval, and whether it is
 * late (not decided by the due day, or decided after it). A commune that never opened a round is due on the
 * calendar's decision day like the others, so it is late once that day has passed.
 */
public record CommuneProgress(long communeId, String communeCode, String communeName, Long roundId, String state,
                              String approvalState, LocalDate decisionDue, LocalDate decidedOn, String decisionNumber,
                              int poor, int nearPoor, int households) {

    public CommuneProgress {
        java.util.Objects.requireNonNull(decisionDue, "decisionDue");
    }

    public boolean finished() {
        return "approved".equals(approvalState);
    }

    public boolean late(LocalDate today) {
        return decidedOn == null ? today.isAfter(decisionDue) : decidedOn.isAfter(decisionDue);
    }
}
