package vn.giamngheo.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlkireFosterRulesTest {

    /** Four indicators of equal weight 1/4, one per dimension. */
    private static AlkireFosterSpec quarters(String k) {
        return AlkireFosterSpec.equalNested(Fraction.parse(k), equalDimensions(4));
    }

    private static Map<String, List<String>> equalDimensions(int indicators) {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (int j = 1; j <= indicators; j++) {
            dimensions.put("D" + j, List.of("i" + j));
        }
        return dimensions;
    }

    /** A unit from a pattern like {@code "1010"}: 1 deprived, 0 not deprived, '.' missing; indicators i1, i2, … */
    private static AnalysisUnit unit(double weight, Map<String, String> subgroups, String pattern) {
        Map<String, Boolean> deprivations = new LinkedHashMap<>();
        for (int j = 0; j < pattern.length(); j++) {
            char c = pattern.charAt(j);
            if (c != '.') {
                deprivations.put("i" + (j + 1), c == '1');
            }
        }
        return new AnalysisUnit(pattern, weight, subgroups, deprivations);
    }

    private static AnalysisUnit unit(String pattern) {
        return unit(1, Map.of(), pattern);
    }

    @Test
    void deprivationsOfANonPoorUnitAreCensored() {
        AlkireFosterResult result = AlkireFoster.compute(quarters("1/2"), List.of(unit("1100"), unit("0010")));

        IndicatorBreakdown third = result.overall().indicator("i3");
        assertThat(third.uncensoredHeadcount()).as("h_3 counts the non-poor unit").isEqualTo(0.5);
        assertThat(third.censoredHeadcount()).as("h_3(k) does not").isZero();
        assertThat(result.overall().adjustedHeadcount()).as("M0 = (1/2 + 0) / 2").isEqualTo(0.25);
    }

    @ParameterizedTest(name = "score {1}/{0} with k = {2}: poor = {3}")
    @CsvSource({
            // indicators, deprived in, k, poor
            "4,  1,  1/4,  true",
            "4,  1,  1/3,  false",
            "3,  1,  1/3,  true",
            "3,  1,  33%,  true",
            "3,  1,  34%,  false",
            "18, 6,  33%,  true",
            "18, 5,  33%,  false",
            "6,  6,  1,    true",   // 1/6 summed six times in double is 0.9999999999999999 < 1
            "12, 6,  1/2,  true",   // 1/12 summed six times in double is 0.49999999999999994 < 0.5
            "10, 8,  0.8,  true",   // 0.1 summed eight times in double is 0.7999999999999999 < 0.8
            "10, 7,  0.8,  false",
            "12, 3,  1/4,  true",
            "12, 2,  1/4,  false",
    })
    void aScoreExactlyEqualToTheCutoffIsPoor(int indicators, int deprivedIn, String k, boolean poor) {
        AlkireFosterSpec spec = AlkireFosterSpec.equalNested(Fraction.parse(k), equalDimensions(indicators));
        String pattern = "1".repeat(deprivedIn) + "0".repeat(indicators - deprivedIn);

        AlkireFosterResult result = AlkireFoster.compute(spec, List.of(unit(pattern)));

        assertThat(result.overall().headcount()).isEqualTo(poor ? 1.0 : 0.0);
    }

    @Test
    void globalMpiNestedWeightsAreOneSixthAndOneEighteenth() {
        AlkireFosterSpec spec = AlkireFosterSpec.equalNested(Fraction.of(1, 3), OracleDataSets.globalMpiDimensions());

        assertThat(spec.indicators()).filteredOn(i -> !i.dimension().equals("living standards"))
                .extracting(Indicator::weight).containsOnly(Fraction.of(1, 6)).hasSize(4);
        assertThat(spec.indicators()).filteredOn(i -> i.dimension().equals("living standards"))
                .extracting(Indicator::weight).containsOnly(Fraction.of(1, 18)).hasSize(6);
    }

    @Test
    void weightsThatDoNotSumToOneAreRejectedNamingTheSum() {
        List<Indicator> indicators = List.of(
                new Indicator("water", "living", Fraction.of(1, 3)),
                new Indicator("school", "education", Fraction.of(1, 3)),
                new Indicator("health", "health", Fraction.of(1, 6)));

        assertThatThrownBy(() -> AlkireFosterSpec.withWeights(Fraction.of(1, 3), indicators))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must sum to 1 but sum to 5/6")
                .hasMessageContaining("health=1/6");
    }

    @Test
    void decimalWeightsThatOnlyRoundToOneAreRejected() {
        List<Indicator> indicators = List.of(
                new Indicator("a", "A", Fraction.parse("0.333")),
                new Indicator("b", "B", Fraction.parse("0.333")),
                new Indicator("c", "C", Fraction.parse("0.333")));

        assertThatThrownBy(() -> AlkireFosterSpec.withWeights(Fraction.of(1, 3), indicators))
                .hasMessageContaining("sum to 999/1000");
    }

    @Test
    void anIndicatorListedTwiceIsRejected() {
        List<Indicator> indicators = List.of(
                new Indicator("a", "A", Fraction.of(1, 2)),
                new Indicator("a", "B", Fraction.of(1, 2)));

        assertThatThrownBy(() -> AlkireFosterSpec.withWeights(Fraction.of(1, 3), indicators))
                .hasMessageContaining("'a' is listed twice");
    }

    @Test
    void aZeroWeightIsRejected() {
        assertThatThrownBy(() -> new Indicator("a", "A", Fraction.ZERO)).hasMessageContaining("must be positive");
    }

    @ParameterizedTest
    @CsvSource({"0", "1.01", "101%"})
    void aCutoffOutsideZeroToOneIsRejected(String k) {
        assertThatThrownBy(() -> quarters(k)).hasMessageContaining("cut-off k must be in (0, 1]");
    }

    @Test
    void unitsWithAMissingIndicatorAreDroppedAndCounted() {
        List<AnalysisUnit> units = List.of(unit("1100"), unit("1.00"), unit("..00"), unit("0000"));

        AlkireFosterResult result = AlkireFoster.compute(quarters("1/2"), units);

        assertThat(result.unitsUsed()).isEqualTo(2);
        assertThat(result.unitsDropped()).isEqualTo(2);
        assertThat(result.droppedByIndicator()).isEqualTo(Map.of("i1", 1L, "i2", 2L));
        assertThat(result.overall().headcount()).as("1 poor of the 2 complete units").isEqualTo(0.5);
    }

    @Test
    void samplingWeightsWeighTheUnits() {
        List<AnalysisUnit> units = List.of(unit(3, Map.of(), "1100"), unit(1, Map.of(), "0000"));

        AlkireFosterResult result = AlkireFoster.compute(quarters("1/2"), units);

        assertThat(result.overall().headcount()).isEqualTo(0.75);
        assertThat(result.overall().adjustedHeadcount()).isEqualTo(0.375);
        assertThat(result.overall().population()).isEqualTo(4);
    }

    @Test
    void anIntensityOfZeroIsReportedWhenNobodyIsPoor() {
        AlkireFosterResult result = AlkireFoster.compute(quarters("1/2"), List.of(unit("1000")));

        assertThat(result.overall().headcount()).isZero();
        assertThat(result.overall().intensity()).isZero();
        assertThat(result.overall().indicators()).extracting(IndicatorBreakdown::contribution).containsOnly(0.0);
    }

    private static List<AnalysisUnit> mixedPopulation() {
        String[] patterns = {"1100", "1110", "0001", "1111", "0110", "1000", "0000", "1011", "0101", "1101"};
        String[] areas = {"urban", "rural", "rural", "rural", "urban", "rural", "urban", "rural", "urban", "rural"};
        String[] sexes = {"female", "male", "male", "female", "male", "female", "male", "female", "female", "male"};
        List<AnalysisUnit> units = new ArrayList<>();
        for (int i = 0; i < patterns.length; i++) {
            units.add(unit(0.5 + i * 0.37, Map.of("area", areas[i], "head_sex", sexes[i]), patterns[i]));
        }
        return units;
    }

    @ParameterizedTest
    @CsvSource({"area", "head_sex"})
    void populationWeightedSubgroupMeasuresAddUpToTheOverallMeasures(String variable) {
        AlkireFosterResult result = AlkireFoster.compute(quarters("1/2"), mixedPopulation());

        double m0 = 0;
        double h = 0;
        for (var entry : result.subgroupsOf(variable).entrySet()) {
            double share = result.populationShare(entry.getKey());
            m0 += share * entry.getValue().adjustedHeadcount();
            h += share * entry.getValue().headcount();
        }
        assertThat(result.subgroupsOf(variable)).hasSize(2);
        assertThat(m0).isCloseTo(result.overall().adjustedHeadcount(), within(1e-12));
        assertThat(h).isCloseTo(result.overall().headcount(), within(1e-12));
    }

    @Test
    void populationWeightedSubgroupM0sAddUpToTheNationalM0InBenin() {
        AlkireFosterResult result = OracleDataSets.BEN_DHS06.result();

        for (String variable : List.of("area", "region", "sex")) {
            double m0 = result.subgroupsOf(variable).entrySet().stream()
                    .mapToDouble(e -> result.populationShare(e.getKey()) * e.getValue().adjustedHeadcount()).sum();
            assertThat(m0).as(variable).isCloseTo(result.overall().adjustedHeadcount(), within(1e-12));
        }
    }

    @Test
    void contributionsAddUpToOneHundredPercent() {
        AlkireFosterResult mixed = AlkireFoster.compute(quarters("1/2"), mixedPopulation());
        List<PovertyMeasures> all = new ArrayList<>(List.of(mixed.overall(), OracleDataSets.BEN_DHS06.result().overall(),
                OracleDataSets.SWZ_MICS14.result().overall()));
        all.addAll(mixed.subgroups().values());
        all.addAll(OracleDataSets.BEN_DHS06.result().subgroups().values());

        for (PovertyMeasures measures : all) {
            assertThat(measures.indicators().stream().mapToDouble(IndicatorBreakdown::contribution).sum())
                    .isCloseTo(1.0, within(1e-12));
        }
    }

    /** M0 by its definition, the weighted mean censored score, computed here unit by unit. */
    @Test
    void adjustedHeadcountIsTheWeightedMeanCensoredScoreAndHeadcountTimesIntensity() {
        List<AnalysisUnit> units = mixedPopulation();
        double weightedCensoredScores = 0;
        double population = 0;
        for (AnalysisUnit unit : units) {
            long deprivedIn = unit.deprivations().values().stream().filter(Boolean::booleanValue).count();
            double score = deprivedIn / 4.0;
            weightedCensoredScores += unit.weight() * (score >= 0.5 ? score : 0);
            population += unit.weight();
        }

        PovertyMeasures overall = AlkireFoster.compute(quarters("1/2"), units).overall();

        assertThat(overall.adjustedHeadcount()).isCloseTo(weightedCensoredScores / population, within(1e-12));
        assertThat(overall.adjustedHeadcount()).isCloseTo(overall.headcount() * overall.intensity(), within(1e-15));
    }

    @Test
    void aUnitWithoutAValueForASubgroupVariableIsLeftOutOfThatBreakdownOnly() {
        List<AnalysisUnit> units = List.of(unit(1, Map.of("area", "rural"), "1100"), unit(1, Map.of(), "1111"));

        AlkireFosterResult result = AlkireFoster.compute(quarters("1/2"), units);

        assertThat(result.overall().units()).isEqualTo(2);
        assertThat(result.subgroupsOf("area")).containsOnlyKeys(new Subgroup("area", "rural"));
        assertThat(result.subgroup("area", "rural").adjustedHeadcount()).isEqualTo(0.5);
    }

    /** Global-MPI scores are multiples of 1/18: none lies in [0.33, 1/3), so both readings of "k = 33" agree. */
    @Test
    void kOfOneThirdAndOfThirtyThreePercentIdentifyTheSamePoorInTheGlobalMpi() {
        AlkireFosterSpec oneThird = AlkireFosterSpec.equalNested(Fraction.of(1, 3), OracleDataSets.globalMpiDimensions());
        AlkireFosterSpec thirtyThree = OracleDataSets.BEN_DHS06.spec();

        assertThat(AlkireFoster.compute(oneThird, OracleDataSets.BEN_DHS06.units()).overall())
                .isEqualTo(AlkireFoster.compute(thirtyThree, OracleDataSets.BEN_DHS06.units()).overall());
    }
}
