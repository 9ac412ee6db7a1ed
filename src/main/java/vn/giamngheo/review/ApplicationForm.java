package vn.giamngheo.review;

import java.time.LocalDate;

/** An application as received at the commune. */
public record ApplicationForm(Long householdId, String form, LocalDate receivedOn, String channel, String applicant,
                              String note) {
}
