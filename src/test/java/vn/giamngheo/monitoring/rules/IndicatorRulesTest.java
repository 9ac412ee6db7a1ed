package vn.giamngheo.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Targets met by direction; shares added up as numerators and denominators, never as percentages. */
class IndicatorRulesTest {

    @ParameterizedTest(name = "{0}: result {1}, target {2} → met {3}")
    @CsvSource({
            "INCREASE, 95.00, 95, true", "INCREASE, 94.99, 95, false", "INCREASE, 100, 95, true",
            "DECREASE, 3.0, 3, true", "DECREASE, 3.01, 3, false", "DECREASE, 0, 3, true",
    })
    void aTargetIsMetWhenTheResultReachesItInTheIndicatorsDirection(Direction d, BigDecimal result, BigDecimal target, boolean met) {
        assertThat(d.met(result, target)).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0}/{1} + {2}/{3} = {4} %")
    @CsvSource({"1, 2, 99, 198, 50.00", "1, 1, 0, 3, 25.00", "2, 3, 0, 0, 66.67", "0, 0, 0, 0,"})
    void sharesAreAddedAsCountsThenDivided(BigDecimal n1, BigDecimal d1, BigDecimal n2, BigDecimal d2, BigDecimal shown) {
        IndicatorValue sum = IndicatorValue.share(n1, d1).plus(IndicatorValue.share(n2, d2));
        assertThat(sum.shown().orElse(null)).isEqualTo(shown);
    }

    @Test
    void countsAddUpAndCannotBeMixedWithShares() {
        assertThat(IndicatorValue.count(BigDecimal.TEN).plus(IndicatorValue.count(BigDecimal.ONE)).shown()).contains(BigDecimal.valueOf(11));
        assertThatThrownBy(() -> IndicatorValue.count(BigDecimal.ONE).plus(IndicatorValue.share(BigDecimal.ONE, BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
