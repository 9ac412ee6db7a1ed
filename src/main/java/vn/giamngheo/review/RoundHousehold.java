package vn.giamngheo.review;

import java.time.Instant;
import java.util.List;

/** A household in a round: where it came from, its snapshot's result and the meeting's verdict. */
public record RoundHousehold(long householdId, String householdCode, String headName, int members, Long villageId,
                             String villageName, String source, String previousStatus, String status, String poorKind,
                             Integer deprivationCount, List<String> deprived, String explanation, String missingFact,
                             String reviewer, Instant reviewedAt, String meetingState, boolean ethnicMinority,
                             boolean socialProtection, boolean merit, String area) {

    public List<String> explanationLines() {
        return explanation == null ? List.of() : List.of(explanation.split("\n"));
    }

    public boolean collected() {
        return reviewedAt != null && status != null;
    }
}
