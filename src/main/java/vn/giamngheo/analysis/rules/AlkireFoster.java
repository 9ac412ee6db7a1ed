package vn.giamngheo.analysis.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Alkire–Foster counting method (Alkire &amp; Foster 2011), as implemented by OPHI's mpitb:
 * <ol>
 * <li>deprivation score c_i = Σ_j w_j·g_ij, computed exactly as an integer over the common denominator of
 * the weights and k;</li>
 * <li>unit i is poor when c_i ≥ k; the deprivations of a non-poor unit are censored (set to 0);</li>
 * <li>h_j and h_j(k) = weighted share deprived in j before and after censoring; H = weighted share of the
 * poor; M0 = Σ_j w_j·h_j(k) (equal to the weighted mean censored score); A = M0 / H;
 * contribution = w_j·h_j(k)/M0.</li>
 * </ol>
 * Units missing any indicator of the measure are dropped (listwise deletion, as {@code na.omit} in the
 * mpitbR examples). Weighted sums are in double precision. The same measures are computed for every value of
 * every subgroup variable; a unit with no value for a variable is left out of that variable's breakdown only.
 */
public final class AlkireFoster {

    private AlkireFoster() {
    }

    public static AlkireFosterResult compute(AlkireFosterSpec spec, Iterable<AnalysisUnit> units) {
        List<Indicator> indicators = spec.indicators();
        int d = indicators.size();
        String[] names = indicators.stream().map(Indicator::name).toArray(String[]::new);
        long[] weights = new long[d];
        for (int j = 0; j < d; j++) {
            weights[j] = spec.weightNumerator(j);
        }
        long k = spec.cutoffNumerator();

        Accumulator overall = new Accumulator(d);
        Map<String, Map<String, Accumulator>> bySubgroup = new HashMap<>();
        long[] missing = new long[d];
        long dropped = 0;
        boolean[] deprived = new boolean[d];

        for (AnalysisUnit unit : units) {
            Map<String, Boolean> vector = unit.deprivations();
            boolean complete = true;
            long score = 0;
            for (int j = 0; j < d; j++) {
                Boolean value = vector.get(names[j]);
                if (value == null) {
                    missing[j]++;
                    complete = false;
                } else {
                    deprived[j] = value;
                    if (value) {
                        score += weights[j];
                    }
                }
            }
            if (!complete) {
                dropped++;
                continue;
            }
            boolean poor = score >= k;
            overall.add(unit.weight(), poor, deprived);
            for (Map.Entry<String, String> group : unit.subgroups().entrySet()) {
                bySubgroup.computeIfAbsent(group.getKey(), variable -> new HashMap<>())
                        .computeIfAbsent(group.getValue(), value -> new Accumulator(d))
                        .add(unit.weight(), poor, deprived);
            }
        }

        SortedMap<Subgroup, PovertyMeasures> subgroups = new TreeMap<>();
        bySubgroup.forEach((variable, values) -> values.forEach((value, acc) ->
                subgroups.put(new Subgroup(variable, value), acc.measures(indicators))));
        Map<String, Long> droppedByIndicator = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) {
            if (missing[j] > 0) {
                droppedByIndicator.put(names[j], missing[j]);
            }
        }
        return new AlkireFosterResult(spec, overall.measures(indicators), subgroups,
                overall.units, dropped, droppedByIndicator);
    }

    /** Weighted sums for one population. */
    private static final class Accumulator {
        private long units;
        private double population;
        private double poorPopulation;
        private final double[] deprivedPopulation;
        private final double[] deprivedPoorPopulation;

        Accumulator(int indicators) {
            deprivedPopulation = new double[indicators];
            deprivedPoorPopulation = new double[indicators];
        }

        void add(double weight, boolean poor, boolean[] deprived) {
            units++;
            population += weight;
            if (poor) {
                poorPopulation += weight;
            }
            for (int j = 0; j < deprived.length; j++) {
                if (deprived[j]) {
                    deprivedPopulation[j] += weight;
                    if (poor) {
                        deprivedPoorPopulation[j] += weight;
                    }
                }
            }
        }

        PovertyMeasures measures(List<Indicator> indicators) {
            double h = share(poorPopulation);
            double[] censored = new double[indicators.size()];
            double m0 = 0;
            for (int j = 0; j < censored.length; j++) {
                censored[j] = share(deprivedPoorPopulation[j]);
                m0 += indicators.get(j).weight().toDouble() * censored[j];
            }
            double a = h > 0 ? m0 / h : 0;
            List<IndicatorBreakdown> breakdown = new ArrayList<>(indicators.size());
            for (int j = 0; j < censored.length; j++) {
                Indicator indicator = indicators.get(j);
                double contribution = m0 > 0 ? indicator.weight().toDouble() * censored[j] / m0 : 0;
                breakdown.add(new IndicatorBreakdown(indicator, share(deprivedPopulation[j]), censored[j], contribution));
            }
            return new PovertyMeasures(units, population, h, a, m0, breakdown);
        }

        private double share(double part) {
            return population > 0 ? part / population : 0;
        }
    }
}
