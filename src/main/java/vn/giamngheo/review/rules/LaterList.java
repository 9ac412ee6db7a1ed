package vn.giamngheo.review.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * [?] A monthly decision amends the lists in force. When the commune's next year's list was already decided by the
 * periodic review (recorded before this amendment, effective after it), that list was made without the amendment:
 * from its effective day it replaces the amended lists, so the amendment does not carry over. Nothing is blocked
 * (the decree does not say); the decision page warns so the commune can amend the next year's list too.
 */
public final class LaterList {

    private LaterList() {
    }

    /** A decision of the commune: {@code order} says which was recorded first (the database id). */
    public record Decided(long order, boolean periodic, LocalDate effectiveFrom, boolean revoked) {
    }

    /**
     * The periodic decision (in force, recorded before the amendment, effective after it) whose list does not
     * include a monthly amendment; the first to take effect when there are several. Empty for a periodic decision,
     * a revoked amendment, or when no such list exists.
     */
    public static Optional<Decided> without(Decided amendment, List<Decided> commune) {
        if (amendment.periodic() || amendment.revoked()) {
            return Optional.empty();
        }
        return commune.stream()
                .filter(d -> d.periodic() && !d.revoked() && d.order() < amendment.order()
                        && d.effectiveFrom().isAfter(amendment.effectiveFrom()))
                .min(Comparator.comparing(Decided::effectiveFrom).thenComparing(Decided::order));
    }
}
