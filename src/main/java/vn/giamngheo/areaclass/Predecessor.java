package vn.giamngheo.areaclass;

import java.util.Set;

/**
 * A unit a unit of today's map was formed from (crosswalk {@code unit_succession}), with what the merged-commune
 * rule weighs: its register households and its share in the crosswalk, and the classes it held on the day asked.
 *
 * @param relation       {@code whole} (all of it went into the successor) or {@code part} (a split)
 * @param successorCount into how many units it went (1 for a whole merge)
 * @param households     household rows of the register recorded on the predecessor commune
 * @param classes        codes of the classes its lists give it on the day
 */
public record Predecessor(long id, String code, String name, String relation, int successorCount, long households,
                          Set<String> classes) {

    public Predecessor {
        classes = Set.copyOf(classes);
    }

    /**
     * Its share in the crosswalk: 1 for a whole merge, 1/n when it was split over n units (the crosswalk does not say
     * how a split commune's population was divided, so the parts count alike).
     */
    public double share() {
        return "part".equals(relation) && successorCount > 1 ? 1.0 / successorCount : 1.0;
    }

    /** Its weight in the majority rule: register households times share, or the share alone without households. */
    public double weight(boolean byHouseholds) {
        return byHouseholds ? households * share() : share();
    }

    public boolean holds(String classCode) {
        return classes.contains(classCode);
    }
}
