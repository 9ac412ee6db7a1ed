package vn.giamngheo.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * A household that leaves the register or its commune (dissolved, merged, moved away) is on no list from the day it
 * leaves: the decision before that day is no longer in force; a later decision (the new commune's) is.
 */
class StatusHistoryLeavingTest {

    private static final EntitlementRule POOR = new EntitlementRule(Beneficiary.HOUSEHOLD, Set.of(Qualifier.POOR), null,
            null, null, null, null, null, null, LocalDate.of(2020, 1, 1), null);

    @ParameterizedTest(name = "poor from {0}, left {1}, later decision {2}, on {3}: entitled {4}")
    @CsvSource({
            "2025-01-01, 2026-03-15,           , 2026-03-14, true",    // the day before leaving
            "2025-01-01, 2026-03-15,           , 2026-03-15, false",   // the day it leaves
            "2025-01-01, 2026-03-15,           , 2026-12-31, false",
            "2025-01-01, 2024-12-31,           , 2025-06-30, true",    // left before the decision: the decision stands
            "2025-01-01, 2025-01-01,           , 2025-06-30, true",    // decided on the day it arrived
            "2025-01-01, 2026-03-15, 2026-07-01, 2026-06-30, false",   // moved; not yet listed by the new commune
            "2025-01-01, 2026-03-15, 2026-07-01, 2026-07-01, true",    // listed again by the new commune
            "2025-01-01, -999999999-01-01,     , 2025-06-30, false"})  // no longer active, no recorded day
    void aDecisionIsNoLongerInForceFromTheDayTheHouseholdLeaves(String poorFrom, String left, String later, String on,
                                                               boolean entitled) {
        List<DecidedRow> rows = later == null
                ? List.of(DecidedRow.of(poorFrom, 1, PovertyStatus.POOR))
                : List.of(DecidedRow.of(poorFrom, 1, PovertyStatus.POOR), DecidedRow.of(later, 2, PovertyStatus.POOR));
        StatusHistory history = new StatusHistory(rows, List.of(LocalDate.parse(left)));
        Verdict v = Entitlement.evaluate(POOR, history, List.of(), LocalDate.parse(on));
        assertThat(v.entitled()).isEqualTo(entitled);
        if (!entitled) {
            assertThat(v.reason()).isEqualTo(Verdict.Reason.NOT_ON_LIST);
        }
    }

    @ParameterizedTest(name = "escaped {0}, left {1}, on {2}: newly escaped {3}")
    @CsvSource({"2026-01-01, 2026-05-01, 2026-04-30, true", "2026-01-01, 2026-05-01, 2026-05-01, false"})
    void aHouseholdThatLeftIsNoLongerNewlyEscaped(String escaped, String left, String on, boolean newlyEscaped) {
        StatusHistory history = new StatusHistory(List.of(DecidedRow.of("2024-01-01", 1, PovertyStatus.POOR),
                DecidedRow.of(escaped, 2, PovertyStatus.NOT_POOR)), List.of(LocalDate.parse(left)));
        assertThat(history.escapedPoorOn(LocalDate.parse(on)).isPresent()).isEqualTo(newlyEscaped);
    }

    @ParameterizedTest(name = "benefit on {0} after leaving 2026-03-15: leakage {1}")
    @CsvSource({"2026-03-14, 0", "2026-03-15, 1"})
    void aBenefitRecordedAfterTheHouseholdLeftIsLeakage(String benefitDate, long leakage) {
        CoverageTally tally = new CoverageTally(POOR, CoveragePeriod.year(2026));
        tally.add(7, new StatusHistory(List.of(DecidedRow.of("2025-01-01", 1, PovertyStatus.POOR)),
                List.of(LocalDate.of(2026, 3, 15))), List.of(), List.of(new Receipt(null, LocalDate.parse(benefitDate))));
        assertThat(tally.figures().entitled()).isZero();
        assertThat(tally.figures().leakage()).isEqualTo(leakage);
    }
}
