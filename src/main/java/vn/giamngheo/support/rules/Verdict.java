package vn.giamngheo.support.rules;

import java.util.List;

/**
 * The answer of a rule for one household on one date: entitled or the first reason why not, the status that
 * qualified, and (person-level policies) the member numbers entitled.
 */
public record Verdict(Reason reason, Qualifier qualifiedBy, List<Integer> members) {

    public enum Reason {
        ENTITLED, OUTSIDE_VALIDITY, NOT_ON_LIST, STATUS, ETHNIC_MINORITY, SOCIAL_PROTECTION, MERIT, AREA, POPULATION_GROUP, AREA_CLASS,
        NO_PERSON_OF_AGE
    }

    public Verdict {
        members = List.copyOf(members);
    }

    static Verdict no(Reason reason) {
        return new Verdict(reason, null, List.of());
    }

    public boolean entitled() {
        return reason == Reason.ENTITLED;
    }
}
