package vn.giamngheo.areaclass;

import java.util.List;

/**
 * A class a unit holds on a day and why: by a list that names it ({@code rows}), or inherited from its
 * predecessors by the merged-commune rule ({@code rule}, {@code predecessors}, and for the majority rule the
 * {@code decisive} predecessor).
 *
 * @param rows         the rows of the lists that name the unit for the class on the day (empty when inherited)
 * @param rule         the rule by which it is inherited, null when named by a list
 * @param predecessors the predecessors weighed by the rule (empty when named by a list)
 * @param decisive     the predecessor holding most of the households (majority rule), else null
 * @param byHouseholds whether the majority rule counted register households (else crosswalk shares)
 */
public record HeldClass(AreaClass areaClass, List<UnitClassRow> rows, MergedCommuneRule rule,
                        List<Predecessor> predecessors, Predecessor decisive, boolean byHouseholds) {

    public HeldClass {
        rows = List.copyOf(rows);
        predecessors = List.copyOf(predecessors);
    }

    public boolean inherited() {
        return rule != null;
    }

    /** The predecessors that held the class on the day. */
    public List<Predecessor> holders() {
        return predecessors.stream().filter(p -> p.holds(areaClass.code())).toList();
    }
}
