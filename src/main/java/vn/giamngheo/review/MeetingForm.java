package vn.giamngheo.review;

import java.time.LocalDate;

/** What the minutes of a village meeting record (step 3). */
public record MeetingForm(Long villageId, LocalDate heldOn, String chair, String secretary, String supervisor,
                          Integer invited, Integer attendees, Integer agreed, String note) {
}
