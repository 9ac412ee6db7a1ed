package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a rule may ask of a household beyond its decided rows: whether it belongs to a population group on a day
 * (by the group's code; decided by the population kernel, {@code vn.giamngheo.population.PopulationGroup}) and
 * whether its commune or village holds an area class on a day (decided by the area-class kernel). The coverage
 * service answers from those kernels; tests answer with {@link #of}.
 */
public interface HouseholdFacts {

    /** Nothing known: in no group, in no classed area. */
    HouseholdFacts NONE = of(Set.of(), Set.of());

    boolean inGroup(String groupCode, LocalDate day);

    boolean holdsAreaClass(String areaClass, LocalDate day);

    /** Facts that do not change with the day. */
    static HouseholdFacts of(Set<String> groupCodes, Set<String> areaClasses) {
        return new HouseholdFacts() {
            @Override
            public boolean inGroup(String groupCode, LocalDate day) {
                return groupCodes.contains(groupCode);
            }

            @Override
            public boolean holdsAreaClass(String areaClass, LocalDate day) {
                return areaClasses.contains(areaClass);
            }
        };
    }
}
