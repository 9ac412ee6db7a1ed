package vn.giamngheo.analysis.rules;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Result of one Alkire–Foster computation: the measures overall and per subgroup value, and how many
 * units were used and dropped (dropped = some indicator of the measure was missing).
 *
 * @param droppedByIndicator indicator name → number of units missing it (a unit missing two indicators
 *                           is counted under both, so these may add up to more than {@code unitsDropped})
 */
public record AlkireFosterResult(AlkireFosterSpec spec, PovertyMeasures overall, SortedMap<Subgroup, PovertyMeasures> subgroups,
                                 long unitsUsed, long unitsDropped, Map<String, Long> droppedByIndicator) {

    public AlkireFosterResult {
        subgroups = Collections.unmodifiableSortedMap(new TreeMap<>(subgroups));
        droppedByIndicator = Map.copyOf(droppedByIndicator);
    }

    public PovertyMeasures subgroup(String variable, String value) {
        PovertyMeasures measures = subgroups.get(new Subgroup(variable, value));
        if (measures == null) {
            throw new NoSuchElementException("no used unit has " + variable + "=" + value + "; subgroups: " + subgroups.keySet());
        }
        return measures;
    }

    /** The subgroups of one variable, e.g. all values of {@code area}. */
    public SortedMap<Subgroup, PovertyMeasures> subgroupsOf(String variable) {
        return subgroups.subMap(new Subgroup(variable, ""), new Subgroup(variable + "\0", ""));
    }

    /** The subgroup's share of the (weighted) population used overall. */
    public double populationShare(Subgroup subgroup) {
        return subgroup(subgroup.variable(), subgroup.value()).population() / overall.population();
    }
}
