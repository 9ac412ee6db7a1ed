package vn.giamngheo.household.importing;

import vn.giamngheo.exchange.HouseholdData;

/** One household of an import as the pipeline sees it: its line in the households file and its data. */
public record ImportRow(int line, HouseholdData data) {
}
