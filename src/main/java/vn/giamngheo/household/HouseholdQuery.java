package vn.giamngheo.household;

import java.util.List;

/**
 * Search and filters of the household list. {@code text} matches the household code, a member's name
 * or a full identity number; empty strings mean "any". {@code sort} is one of {@link #SORTS} (code, name
 * of the head, village, poverty status), ascending unless {@code descending}; ties are broken by commune
 * and household code, then id, so the order is stable from page to page.
 */
public record HouseholdQuery(String text, Long communeId, Long villageId, String lifeStatus, String povertyStatus,
                             int page, int pageSize, String sort, boolean descending) {

    public static final List<String> SORTS = List.of("code", "name", "village", "status");

    public HouseholdQuery {
        text = text == null ? "" : text.strip();
        lifeStatus = lifeStatus == null ? "" : lifeStatus.strip();
        povertyStatus = povertyStatus == null ? "" : povertyStatus.strip();
        page = Math.max(0, page);
        pageSize = Math.min(Math.max(1, pageSize), 500);
        sort = sort == null || !SORTS.contains(sort.strip()) ? "code" : sort.strip();
    }

    /** In code order. */
    public HouseholdQuery(String text, Long communeId, Long villageId, String lifeStatus, String povertyStatus,
                          int page, int pageSize) {
        this(text, communeId, villageId, lifeStatus, povertyStatus, page, pageSize, "code", false);
    }

    /** {@code asc} or {@code desc}, as the list's links write it. */
    public String direction() {
        return descending ? "desc" : "asc";
    }
}
