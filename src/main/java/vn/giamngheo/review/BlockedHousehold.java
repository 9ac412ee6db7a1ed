package vn.giamngheo.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giamngheo.classification.MissingFactException;

/**
 * A household of a round that cannot go to the village meeting yet: not collected, or collected with a fact the
 * standard needs missing ({@code missingFact} the field's key, {@code missingMember} the member's number when the
 * fact is a member's).
 */
public record BlockedHousehold(long householdId, String householdCode, String headName, String villageName,
                               String missingFact, Integer missingMember) {

    private static final Pattern MEMBER = Pattern.compile("\\(member (\\d+)\\b");

    /** Where the missing fact is entered: the field on the household's edit form (null when nothing is missing). */
    public String factUrl() {
        return missingFact == null ? null : editUrl(householdId, missingMember, missingFact);
    }

    /**
     * The household form's anchor for a fact: {@code /households/{id}/edit#fact-<key>} or, for a member's fact,
     * {@code #member-<no>-<key>}. (Stands in for {@code household.FactLink.editUrl}, which the household form's
     * branch adds with the same anchors.)
     */
    static String editUrl(long householdId, Integer memberNo, String key) {
        return "/households/" + householdId + "/edit#" + (memberNo == null ? "fact-" + key : "member-" + memberNo + "-" + key);
    }

    /**
     * The member a missing fact belongs to. The classifier names the member only in its message
     * ({@code "(member 2 Name)"}); null when the fact is the household's.
     */
    static Integer memberOf(MissingFactException e) {
        Matcher m = MEMBER.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
