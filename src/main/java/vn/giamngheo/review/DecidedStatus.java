package vn.giamngheo.review;

import java.time.LocalDate;

/** One decided status of a household (a row of the lists' history). */
public record DecidedStatus(long decisionId, String decisionNumber, LocalDate decidedOn, LocalDate effectiveFrom,
                            int listYear, String communeName, String status, String previousStatus, String certificateNo,
                            String standardCode, boolean revoked, long roundId) {
}
