package vn.giamngheo.review;

import java.time.LocalDate;

/**
 * Published (inside the deciding transaction) when a commune chair's decision recognises the lists of a round:
 * its rows are in {@code household_status}. Listeners that keep derived data (movements, escape registrations)
 * run in the same transaction, so a decision and everything it closes are stored together or not at all.
 *
 * @param effectiveFrom the day the lists apply from (1 January of the list year for a periodic round, the
 *                      decision date for a monthly amendment)
 */
public record ListsDecided(long roundId, long decisionId, String provinceCode, long communeId, int listYear,
                           LocalDate decidedOn, LocalDate effectiveFrom, boolean periodic) {
}
