package vn.giamngheo.review.rules;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The four lists a decision recognises (form 02): poor, near-poor, escaped poor (poor before, not poor now,
 * possibly near-poor) and escaped near-poor (near-poor before, neither poor nor near-poor now).
 */
public enum DecidedList {
    POOR, NEAR_POOR, ESCAPED_POOR, ESCAPED_NEAR_POOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lists a household appears on, given its status before the decision (may be null) and its new status. */
    public static Set<DecidedList> of(String previousStatus, String status) {
        Set<DecidedList> lists = EnumSet.noneOf(DecidedList.class);
        if (PovertyStatus.POOR.is(status)) {
            lists.add(POOR);
        }
        if (PovertyStatus.NEAR_POOR.is(status)) {
            lists.add(NEAR_POOR);
        }
        if (PovertyStatus.POOR.is(previousStatus) && !PovertyStatus.POOR.is(status)) {
            lists.add(ESCAPED_POOR);
        }
        if (PovertyStatus.NEAR_POOR.is(previousStatus) && !PovertyStatus.POOR.is(status) && !PovertyStatus.NEAR_POOR.is(status)) {
            lists.add(ESCAPED_NEAR_POOR);
        }
        return lists;
    }

    /** Poor and near-poor households receive a certificate (form 03). */
    public static boolean certified(String status) {
        return PovertyStatus.POOR.is(status) || PovertyStatus.NEAR_POOR.is(status);
    }
}
