package vn.giamngheo.movement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * One household's movements over a period, as listed under a category of the report.
 *
 * @param fromStatus    its status at the start (its own, or brought from the household it split from); null: none
 * @param toStatus      its own status at the end; null: none
 * @param poorFlows     its flows on the poor list: escaped, re_entered, newly_entered, departed, arrived
 * @param nearPoorFlows the same on the near-poor list
 * @param arrival       how it came into the unit: moved_in or split (null: it did not arrive)
 * @param departure     how it left the unit: moved_out, dissolved or merged (null: it did not leave)
 * @param escapedOn     the latest day it escaped poverty, if ever
 * @param newlyEscaped  whether it is newly escaped (hộ mới thoát nghèo) at the end
 */
public record HouseholdMovement(long householdId, String householdCode, String headName, String villageName,
                                String fromStatus, String toStatus, List<String> poorFlows, List<String> nearPoorFlows,
                                String arrival, String departure, LocalDate escapedOn, boolean newlyEscaped) {

    public HouseholdMovement {
        poorFlows = List.copyOf(poorFlows);
        nearPoorFlows = List.copyOf(nearPoorFlows);
    }

    /** Whether it is listed under a category: {@code poor} or {@code near_poor} with a flow, or newly_escaped. */
    public boolean in(String list, String flow) {
        if ("newly_escaped".equals(flow)) {
            return newlyEscaped;
        }
        return (PovertyStatus.POOR.is(list) ? poorFlows : PovertyStatus.NEAR_POOR.is(list) ? nearPoorFlows : List.<String>of()).contains(flow);
    }

    public boolean moves() {
        return !poorFlows.isEmpty() || !nearPoorFlows.isEmpty() || newlyEscaped;
    }

    /** Message keys naming its movements ({@code movement.flow.poor.escaped}…), or {@code movement.flow.none}. */
    public List<String> labels() {
        List<String> keys = new ArrayList<>();
        poorFlows.forEach(f -> keys.add("movement.flow.poor." + f));
        nearPoorFlows.forEach(f -> keys.add("movement.flow.near_poor." + f));
        if (newlyEscaped) {
            keys.add("movement.flow.newly_escaped");
        }
        if (keys.isEmpty()) {
            keys.add("movement.flow.none");
        }
        return keys;
    }
}
