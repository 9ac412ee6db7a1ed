package vn.giamngheo.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A monthly amendment is missing from the next year's list when that list was decided before it and applies after it. */
class LaterListTest {

    static final LaterList.Decided AMENDMENT = new LaterList.Decided(10, false, LocalDate.of(2026, 10, 23), false);

    @ParameterizedTest(name = "periodic #{0} effective {1}, revoked {2}: warns {3}")
    @CsvSource({
            // the next year's list, decided earlier, effective later: it does not include the amendment
            "5, 2027-01-01, false, true",
            // effective the day after the amendment: still later
            "5, 2026-10-24, false, true",
            // effective the same day or earlier: the amendment comes after it, nothing is lost
            "5, 2026-10-23, false, false",
            "5, 2026-01-01, false, false",
            // decided after the amendment: that review could take it into account
            "11, 2027-01-01, false, false",
            // revoked: not a list in force
            "5, 2027-01-01, true, false",
    })
    void anEarlierDecidedLaterListWarns(long order, LocalDate effective, boolean revoked, boolean warns) {
        var periodic = new LaterList.Decided(order, true, effective, revoked);
        assertThat(LaterList.without(AMENDMENT, List.of(periodic))).isEqualTo(warns ? java.util.Optional.of(periodic)
                : java.util.Optional.empty());
    }

    @Test
    void onlyMonthlyAmendmentsInForceAreChecked() {
        var later = new LaterList.Decided(5, true, LocalDate.of(2027, 1, 1), false);
        assertThat(LaterList.without(new LaterList.Decided(10, true, LocalDate.of(2026, 1, 1), false), List.of(later))).isEmpty();
        assertThat(LaterList.without(new LaterList.Decided(10, false, LocalDate.of(2026, 10, 23), true), List.of(later))).isEmpty();
        assertThat(LaterList.without(AMENDMENT, List.of(new LaterList.Decided(6, false, LocalDate.of(2026, 11, 20), false))))
                .isEmpty(); // another monthly amendment is not a next year's list
    }

    @Test
    void theFirstListToTakeEffectIsNamed() {
        var y2027 = new LaterList.Decided(5, true, LocalDate.of(2027, 1, 1), false);
        var y2028 = new LaterList.Decided(7, true, LocalDate.of(2028, 1, 1), false);
        assertThat(LaterList.without(AMENDMENT, List.of(y2028, y2027))).contains(y2027);
    }
}
