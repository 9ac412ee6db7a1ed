package vn.giamngheo.household;

/**
 * Search and filters of the household list. {@code text} matches the household code, a member's name
 * or a full identity number; empty strings mean "any".
 */
public record HouseholdQuery(String text, Long communeId, Long villageId, String lifeStatus, String povertyStatus,
                             int page, int pageSize) {

    public HouseholdQuery {
        text = text == null ? "" : text.strip();
        lifeStatus = lifeStatus == null ? "" : lifeStatus.strip();
        povertyStatus = povertyStatus == null ? "" : povertyStatus.strip();
        page = Math.max(0, page);
        pageSize = Math.min(Math.max(1, pageSize), 500);
    }
}
