package vn.giamngheo.analysis.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to measure: the weighted indicators (weights summing to exactly 1) and the poverty cut-off k.
 * A unit is poor when its deprivation score c = Σ w_j·g_j is at least k ({@code c >= k}, as in mpitb).
 *
 * <p>All weights and k are written over one common denominator, so that scores are exact integers.
 */
public final class AlkireFosterSpec {

    private final List<Indicator> indicators;
    private final Fraction cutoff;
    private final long commonDenominator;
    private final long[] weightNumerators;
    private final long cutoffNumerator;

    private AlkireFosterSpec(List<Indicator> indicators, Fraction cutoff) {
        this.indicators = List.copyOf(indicators);
        this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
        validate();
        long lcm = cutoff.denominator();
        for (Indicator indicator : this.indicators) {
            lcm = Fraction.lcm(lcm, indicator.weight().denominator());
        }
        long common = lcm;
        this.commonDenominator = common;
        this.weightNumerators = this.indicators.stream().mapToLong(i -> i.weight().numeratorOver(common)).toArray();
        this.cutoffNumerator = cutoff.numeratorOver(common);
    }

    /** Indicators with explicit weights, which must be positive and sum to exactly 1. */
    public static AlkireFosterSpec withWeights(Fraction cutoff, List<Indicator> indicators) {
        return new AlkireFosterSpec(indicators, cutoff);
    }

    /**
     * The default weighting: every dimension weighs the same, and within a dimension every indicator weighs
     * the same (the global MPI's "nested equal weights").
     *
     * @param dimensions dimension name → its indicator names, in reporting order
     */
    public static AlkireFosterSpec equalNested(Fraction cutoff, Map<String, List<String>> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("at least one dimension is needed");
        }
        List<Indicator> indicators = new ArrayList<>();
        dimensions.forEach((dimension, names) -> {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("dimension '" + dimension + "' has no indicators");
            }
            Fraction weight = Fraction.ONE.dividedBy(dimensions.size()).dividedBy(names.size());
            names.forEach(name -> indicators.add(new Indicator(name, dimension, weight)));
        });
        return new AlkireFosterSpec(indicators, cutoff);
    }

    private void validate() {
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("at least one indicator is needed");
        }
        Set<String> seen = new HashSet<>();
        for (Indicator indicator : indicators) {
            if (!seen.add(indicator.name())) {
                throw new IllegalArgumentException("indicator '" + indicator.name() + "' is listed twice");
            }
        }
        Fraction sum = indicators.stream().map(Indicator::weight).reduce(Fraction.ZERO, Fraction::plus);
        if (!sum.equals(Fraction.ONE)) {
            throw new IllegalArgumentException("indicator weights must sum to 1 but sum to " + sum + " ("
                    + indicators.stream().map(i -> i.name() + "=" + i.weight()).collect(Collectors.joining(", ")) + ")");
        }
        if (cutoff.isZero() || cutoff.compareTo(Fraction.ONE) > 0) {
            throw new IllegalArgumentException("poverty cut-off k must be in (0, 1] but is " + cutoff);
        }
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public Fraction cutoff() {
        return cutoff;
    }

    /** Dimension name → its indicators, in the order given. */
    public Map<String, List<Indicator>> dimensions() {
        return indicators.stream().collect(Collectors.groupingBy(Indicator::dimension, LinkedHashMap::new, Collectors.toList()));
    }

    /** The denominator over which every weight and k are integers. */
    long commonDenominator() {
        return commonDenominator;
    }

    /** Weight of indicator {@code j} over {@link #commonDenominator()}. */
    long weightNumerator(int j) {
        return weightNumerators[j];
    }

    /** k over {@link #commonDenominator()}. */
    long cutoffNumerator() {
        return cutoffNumerator;
    }

    @Override
    public String toString() {
        return "k=" + cutoff + " " + indicators.stream().map(i -> i.dimension() + "/" + i.name() + "=" + i.weight())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
