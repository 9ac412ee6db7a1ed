package vn.giamngheo.demo;

import java.time.LocalDate;
import vn.giamngheo.generation.SyntheticHouseholds;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.HouseholdForm;

/**
 * The demonstration households: {@link SyntheticHouseholds} (the same seeded source the {@code generate}
 * command uses at national scale) as registry forms. {@code minorityShare} is the share of ethnic-minority
 * households.
 */
public final class HouseholdGenerator {

    private final SyntheticHouseholds source;
    private final double minorityShare;

    public HouseholdGenerator(long seed, double minorityShare, LocalDate today, long identityPrefix) {
        this.source = new SyntheticHouseholds(seed, today, identityPrefix * 1_000_000L);
        this.minorityShare = minorityShare;
    }

    public HouseholdForm next(String communeCode, String householdCode, boolean urban) {
        return ExchangeMapping.toForm(source.next(communeCode, householdCode, urban, minorityShare, 0), null);
    }
}
