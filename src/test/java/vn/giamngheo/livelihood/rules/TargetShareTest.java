package vn.giamngheo.livelihood.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** At least half of a model's participants are target households; more than 70 % makes it preferred. */
class TargetShareTest {

    @ParameterizedTest(name = "{1} target households of {0} ({3} %) → {2}")
    @CsvSource({
            "10000, 4999, BELOW_REQUIRED,  49.99",
            "10000, 5000, REQUIRED_MET,    50.00",
            "10000, 6999, REQUIRED_MET,    69.99",
            "10000, 7000, PREFERRED,       70.00",
            "10000, 10000, PREFERRED,     100.00",
            "100000, 49999, BELOW_REQUIRED, 49.99",
            "2,     1,    REQUIRED_MET,    50.00",
            "3,     1,    BELOW_REQUIRED,  33.33",
            "3,     2,    REQUIRED_MET,    66.66",
            "10,    7,    PREFERRED,       70.00",
            "1,     0,    BELOW_REQUIRED,   0.00"})
    void theShareIsCheckedExactlyAtTheThresholds(int participants, int targets, ShareVerdict verdict, BigDecimal percent) {
        TargetShare share = new TargetShare(participants, targets);
        assertThat(share.check(Thresholds.PROGRAMME_DEFAULT)).isEqualTo(verdict);
        assertThat(share.percent()).isEqualByComparingTo(percent);
    }

    @Test
    void aModelWithoutParticipantsIsFlaggedAndHasNoShare() {
        TargetShare empty = new TargetShare(0, 0);
        assertThat(empty.check(Thresholds.PROGRAMME_DEFAULT)).isEqualTo(ShareVerdict.NO_PARTICIPANTS);
        assertThat(empty.check(Thresholds.PROGRAMME_DEFAULT).flagged()).isTrue();
        assertThat(empty.percent()).isNull();
    }

    @Test
    void onlyAShareBelowTheRequiredOneOrNoParticipantIsFlagged() {
        assertThat(ShareVerdict.BELOW_REQUIRED.flagged()).isTrue();
        assertThat(ShareVerdict.REQUIRED_MET.flagged()).isFalse();
        assertThat(ShareVerdict.PREFERRED.flagged()).isFalse();
    }

    @ParameterizedTest(name = "required {0}, preferred {1}: {3} of {2} → {4}")
    @CsvSource({
            "0.60, 0.80, 10, 5, BELOW_REQUIRED",
            "0.60, 0.80, 10, 6, REQUIRED_MET",
            "0.60, 0.80, 10, 8, PREFERRED",
            "0.50, 0.50, 4,  2, PREFERRED",
            "0,    0.70, 5,  0, REQUIRED_MET"})
    void otherThresholdsFromTheParameters(BigDecimal required, BigDecimal preferred, int participants, int targets,
                                          ShareVerdict verdict) {
        assertThat(new TargetShare(participants, targets).check(new Thresholds(required, preferred))).isEqualTo(verdict);
    }

    @ParameterizedTest
    @CsvSource({"0.70, 0.50", "-0.1, 0.5", "0.5, 1.1"})
    void thresholdsOutOfOrderAreRefused(BigDecimal required, BigDecimal preferred) {
        assertThatThrownBy(() -> new Thresholds(required, preferred)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"3, 4", "-1, 0", "2, -1"})
    void impossibleCountsAreRefused(int participants, int targets) {
        assertThatThrownBy(() -> new TargetShare(participants, targets)).isInstanceOf(IllegalArgumentException.class);
    }
}
