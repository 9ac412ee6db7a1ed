package vn.giamngheo.review;

import java.time.LocalDate;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;

/** A review round of a commune (đợt rà soát), as pages and the API show it. */
public record ReviewRound(long id, String provinceCode, long communeId, String communeCode, String communeName,
                          String communePath, RoundKind kind, int reviewYear, Integer reviewMonth, int listYear,
                          String standardCode, int standardVersion, LocalDate referenceDate, LocalDate opensOn,
                          LocalDate decisionDue, RoundState state, LocalDate postingStartedOn, LocalDate postingEndsOn,
                          LocalDate complaintsEndOn, String approvalState, int version) {

    public boolean decided() {
        return state == RoundState.DECIDED;
    }

    public boolean periodic() {
        return kind == RoundKind.PERIODIC;
    }

    /** The title used on pages and documents, e.g. "2026" or "2026-03". */
    public String period() {
        return reviewMonth == null ? String.valueOf(reviewYear) : String.format("%d-%02d", reviewYear, reviewMonth);
    }
}
