package vn.giamngheo.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A household of the registry (hộ gia đình) with its members. It keeps its identity ({@code id}) from
 * year to year; {@code version} guards concurrent edits.
 */
public record Household(long id, String provinceCode, String householdCode, long communeId, String communeCode,
                        String communeName, String communeAreaType, Long villageId, String villageName,
                        String area, String address, LocalDate referenceDate, Long incomePerCapita,
                        BigDecimal b1Score, String housingQuality, BigDecimal floorAreaM2, String waterSource,
                        String toilet, boolean internetUse, Boolean telephoneUse, List<String> infoDevices,
                        Boolean loudspeakerReach, Boolean wasteTreatment, List<String> causes,
                        Boolean ethnicMinority, Boolean meritHousehold, Boolean socialProtection,
                        String lifeStatus, int version, List<Member> members) {

    public Optional<Member> head() {
        return members.stream().filter(Member::head).findFirst();
    }

    public String headName() {
        return head().map(Member::fullName).orElse("");
    }

    /** The area whose line applies: the household's own, else its commune's (special zones count as rural). */
    public String effectiveArea() {
        if (area != null) {
            return area;
        }
        return "urban".equals(communeAreaType) ? "urban" : "rural";
    }

    /** Ethnic-minority household: as recorded, else derived from the head's ethnicity (not Kinh). */
    public boolean effectiveEthnicMinority() {
        if (ethnicMinority != null) {
            return ethnicMinority;
        }
        return head().map(h -> !"Kinh".equalsIgnoreCase(h.ethnicity())).orElse(false);
    }

    /** The household as a user may see it: identity numbers masked for roles that do not need them. */
    public Household visibleTo(boolean seesIdentityNumbers) {
        return seesIdentityNumbers ? this
                : withMembers(members.stream().map(m -> m.withIdNumber(m.maskedIdNumber())).toList());
    }

    Household withMembers(List<Member> newMembers) {
        return new Household(id, provinceCode, householdCode, communeId, communeCode, communeName, communeAreaType,
                villageId, villageName, area, address, referenceDate, incomePerCapita, b1Score, housingQuality,
                floorAreaM2, waterSource, toilet, internetUse, telephoneUse, infoDevices, loudspeakerReach,
                wasteTreatment, causes, ethnicMinority, meritHousehold, socialProtection, lifeStatus, version,
                newMembers);
    }
}
