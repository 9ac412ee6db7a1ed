package vn.giamngheo.movement.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The movements of a household on the poor and near-poor lists between two dates (docs/movements.md):
 * <ul>
 *   <li>in the unit at the start but not at the end: {@link Flow#DEPARTED} if it was on the list, nothing else;</li>
 *   <li>in the unit at the end but not at the start: {@link Flow#ARRIVED} if the status it brings (its own at
 *       the start, or the one of the household it split from) is on the list; then as below;</li>
 *   <li>from the status at the start (or brought) to the status at the end: on the list then off it is
 *       {@link Flow#ESCAPED}; off then on is {@link Flow#RE_ENTERED} if it was ever on the list before, else
 *       {@link Flow#NEWLY_ENTERED}.</li>
 * </ul>
 * So for every household: on the list at the start − escaped + re-entered + newly entered − departed + arrived
 * = on the list at the end.
 */
public final class MovementRules {

    private MovementRules() {
    }

    public static Set<Flow> flows(HouseholdTrack h, DecidedList list) {
        EnumSet<Flow> flows = EnumSet.noneOf(Flow.class);
        boolean onAtStart = list.holds(h.atStart());
        boolean onAtEnd = list.holds(h.atEnd());
        if (!h.insideAtEnd()) {
            if (h.insideAtStart() && onAtStart) {
                flows.add(Flow.DEPARTED);
            }
            return flows;
        }
        if (!h.insideAtStart() && onAtStart) {
            flows.add(Flow.ARRIVED);
        }
        if (onAtStart && !onAtEnd) {
            flows.add(Flow.ESCAPED);
        } else if (!onAtStart && onAtEnd) {
            flows.add(h.wasEarlierOn(list) ? Flow.RE_ENTERED : Flow.NEWLY_ENTERED);
        }
        return flows;
    }

    /**
     * Newly escaped (hộ mới thoát nghèo) on a date: in the unit and not poor then, and it escaped poverty (a
     * decided status other than poor following a poor one) on a day within the window: {@code escapedOn <= on <
     * escapedOn + months}. A household that escaped on 1 January 2020 is newly escaped until 31 December 2022 with
     * a window of 36 months.
     */
    public static boolean newlyEscaped(HouseholdTrack h, LocalDate escapedOn, LocalDate on, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("the window of newly escaped households is " + months + " months");
        }
        return h.insideAtEnd() && h.atEnd() != PovertyStatus.POOR && escapedOn != null
                && !escapedOn.isAfter(on) && on.isBefore(escapedOn.plusMonths(months));
    }
}
