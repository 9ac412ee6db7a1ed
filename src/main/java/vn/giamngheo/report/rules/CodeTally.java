package vn.giamngheo.report.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Poor and near-poor households of the selected unit per code (deprivation indicator, dimension, cause),
 * with the number of poor and near-poor households as denominators. A household counts once per code,
 * and once per dimension however many of its indicators are deprived.
 */
public record CodeTally(List<Line> lines, long poor, long nearPoor) {

    public record Line(String code, String group, long poor, long nearPoor) {
    }

    /**
     * Households per indicator, in the order of {@code dimensions} (indicator → its dimension); an indicator
     * recorded but not in the map is added at the end.
     */
    public static CodeTally indicators(Placement placement, Selection selection, List<StatusGroup> groups,
                                       Map<String, String> dimensions, long poor, long nearPoor) {
        CodeTally t = tally(placement, selection, groups, new ArrayList<>(dimensions.keySet()), null, poor, nearPoor);
        return new CodeTally(t.lines().stream().map(l -> new Line(l.code(), dimensions.getOrDefault(l.code(), l.code()),
                l.poor(), l.nearPoor())).toList(), poor, nearPoor);
    }

    /** Households per code (causes of poverty), in the given order, codes not in it at the end. */
    public static CodeTally codes(Placement placement, Selection selection, List<StatusGroup> groups,
                                  List<String> order, long poor, long nearPoor) {
        return tally(placement, selection, groups, order, null, poor, nearPoor);
    }

    /**
     * Households deprived in at least one indicator of each dimension of {@code dimensions} (the year's
     * standard, indicator → dimension); indicators of other standards found on older rows take their
     * dimension from {@code others}, and a dimension only they have is shown when it counts someone.
     */
    public static CodeTally dimensions(Placement placement, Selection selection, List<StatusGroup> groups,
                                       Map<String, String> dimensions, Map<String, String> others, long poor, long nearPoor) {
        Map<String, String> all = new LinkedHashMap<>(others);
        all.putAll(dimensions);
        CodeTally t = tally(placement, selection, groups, new ArrayList<>(new LinkedHashSet<>(dimensions.values())), all,
                poor, nearPoor);
        return t;
    }

    private static CodeTally tally(Placement placement, Selection selection, List<StatusGroup> groups,
                                   List<String> order, Map<String, String> dimensions, long poor, long nearPoor) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        order.forEach(code -> sums.put(code, new long[2]));
        Map<List<Object>, Boolean> covered = new HashMap<>();
        for (StatusGroup g : groups) {
            boolean in = covered.computeIfAbsent(java.util.Arrays.asList(g.communeId(), g.villageId(), g.registerCommuneId()),
                    k -> selection.covers(placement.place(g.communeId(), g.villageId(), g.registerCommuneId())));
            if (!in) {
                continue;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String c : g.codes()) {
                codes.add(dimensions == null ? c : dimensions.getOrDefault(c, c));
            }
            int column = PovertyStatus.POOR.is(g.status()) ? 0 : 1;
            for (String code : codes) {
                sums.computeIfAbsent(code, k -> new long[2])[column] += g.households();
            }
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((code, s) -> lines.add(new Line(code, dimensions == null ? null : code, s[0], s[1])));
        return new CodeTally(List.copyOf(lines), poor, nearPoor);
    }
}
