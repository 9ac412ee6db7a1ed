package vn.giamngheo.review;

import java.time.LocalDate;

/**
 * An application of a household: form 01 (to be reviewed or added to the lists) or form 04 (to be recognised as
 * escaped), with how it came in and the day it must be decided or answered by.
 */
public record Application(long id, String provinceCode, long communeId, long householdId, String householdCode,
                          String headName, String form, LocalDate receivedOn, String channel, String applicant,
                          String note, LocalDate dueOn, Long roundId, String status, String answer, LocalDate answeredOn) {

    /** Still waiting (not decided or answered) after its due day. */
    public boolean overdue(LocalDate today) {
        return ("received".equals(status) || "in_round".equals(status)) && today.isAfter(dueOn);
    }
}
