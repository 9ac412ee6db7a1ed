package vn.giamngheo.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.status.rules.PovertyStatus;

/** Entitled, received, gap and leakage of one policy over a few households. */
class CoverageTallyTest {

    private static final EntitlementRule CARD_UNDER_6 = new EntitlementRule(Beneficiary.PERSON, Set.of(Qualifier.POOR),
            null, null, null, null, null, null, 5, LocalDate.of(2022, 1, 1), null);
    private static final EntitlementRule HOUSING = new EntitlementRule(Beneficiary.HOUSEHOLD,
            Set.of(Qualifier.POOR, Qualifier.NEAR_POOR), null, null, null, null, null, null, null, LocalDate.of(2022, 1, 1), null);

    private static StatusHistory history(String... dateStatus) {
        List<DecidedRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < dateStatus.length; i += 2) {
            rows.add(DecidedRow.of(dateStatus[i], i, PovertyStatus.ofCode(dateStatus[i + 1])));
        }
        return new StatusHistory(rows);
    }

    @Test
    void householdLevelPolicy() {
        CoverageTally tally = new CoverageTally(HOUSING, CoveragePeriod.year(2025));
        tally.add(1, history("2024-01-01", "poor"), List.of(), List.of(new Receipt(null, LocalDate.of(2025, 3, 1))));
        tally.add(2, history("2024-01-01", "near_poor"), List.of(), List.of());
        // received in 2024 only: outside the period, so a gap in 2025
        tally.add(3, history("2024-01-01", "poor"), List.of(), List.of(new Receipt(null, LocalDate.of(2024, 12, 31))));
        // escaped on 2025-01-01, received in February: leakage, and not entitled at the end of the year
        tally.add(4, history("2024-01-01", "poor", "2025-01-01", "not_poor"), List.of(),
                List.of(new Receipt(null, LocalDate.of(2025, 2, 1)), new Receipt(null, LocalDate.of(2025, 3, 1))));
        // never on a list
        tally.add(5, StatusHistory.empty(), List.of(), List.of(new Receipt(null, LocalDate.of(2025, 5, 5))));

        assertThat(tally.figures()).isEqualTo(new CoverageFigures(3, 1, 2, 2, 3));
        assertThat(tally.gap()).containsExactly(new CoverageTally.Unit(2, null), new CoverageTally.Unit(3, null));
        assertThat(tally.leakage()).containsExactly(new CoverageTally.Unit(4, null), new CoverageTally.Unit(5, null));
        assertThat(tally.figures().coveragePercent()).isEqualTo(33.3);
    }

    @Test
    void personLevelPolicyCountsPersons() {
        CoverageTally tally = new CoverageTally(CARD_UNDER_6, CoveragePeriod.onDate(LocalDate.of(2026, 6, 30)));
        List<Person> members = List.of(new Person(1, LocalDate.of(1990, 1, 1)), new Person(2, LocalDate.of(2021, 1, 1)),
                new Person(3, LocalDate.of(2024, 1, 1)));
        // member 2 got a card, member 3 did not; member 1 (adult) got one too: leakage
        tally.add(7, history("2023-01-01", "poor"), members, List.of(new Receipt(2, LocalDate.of(2026, 1, 15)),
                new Receipt(1, LocalDate.of(2026, 1, 15)), new Receipt(3, LocalDate.of(2026, 7, 1))));

        assertThat(tally.figures()).isEqualTo(new CoverageFigures(2, 1, 1, 1, 1));
        assertThat(tally.gap()).containsExactly(new CoverageTally.Unit(7, 3));
        assertThat(tally.leakage()).containsExactly(new CoverageTally.Unit(7, 1));
    }

    @ParameterizedTest(name = "period on {0}: from {1} to {2}")
    @CsvSource({"2026-06-30, 2026-01-01, 2026-06-30", "2026-01-01, 2026-01-01, 2026-01-01"})
    void aDatePeriodRunsFromTheFirstOfJanuary(String on, String from, String to) {
        CoveragePeriod p = CoveragePeriod.onDate(LocalDate.parse(on));
        assertThat(p).isEqualTo(new CoveragePeriod(LocalDate.parse(from), LocalDate.parse(to)));
        assertThat(p.contains(LocalDate.parse(from).minusDays(1))).isFalse();
        assertThat(p.contains(LocalDate.parse(to))).isTrue();
    }
}
