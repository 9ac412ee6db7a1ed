package vn.giamngheo.people.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Members of the households counted (one unit, one group of households): by sex, by age band (in the order of the
 * {@link AgeBands}), the bases of the indicators and, per {@link PersonIndicator}, the members for whom it holds.
 */
public record PeopleCounts(long members, long male, long female, List<Long> bands, long schoolAge, long workingAge,
                           long disability, long inSchool, long insured, long workingCapacity, long employed,
                           long trained) {

    public PeopleCounts {
        bands = List.copyOf(bands);
    }

    /** Nothing counted, with {@code bands} empty bands. */
    public static PeopleCounts zero(int bands) {
        return new PeopleCounts(0, 0, 0, java.util.Collections.nCopies(bands, 0L), 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The members an indicator is a share of. */
    public long base(PersonIndicator.Base base) {
        return switch (base) {
            case MEMBERS -> members;
            case SCHOOL_AGE -> schoolAge;
            case WORKING_AGE -> workingAge;
        };
    }

    /** The members for whom the indicator holds. */
    public long count(PersonIndicator indicator) {
        return switch (indicator) {
            case DISABILITY -> disability;
            case CHILDREN_IN_SCHOOL -> inSchool;
            case HEALTH_INSURANCE -> insured;
            case WORKING_CAPACITY -> workingCapacity;
            case EMPLOYED -> employed;
            case TRAINED_WORKERS -> trained;
        };
    }

    /** The indicator's share (0–1) of its base, null when the base is empty. */
    public Double share(PersonIndicator indicator) {
        long base = base(indicator.base());
        return base == 0 ? null : (double) count(indicator) / base;
    }

    /** The sum of two counts (of the same bands). */
    public PeopleCounts plus(PeopleCounts o) {
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            b.add(bands.get(i) + o.bands.get(i));
        }
        return new PeopleCounts(members + o.members, male + o.male, female + o.female, b, schoolAge + o.schoolAge,
                workingAge + o.workingAge, disability + o.disability, inSchool + o.inSchool, insured + o.insured,
                workingCapacity + o.workingCapacity, employed + o.employed, trained + o.trained);
    }
}
