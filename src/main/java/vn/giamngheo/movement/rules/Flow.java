package vn.giamngheo.movement.rules;

import java.util.Locale;

/**
 * How a household moves on or off one list between two dates. A household has at most one change of status
 * ({@link #ESCAPED}, {@link #RE_ENTERED}, {@link #NEWLY_ENTERED}) and at most one change of place
 * ({@link #DEPARTED}, {@link #ARRIVED}) per list.
 */
public enum Flow {
    /** thoát nghèo / thoát cận nghèo: on the list at the start (or on arrival), not at the end. */
    ESCAPED,
    /** tái nghèo / tái cận nghèo: on the list at the end, not at the start, but on it at some earlier time. */
    RE_ENTERED,
    /** nghèo phát sinh / cận nghèo phát sinh: on the list at the end, never on it before. */
    NEWLY_ENTERED,
    /** on the list at the start, no longer in the unit at the end (moved out, dissolved, merged away). */
    DEPARTED,
    /** not in the unit at the start, in it at the end, bringing this list's status (moved in, split off). */
    ARRIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
