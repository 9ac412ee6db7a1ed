package vn.giamngheo.population;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import vn.giamngheo.setting.Parameters;

/**
 * The population groups with the administrator's parameters applied: the elderly age
 * ({@value #ELDERLY_AGE_PARAMETER}, Law on the Elderly 2009, art. 2: 60) read from the parameters page.
 */
@Service
public class PopulationGroups {

    public static final String ELDERLY_AGE_PARAMETER = "population.elderly_age";

    private final Parameters parameters;

    PopulationGroups(Parameters parameters) {
        this.parameters = parameters;
    }

    /** The age from which a person counts as elderly (the parameter). */
    public int elderlyAge() {
        return parameters.intValue(ELDERLY_AGE_PARAMETER);
    }

    /** The group's SQL predicate over a household alias on the day (see {@link PopulationGroup#predicate}). */
    public String predicate(PopulationGroup group, String alias, LocalDate day) {
        return group.predicate(alias, day, group == PopulationGroup.WITH_ELDERLY ? elderlyAge() : 60);
    }
}
