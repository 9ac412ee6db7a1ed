package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.util.Objects;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * One row of a household's decided status history (a non-revoked household_status row) with the group facts the
 * decision recorded.
 *
 * @param order tie-breaker between rows of the same effective date (later wins: the rank by decision date, then
 *              row, as the status kernel orders them)
 * @param area  {@code urban} or {@code rural}
 */
public record DecidedRow(LocalDate effectiveFrom, long order, PovertyStatus status, String area, boolean ethnicMinority,
                         boolean socialProtection, boolean merit) {

    public DecidedRow {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(status, "status");
    }

    public static DecidedRow of(String effectiveFrom, long order, PovertyStatus status) {
        return new DecidedRow(LocalDate.parse(effectiveFrom), order, status, "rural", false, false, false);
    }
}
