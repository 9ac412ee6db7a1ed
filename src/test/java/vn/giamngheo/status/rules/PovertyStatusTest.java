package vn.giamngheo.status.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PovertyStatusTest {

    @ParameterizedTest
    @CsvSource({
            "poor,       POOR,      'poor',      status.poor,      true",
            "near_poor,  NEAR_POOR, 'near_poor', status.near_poor, true",
            "average,    AVERAGE,   'average',   status.average,   false",
            "not_poor,   NOT_POOR,  'not_poor',  status.not_poor,  false",
            "' Near_Poor ', NEAR_POOR, 'near_poor', status.near_poor, true"})
    void theWordsAndTheirStatus(String word, PovertyStatus status, String literal, String key, boolean listed) {
        assertThat(PovertyStatus.ofCode(word)).isEqualTo(status);
        assertThat(status.code()).isEqualTo(word.strip().toLowerCase());
        assertThat(status.literal()).isEqualTo("'" + literal + "'");
        assertThat(status.messageKey()).isEqualTo(key);
        assertThat(status.listed()).isEqualTo(listed);
        assertThat(status.is(status.code())).isTrue();
    }

    @Test
    void unknownWordsAreRefusedAndNullStaysNull() {
        assertThat(PovertyStatus.ofCode(null)).isNull();
        assertThatThrownBy(() -> PovertyStatus.ofCode("rich")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PovertyStatus.POOR.is(null)).isFalse();
        assertThat(PovertyStatus.POOR.is("near_poor")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status = {poor}                          | status = 'poor'",
            "status IN ({listed})                     | status IN ('poor', 'near_poor')",
            "previous IN ({average}, {not_poor})      | previous IN ('average', 'not_poor')",
            "{s.province} AND poor_kind = 'income_poor' | {s.province} AND poor_kind = 'income_poor'"})
    void sqlPlaceholdersBecomeTheLiterals(String sql, String expected) {
        assertThat(PovertyStatus.sql(sql)).isEqualTo(expected);
    }

    @Test
    void theListedCodesArePoorThenNearPoor() {
        assertThat(PovertyStatus.listedCodes()).containsExactly("poor", "near_poor");
    }
}
