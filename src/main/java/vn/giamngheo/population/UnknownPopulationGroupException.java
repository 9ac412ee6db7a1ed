package vn.giamngheo.population;

/** A group code that names no {@link PopulationGroup}: the request is refused (400) with the codes that exist. */
public class UnknownPopulationGroupException extends IllegalArgumentException {

    public UnknownPopulationGroupException(String text) {
        super("group must be one of " + String.join(", ", java.util.Arrays.stream(PopulationGroup.values())
                .map(PopulationGroup::code).toList()) + ", not '" + text + "'");
    }
}
