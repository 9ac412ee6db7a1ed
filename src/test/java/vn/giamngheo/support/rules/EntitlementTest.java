package vn.giamngheo.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.status.rules.PovertyStatus;

/** Entitlement at its boundaries: ages on the date, statuses, the newly-escaped window, validity, groups. */
class EntitlementTest {

    private static final LocalDate OPEN = LocalDate.of(2022, 1, 1);

    private static EntitlementRule household(Set<Qualifier> statuses, Integer window) {
        return new EntitlementRule(Beneficiary.HOUSEHOLD, statuses, window, null, null, null, null, null, null, OPEN, null);
    }

    private static EntitlementRule persons(Set<Qualifier> statuses, Integer minAge, Integer maxAge) {
        return new EntitlementRule(Beneficiary.PERSON, statuses, null, null, null, null, null, minAge, maxAge, OPEN, null);
    }

    private static StatusHistory poorSince2023() {
        return new StatusHistory(List.of(DecidedRow.of("2023-01-01", 1, PovertyStatus.POOR)));
    }

    @ParameterizedTest(name = "tuition (3–18), born {0}, on {1}: {2}")
    @CsvSource({
            "2020-09-01, 2023-08-31, false",   // the day before the third birthday
            "2020-09-01, 2023-09-01, true",    // the third birthday
            "2005-09-01, 2024-08-31, true",    // the day before the nineteenth birthday: still 18
            "2005-09-01, 2024-09-01, false",   // the nineteenth birthday
            "2024-02-29, 2027-02-28, false",   // born on 29 February: three years only on 1 March
            "2024-02-29, 2027-03-01, true",
            "2030-01-01, 2029-12-31, false"})  // not yet born
    void childrenAreEntitledFromTheThirdBirthdayUntilTheNineteenth(String born, String on, boolean entitled) {
        EntitlementRule tuition = persons(Set.of(Qualifier.POOR), 3, 18);
        Verdict v = Entitlement.evaluate(tuition, new StatusHistory(List.of(DecidedRow.of("2020-01-01", 1, PovertyStatus.POOR))),
                List.of(new Person(2, LocalDate.parse(born))), LocalDate.parse(on));
        assertThat(v.entitled()).isEqualTo(entitled);
        assertThat(v.members()).isEqualTo(entitled ? List.of(2) : List.of());
        if (!entitled) {
            assertThat(v.reason()).isEqualTo(Verdict.Reason.NO_PERSON_OF_AGE);
        }
    }

    @ParameterizedTest(name = "under 6, born {0}, on {1}: {2}")
    @CsvSource({"2020-05-10, 2026-05-09, true", "2020-05-10, 2026-05-10, false", "2026-05-10, 2026-05-10, true"})
    void childrenUnderSixAreEntitledUntilTheSixthBirthday(String born, String on, boolean entitled) {
        Verdict v = Entitlement.evaluate(persons(Set.of(Qualifier.NEAR_POOR), null, 5),
                new StatusHistory(List.of(DecidedRow.of("2022-01-01", 1, PovertyStatus.NEAR_POOR))),
                List.of(new Person(1, LocalDate.parse(born))), LocalDate.parse(on));
        assertThat(v.entitled()).isEqualTo(entitled);
    }

    @Test
    void onlyTheMembersOfTheAgeBandAreEntitled() {
        Verdict v = Entitlement.evaluate(persons(Set.of(Qualifier.POOR), 60, null), poorSince2023(),
                List.of(new Person(1, LocalDate.of(1960, 6, 30)), new Person(2, LocalDate.of(1966, 7, 1)),
                        new Person(3, LocalDate.of(1966, 6, 30))), LocalDate.of(2026, 6, 30));
        assertThat(v.members()).containsExactly(1, 3);
    }

    @ParameterizedTest(name = "{0} policy, household {1} on {2}: {3}")
    @CsvSource({
            "poor,      poor,      2023-01-01, ENTITLED",
            "poor,      poor,      2022-12-31, NOT_ON_LIST",       // the decision takes effect the next day
            "poor,      near_poor, 2023-06-01, STATUS",
            "near_poor, near_poor, 2023-06-01, ENTITLED",
            "poor,      not_poor,  2023-06-01, STATUS",
            "average,   average,   2023-06-01, ENTITLED",
            "average,   near_poor, 2023-06-01, STATUS"})
    void theStatusOnTheDateDecides(String policy, String status, String on, Verdict.Reason reason) {
        StatusHistory history = new StatusHistory(List.of(DecidedRow.of("2023-01-01", 1, PovertyStatus.ofCode(status))));
        Verdict v = Entitlement.evaluate(household(Set.of(Qualifier.fromCode(policy).orElseThrow()), null), history,
                List.of(), LocalDate.parse(on));
        assertThat(v.reason()).isEqualTo(reason);
    }

    @Test
    void theLatestRowWinsAndOnTheSameDayTheLaterRow() {
        StatusHistory history = new StatusHistory(List.of(
                DecidedRow.of("2024-01-01", 9, PovertyStatus.NEAR_POOR),
                DecidedRow.of("2023-01-01", 1, PovertyStatus.POOR),
                DecidedRow.of("2024-01-01", 5, PovertyStatus.POOR)));
        assertThat(history.on(LocalDate.of(2023, 12, 31)).orElseThrow().status()).isEqualTo(PovertyStatus.POOR);
        assertThat(history.on(LocalDate.of(2024, 1, 1)).orElseThrow().status()).isEqualTo(PovertyStatus.NEAR_POOR);
        assertThat(StatusHistory.empty().on(LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @ParameterizedTest(name = "escaped 2024-01-01, window {0} months, on {1}: {2}")
    @CsvSource({
            "36, 2023-12-31, false",   // still poor: not escaped yet
            "36, 2024-01-01, true",    // the escape day
            "36, 2026-12-31, true",    // the last day of the window
            "36, 2027-01-01, false",   // the window is over
            "12, 2024-12-31, true",
            "12, 2025-01-01, false"})
    void newlyEscapedHouseholdsAreEntitledForTheWindow(int window, String on, boolean entitled) {
        StatusHistory history = new StatusHistory(List.of(DecidedRow.of("2022-01-01", 1, PovertyStatus.POOR),
                DecidedRow.of("2024-01-01", 2, PovertyStatus.NOT_POOR), DecidedRow.of("2025-01-01", 3, PovertyStatus.NOT_POOR)));
        Verdict v = Entitlement.evaluate(household(Set.of(Qualifier.ESCAPED_POOR), window), history, List.of(),
                LocalDate.parse(on));
        assertThat(v.entitled()).isEqualTo(entitled);
    }

    @ParameterizedTest(name = "history {0}, on 2025-06-01: escaped poor {1}, escaped near-poor {2}")
    @CsvSource({
            "poor;near_poor,          true,  false",   // poor → near-poor has escaped poverty
            "near_poor;not_poor,      false, true",
            "poor;not_poor,           true,  false",
            "poor;near_poor;not_poor, true,  true",    // escaped poverty in 2024, near-poverty in 2025
            "not_poor;not_poor,       false, false",   // never on a list
            "poor;not_poor;poor,      false, false"})  // re-poor
    void escapedIsRelativeToTheListBefore(String statuses, boolean poor, boolean nearPoor) {
        String[] s = statuses.split(";");
        List<DecidedRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            rows.add(DecidedRow.of((2025 - s.length + 1 + i) + "-01-01", i, PovertyStatus.ofCode(s[i])));
        }
        StatusHistory history = new StatusHistory(rows);
        LocalDate on = LocalDate.of(2025, 6, 1);
        assertThat(Entitlement.evaluate(household(Set.of(Qualifier.ESCAPED_POOR), 36), history, List.of(), on).entitled())
                .isEqualTo(poor);
        assertThat(Entitlement.evaluate(household(Set.of(Qualifier.ESCAPED_NEAR_POOR), 36), history, List.of(), on).entitled())
                .isEqualTo(nearPoor);
    }

    @ParameterizedTest(name = "valid 2022-01-01 – 2025-12-31, on {0}: {1}")
    @CsvSource({"2021-12-31, OUTSIDE_VALIDITY", "2022-01-01, ENTITLED", "2025-12-31, ENTITLED", "2026-01-01, OUTSIDE_VALIDITY"})
    void aPolicyAppliesOnlyInItsPeriodOfValidity(String on, Verdict.Reason reason) {
        EntitlementRule rule = new EntitlementRule(Beneficiary.HOUSEHOLD, Set.of(Qualifier.POOR), null, null, null, null,
                null, null, null, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31));
        StatusHistory history = new StatusHistory(List.of(DecidedRow.of("2021-01-01", 1, PovertyStatus.POOR)));
        assertThat(Entitlement.evaluate(rule, history, List.of(), LocalDate.parse(on)).reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "policy ethnic={0} protection={1} merit={2} area={3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "-,     -,     -,     -,     ENTITLED",
            "true,  -,     -,     -,     ENTITLED",
            "false, -,     -,     -,     ETHNIC_MINORITY",
            "-,     true,  -,     -,     SOCIAL_PROTECTION",
            "-,     false, true,  -,     ENTITLED",
            "-,     -,     false, -,     MERIT",
            "-,     -,     -,     rural, ENTITLED",
            "-,     -,     -,     urban, AREA"})
    void groupFiltersMatchTheDecidedRow(Boolean ethnic, Boolean protection, Boolean merit, String area, Verdict.Reason reason) {
        EntitlementRule rule = new EntitlementRule(Beneficiary.HOUSEHOLD, Set.of(Qualifier.POOR), null, ethnic, protection,
                merit, area, null, null, OPEN, null);
        StatusHistory history = new StatusHistory(List.of(new DecidedRow(LocalDate.of(2023, 1, 1), 1, PovertyStatus.POOR,
                "rural", true, false, true)));
        assertThat(Entitlement.evaluate(rule, history, List.of(), LocalDate.of(2024, 1, 1)).reason()).isEqualTo(reason);
    }

    @Test
    void aRuleThatCannotBeEvaluatedIsRefusedWithItsReasons() {
        assertThat(EntitlementRule.problems(Beneficiary.HOUSEHOLD, Set.of(Qualifier.ESCAPED_POOR), null, "city", 3, null,
                OPEN, LocalDate.of(2021, 1, 1))).containsExactly("support.policy.problem.window",
                "support.policy.problem.area", "support.policy.problem.age-household", "support.policy.problem.validity");
        assertThat(EntitlementRule.problems(Beneficiary.PERSON, Set.of(), null, null, 19, 3, null, null))
                .containsExactly("support.policy.problem.statuses", "support.policy.problem.age",
                        "support.policy.problem.valid-from");
        assertThatThrownBy(() -> persons(Set.of(Qualifier.POOR), 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
