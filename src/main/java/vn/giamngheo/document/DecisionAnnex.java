package vn.giamngheo.document;

import java.time.LocalDate;
import java.util.List;

/**
 * The annex of the commune chair's decision recognising the lists (form 02, Circular 07/2021/TT-BLĐTBXH):
 * poor, near-poor, escaped-poor and escaped-near-poor households of {@code listYear}.
 *
 * @param decisionNumber the decision's full number ("15/QĐ-UBND")
 */
public record DecisionAnnex(Commune commune, String decisionNumber, LocalDate decisionDate, int listYear,
        List<AnnexHousehold> poor, List<AnnexHousehold> nearPoor, List<AnnexHousehold> escapedPoor,
        List<AnnexHousehold> escapedNearPoor, String chairName) {

    public DecisionAnnex {
        if (commune == null) {
            throw new IllegalArgumentException("an annex needs its commune");
        }
        decisionNumber = Text.nfc(decisionNumber);
        poor = List.copyOf(poor);
        nearPoor = List.copyOf(nearPoor);
        escapedPoor = List.copyOf(escapedPoor);
        escapedNearPoor = List.copyOf(escapedNearPoor);
        chairName = Text.nfc(chairName);
    }

    public List<AnnexHousehold> households(AnnexSection section) {
        return switch (section) {
            case POOR -> poor;
            case NEAR_POOR -> nearPoor;
            case ESCAPED_POOR -> escapedPoor;
            case ESCAPED_NEAR_POOR -> escapedNearPoor;
        };
    }

    /** Members of the households of one list. */
    public int members(AnnexSection section) {
        return households(section).stream().mapToInt(AnnexHousehold::members).sum();
    }

    /** Households of one list that carry the mark. */
    public int marked(AnnexSection section, HouseholdMark mark) {
        return (int) households(section).stream().filter(h -> h.marks().contains(mark)).count();
    }
}
