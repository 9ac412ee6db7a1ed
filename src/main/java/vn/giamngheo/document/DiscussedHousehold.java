package vn.giamngheo.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A household discussed at the village meeting: the status proposed by the reviewers ("Hộ nghèo") and the
 * attendees' votes. Decision 24/2021/QĐ-TTg: the result stands when at least half of the attendees agree
 * (docs/domain.md §3, step 3).
 */
public record DiscussedHousehold(String householdCode, String head, String proposedStatus, int agree, int disagree) {

    public DiscussedHousehold {
        if (agree < 0 || disagree < 0) {
            throw new IllegalArgumentException("votes cannot be negative: " + agree + ", " + disagree);
        }
        householdCode = Text.nfc(householdCode);
        head = Text.nfc(head);
        proposedStatus = Text.nfc(proposedStatus);
    }

    /** Share of the attendees who agreed, in per cent, two decimals (half up). */
    public BigDecimal agreementPercent(int present) {
        if (present <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(agree).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(present), 2, RoundingMode.HALF_UP);
    }

    /** At least half of those present agreed (compared exactly, not after rounding). */
    public boolean passed(int present) {
        return present > 0 && 2L * agree >= present;
    }
}
