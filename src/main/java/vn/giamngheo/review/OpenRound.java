package vn.giamngheo.review;

import java.time.LocalDate;
import vn.giamngheo.review.rules.RoundKind;

/**
 * A request to open a round: the commune, periodic or monthly, the year (and month), and the reference date for
 * ages and facts (the round's opening day when not given).
 */
public record OpenRound(long communeId, RoundKind kind, int reviewYear, Integer reviewMonth, LocalDate referenceDate) {
}
