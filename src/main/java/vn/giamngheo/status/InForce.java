package vn.giamngheo.status;

import vn.giamngheo.status.rules.PovertyStatus;
import java.time.LocalDate;

/** A household's decided row in force on a day (its status, the decision, where the decision listed it). */
public record InForce(long householdId, PovertyStatus status, long decisionId, LocalDate effectiveFrom,
                      LocalDate decidedOn, long communeId, Long villageId) {
}
