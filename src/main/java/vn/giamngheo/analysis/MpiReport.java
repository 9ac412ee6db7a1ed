package vn.giamngheo.analysis;

import java.util.List;
import java.util.Map;

/**
 * Alkire–Foster figures of a unit under a standard (JSON of {@code GET /api/v1/analysis/mpi}). Shares are
 * fractions (0.25 = 25 %).
 *
 * @param k                 the poverty cut-off as a fraction of the weighted indicators, e.g. {@code 1/4}
 * @param weighting         {@code household} (each household weighs 1) or {@code person} (weight = members)
 * @param excluded          households left out because a fact their classification needs is missing
 * @param excludedByFact    missing fact → households
 */
record MpiReport(String unitCode, String unitName, String standard, String k, String weighting,
                 List<IndicatorWeight> indicators, long households, long excluded, Map<String, Long> excludedByFact,
                 Figures overall, List<SubgroupFigures> subgroups) {

    record IndicatorWeight(String indicator, String dimension, String weight) {
    }

    /** H, A, M0 and the per-indicator breakdown of one population. */
    record Figures(long units, double population, double headcount, double intensity, double adjustedHeadcount,
                   List<IndicatorFigure> indicators) {
    }

    record IndicatorFigure(String indicator, String dimension, String weight, double uncensoredHeadcount,
                           double censoredHeadcount, double contribution) {
    }

    /** One value of a subgroup variable (area, ethnic_minority, head_sex) and its share of the population used. */
    record SubgroupFigures(String variable, String value, double populationShare, Figures figures) {
    }
}
