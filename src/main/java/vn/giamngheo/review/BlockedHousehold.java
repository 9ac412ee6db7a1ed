package vn.giamngheo.review;

import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.household.FactLink;

/**
 * A household of a round that cannot go to the village meeting yet: not collected, or collected with a fact the
 * standard needs missing ({@code missingFact} the field's key, {@code missingMember} the member's number when the
 * fact is a member's).
 */
record BlockedHousehold(long householdId, String householdCode, String headName, String villageName,
                               String missingFact, Integer missingMember) {


    /** Where the missing fact is entered: the field on the household's edit form (null when nothing is missing). */
    public String factUrl() {
        return missingFact == null ? null : editUrl(householdId, missingMember, missingFact);
    }

    /**
     * The household form's anchor for a fact: {@code /households/{id}/edit#fact-<key>} or, for a member's fact,
     * {@code #member-<no>-<key>} ({@link FactLink}, the household form's own anchors).
     */
    static String editUrl(long householdId, Integer memberNo, String key) {
        return FactLink.editUrl(householdId, memberNo, key);
    }

    /** The member a missing fact belongs to; null when the fact is the household's. */
    static Integer memberOf(MissingFactException e) {
        return e.memberNo();
    }
}
