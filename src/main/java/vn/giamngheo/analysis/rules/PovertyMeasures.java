package vn.giamngheo.analysis.rules;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The Alkire–Foster measures of one population (the whole population or one subgroup).
 *
 * @param units              units used (complete deprivation vector)
 * @param population         sum of the sampling weights of the units used
 * @param headcount          H: weighted share of poor units
 * @param intensity          A: weighted mean deprivation score of the poor; 0 when no unit is poor
 * @param adjustedHeadcount  M0 = H × A, the weighted mean censored deprivation score
 * @param indicators         per indicator, in the order of the specification
 */
public record PovertyMeasures(long units, double population, double headcount, double intensity,
                              double adjustedHeadcount, List<IndicatorBreakdown> indicators) {

    public PovertyMeasures {
        indicators = List.copyOf(indicators);
    }

    public IndicatorBreakdown indicator(String name) {
        return indicators.stream().filter(b -> b.indicator().name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no indicator '" + name + "' in " + indicators));
    }
}
