package vn.giamngheo.areaclass;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a unit of today's map holds a class until a list names it (a list of the class in force on the day that
 * names a unit of today's map in its province): from its predecessors in the crosswalk. The administrator chooses
 * the rule; its source is "quy tắc của hệ thống, chờ danh sách mới" (a rule of the system pending new lists).
 * <ul>
 *   <li>{@link #MAJORITY_HOUSEHOLDS}: the class of the predecessor holding most of its households: each
 *   predecessor weighs its household rows in the register (recorded on the old commune) times its crosswalk share
 *   (1 whole, 1/n split over n units); when no predecessor has households in the register, the share alone. A tie
 *   goes to the predecessor with the lowest code.</li>
 *   <li>{@link #ANY_PREDECESSOR}: at least one predecessor held the class.</li>
 *   <li>{@link #ALL_PREDECESSORS}: every predecessor held it.</li>
 * </ul>
 * Without predecessors nothing is inherited.
 */
public enum MergedCommuneRule {
    MAJORITY_HOUSEHOLDS, ANY_PREDECESSOR, ALL_PREDECESSORS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of the rule's name. */
    public String messageKey() {
        return "areaclass.rule." + code();
    }

    /** @throws InvalidAreaClassException when the text names no rule */
    public static MergedCommuneRule parse(String text) {
        for (MergedCommuneRule rule : values()) {
            if (rule.code().equals(text == null ? null : text.strip().toLowerCase(Locale.ROOT))) {
                return rule;
            }
        }
        throw new InvalidAreaClassException("areaclass.error.rule", text);
    }

    /** Whether a unit with these predecessors holds the class by the rule. */
    public boolean inherits(List<Predecessor> predecessors, String classCode) {
        if (predecessors.isEmpty()) {
            return false;
        }
        return switch (this) {
            case ANY_PREDECESSOR -> predecessors.stream().anyMatch(p -> p.holds(classCode));
            case ALL_PREDECESSORS -> predecessors.stream().allMatch(p -> p.holds(classCode));
            case MAJORITY_HOUSEHOLDS -> decisive(predecessors).map(p -> p.holds(classCode)).orElse(false);
        };
    }

    /** Whether the majority rule counts register households (some predecessor has some) rather than shares. */
    public static boolean byHouseholds(List<Predecessor> predecessors) {
        return predecessors.stream().anyMatch(p -> p.households() > 0);
    }

    /** The predecessor holding most of the unit's households (majority rule); empty without predecessors. */
    public static Optional<Predecessor> decisive(List<Predecessor> predecessors) {
        boolean byHouseholds = byHouseholds(predecessors);
        return predecessors.stream().min(Comparator.comparingDouble((Predecessor p) -> -p.weight(byHouseholds))
                .thenComparing(Predecessor::code).thenComparingLong(Predecessor::id));
    }
}
