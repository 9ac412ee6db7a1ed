package vn.giamngheo.movement;

import vn.giamngheo.movement.rules.Reconciliation;

/** The reconciliations of one unit directly below the unit of a report (a move between two of them is a departure
 * from one and an arrival in the other). */
public record PartMovement(long unitId, String code, String name, Reconciliation poor, Reconciliation nearPoor,
                           long newlyEscaped) {
}
