package vn.giamngheo.livelihood.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of target households among a model's participants, checked exactly (targets ≥ threshold ×
 * participants, no rounding) against the thresholds.
 */
public record TargetShare(int participants, int targets) {

    public TargetShare {
        if (participants < 0 || targets < 0 || targets > participants) {
            throw new IllegalArgumentException("need 0 ≤ targets ≤ participants: " + targets + " of " + participants);
        }
    }

    public ShareVerdict check(Thresholds thresholds) {
        if (participants == 0) {
            return ShareVerdict.NO_PARTICIPANTS;
        }
        BigDecimal t = BigDecimal.valueOf(targets);
        BigDecimal n = BigDecimal.valueOf(participants);
        if (t.compareTo(thresholds.required().multiply(n)) < 0) {
            return ShareVerdict.BELOW_REQUIRED;
        }
        return t.compareTo(thresholds.preferred().multiply(n)) < 0 ? ShareVerdict.REQUIRED_MET : ShareVerdict.PREFERRED;
    }

    /**
     * The share in per cent with two decimals, rounded down so that a share below a threshold is never shown at
     * it (49.996 % shows as 49.99 %); null without participants.
     */
    public BigDecimal percent() {
        return participants == 0 ? null
                : BigDecimal.valueOf(targets).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(participants), 2, RoundingMode.DOWN);
    }
}
