package vn.giamngheo.review;

import java.time.LocalDate;

/** A complaint about a round's posted results (step 4), re-checked and answered. */
record Complaint(long id, long roundId, Long householdId, String householdCode, String complainant,
                        LocalDate receivedOn, String content, String state, String recheckNote, String answer,
                        LocalDate answeredOn, String answeredBy) {

    public boolean open() {
        return "open".equals(state);
    }
}
