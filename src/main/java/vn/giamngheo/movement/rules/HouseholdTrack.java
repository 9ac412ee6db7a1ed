package vn.giamngheo.movement.rules;

import java.util.EnumSet;
import java.util.Set;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * What the decided lists say about one household between a start and an end date, identity followed through
 * moves and splits.
 *
 * @param atStart       its decided status at the start: its own, or for a household split off since, the status
 *                      of the household it split from; {@code null} when on no decided list
 * @param atEnd         its own decided status at the end; {@code null} when it has none
 * @param earlier       every status decided for it (or, before a split, for the household it split from) in
 *                      force before the day its status at the end took effect
 * @param insideAtStart it had its own decided status at the start, still existed and was located in the unit
 * @param insideAtEnd   it has its own decided status at the end, still exists and is located in the unit
 */
public record HouseholdTrack(PovertyStatus atStart, PovertyStatus atEnd, Set<PovertyStatus> earlier,
                             boolean insideAtStart, boolean insideAtEnd) {

    public HouseholdTrack {
        earlier = earlier.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(earlier));
        if (insideAtStart && atStart == null) {
            throw new IllegalArgumentException("a household inside the unit at the start has a status there");
        }
        if (insideAtEnd && atEnd == null) {
            throw new IllegalArgumentException("a household inside the unit at the end has a status there");
        }
    }

    /** Whether it counts in the stock of the list at the start. */
    public boolean inStartStock(DecidedList list) {
        return insideAtStart && list.holds(atStart);
    }

    /** Whether it counts in the stock of the list at the end. */
    public boolean inEndStock(DecidedList list) {
        return insideAtEnd && list.holds(atEnd);
    }

    /** Whether it was ever on the list before its status at the end. */
    public boolean wasEarlierOn(DecidedList list) {
        return earlier.stream().anyMatch(list::holds);
    }
}
