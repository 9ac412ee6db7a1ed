package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who a policy is for: the decided statuses that qualify (newly escaped within {@code escapeWindowMonths}), the
 * group filters ({@code null} = either), the area, the age band of the persons (inclusive, in completed years on
 * the date; person-level policies only) and the period of validity ({@code validTo} null = open); a population
 * group the household must belong to on the date ({@code group}: the code of a group of the population kernel, null =
 * any; the group {@value #ALL_GROUPS} is no condition either) and an area class its commune or village must hold on the
 * date ({@code areaClass}, null = any).
 */
public record EntitlementRule(Beneficiary beneficiary, Set<Qualifier> statuses, Integer escapeWindowMonths,
                              Boolean ethnicMinority, Boolean socialProtection, Boolean merit, String area,
                              Integer minAge, Integer maxAge, LocalDate validFrom, LocalDate validTo,
                              String group, String areaClass) {

    /** The code of the population kernel's group of every household: no condition. */
    public static final String ALL_GROUPS = "all";

    public EntitlementRule {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        group = group == null || group.isBlank() || group.strip().equals(ALL_GROUPS) ? null : group.strip();
        areaClass = areaClass == null || areaClass.isBlank() ? null : areaClass;
        List<String> problems = problems(beneficiary, statuses, escapeWindowMonths, area, minAge, maxAge, validFrom, validTo);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A rule without population-group or area-class condition. */
    public EntitlementRule(Beneficiary beneficiary, Set<Qualifier> statuses, Integer escapeWindowMonths,
                           Boolean ethnicMinority, Boolean socialProtection, Boolean merit, String area,
                           Integer minAge, Integer maxAge, LocalDate validFrom, LocalDate validTo) {
        this(beneficiary, statuses, escapeWindowMonths, ethnicMinority, socialProtection, merit, area, minAge, maxAge,
                validFrom, validTo, null, null);
    }

    /** Every reason the combination is not a rule (empty when it is); message keys of bundle support. */
    public static List<String> problems(Beneficiary beneficiary, Set<Qualifier> statuses, Integer escapeWindowMonths,
                                        String area, Integer minAge, Integer maxAge, LocalDate validFrom,
                                        LocalDate validTo) {
        List<String> problems = new ArrayList<>();
        if (beneficiary == null) {
            problems.add("support.policy.problem.beneficiary");
        }
        if (statuses == null || statuses.isEmpty()) {
            problems.add("support.policy.problem.statuses");
        } else if (statuses.stream().anyMatch(Qualifier::needsWindow)
                && (escapeWindowMonths == null || escapeWindowMonths < 1 || escapeWindowMonths > 120)) {
            problems.add("support.policy.problem.window");
        }
        if (area != null && !area.equals("urban") && !area.equals("rural")) {
            problems.add("support.policy.problem.area");
        }
        if ((minAge != null || maxAge != null) && beneficiary == Beneficiary.HOUSEHOLD) {
            problems.add("support.policy.problem.age-household");
        }
        if (minAge != null && (minAge < 0 || minAge > 150) || maxAge != null && (maxAge < 0 || maxAge > 150)
                || minAge != null && maxAge != null && minAge > maxAge) {
            problems.add("support.policy.problem.age");
        }
        if (validFrom == null) {
            problems.add("support.policy.problem.valid-from");
        } else if (validTo != null && validTo.isBefore(validFrom)) {
            problems.add("support.policy.problem.validity");
        }
        return problems;
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public boolean ageFits(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }
}
