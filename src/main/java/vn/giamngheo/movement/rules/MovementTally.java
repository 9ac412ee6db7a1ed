package vn.giamngheo.movement.rules;

import java.util.EnumMap;
import java.util.Map;

/** Counts the flows of households on one list; the stocks come from elsewhere (counted on their dates). */
public final class MovementTally {

    private final DecidedList list;
    private final Map<Flow, Long> flows = new EnumMap<>(Flow.class);
    private long startFromTracks;
    private long endFromTracks;

    public MovementTally(DecidedList list) {
        this.list = list;
    }

    public void add(HouseholdTrack h) {
        for (Flow f : MovementRules.flows(h, list)) {
            flows.merge(f, 1L, Long::sum);
        }
        startFromTracks += h.inStartStock(list) ? 1 : 0;
        endFromTracks += h.inEndStock(list) ? 1 : 0;
    }

    public long count(Flow flow) {
        return flows.getOrDefault(flow, 0L);
    }

    /** The reconciliation against stocks counted independently (from the lists in force on each date). */
    public Reconciliation reconcile(long start, long end) {
        return Reconciliation.of(start, count(Flow.ESCAPED), count(Flow.RE_ENTERED), count(Flow.NEWLY_ENTERED),
                count(Flow.DEPARTED), count(Flow.ARRIVED), end);
    }

    /** The reconciliation against the stocks of the tracked households themselves (always residual 0). */
    public Reconciliation reconcileWithTrackedStocks() {
        return reconcile(startFromTracks, endFromTracks);
    }

    public DecidedList list() {
        return list;
    }
}
