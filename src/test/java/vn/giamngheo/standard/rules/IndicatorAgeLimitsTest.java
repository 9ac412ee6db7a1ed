package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.standard.rules.Households.REFERENCE;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.Sex;

/**
 * Each member indicator's age limits: a third member born the day after the birthday that reaches the
 * cut-off (one day too young on the reference date) versus born exactly on it.
 */
class IndicatorAgeLimitsTest {

    private static LocalDate bornYearsAgo(int years, int extraDays) {
        return REFERENCE.minusYears(years).plusDays(extraDays);
    }

    private static Arguments row(String standard, String indicator, String rule, LocalDate born, Sex sex,
            UnaryOperator<MemberEdit> facts, boolean deprived) {
        return Arguments.of(standard, indicator, rule, born, sex, facts, deprived);
    }

    static Stream<Arguments> ageLimits() {
        UnaryOperator<MemberEdit> uninsured = m -> m.insurance(false).malnourished(false).inSchool(true)
                .levelAppropriate(true);
        UnaryOperator<MemberEdit> malnourishedChild = m -> m.malnourished(true).inSchool(true).levelAppropriate(true);
        UnaryOperator<MemberEdit> primaryOnly = m -> m.education(Education.PRIMARY).inSchool(false)
                .malnourished(false).levelAppropriate(true);
        UnaryOperator<MemberEdit> lowerSecondary = m -> m.education(Education.LOWER_SECONDARY).inSchool(false)
                .malnourished(false).levelAppropriate(true);
        UnaryOperator<MemberEdit> outOfSchool = m -> m.inSchool(false).education(Education.NONE).malnourished(false)
                .levelAppropriate(false);
        UnaryOperator<MemberEdit> unemployed = m -> m.employment(Employment.UNEMPLOYED).malnourished(false)
                .inSchool(true).levelAppropriate(true);
        return Stream.of(
                row("ND07_2021", "health_insurance", "uninsured, day before 6th birthday", bornYearsAgo(6, 1), Sex.MALE, uninsured, false),
                row("ND07_2021", "health_insurance", "uninsured, on 6th birthday", bornYearsAgo(6, 0), Sex.MALE, uninsured, true),
                row("ND07_2021", "nutrition", "malnourished, day before 16th birthday", bornYearsAgo(16, 1), Sex.MALE, malnourishedChild, true),
                row("ND07_2021", "nutrition", "malnourished, on 16th birthday", bornYearsAgo(16, 0), Sex.MALE, malnourishedChild, false),
                row("ND07_2021", "adult_education", "primary only, day before 16th birthday", bornYearsAgo(16, 1), Sex.MALE, primaryOnly, false),
                row("ND07_2021", "adult_education", "primary only, on 16th birthday", bornYearsAgo(16, 0), Sex.MALE, primaryOnly, true),
                row("ND07_2021", "adult_education", "lower-secondary, day before 18th birthday", bornYearsAgo(18, 1), Sex.MALE, lowerSecondary, false),
                row("ND07_2021", "adult_education", "lower-secondary, on 18th birthday", bornYearsAgo(18, 0), Sex.MALE, lowerSecondary, true),
                row("ND07_2021", "adult_education", "primary only, day before 31st birthday", bornYearsAgo(31, 1), Sex.MALE, primaryOnly, true),
                row("ND07_2021", "adult_education", "primary only, on 31st birthday", bornYearsAgo(31, 0), Sex.MALE, primaryOnly, false),
                row("ND07_2021", "child_schooling", "out of school, day before 3rd birthday", bornYearsAgo(3, 1), Sex.MALE, outOfSchool, false),
                row("ND07_2021", "child_schooling", "out of school, on 3rd birthday", bornYearsAgo(3, 0), Sex.MALE, outOfSchool, true),
                row("ND07_2021", "child_schooling", "out of school, day before 16th birthday", bornYearsAgo(16, 1), Sex.MALE, outOfSchool, true),
                row("ND07_2021", "child_schooling", "out of school, on 16th birthday", bornYearsAgo(16, 0), Sex.MALE, outOfSchool, false),
                row("ND07_2021", "employment", "unemployed, day before 15th birthday", bornYearsAgo(15, 1), Sex.MALE, unemployed, false),
                row("ND07_2021", "employment", "unemployed, on 15th birthday", bornYearsAgo(15, 0), Sex.MALE, unemployed, true),
                // men's retirement age in 2026: 60 years 3 months + 5 × 3 months = 61 years 6 months
                row("ND07_2021", "employment", "unemployed man, day before 61y6m", bornYearsAgo(61, 1).minusMonths(6), Sex.MALE, unemployed, true),
                row("ND07_2021", "employment", "unemployed man, on 61y6m", bornYearsAgo(61, 0).minusMonths(6), Sex.MALE, unemployed, false),
                // women's retirement age in 2026: 55 years 4 months + 5 × 4 months = 57 years
                row("ND07_2021", "employment", "unemployed woman, day before 57th birthday", bornYearsAgo(57, 1), Sex.FEMALE, unemployed, true),
                row("ND07_2021", "employment", "unemployed woman, on 57th birthday", bornYearsAgo(57, 0), Sex.FEMALE, unemployed, false),
                row("QD59_2015", "child_schooling", "out of school, day before 5th birthday", bornYearsAgo(5, 1), Sex.MALE, outOfSchool, false),
                row("QD59_2015", "child_schooling", "out of school, on 5th birthday", bornYearsAgo(5, 0), Sex.MALE, outOfSchool, true),
                row("QD59_2015", "child_schooling", "out of school, day before 15th birthday", bornYearsAgo(15, 1), Sex.MALE, outOfSchool, true),
                row("QD59_2015", "child_schooling", "out of school, on 15th birthday", bornYearsAgo(15, 0), Sex.MALE, outOfSchool, false),
                row("QD59_2015", "adult_education", "primary only, born 31 Dec 1985", LocalDate.of(1985, 12, 31), Sex.MALE, primaryOnly, false),
                row("QD59_2015", "adult_education", "primary only, born 1 Jan 1986", LocalDate.of(1986, 1, 1), Sex.MALE, primaryOnly, true),
                row("QD59_2015", "adult_education", "primary only, day before 15th birthday", bornYearsAgo(15, 1), Sex.MALE, primaryOnly, false),
                row("QD59_2015", "adult_education", "primary only, on 15th birthday", bornYearsAgo(15, 0), Sex.MALE, primaryOnly, true),
                row("QD59_2015", "health_insurance", "uninsured, on 6th birthday", bornYearsAgo(6, 0), Sex.MALE, uninsured, true));
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> deprived {6}")
    @MethodSource("ageLimits")
    void aMemberCountsFromTheDayOfTheBirthdayThatReachesTheCutOff(String code, String indicator, String rule,
            LocalDate born, Sex sex, UnaryOperator<MemberEdit> facts, boolean deprived) {
        PovertyStandard standard = StandardCatalog.national().standard(code).orElseThrow();
        MemberRecord third = facts.apply(new MemberEdit(Households.adult(3, "Lê Văn Cường", born, sex)).born(born))
                .build();
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0),
                Households.replaced(Households.twoAdults(), 2, third));

        IndicatorResult result = IndicatorPolicies.policyFor(indicator).orElseThrow()
                .assess(new HouseholdFacts(data, standard, REFERENCE));

        assertThat(result.deprived()).isEqualTo(deprived);
        if (deprived) {
            assertThat(result.evidence().key()).isEqualTo("classification.evidence.member");
            assertThat(result.evidence().args()).startsWith(3, "Lê Văn Cường");
        }
    }

    static Stream<Arguments> dependantShares() {
        LocalDate child = REFERENCE.minusYears(10);
        return Stream.of(
                Arguments.of("one adult, one child: 50 % is not more than half", List.of(child), false),
                Arguments.of("two adults, two children: 50 %", List.of(child, child), false),
                Arguments.of("two adults, three children: 60 %", List.of(child, child, child), true),
                Arguments.of("two adults, a child and a 16-year-old: 25 %", List.of(child, REFERENCE.minusYears(16)),
                        false));
    }

    @ParameterizedTest(name = "{0} -> deprived {2}")
    @MethodSource("dependantShares")
    void dependantsMustBeMoreThanHalfOfTheMembers(String name, List<LocalDate> children, boolean deprived) {
        List<MemberRecord> members = new java.util.ArrayList<>(Households.twoAdults());
        if (name.startsWith("one adult")) {
            members.remove(1);
        }
        for (LocalDate born : children) {
            members.add(new MemberEdit(Households.adult(members.size() + 1, "Con", born, Sex.FEMALE))
                    .employment(Employment.STUDENT).workingCapacity(false).build());
        }
        members.set(members.size() - 1, new MemberEdit(members.get(members.size() - 1)).workingCapacity(
                REFERENCE.minusYears(16).equals(children.get(children.size() - 1))).build());
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0), members);

        IndicatorResult result = IndicatorPolicies.policyFor("dependants").orElseThrow()
                .assess(new HouseholdFacts(data, Households.ND07, REFERENCE));

        assertThat(result.deprived()).isEqualTo(deprived);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dependants", "housing_area"})
    void aHouseholdWithoutMembersIsNotDeprivedOnPerPersonIndicators(String indicator) {
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0), List.of());

        IndicatorResult result = IndicatorPolicies.policyFor(indicator).orElseThrow()
                .assess(new HouseholdFacts(data, Households.ND07, REFERENCE));

        assertThat(result.deprived()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aHouseholdWithoutMembersIsClassifiedWithoutError() {
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0), List.of());

        assertThat(new PovertyClassifier().classify(data, Households.ND07, REFERENCE, Area.RURAL).status()).isNotNull();
    }
}
