package vn.giamngheo.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FractionTest {

    @ParameterizedTest(name = "''{0}'' is {1}/{2}")
    @CsvSource({
            "1/3,   1,   3",
            "2/6,   1,   3",
            "0.33,  33,  100",
            "33%,   33,  100",
            "25 %,  1,   4",
            "12.5%, 1,   8",
            "0.250, 1,   4",
            "1,     1,   1",
            "0,     0,   1",
    })
    void cutoffsAndWeightsAreReadExactly(String text, long numerator, long denominator) {
        assertThat(Fraction.parse(text)).isEqualTo(Fraction.of(numerator, denominator));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1/0", "-1/3", "1/-3", "-0.2"})
    void malformedOrNegativeFractionsAreRejected(String text) {
        assertThatThrownBy(() -> Fraction.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "1/6,  1/18, 2/9",
            "1/3,  1/3,  2/3",
            "1/2,  1/2,  1",
    })
    void sumsAreExact(String a, String b, String sum) {
        assertThat(Fraction.parse(a).plus(Fraction.parse(b))).isEqualTo(Fraction.parse(sum));
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "1/3,  0.33, 1",
            "33%,  0.33, 0",
            "1/4,  1/3,  -1",
    })
    void fractionsCompareByValue(String a, String b, int sign) {
        assertThat(Integer.signum(Fraction.parse(a).compareTo(Fraction.parse(b)))).isEqualTo(sign);
    }
}
