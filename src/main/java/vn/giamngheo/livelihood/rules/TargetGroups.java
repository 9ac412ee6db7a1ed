package vn.giamngheo.livelihood.rules;

import java.time.LocalDate;
import java.util.Optional;
import vn.giamngheo.status.rules.PovertyStatus;

/** Decides the target group of a household joining a model from its facts on the day it joins. */
public final class TargetGroups {

    /** The usual window of "newly escaped" (hộ mới thoát nghèo) support, in months [?]. */
    public static final int DEFAULT_NEWLY_ESCAPED_MONTHS = 36;

    private final int newlyEscapedMonths;

    public TargetGroups(int newlyEscapedMonths) {
        if (newlyEscapedMonths < 0) {
            throw new IllegalArgumentException("the newly-escaped window cannot be negative: " + newlyEscapedMonths);
        }
        this.newlyEscapedMonths = newlyEscapedMonths;
    }

    /**
     * @param decidedStatus  the decided status on the joining day ({@code poor}, {@code near_poor}, {@code average},
     *                       {@code not_poor}), or null when the household was never on a decided list
     * @param lastEscapedOn  the day the latest decision recognising it as escaped took effect, or null
     * @param ethnicMinority an ethnic-minority household
     */
    public Optional<TargetGroup> of(String decidedStatus, LocalDate lastEscapedOn, boolean ethnicMinority, LocalDate joinedOn) {
        if (PovertyStatus.POOR.is(decidedStatus)) {
            return Optional.of(TargetGroup.POOR);
        }
        if (PovertyStatus.NEAR_POOR.is(decidedStatus)) {
            return Optional.of(TargetGroup.NEAR_POOR);
        }
        if (newlyEscaped(lastEscapedOn, joinedOn)) {
            return Optional.of(TargetGroup.NEWLY_ESCAPED);
        }
        return ethnicMinority ? Optional.of(TargetGroup.ETHNIC_MINORITY) : Optional.empty();
    }

    /** Escaped on or before the joining day and no more than the window before it (the window's first day counts). */
    public boolean newlyEscaped(LocalDate lastEscapedOn, LocalDate joinedOn) {
        return lastEscapedOn != null && !lastEscapedOn.isAfter(joinedOn)
                && !lastEscapedOn.isBefore(joinedOn.minusMonths(newlyEscapedMonths));
    }
}
