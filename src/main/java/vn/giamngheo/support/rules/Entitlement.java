package vn.giamngheo.support.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Decides whether a household (and which of its members) is entitled to a policy on a date, from its decided
 * status history. Checks in order: validity of the policy, being on a list, status (or newly escaped within the
 * window), ethnic minority, social protection, merit, area, population group, area class, age band. The group and
 * the area class are the {@link HouseholdFacts} of the household on the date (the kernels decide them).
 */
public final class Entitlement {

    private Entitlement() {
    }

    public static Verdict evaluate(EntitlementRule rule, StatusHistory history, List<Person> members, LocalDate date) {
        return evaluate(rule, history, members, HouseholdFacts.NONE, date);
    }

    public static Verdict evaluate(EntitlementRule rule, StatusHistory history, List<Person> members,
                                   HouseholdFacts facts, LocalDate date) {
        if (!rule.validOn(date)) {
            return Verdict.no(Verdict.Reason.OUTSIDE_VALIDITY);
        }
        Optional<DecidedRow> row = history.on(date);
        if (row.isEmpty()) {
            return Verdict.no(Verdict.Reason.NOT_ON_LIST);
        }
        Optional<Qualifier> qualifier = qualifier(rule, history, row.get(), date);
        if (qualifier.isEmpty()) {
            return Verdict.no(Verdict.Reason.STATUS);
        }
        DecidedRow r = row.get();
        if (rule.ethnicMinority() != null && rule.ethnicMinority() != r.ethnicMinority()) {
            return Verdict.no(Verdict.Reason.ETHNIC_MINORITY);
        }
        if (rule.socialProtection() != null && rule.socialProtection() != r.socialProtection()) {
            return Verdict.no(Verdict.Reason.SOCIAL_PROTECTION);
        }
        if (rule.merit() != null && rule.merit() != r.merit()) {
            return Verdict.no(Verdict.Reason.MERIT);
        }
        if (rule.area() != null && !rule.area().equals(r.area())) {
            return Verdict.no(Verdict.Reason.AREA);
        }
        if (rule.group() != null && !facts.inGroup(rule.group(), date)) {
            return Verdict.no(Verdict.Reason.POPULATION_GROUP);
        }
        if (rule.areaClass() != null && !facts.holdsAreaClass(rule.areaClass(), date)) {
            return Verdict.no(Verdict.Reason.AREA_CLASS);
        }
        if (rule.beneficiary() == Beneficiary.HOUSEHOLD) {
            return new Verdict(Verdict.Reason.ENTITLED, qualifier.get(), List.of());
        }
        List<Integer> persons = members.stream()
                .filter(p -> p.bornBy(date) && rule.ageFits(p.ageOn(date)))
                .map(Person::memberNo).sorted().toList();
        return persons.isEmpty() ? Verdict.no(Verdict.Reason.NO_PERSON_OF_AGE)
                : new Verdict(Verdict.Reason.ENTITLED, qualifier.get(), persons);
    }

    /** The first of the rule's statuses the household has on the date (lists before newly escaped). */
    private static Optional<Qualifier> qualifier(EntitlementRule rule, StatusHistory history, DecidedRow row,
                                                 LocalDate date) {
        for (Qualifier q : Qualifier.values()) {
            if (rule.statuses().contains(q) && holds(q, rule, history, row, date)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Qualifier q, EntitlementRule rule, StatusHistory history, DecidedRow row,
                                 LocalDate date) {
        return switch (q) {
            case POOR -> row.status() == PovertyStatus.POOR;
            case NEAR_POOR -> row.status() == PovertyStatus.NEAR_POOR;
            case AVERAGE -> row.status() == PovertyStatus.AVERAGE;
            case ESCAPED_POOR -> withinWindow(history.escapedPoorOn(date), rule.escapeWindowMonths(), date);
            case ESCAPED_NEAR_POOR -> withinWindow(history.escapedNearPoorOn(date), rule.escapeWindowMonths(), date);
        };
    }

    /** Escaped on day E with a window of N months: newly escaped through the day before E + N months. */
    static boolean withinWindow(Optional<LocalDate> escapedOn, Integer months, LocalDate date) {
        return escapedOn.isPresent() && months != null && date.isBefore(escapedOn.get().plusMonths(months));
    }
}
