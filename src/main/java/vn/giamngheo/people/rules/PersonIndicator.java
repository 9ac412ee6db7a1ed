package vn.giamngheo.people.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The person-level indicators counted with their denominators (members of the households counted): each is a
 * number of members for whom something holds among the members of a base group.
 * <ul>
 * <li>{@code disability}: members with a disability (mild, severe or very severe), among all members;</li>
 * <li>{@code children_in_school}: children of school age ({@code people.school_age_min}–{@code _max}) attending
 *     school, among the children of school age;</li>
 * <li>{@code health_insurance}: members with a health-insurance card, among all members;</li>
 * <li>{@code working_capacity}: members of working age able to work, among those of working age;</li>
 * <li>{@code employed}: members of working age in work (wage work with or without a contract, self-employed), among
 *     those of working age;</li>
 * <li>{@code trained_workers}: members of working age with vocational training or higher education (code list
 *     {@code education}: vocational_elementary, vocational_intermediate, college, university), among those of
 *     working age.</li>
 * </ul>
 * Working age: from {@code people.working_age_min} years to below the retirement age of the member's sex in the
 * day's year ({@link RetirementSchedule}).
 */
public enum PersonIndicator {
    DISABILITY(Base.MEMBERS), CHILDREN_IN_SCHOOL(Base.SCHOOL_AGE), HEALTH_INSURANCE(Base.MEMBERS),
    WORKING_CAPACITY(Base.WORKING_AGE), EMPLOYED(Base.WORKING_AGE), TRAINED_WORKERS(Base.WORKING_AGE);

    /** The members an indicator is a share of. */
    public enum Base { MEMBERS, SCHOOL_AGE, WORKING_AGE }

    private final Base base;

    PersonIndicator(Base base) {
        this.base = base;
    }

    public Base base() {
        return base;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PersonIndicator> ofCode(String code) {
        for (PersonIndicator i : values()) {
            if (i.code().equals(code)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
