package vn.giamngheo.household;

/** A row of the household list. */
public record HouseholdSummary(long id, String provinceCode, String householdCode, String communeName,
                               String villageName, String headName, int memberCount, String lifeStatus,
                               String povertyStatus) {
}
