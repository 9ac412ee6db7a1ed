package vn.giamngheo.household;

/**
 * Links to one fact on the household edit form ({@code /households/{id}/edit}). The form's anchors: a
 * household fact's field has {@code id="fact-<key>"}, a member's fact {@code id="member-<no>-<key>"}, a
 * member's block {@code id="member-<no>"}; {@code key} is the exchange-format column (exchange-format §1,
 * snake_case, e.g. {@code telephone_use}, {@code school_level_appropriate}).
 */
public final class FactLink {

    private FactLink() {
    }

    /**
     * The application-relative link (without the servlet context path) to the field of {@code key} on the edit
     * form: of the household when {@code memberNo} is null, else of that member; a null {@code key} with a
     * member number links to the member's block.
     */
    public static String editUrl(long householdId, Integer memberNo, String key) {
        if (key != null && !key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not an exchange-format column: " + key);
        }
        if (memberNo != null && memberNo < 1) {
            throw new IllegalArgumentException("member numbers start at 1: " + memberNo);
        }
        return "/households/" + householdId + "/edit#" + anchor(memberNo, key);
    }

    /** The anchor alone ({@code fact-<key>}, {@code member-<no>-<key>} or {@code member-<no>}). */
    public static String anchor(Integer memberNo, String key) {
        if (memberNo == null) {
            if (key == null) {
                throw new IllegalArgumentException("a household fact needs its key");
            }
            return "fact-" + key;
        }
        return key == null ? "member-" + memberNo : "member-" + memberNo + "-" + key;
    }
}
