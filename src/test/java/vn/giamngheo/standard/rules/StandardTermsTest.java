package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.standard.rules.Households.REFERENCE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.Sex;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The terms the classifier reads once per standard ({@link StandardTerms}) give what the standard's parameters give:
 * each standard its own, even when several alternate; a term the standard lacks or cannot parse still throws where the
 * classifier needs it, and only there.
 */
class StandardTermsTest {

    private final PovertyClassifier classifier = new PovertyClassifier();

    private static PovertyStandard derived(String code, Map<String, String> overrides) {
        return Households.ND07.derive(code, overrides, "test", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }

    private Classification rural(long income, int deprivations, PovertyStandard standard) {
        return classifier.classify(Households.withIncome(Area.RURAL, income, deprivations), standard, REFERENCE);
    }

    private static PovertyStandard without(PovertyStandard standard, String... names) {
        Map<String, Parameter> kept = new LinkedHashMap<>(standard.parameters());
        for (String name : names) {
            kept.remove(name);
        }
        return new PovertyStandard(standard.code() + "_without", kept);
    }

    @Test
    void manyStandardsClassifiedInTurnEachByItsOwnLinesAndTitle() {
        // more standards than the terms keep, in turn: each household under its own
        List<PovertyStandard> standards = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            standards.add(derived("LOCAL_" + i, Map.of("income_line_rural", String.valueOf(1_000_000 + i * 10_000))));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < standards.size(); i++) {
                long line = 1_000_000 + i * 10_000;
                Classification at = classifier.classify(Households.withIncome(Area.RURAL, line, 3), standards.get(i),
                        REFERENCE);
                Classification above = classifier.classify(Households.withIncome(Area.RURAL, line + 1, 3),
                        standards.get(i), REFERENCE);
                assertThat(at.status()).as("standard %s at its line", i).isEqualTo(PovertyStatus.POOR);
                assertThat(above.status()).as("standard %s above its line", i).isNotIn(PovertyStatus.POOR,
                        PovertyStatus.NEAR_POOR);
                assertThat(at.explanation().reasons()).last()
                        .isEqualTo(Message.of("classification.reason.standard", "test", standards.get(i).version()));
            }
        }
    }

    @Test
    void anIncomeLineThatDoesNotParseFailsTheHouseholdsThatNeedIt() {
        PovertyStandard broken = derived("BROKEN_LINE", Map.of("income_line_rural", "1,5 triệu"));
        assertThatThrownBy(() -> rural(1_000_000, 0, broken)).isInstanceOf(NumberFormatException.class);
        // a household placed by its B1 score does not need it, as before
        Classification byB1 = classifier.classify(Households.withB1(Area.RURAL, new BigDecimal("100"), 3), broken,
                REFERENCE);
        assertThat(byB1.incomeBasis()).isEqualTo(IncomeBasis.B1_SCORE);
        // the urban line still parses
        assertThat(classifier.classify(Households.withIncome(Area.URBAN, 2_000_000, 3), broken, REFERENCE).status())
                .isEqualTo(PovertyStatus.POOR);
    }

    @Test
    void anAverageBandThatDoesNotParseStillThrowsAndAMissingOneMeansNoBand() {
        PovertyStandard broken = derived("BROKEN_BAND", Map.of("average_upper_rural", "abc"));
        assertThatThrownBy(() -> rural(1_500_001, 0, broken)).isInstanceOf(NumberFormatException.class);
        PovertyStandard noBand = without(Households.ND07, "average_lower_rural", "average_upper_rural");
        assertThat(rural(1_500_001, 0, noBand).status()).isEqualTo(PovertyStatus.NOT_POOR);
        assertThat(rural(1_500_001, 0, Households.ND07).status()).isEqualTo(PovertyStatus.AVERAGE);
    }

    @Test
    void anUpperLineThatDoesNotParseFailsTheHouseholdsAsBefore() {
        PovertyStandard qd59 = StandardCatalog.national().standard("QD59_2015").orElseThrow();
        PovertyStandard broken = qd59.derive("BROKEN_UPPER", Map.of("upper_line_rural", "một triệu"), "test",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> rural(800_000, 3, broken)).isInstanceOf(NumberFormatException.class);
        // the upper line is read for every household, as before: the same exception below the line too
        assertThatThrownBy(() -> rural(600_000, 0, broken)).isInstanceOf(NumberFormatException.class);
        assertThat(rural(800_000, 3, qd59).poorKind()).isEqualTo(PoorKind.DEPRIVATION_POOR);
        // an income-gate standard has none
        assertThat(rural(1_500_000, 3, Households.ND07).status()).isEqualTo(PovertyStatus.POOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deprivation_threshold", "rule_shape", "indicators", "income_line_rural"})
    void aMissingTermThrowsAsTheStandardDoes(String name) {
        assertThatThrownBy(() -> rural(1_000_000, 0, without(Households.ND07, name)))
                .isInstanceOf(MissingParameterException.class).hasMessageContaining(name);
    }

    @Test
    void aRetirementScheduleThatDoesNotParseOrLacksATermThrowsOnlyForTheYearsThatNeedIt() {
        // the schedule is read once per standard (RetirementAge in StandardTerms); a bad term throws where it is read
        PovertyStandard brokenStep = derived("BROKEN_RETIREMENT", Map.of("retirement_male_step_months", "ba tháng"));
        assertThatThrownBy(() -> RetirementAge.months(brokenStep, Sex.MALE, 2026))
                .isInstanceOf(NumberFormatException.class);
        assertThat(RetirementAge.months(brokenStep, Sex.MALE, 2020)).isEqualTo(720);
        assertThat(RetirementAge.months(brokenStep, Sex.FEMALE, 2026)).isEqualTo(684);
        PovertyStandard noBefore = without(Households.ND07, "retirement_female_before_months");
        assertThatThrownBy(() -> RetirementAge.months(noBefore, Sex.FEMALE, 2020))
                .isInstanceOf(MissingParameterException.class);
        assertThat(RetirementAge.months(noBefore, Sex.FEMALE, 2026)).isEqualTo(684);
        PovertyStandard noReform = without(Households.ND07, "retirement_reform_year");
        for (Sex sex : Sex.values()) {
            assertThatThrownBy(() -> RetirementAge.months(noReform, sex, 2026)).isInstanceOf(MissingParameterException.class);
        }
    }

    @Test
    void anIndicatorWithoutARuleThrowsAsBefore() {
        PovertyStandard unknownIndicator = derived("UNKNOWN_INDICATOR", Map.of("indicators",
                Households.ND07.require("indicators").value() + ";no_such_indicator"));
        assertThatThrownBy(() -> rural(1_000_000, 0, unknownIndicator))
                .isInstanceOf(IllegalStateException.class).hasMessage("no rule for indicator no_such_indicator");
    }
}
