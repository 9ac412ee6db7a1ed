package vn.giamngheo.review;

import java.time.LocalDate;

/**
 * Where a commune stands in a review year: its round (if opened), state, decision and approval, and whether it is
 * late (not decided by the due day, or decided after it).
 */
public record CommuneProgress(long communeId, String communeCode, String communeName, Long roundId, String state,
                              String approvalState, LocalDate decisionDue, LocalDate decidedOn, String decisionNumber,
                              int poor, int nearPoor, int households) {

    public boolean finished() {
        return "approved".equals(approvalState);
    }

    public boolean late(LocalDate today) {
        if (decisionDue == null) {
            return false;
        }
        return decidedOn == null ? today.isAfter(decisionDue) : decidedOn.isAfter(decisionDue);
    }
}
