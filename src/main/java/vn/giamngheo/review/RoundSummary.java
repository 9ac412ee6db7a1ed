package vn.giamngheo.review;

import java.util.Map;

/**
 * What the commune chair reads before signing, and the province before approving or returning: the households of
 * the round by the lists of form 02, the changes against the status each household had before the round (escaped,
 * newly poor or near-poor, re-poor: poor or near-poor again after an earlier spell), the households of the commune
 * on the lists before the round that have left it since (moved away, merged, dissolved) and were not reviewed, the
 * households not yet collected or agreed, and the complaints (open ones stop the decision).
 */
public record RoundSummary(long households, Map<String, Long> lists, long escapedPoor, long escapedNearPoor,
                           long newlyPoor, long rePoor, long newlyNearPoor, long reNearPoor, long left,
                           long notCollected, long notAgreed, long complaints, long openComplaints) {

    public long list(String code) {
        return lists.getOrDefault(code, 0L);
    }
}
