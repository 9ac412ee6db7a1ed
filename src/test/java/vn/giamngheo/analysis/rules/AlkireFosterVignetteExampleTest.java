package vn.giamngheo.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The 5 persons × 4 indicators example of the mpitbR vignette, section 2.1 (cran/mpitbR@2e87ab96,
 * {@code vignettes/introduction_to_mpitbR.Rmd}): the deprivation matrix g⁰, equal weights 1/4, k = 1/2, and
 * persons 1–2 in the North, 3–5 in the South are transcribed from the vignette, not constructed.
 */
class AlkireFosterVignetteExampleTest {

    private static final int[][] G0 = {
            {1, 0, 1, 0},
            {0, 1, 0, 0},
            {0, 1, 1, 1},
            {1, 0, 0, 0},
            {1, 0, 1, 0},
    };

    private static final AlkireFosterResult RESULT = AlkireFoster.compute(spec(), units());

    private static AlkireFosterSpec spec() {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (int j = 1; j <= 4; j++) {
            dimensions.put("dimension " + j, List.of("i" + j));
        }
        return AlkireFosterSpec.equalNested(Fraction.of(1, 2), dimensions);
    }

    private static List<AnalysisUnit> units() {
        List<AnalysisUnit> units = new ArrayList<>();
        for (int i = 0; i < G0.length; i++) {
            Map<String, Boolean> deprivations = new LinkedHashMap<>();
            for (int j = 0; j < 4; j++) {
                deprivations.put("i" + (j + 1), G0[i][j] == 1);
            }
            units.add(AnalysisUnit.unweighted("person " + (i + 1), Map.of("region", i < 2 ? "North" : "South"), deprivations));
        }
        return units;
    }

    @Test
    void headlineFiguresAreThoseOfTheVignette() {
        assertThat(rounded(RESULT.overall().adjustedHeadcount(), 3)).isEqualByComparingTo("0.350");
        assertThat(rounded(RESULT.overall().headcount(), 1)).isEqualByComparingTo("0.6");
        assertThat(rounded(RESULT.overall().intensity(), 4)).isEqualByComparingTo("0.5833");
        assertThat(RESULT.unitsUsed()).isEqualTo(5);
    }

    @Test
    void indicatorHeadcountsAreThoseOfTheVignette() {
        assertThat(RESULT.overall().indicators()).extracting(IndicatorBreakdown::uncensoredHeadcount)
                .containsExactly(0.6, 0.4, 0.6, 0.2);
        assertThat(RESULT.overall().indicators()).extracting(IndicatorBreakdown::censoredHeadcount)
                .containsExactly(0.4, 0.2, 0.6, 0.2);
    }

    /**
     * The vignette prints 28.58 %, 14.29 %, 42.85 %, 14.29 %; the exact shares are 2/7, 1/7, 3/7, 1/7
     * (28.57 %, 14.29 %, 42.86 %, 14.29 %) — the vignette's first and third figures are mis-rounded, so the
     * exact fractions are the reference here.
     */
    @Test
    void contributionsAreTheExactSharesOfM0() {
        assertThat(RESULT.overall().indicators()).extracting(IndicatorBreakdown::contribution)
                .satisfiesExactly(
                        c -> assertThat(c).isCloseTo(2.0 / 7, within(1e-12)),
                        c -> assertThat(c).isCloseTo(1.0 / 7, within(1e-12)),
                        c -> assertThat(c).isCloseTo(3.0 / 7, within(1e-12)),
                        c -> assertThat(c).isCloseTo(1.0 / 7, within(1e-12)));
    }

    /** The vignette prints North 0.250 and South 0.416; South is 5/12 = 0.41666…, printed truncated. */
    @Test
    void regionalFiguresAreThoseOfTheVignette() {
        assertThat(rounded(RESULT.subgroup("region", "North").adjustedHeadcount(), 3)).isEqualByComparingTo("0.250");
        assertThat(RESULT.subgroup("region", "South").adjustedHeadcount()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(RESULT.populationShare(new Subgroup("region", "South"))).isEqualTo(0.6);
    }

    private static BigDecimal rounded(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }
}
