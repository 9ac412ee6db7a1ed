package vn.giamngheo.setting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A parameter value is stored only when it has the parameter's type and lies within its bounds. */
class ParameterTypeTest {

    @ParameterizedTest(name = "{0} ''{1}'' in [{2}, {3}] is stored as ''{4}''")
    @CsvSource(nullValues = "null", value = {
            "integer, 15, 1, 28, 15",
            "integer, ' 7 ', 1, 28, 7",         // trimmed
            "integer, 1, 1, 28, 1",             // at the minimum
            "integer, 28, 1, 28, 28",           // at the maximum
            "integer, 007, null, null, 7",
            "integer, -3, null, null, -3",
            "decimal, 0.50, 0, 1, 0.50",
            "decimal, '0,5', 0, 1, 0.5",        // a Vietnamese decimal comma
            "decimal, 1, 0, 1, 1",
            "decimal, 0, 0, 1, 0",
            "month_day, 09-01, null, null, 09-01",
            "month_day, 02-29, null, null, 02-29",
            "month_day, 12-14, 09-01, 12-31, 12-14",
            "boolean, TRUE, null, null, true",
            "boolean, false, null, null, false",
            "text, ' 2025-06-30 ', null, null, 2025-06-30"})
    void aValueOfTheRightTypeWithinItsBoundsIsStored(String type, String raw, String min, String max, String stored) {
        ParameterType.Checked checked = ParameterType.fromCode(type).check(raw, min, max);
        assertThat(checked.isOk()).as(checked.text()).isTrue();
        assertThat(checked.value()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} ''{1}'' in [{2}, {3}] is refused: {4}")
    @CsvSource(nullValues = "null", value = {
            "integer, '', 1, 28, setting.error.empty",
            "integer, '   ', 1, 28, setting.error.empty",
            "integer, null, 1, 28, setting.error.empty",
            "integer, 0, 1, 28, setting.error.below",   // just below the minimum
            "integer, 29, 1, 28, setting.error.above",  // just above the maximum
            "integer, 1.5, 1, 28, setting.error.integer",
            "integer, abc, null, null, setting.error.integer",
            "integer, 9999999999, null, null, setting.error.integer",
            "decimal, 1.01, 0, 1, setting.error.above",
            "decimal, -0.01, 0, 1, setting.error.below",
            "decimal, 50%, 0, 1, setting.error.decimal",
            "decimal, 1e3, null, null, setting.error.decimal",
            "month_day, 9-1, null, null, setting.error.month-day",
            "month_day, 02-30, null, null, setting.error.month-day",
            "month_day, 13-01, null, null, setting.error.month-day",
            "month_day, 2025-09-01, null, null, setting.error.month-day",
            "month_day, 08-31, 09-01, 12-31, setting.error.below",
            "boolean, yes, null, null, setting.error.boolean"})
    void aValueOfAnotherTypeOrOutOfBoundsIsRefused(String type, String raw, String min, String max, String problem) {
        ParameterType.Checked checked = ParameterType.fromCode(type).check(raw, min, max);
        assertThat(checked.isOk()).isFalse();
        assertThat(checked.value()).isNull();
        assertThat(checked.messageKey()).isEqualTo(problem);
        assertThat(checked.text()).isNotBlank();
    }

    @Test
    void aTextLongerThan500CharactersIsRefused() {
        assertThat(ParameterType.TEXT.check("x".repeat(501), null, null).messageKey()).isEqualTo("setting.error.too-long");
        assertThat(ParameterType.TEXT.check("x".repeat(500), null, null).isOk()).isTrue();
    }
}
