package vn.giamngheo.document;

import java.util.Set;

/** A household on one of the annex's lists. */
public record AnnexHousehold(String householdCode, String head, String village, int members, Set<HouseholdMark> marks) {

    public AnnexHousehold {
        if (members < 0) {
            throw new IllegalArgumentException("members cannot be negative: " + members);
        }
        householdCode = Text.nfc(householdCode);
        head = Text.nfc(head);
        village = Text.nfc(village);
        marks = marks == null ? Set.of() : Set.copyOf(marks);
    }
}
