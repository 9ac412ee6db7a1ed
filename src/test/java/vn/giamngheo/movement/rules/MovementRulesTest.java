package vn.giamngheo.movement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.status.rules.PovertyStatus;

/** The movement of one household on the poor and near-poor lists, one row per case of docs/movements.md. */
class MovementRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                        | start     | end       | earlier          | in at start | in at end | poor flows            | near-poor flows
            poor to near-poor: escaped, newly near-poor    | poor      | near_poor | poor             | true  | true  | escaped               | newly_entered
            poor to average: escaped poverty               | poor      | average   | poor             | true  | true  | escaped               | -
            stays poor: no flow                            | poor      | poor      | poor             | true  | true  | -                     | -
            average to poor, poor before: re-poor          | average   | poor      | poor,average     | true  | true  | re_entered            | -
            average to poor, never poor: newly poor        | average   | poor      | average          | true  | true  | newly_entered         | -
            near-poor to poor: newly poor, left near-poor  | near_poor | poor      | near_poor        | true  | true  | newly_entered         | escaped
            near-poor to poor, poor long ago: re-poor      | near_poor | poor      | poor,near_poor   | true  | true  | re_entered            | escaped
            first listed poor (no status before)           | -         | poor      | -                | false | true  | newly_entered         | -
            first listed by a monthly decision, re-poor    | -         | poor      | poor             | false | true  | re_entered            | -
            average to near-poor, near-poor before         | average   | near_poor | near_poor        | true  | true  | -                     | re_entered
            poor household moves out                       | poor      | poor      | poor             | true  | false | departed              | -
            poor household dissolved (no status at end)    | poor      | -         | -                | true  | false | departed              | -
            near-poor household merged away                | near_poor | near_poor | near_poor        | true  | false | -                     | departed
            average household moves out: nothing           | average   | average   | -                | true  | false | -                     | -
            poor household moves in, stays poor            | poor      | poor      | poor             | false | true  | arrived               | -
            poor household moves in and escapes            | poor      | near_poor | poor             | false | true  | arrived,escaped       | newly_entered
            average household moves in, becomes poor       | average   | poor      | average          | false | true  | newly_entered         | -
            split off a poor household, poor               | poor      | poor      | poor             | false | true  | arrived               | -
            split off a poor household, near-poor          | poor      | near_poor | poor             | false | true  | arrived,escaped       | newly_entered
            split off a poor household long ago, re-poor   | average   | poor      | poor,average     | false | true  | re_entered            | -
            never in the unit                              | poor      | poor      | poor             | false | false | -                     | -
            """)
    void flowsOfOneHousehold(String name, String start, String end, String earlier, boolean inAtStart, boolean inAtEnd,
                             String poorFlows, String nearPoorFlows) {
        HouseholdTrack h = new HouseholdTrack(PovertyStatus.ofCode(start), PovertyStatus.ofCode(end), statuses(earlier),
                inAtStart, inAtEnd);

        assertThat(MovementRules.flows(h, DecidedList.POOR)).as(name).isEqualTo(flows(poorFlows));
        assertThat(MovementRules.flows(h, DecidedList.NEAR_POOR)).as(name).isEqualTo(flows(nearPoorFlows));
        // every household reconciles on its own: start − escaped + re + newly − departed + arrived = end
        for (DecidedList list : DecidedList.values()) {
            MovementTally t = new MovementTally(list);
            t.add(h);
            assertThat(t.reconcileWithTrackedStocks().residual()).as(name + " on " + list).isZero();
        }
    }

    @ParameterizedTest(name = "escaped {0}, on {1}, window {2} months: {3}")
    @CsvSource(textBlock = """
            2017-01-01, 2020-01-01, 36, false
            2017-01-02, 2020-01-01, 36, true
            2019-01-01, 2020-01-01, 12, false
            2019-01-01, 2019-12-31, 12, true
            2019-01-31, 2019-02-28, 1,  false
            2019-01-31, 2019-02-27, 1,  true
            2020-01-01, 2020-01-01, 36, true
            2020-01-01, 2020-01-01, 0,  false
            2020-01-02, 2020-01-01, 36, false
            """)
    void newlyEscapedWithinTheWindow(LocalDate escapedOn, LocalDate on, int months, boolean expected) {
        HouseholdTrack nearPoorNow = new HouseholdTrack(PovertyStatus.POOR, PovertyStatus.NEAR_POOR,
                Set.of(PovertyStatus.POOR), true, true);

        assertThat(MovementRules.newlyEscaped(nearPoorNow, escapedOn, on, months)).isEqualTo(expected);
    }

    @Test
    void aPoorOrDepartedHouseholdOrOneThatNeverEscapedIsNotNewlyEscaped() {
        LocalDate on = LocalDate.of(2020, 1, 1);
        LocalDate escaped = LocalDate.of(2019, 1, 1);
        HouseholdTrack poorAgain = new HouseholdTrack(PovertyStatus.AVERAGE, PovertyStatus.POOR, Set.of(PovertyStatus.POOR), true, true);
        HouseholdTrack departed = new HouseholdTrack(PovertyStatus.AVERAGE, PovertyStatus.AVERAGE, Set.of(PovertyStatus.POOR), true, false);
        HouseholdTrack stayed = new HouseholdTrack(PovertyStatus.AVERAGE, PovertyStatus.AVERAGE, Set.of(), true, true);

        assertThat(MovementRules.newlyEscaped(poorAgain, escaped, on, 36)).isFalse();
        assertThat(MovementRules.newlyEscaped(departed, escaped, on, 36)).isFalse();
        assertThat(MovementRules.newlyEscaped(stayed, null, on, 36)).isFalse();
        assertThat(MovementRules.newlyEscaped(stayed, escaped, on, 36)).isTrue();
        assertThatThrownBy(() -> MovementRules.newlyEscaped(stayed, escaped, on, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReconciliationShowsItsResidual() {
        Reconciliation published = Reconciliation.of(15_255, 5_078, 218, 1_064, 0, 0, 11_457);

        assertThat(published.expectedEnd()).isEqualTo(11_459);
        assertThat(published.residual()).isEqualTo(-2);
        assertThat(published.reconciles()).isFalse();
        assertThat(Reconciliation.of(5, 1, 1, 3, 2, 2, 8).reconciles()).isTrue();
        assertThatThrownBy(() -> new Reconciliation(5, 1, 1, 3, 2, 2, 8, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTallyCountsFlowsAndTakesStocksFromElsewhere() {
        MovementTally poor = new MovementTally(DecidedList.POOR);
        poor.add(new HouseholdTrack(PovertyStatus.POOR, PovertyStatus.AVERAGE, Set.of(PovertyStatus.POOR), true, true));
        poor.add(new HouseholdTrack(PovertyStatus.POOR, PovertyStatus.POOR, Set.of(PovertyStatus.POOR), true, true));
        poor.add(new HouseholdTrack(null, PovertyStatus.POOR, Set.of(), false, true));
        poor.add(new HouseholdTrack(PovertyStatus.POOR, PovertyStatus.POOR, Set.of(), true, false));

        assertThat(poor.reconcileWithTrackedStocks()).isEqualTo(new Reconciliation(3, 1, 0, 1, 1, 0, 2, 0));
        // a list at the end holding one more household than the flows explain
        assertThat(poor.reconcile(3, 3)).isEqualTo(new Reconciliation(3, 1, 0, 1, 1, 0, 3, 1));
    }

    @Test
    void aHouseholdInsideTheUnitHasAStatusThere() {
        assertThatThrownBy(() -> new HouseholdTrack(null, PovertyStatus.POOR, Set.of(), true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HouseholdTrack(PovertyStatus.POOR, null, Set.of(), true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<PovertyStatus> statuses(String codes) {
        return codes == null ? Set.of() : Arrays.stream(codes.split(",")).map(PovertyStatus::ofCode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PovertyStatus.class)));
    }

    private static Set<Flow> flows(String codes) {
        return codes == null ? Set.of() : Arrays.stream(codes.split(",")).map(c -> Flow.valueOf(c.strip().toUpperCase()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Flow.class)));
    }
}
