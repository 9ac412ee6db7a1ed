package vn.giamngheo.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A household as entered in the web form or sent to the API. {@code version} is the version the user
 * started editing from: a save against a newer version is refused (no lost update).
 *
 * <p>Nothing is invented: a new form has no housing, water, toilet or yes/no answer until the user gives
 * one, and a yes/no fact is yes, no or not recorded ({@code null}). The form remembers which properties
 * were given (a setter was called: a posted field, a JSON property, even an explicit {@code null}); on an
 * edit, {@link #keepStoredWhereAbsent} takes every property not given from the stored household, so a
 * client that leaves a field out never clears it.
 */
public class HouseholdForm {

    private String householdCode;
    private String communeCode;
    private Long villageId;
    private String area;
    private String address;
    private LocalDate referenceDate;
    private Long incomePerCapita;
    private BigDecimal b1Score;
    private String housingQuality;
    private BigDecimal floorAreaM2;
    private String waterSource;
    private String toilet;
    private Boolean internetUse;
    private Boolean telephoneUse;
    private List<String> infoDevices = new ArrayList<>();
    private Boolean loudspeakerReach;
    private Boolean wasteTreatment;
    private List<String> causes = new ArrayList<>();
    private Boolean ethnicMinority;
    private Boolean meritHousehold;
    private Boolean socialProtection;
    private Integer version;
    private List<MemberForm> members = new ArrayList<>();
    /** The properties a client gave (by calling their setter). */
    private final Set<String> given = new HashSet<>();

    public static HouseholdForm of(Household h) {
        HouseholdForm f = new HouseholdForm();
        f.householdCode = h.householdCode();
        f.communeCode = h.communeCode();
        f.villageId = h.villageId();
        f.area = h.area();
        f.address = h.address();
        f.referenceDate = h.referenceDate();
        f.incomePerCapita = h.incomePerCapita();
        f.b1Score = h.b1Score();
        f.housingQuality = h.housingQuality();
        f.floorAreaM2 = h.floorAreaM2();
        f.waterSource = h.waterSource();
        f.toilet = h.toilet();
        f.internetUse = h.internetUse();
        f.telephoneUse = h.telephoneUse();
        f.infoDevices = new ArrayList<>(h.infoDevices());
        f.loudspeakerReach = h.loudspeakerReach();
        f.wasteTreatment = h.wasteTreatment();
        f.causes = new ArrayList<>(h.causes());
        f.ethnicMinority = h.ethnicMinority();
        f.meritHousehold = h.meritHousehold();
        f.socialProtection = h.socialProtection();
        f.version = h.version();
        f.members = new ArrayList<>(h.members().stream().map(MemberForm::of).toList());
        return f;
    }

    /**
     * Takes every property the client did not give from the stored household: an edit changes only what was
     * sent. Without members (no {@code members} property and none posted by index, as the web form
     * posts them) the members stay as stored; with them, the list is the household's
     * members, and each listed member that is stored (same {@code memberNo}) keeps its stored values for the
     * properties not given. Lists of codes sent with the same codes as stored keep their stored order.
     */
    void keepStoredWhereAbsent(Household stored) {
        if (!given.contains("householdCode")) householdCode = stored.householdCode();
        if (!given.contains("communeCode")) communeCode = stored.communeCode();
        if (!given.contains("villageId")) villageId = stored.villageId();
        if (!given.contains("area")) area = stored.area();
        if (!given.contains("address")) address = stored.address();
        if (!given.contains("referenceDate")) referenceDate = stored.referenceDate();
        if (!given.contains("incomePerCapita")) incomePerCapita = stored.incomePerCapita();
        if (!given.contains("b1Score")) b1Score = stored.b1Score();
        if (!given.contains("housingQuality")) housingQuality = stored.housingQuality();
        if (!given.contains("floorAreaM2")) floorAreaM2 = stored.floorAreaM2();
        if (!given.contains("waterSource")) waterSource = stored.waterSource();
        if (!given.contains("toilet")) toilet = stored.toilet();
        if (!given.contains("internetUse")) internetUse = stored.internetUse();
        if (!given.contains("telephoneUse")) telephoneUse = stored.telephoneUse();
        if (!given.contains("loudspeakerReach")) loudspeakerReach = stored.loudspeakerReach();
        if (!given.contains("wasteTreatment")) wasteTreatment = stored.wasteTreatment();
        if (!given.contains("ethnicMinority")) ethnicMinority = stored.ethnicMinority();
        if (!given.contains("meritHousehold")) meritHousehold = stored.meritHousehold();
        if (!given.contains("socialProtection")) socialProtection = stored.socialProtection();
        infoDevices = sameCodesKeepOrder(given.contains("infoDevices") ? infoDevices : null, stored.infoDevices());
        causes = sameCodesKeepOrder(given.contains("causes") ? causes : null, stored.causes());
        if (!given.contains("members") && members.isEmpty()) {
            members = new ArrayList<>(stored.members().stream().map(MemberForm::of).toList());
            return;
        }
        for (MemberForm m : members) {
            if (m != null && m.getMemberNo() != null) {
                stored.members().stream().filter(s -> s.memberNo() == m.getMemberNo()).findFirst()
                        .ifPresent(m::keepStoredWhereAbsent);
            }
        }
    }

    private static List<String> sameCodesKeepOrder(List<String> sent, List<String> stored) {
        if (sent == null || new LinkedHashSet<>(sent).equals(new LinkedHashSet<>(stored))) {
            return new ArrayList<>(stored);
        }
        return new ArrayList<>(new LinkedHashSet<>(sent));
    }

    /** Members the user kept (the web form's "remove" ticks dropped). */
    List<MemberForm> keptMembers() {
        return members.stream().filter(m -> m != null && !m.isRemove()).toList();
    }

    /** For writers that need a plain yes/no (bulk import: the exchange format requires the column). */
    boolean isInternetUse() {
        return Boolean.TRUE.equals(internetUse);
    }

    public String getHouseholdCode() { return householdCode; }
    public void setHouseholdCode(String householdCode) { this.householdCode = householdCode; given.add("householdCode"); }
    public String getCommuneCode() { return communeCode; }
    public void setCommuneCode(String communeCode) { this.communeCode = communeCode; given.add("communeCode"); }
    public Long getVillageId() { return villageId; }
    public void setVillageId(Long villageId) { this.villageId = villageId; given.add("villageId"); }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; given.add("area"); }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; given.add("address"); }
    public LocalDate getReferenceDate() { return referenceDate; }
    public void setReferenceDate(LocalDate referenceDate) { this.referenceDate = referenceDate; given.add("referenceDate"); }
    public Long getIncomePerCapita() { return incomePerCapita; }
    public void setIncomePerCapita(Long incomePerCapita) { this.incomePerCapita = incomePerCapita; given.add("incomePerCapita"); }
    public BigDecimal getB1Score() { return b1Score; }
    public void setB1Score(BigDecimal b1Score) { this.b1Score = b1Score; given.add("b1Score"); }
    public String getHousingQuality() { return housingQuality; }
    public void setHousingQuality(String housingQuality) { this.housingQuality = housingQuality; given.add("housingQuality"); }
    public BigDecimal getFloorAreaM2() { return floorAreaM2; }
    public void setFloorAreaM2(BigDecimal floorAreaM2) { this.floorAreaM2 = floorAreaM2; given.add("floorAreaM2"); }
    public String getWaterSource() { return waterSource; }
    public void setWaterSource(String waterSource) { this.waterSource = waterSource; given.add("waterSource"); }
    public String getToilet() { return toilet; }
    public void setToilet(String toilet) { this.toilet = toilet; given.add("toilet"); }
    public Boolean getInternetUse() { return internetUse; }
    public void setInternetUse(Boolean internetUse) { this.internetUse = internetUse; given.add("internetUse"); }
    public Boolean getTelephoneUse() { return telephoneUse; }
    public void setTelephoneUse(Boolean telephoneUse) { this.telephoneUse = telephoneUse; given.add("telephoneUse"); }
    public List<String> getInfoDevices() { return infoDevices; }
    public void setInfoDevices(List<String> infoDevices) { this.infoDevices = infoDevices == null ? new ArrayList<>() : infoDevices; given.add("infoDevices"); }
    public Boolean getLoudspeakerReach() { return loudspeakerReach; }
    public void setLoudspeakerReach(Boolean loudspeakerReach) { this.loudspeakerReach = loudspeakerReach; given.add("loudspeakerReach"); }
    public Boolean getWasteTreatment() { return wasteTreatment; }
    public void setWasteTreatment(Boolean wasteTreatment) { this.wasteTreatment = wasteTreatment; given.add("wasteTreatment"); }
    public List<String> getCauses() { return causes; }
    public void setCauses(List<String> causes) { this.causes = causes == null ? new ArrayList<>() : causes; given.add("causes"); }
    public Boolean getEthnicMinority() { return ethnicMinority; }
    public void setEthnicMinority(Boolean ethnicMinority) { this.ethnicMinority = ethnicMinority; given.add("ethnicMinority"); }
    public Boolean getMeritHousehold() { return meritHousehold; }
    public void setMeritHousehold(Boolean meritHousehold) { this.meritHousehold = meritHousehold; given.add("meritHousehold"); }
    public Boolean getSocialProtection() { return socialProtection; }
    public void setSocialProtection(Boolean socialProtection) { this.socialProtection = socialProtection; given.add("socialProtection"); }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public List<MemberForm> getMembers() { return members; }
    public void setMembers(List<MemberForm> members) { this.members = members == null ? new ArrayList<>() : members; given.add("members"); }
}
