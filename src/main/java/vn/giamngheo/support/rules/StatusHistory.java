package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The decided status history of one household (revoked rows already left out). The status on a date is the
 * latest row with {@code effectiveFrom <= date} (ordered by effective date, then row order); a household without
 * such a row is on no list.
 * <p>
 * A household that leaves the register — dissolved, merged into another household, or moved to another commune
 * (the register's life events) — leaves its commune's lists on the day it leaves: a row decided before that day
 * is no longer in force from that day on (the household is on no list until a later decision lists it again, as
 * the new commune's review does for a household that moved in). The reports count a household while it is active
 * or left after the date ({@code report.LiveReportData}); these "leaving days" are the same events.
 */
public final class StatusHistory {

    private static final Comparator<DecidedRow> ORDER =
            Comparator.comparing(DecidedRow::effectiveFrom).thenComparingLong(DecidedRow::order);
    private static final Set<PovertyStatus> POOR = Set.of(PovertyStatus.POOR);
    private static final Set<PovertyStatus> POOR_OR_NEAR_POOR = Set.of(PovertyStatus.POOR, PovertyStatus.NEAR_POOR);

    private final List<DecidedRow> rows;
    private final List<LocalDate> leavingDays;

    public StatusHistory(List<DecidedRow> rows) {
        this(rows, List.of());
    }

    /**
     * @param leavingDays the days the household left the register or its commune (moved, merged, dissolved); a
     *                    household that is no longer active without a recorded day passes {@link LocalDate#MIN}
     */
    public StatusHistory(List<DecidedRow> rows, List<LocalDate> leavingDays) {
        this.rows = rows.stream().sorted(ORDER).toList();
        this.leavingDays = leavingDays.stream().sorted().toList();
    }

    public static StatusHistory empty() {
        return new StatusHistory(List.of());
    }

    /** Index of the row in force on the date, or -1 (none, or the household left after the row took effect). */
    private int indexOn(LocalDate date) {
        int found = -1;
        for (int i = 0; i < rows.size() && !rows.get(i).effectiveFrom().isAfter(date); i++) {
            found = i;
        }
        if (found >= 0) {
            LocalDate from = rows.get(found).effectiveFrom();
            for (LocalDate left : leavingDays) {
                if ((left.equals(LocalDate.MIN) || left.isAfter(from)) && !left.isAfter(date)) {
                    return -1;
                }
            }
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
        return escapedFrom(date, POOR, PovertyStatus.POOR);
    }

    /**
     * The day the household escaped near-poverty, if on the date it is neither poor nor near-poor and the last
     * list it was on before was the near-poor list.
     */
    public Optional<LocalDate> escapedNearPoorOn(LocalDate date) {
        return escapedFrom(date, POOR_OR_NEAR_POOR, PovertyStatus.NEAR_POOR);
    }

    private Optional<LocalDate> escapedFrom(LocalDate date, Set<PovertyStatus> left, PovertyStatus previous) {
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
