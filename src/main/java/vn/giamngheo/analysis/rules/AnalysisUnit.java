package vn.giamngheo.analysis.rules;

import java.util.Map;
import java.util.Objects;

/**
 * A unit of analysis (a person or a household) as the Alkire–Foster method sees it.
 *
 * @param id           identifier, for messages only
 * @param weight       sampling weight (1 for a census or an unweighted register); not negative
 * @param subgroups    subgroup variable → value, e.g. {@code area → rural}, {@code head_sex → female}
 * @param deprivations indicator name → deprived? An indicator that is absent is <em>missing</em>, and a
 *                     unit with a missing indicator of the measure is dropped from the computation.
 */
public record AnalysisUnit(String id, double weight, Map<String, String> subgroups, Map<String, Boolean> deprivations) {

    public AnalysisUnit {
        Objects.requireNonNull(id, "id");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("unit " + id + ": weight must be a finite number >= 0 but is " + weight);
        }
        subgroups = Map.copyOf(subgroups);
        deprivations = Map.copyOf(deprivations);
    }

    /** A unit with sampling weight 1. */
    public static AnalysisUnit unweighted(String id, Map<String, String> subgroups, Map<String, Boolean> deprivations) {
        return new AnalysisUnit(id, 1, subgroups, deprivations);
    }
}
