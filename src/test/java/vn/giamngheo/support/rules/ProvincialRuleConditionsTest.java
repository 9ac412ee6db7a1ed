package vn.giamngheo.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The conditions provinces' own policies add to a rule (issue 24 point 3) — a population group, an area class held
 * by the household's commune or village, and the age band with the list statuses a province chooses (a card for
 * people over 80 of poor, near-poor and average households) — alone and combined, with the first reason why not.
 */
class ProvincialRuleConditionsTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 30);

    private static Set<Qualifier> statuses(String codes) {
        return Arrays.stream(codes.split("\\+")).map(c -> Qualifier.fromCode(c).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Qualifier.class)));
    }

    private static Set<String> groups(String codes) {
        return codes.isBlank() ? Set.of() : Set.of(codes.split("\\+"));
    }

    private static Set<String> classes(String codes) {
        return codes.isBlank() ? Set.of() : Set.of(codes.split("\\+"));
    }

    @ParameterizedTest(name = "[{index}] rule {0}/{1}/{2}/{3}–{4}; household {5}, groups [{6}], classes [{7}], born {8}: {9}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // beneficiary | statuses | group | class | min | status of household | groups | classes | birth | verdict
            // the group alone
            "household | poor | with_elderly | - | - | - | poor | with_elderly | | 1950-01-01 | ENTITLED",
            "household | poor | with_elderly | - | - | - | poor | | | 1950-01-01 | POPULATION_GROUP",
            "household | poor | ethnic_minority | - | - | - | poor | ethnic_minority+woman_headed | | 1980-01-01 | ENTITLED",
            "household | poor | woman_headed | - | - | - | poor | ethnic_minority | | 1980-01-01 | POPULATION_GROUP",
            "household | poor | with_disability | - | - | - | poor | with_disability | | 1980-01-01 | ENTITLED",
            "household | poor | with_children | - | - | - | poor | with_elderly | | 1980-01-01 | POPULATION_GROUP",
            "household | poor | all | - | - | - | poor | | | 1980-01-01 | ENTITLED",
            // the area class alone
            "household | poor+near_poor | - | poor_commune | - | - | near_poor | | poor_commune | 1980-01-01 | ENTITLED",
            "household | poor+near_poor | - | poor_commune | - | - | near_poor | | difficult_village | 1980-01-01 | AREA_CLASS",
            "household | poor+near_poor | - | difficult_village | - | - | poor | | difficult_village+region_1 | 1980-01-01 | ENTITLED",
            "household | poor+near_poor | - | region_1 | - | - | poor | | | 1980-01-01 | AREA_CLASS",
            // the status comes first, then the group, then the class, then the age
            "household | poor | with_elderly | poor_commune | - | - | average | | | 1950-01-01 | STATUS",
            "household | poor | with_elderly | poor_commune | - | - | poor | | | 1950-01-01 | POPULATION_GROUP",
            "household | poor | with_elderly | poor_commune | - | - | poor | with_elderly | | 1950-01-01 | AREA_CLASS",
            "household | poor | with_elderly | poor_commune | - | - | poor | with_elderly | poor_commune | 1950-01-01 | ENTITLED",
            "household | poor | with_elderly | poor_commune | - | - | - | with_elderly | poor_commune | 1950-01-01 | NOT_ON_LIST",
            // people over 80 of the statuses the province chooses (average included)
            "person | poor+near_poor+average | - | - | 80 | - | average | | | 1946-06-30 | ENTITLED",
            "person | poor+near_poor+average | - | - | 80 | - | average | | | 1946-07-01 | NO_PERSON_OF_AGE",
            "person | poor+near_poor+average | - | - | 80 | - | near_poor | | | 1930-01-01 | ENTITLED",
            "person | poor+near_poor | - | - | 80 | - | average | | | 1930-01-01 | STATUS",
            // age band with a group and a class together
            "person | poor+near_poor+average | with_elderly | poor_commune | 80 | - | poor | with_elderly | poor_commune | 1940-01-01 | ENTITLED",
            "person | poor+near_poor+average | with_elderly | poor_commune | 80 | - | poor | with_elderly | | 1940-01-01 | AREA_CLASS",
            "person | poor+near_poor+average | with_elderly | poor_commune | 80 | - | poor | with_elderly | poor_commune | 1960-01-01 | NO_PERSON_OF_AGE",
            "person | poor | with_children | - | - | 15 | poor | with_children | | 2015-01-01 | ENTITLED",
            "person | poor | with_children | - | - | 15 | poor | with_children | | 2010-06-30 | NO_PERSON_OF_AGE"})
    void eachConditionAndTheirCombinations(String beneficiary, String rule, String group, String areaClass, Integer minAge,
                                           Integer maxAge, String status, String householdGroups, String householdClasses,
                                           String birth, Verdict.Reason expected) {
        EntitlementRule r = new EntitlementRule(Beneficiary.of(beneficiary), statuses(rule), null, null, null, null, null,
                minAge, maxAge, LocalDate.of(2022, 1, 1), null, group, areaClass);
        StatusHistory history = status == null ? StatusHistory.empty()
                : new StatusHistory(List.of(DecidedRow.of("2025-01-01", 1, PovertyStatus.ofCode(status))));
        HouseholdFacts facts = HouseholdFacts.of(groups(householdGroups == null ? "" : householdGroups),
                classes(householdClasses == null ? "" : householdClasses));
        Verdict v = Entitlement.evaluate(r, history, List.of(new Person(3, LocalDate.parse(birth))), facts, ON);
        assertThat(v.reason()).isEqualTo(expected);
        if (expected == Verdict.Reason.ENTITLED && "person".equals(beneficiary)) {
            assertThat(v.members()).containsExactly(3);
        }
    }

    @ParameterizedTest(name = "group {0}: stored as no condition = {1}")
    @CsvSource({"all, true", "with_elderly, false"})
    void theGroupAllIsNoCondition(String group, boolean none) {
        EntitlementRule r = new EntitlementRule(Beneficiary.HOUSEHOLD, Set.of(Qualifier.POOR), null, null, null, null,
                null, null, null, LocalDate.of(2022, 1, 1), null, group, " ");
        assertThat(r.group() == null).isEqualTo(none);
        assertThat(r.areaClass()).isNull();
        // without facts (the old evaluation) a group condition is not met
        Verdict v = Entitlement.evaluate(r, new StatusHistory(List.of(DecidedRow.of("2025-01-01", 1, PovertyStatus.POOR))),
                List.of(), ON);
        assertThat(v.entitled()).isEqualTo(none);
    }
}
