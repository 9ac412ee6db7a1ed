package vn.giamngheo.standard.rules;

/** Decides one deprivation indicator from the household's facts on the reference date. */
@FunctionalInterface
public interface IndicatorPolicy {

    IndicatorResult assess(HouseholdFacts facts);
}
