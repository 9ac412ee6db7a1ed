package vn.giamngheo.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.household.Household;

/**
 * Counts a what-if as the households stream past: bounded memory (counts, one line per commune, at most
 * {@link #ROW_CAP} changed households listed). One thread at a time.
 */
final class WhatIfTally {

    static final int ROW_CAP = 5_000;

    private final int rowCap;
    private final Outcome[] outcomes = Outcome.values();
    private final long[] before = new long[outcomes.length];
    private final long[] after = new long[outcomes.length];
    private final long[][] transitions = new long[outcomes.length][outcomes.length];
    private final Map<String, long[]> communes = new LinkedHashMap<>();
    private final Map<String, String> communeNames = new LinkedHashMap<>();
    private final List<ChangedHousehold> rows = new ArrayList<>();
    private long households;
    private long changed;

    WhatIfTally() {
        this(ROW_CAP);
    }

    WhatIfTally(int rowCap) {
        this.rowCap = rowCap;
    }

    void add(Household h, Assessment from, Assessment to) {
        households++;
        before[from.outcome().ordinal()]++;
        after[to.outcome().ordinal()]++;
        transitions[from.outcome().ordinal()][to.outcome().ordinal()]++;
        communeNames.putIfAbsent(h.communeCode(), h.communeName());
        long[] commune = communes.computeIfAbsent(h.communeCode(), c -> new long[4]);
        commune[0]++;
        if (from.outcome() == to.outcome()) {
            return;
        }
        changed++;
        commune[1]++;
        boolean listedBefore = listed(from.outcome());
        boolean listedAfter = listed(to.outcome());
        if (listedAfter && !listedBefore) {
            commune[2]++;
        } else if (listedBefore && !listedAfter) {
            commune[3]++;
        }
        if (rows.size() < rowCap) {
            rows.add(new ChangedHousehold(h.id(), h.householdCode(), h.headName(), h.villageName(), h.communeCode(),
                    h.communeName(), from.outcome().code(), to.outcome().code(), from.deprivationCount(),
                    to.deprivationCount(), from.missingFact() != null ? from.missingFact() : to.missingFact()));
        }
    }

    long households() {
        return households;
    }

    WhatIfResult result(WhatIfPlan plan) {
        Map<String, Long> beforeCounts = new LinkedHashMap<>();
        Map<String, Long> afterCounts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            beforeCounts.put(o.code(), before[o.ordinal()]);
            afterCounts.put(o.code(), after[o.ordinal()]);
            Map<String, Long> row = new LinkedHashMap<>();
            for (Outcome t : outcomes) {
                row.put(t.code(), transitions[o.ordinal()][t.ordinal()]);
            }
            matrix.put(o.code(), row);
        }
        List<CommuneChanges> communeRows = new ArrayList<>();
        communes.forEach((code, c) -> {
            if (c[1] > 0) {
                communeRows.add(new CommuneChanges(code, communeNames.get(code), c[0], c[1], c[2], c[3]));
            }
        });
        AnalysisArea area = plan.area();
        return new WhatIfResult(area.code(), area.name(), plan.current().code(), plan.candidateLabel(), plan.changes(),
                households, beforeCounts, afterCounts, matrix, changed, communeRows, List.copyOf(rows),
                changed - rows.size());
    }

    private static boolean listed(Outcome o) {
        return o == Outcome.POOR || o == Outcome.NEAR_POOR;
    }
}
