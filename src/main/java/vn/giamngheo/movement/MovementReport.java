package vn.giamngheo.movement;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.movement.rules.Reconciliation;

/**
 * Movements on the decided lists of a unit between two dates: the poor and near-poor reconciliations, the
 * newly escaped households, the same for each unit directly below, and every household that moved.
 *
 * @param listYear           the list year when the period is one list year (from its 1 January to the next), else null
 * @param newlyEscapedMonths the window of "newly escaped" in months
 */
public record MovementReport(Long unitId, String unitCode, String unitName, String level, LocalDate from, LocalDate to,
                             Integer listYear, int newlyEscapedMonths, Reconciliation poor, Reconciliation nearPoor,
                             long newlyEscaped, List<PartMovement> parts, List<HouseholdMovement> households) {

    public MovementReport {
        parts = List.copyOf(parts);
        households = List.copyOf(households);
    }

    /** The households under one category: list {@code poor} or {@code near_poor} and a flow, or newly_escaped. */
    public List<HouseholdMovement> households(String list, String flow) {
        return households.stream().filter(h -> h.in(list, flow)).toList();
    }
}
