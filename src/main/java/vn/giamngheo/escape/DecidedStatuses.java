package vn.giamngheo.escape;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.giamngheo.status.DecidedLists;

/**
 * The decided status of a household on a date, read from the status kernel ({@link DecidedLists}, SQL
 * {@code status_of}): the lists recognised by the commune chair's decisions.
 */
@Component("escapeDecidedStatuses")
class DecidedStatuses {

    /** SQL of the decided status of household {@code h} on {@code :onDate} (a scalar subquery). */
    static final String STATUS_ON = """
            (SELECT s.status FROM status_of(h.province_code, h.id, :onDate) s)""";

    /** SQL of the same as a row source for {@code CROSS JOIN LATERAL}: column {@code status}, no row when undecided. */
    static final String STATUS_OF = "SELECT f.status FROM status_of(h.province_code, h.id, :onDate) f";

    private final DecidedLists lists;

    DecidedStatuses(DecidedLists lists) {
        this.lists = lists;
    }

    Optional<Decided> on(String provinceCode, long householdId, LocalDate date) {
        return lists.inForce(provinceCode, householdId, date)
                .map(f -> new Decided(f.status().code(), f.decisionId(), f.effectiveFrom()));
    }

    record Decided(String status, long decisionId, LocalDate effectiveFrom) {
    }
}
