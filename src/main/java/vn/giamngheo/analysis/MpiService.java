package vn.giamngheo.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.giamngheo.analysis.rules.AlkireFoster;
import vn.giamngheo.analysis.rules.AlkireFosterResult;
import vn.giamngheo.analysis.rules.AlkireFosterSpec;
import vn.giamngheo.analysis.rules.AnalysisUnit;
import vn.giamngheo.analysis.rules.Fraction;
import vn.giamngheo.analysis.rules.IndicatorBreakdown;
import vn.giamngheo.analysis.rules.PovertyMeasures;
import vn.giamngheo.standard.rules.IndicatorResult;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.household.Household;
import vn.giamngheo.security.CurrentUser;

/**
 * Alkire–Foster figures on the register: every household of a unit classified under a standard, its indicator
 * results (deprived or not) fed to the pure engine. Default weights: equal by dimension, equal within
 * (dimensions from the standard's {@code dimension.*} parameters); default k = deprivation threshold / number of
 * indicators. Households with a missing fact are excluded and counted.
 */
@Service
class MpiService {

    static final List<String> SUBGROUPS = List.of("area", "ethnic_minority", "head_sex");
    static final Set<String> WEIGHTINGS = Set.of("household", "person");

    private final StandardSource standards;
    private final AreaHouseholds households;

    MpiService(StandardSource standards, AreaHouseholds households) {
        this.standards = standards;
        this.households = households;
    }

    MpiReport compute(Long unitId, String standardCode, String k, String weighting, String subgroup, CurrentUser user) {
        AnalysisArea area = households.resolve(unitId, user);
        PovertyStandard standard = standardCode == null || standardCode.isBlank() ? standards.current()
                : standards.standard(standardCode.strip()).orElseThrow(() -> new InvalidAnalysisException(
                "unknown standard '" + standardCode + "'; known: " + String.join(", ", standards.codes())));
        String weights = weighting == null || weighting.isBlank() ? "household" : weighting.strip();
        if (!WEIGHTINGS.contains(weights)) {
            throw new InvalidAnalysisException("weighting must be household or person, not '" + weighting + "'");
        }
        if (subgroup != null && !subgroup.isBlank() && !SUBGROUPS.contains(subgroup.strip())) {
            throw new InvalidAnalysisException("subgroup must be one of " + SUBGROUPS + ", not '" + subgroup + "'");
        }
        AlkireFosterSpec spec = spec(standard, k);
        UnitBuffer units = new UnitBuffer(spec.indicators().stream().map(i -> i.name()).toList());
        Map<String, Long> excludedByFact = new TreeMap<>();
        long[] seen = {0};
        LocalDate date = standards.today();
        households.forEach(area, user, h -> {
            seen[0]++;
            Assessment a = Assessment.of(h, standard, date);
            if (a.classification() == null) {
                excludedByFact.merge(a.missingFact(), 1L, Long::sum);
            } else {
                units.add(h, a, "person".equals(weights) ? h.members().size() : 1);
            }
        });
        AlkireFosterResult result = AlkireFoster.compute(spec, units);
        List<MpiReport.SubgroupFigures> groups = new ArrayList<>();
        for (String variable : SUBGROUPS) {
            if (subgroup != null && !subgroup.isBlank() && !variable.equals(subgroup.strip())) {
                continue;
            }
            result.subgroupsOf(variable).forEach((g, m) -> groups.add(new MpiReport.SubgroupFigures(variable,
                    g.value(), result.populationShare(g), figures(m))));
        }
        long excluded = excludedByFact.values().stream().mapToLong(Long::longValue).sum();
        return new MpiReport(area.code(), area.name(), standard.code(), spec.cutoff().toString(), weights,
                spec.indicators().stream().map(i -> new MpiReport.IndicatorWeight(i.name(), i.dimension(),
                        i.weight().toString())).toList(),
                seen[0], excluded, excludedByFact, figures(result.overall()), groups);
    }

    /** Nested equal weights over the standard's dimensions; k as given (fraction, decimal or %) or threshold/indicators. */
    static AlkireFosterSpec spec(PovertyStandard standard, String k) {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (String indicator : standard.indicators()) {
            String dimension = standard.parameter("dimension." + indicator).map(p -> p.value().strip())
                    .orElse(indicator);
            dimensions.computeIfAbsent(dimension, d -> new ArrayList<>()).add(indicator);
        }
        Fraction cutoff;
        if (k == null || k.isBlank()) {
            cutoff = Fraction.of(standard.deprivationThreshold(), standard.indicators().size());
        } else {
            try {
                cutoff = Fraction.parse(k);
            } catch (IllegalArgumentException e) {
                throw new InvalidAnalysisException("k must be a fraction such as 1/4, 0.25 or 25%, not '" + k + "'");
            }
        }
        if (cutoff.isZero() || cutoff.compareTo(Fraction.ONE) > 0) {
            throw new InvalidAnalysisException("k must be more than 0 and at most 1, not " + k);
        }
        return AlkireFosterSpec.equalNested(cutoff, dimensions);
    }

    private static MpiReport.Figures figures(PovertyMeasures m) {
        List<MpiReport.IndicatorFigure> indicators = new ArrayList<>();
        for (IndicatorBreakdown b : m.indicators()) {
            indicators.add(new MpiReport.IndicatorFigure(b.indicator().name(), b.indicator().dimension(),
                    b.indicator().weight().toString(), b.uncensoredHeadcount(), b.censoredHeadcount(),
                    b.contribution()));
        }
        return new MpiReport.Figures(m.units(), m.population(), m.headcount(), m.intensity(), m.adjustedHeadcount(),
                indicators);
    }

    /**
     * The classified households in compact form (a bit set of deprivations, a weight and three subgroup codes
     * each), so that a province of hundreds of thousands of households fits in a few megabytes; units are made
     * one at a time as the engine reads them.
     */
    static final class UnitBuffer implements Iterable<AnalysisUnit> {
        private final List<String> indicators;
        private long[] deprived = new long[1024];
        private double[] weight = new double[1024];
        private byte[] groups = new byte[1024 * 3];
        private int size;

        UnitBuffer(List<String> indicators) {
            if (indicators.size() > 64) {
                throw new IllegalArgumentException("at most 64 indicators");
            }
            this.indicators = List.copyOf(indicators);
        }

        void add(Household h, Assessment a, double unitWeight) {
            if (size == deprived.length) {
                deprived = java.util.Arrays.copyOf(deprived, size * 2);
                weight = java.util.Arrays.copyOf(weight, size * 2);
                groups = java.util.Arrays.copyOf(groups, size * 6);
            }
            long bits = 0;
            for (IndicatorResult r : a.classification().indicators()) {
                int j = indicators.indexOf(r.indicator());
                if (j >= 0 && r.deprived()) {
                    bits |= 1L << j;
                }
            }
            deprived[size] = bits;
            weight[size] = unitWeight;
            groups[size * 3] = (byte) (a.classification().area().name().equals("URBAN") ? 1 : 2);
            groups[size * 3 + 1] = (byte) (h.effectiveEthnicMinority() ? 1 : 2);
            groups[size * 3 + 2] = h.head().map(m -> "female".equals(m.sex()) ? (byte) 2 : "male".equals(m.sex())
                    ? (byte) 1 : (byte) 0).orElse((byte) 0);
            size++;
        }

        @Override
        public Iterator<AnalysisUnit> iterator() {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < size;
                }

                @Override
                public AnalysisUnit next() {
                    Map<String, Boolean> vector = new java.util.HashMap<>();
                    for (int j = 0; j < indicators.size(); j++) {
                        vector.put(indicators.get(j), (deprived[i] & (1L << j)) != 0);
                    }
                    Map<String, String> subgroups = new java.util.HashMap<>();
                    subgroups.put("area", groups[i * 3] == 1 ? "urban" : "rural");
                    subgroups.put("ethnic_minority", groups[i * 3 + 1] == 1 ? "yes" : "no");
                    if (groups[i * 3 + 2] != 0) {
                        subgroups.put("head_sex", groups[i * 3 + 2] == 1 ? "male" : "female");
                    }
                    AnalysisUnit unit = new AnalysisUnit(Integer.toString(i), weight[i], subgroups, vector);
                    i++;
                    return unit;
                }
            };
        }
    }
}
