package vn.giamngheo.status;

import vn.giamngheo.status.rules.PovertyStatus;
import java.time.LocalDate;

/** One row of a household's decided history, revoked rows included (the history page shows them struck out). */
public record StatusRecord(long decisionId, String decisionNumber, LocalDate decidedOn, LocalDate effectiveFrom,
                           int listYear, String communeName, PovertyStatus status, PovertyStatus previousStatus,
                           String certificateNo, String standardCode, boolean revoked, long roundId) {
}
