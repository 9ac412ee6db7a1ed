package vn.giamngheo.analysis;

import java.util.Map;
import java.util.stream.Collectors;
import vn.giamngheo.standard.rules.PovertyStandard;

/** A checked what-if request: the unit in the user's area and both standards, ready to run. */
record WhatIfPlan(AnalysisArea area, PovertyStandard current, PovertyStandard candidate, String candidateBase,
                  Map<String, String> changes) {

    WhatIfPlan {
        changes = Map.copyOf(changes);
    }

    /** E.g. {@code ND07_2021 with income_line_rural=2000000}. */
    String candidateLabel() {
        if (changes.isEmpty()) {
            return candidateBase;
        }
        return candidateBase + " with " + changes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
