package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decided status history of one household (revoked rows already left out). The status on a date is the
 * latest row with {@code effectiveFrom <= date} (ordered by effective date, then row order); a household without
 * such a row is on no list.
 */
public final class StatusHistory {

    private static final Comparator<DecidedRow> ORDER =
            Comparator.comparing(DecidedRow::effectiveFrom).thenComparingLong(DecidedRow::order);
    private static final Set<ListStatus> POOR = Set.of(ListStatus.POOR);
    private static final Set<ListStatus> POOR_OR_NEAR_POOR = Set.of(ListStatus.POOR, ListStatus.NEAR_POOR);

    private final List<DecidedRow> rows;

    public StatusHistory(List<DecidedRow> rows) {
        this.rows = rows.stream().sorted(ORDER).toList();
    }

    public static StatusHistory empty() {
        return new StatusHistory(List.of());
    }

    /** Index of the row in force on the date, or -1. */
    private int indexOn(LocalDate date) {
        int found = -1;
        for (int i = 0; i < rows.size() && !rows.get(i).effectiveFrom().isAfter(date); i++) {
            found = i;
        }
        return found;
    }

    public Optional<DecidedRow> on(LocalDate date) {
        int i = indexOn(date);
        return i < 0 ? Optional.empty() : Optional.of(rows.get(i));
    }

    /**
     * The day the household escaped poverty, if on the date it is not poor and was poor before: the effective
     * date of the first decision of its current run of non-poor statuses.
     */
    public Optional<LocalDate> escapedPoorOn(LocalDate date) {
        return escapedFrom(date, POOR, ListStatus.POOR);
    }

    /**
     * The day the household escaped near-poverty, if on the date it is neither poor nor near-poor and the last
     * list it was on before was the near-poor list.
     */
    public Optional<LocalDate> escapedNearPoorOn(LocalDate date) {
        return escapedFrom(date, POOR_OR_NEAR_POOR, ListStatus.NEAR_POOR);
    }

    private Optional<LocalDate> escapedFrom(LocalDate date, Set<ListStatus> left, ListStatus previous) {
        int i = indexOn(date);
        if (i < 0 || left.contains(rows.get(i).status())) {
            return Optional.empty();
        }
        int first = i;
        while (first > 0 && !left.contains(rows.get(first - 1).status())) {
            first--;
        }
        if (first == 0 || rows.get(first - 1).status() != previous) {
            return Optional.empty();
        }
        return Optional.of(rows.get(first).effectiveFrom());
    }

    public List<DecidedRow> rows() {
        return rows;
    }
}
