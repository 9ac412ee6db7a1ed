package vn.giamngheo.analysis;

import java.util.List;
import java.util.Map;

/**
 * Result of a what-if: counts by outcome under each standard (outcome codes: poor, near_poor, average,
 * not_poor, unclassifiable), the transition matrix from → to, the communes with changes, and the changed
 * households (at most {@link WhatIfTally#ROW_CAP}; {@code notListed} more).
 */
record WhatIfResult(String unitCode, String unitName, String currentStandard, String candidate,
                    Map<String, String> changes, long households, Map<String, Long> before, Map<String, Long> after,
                    Map<String, Map<String, Long>> transitions, long changed, List<CommuneChanges> communes,
                    List<ChangedHousehold> rows, long notListed) {

    static final List<String> OUTCOMES = java.util.Arrays.stream(Outcome.values()).map(Outcome::code).toList();

    public List<String> outcomes() {
        return OUTCOMES;
    }

    /** Households with this outcome under the candidate minus under the current standard. */
    public long difference(String outcome) {
        return after.getOrDefault(outcome, 0L) - before.getOrDefault(outcome, 0L);
    }
}
