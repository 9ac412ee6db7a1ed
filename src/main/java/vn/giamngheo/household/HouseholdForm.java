package vn.giamngheo.household;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A household as entered in the web form or sent to the API. {@code version} is the version the user
 * started editing from: a save against a newer version is refused (no lost update).
 */
public class HouseholdForm {

    private String householdCode;
    private String communeCode;
    private Long villageId;
    private String area;
    private String address;
    private Long incomePerCapita;
    private BigDecimal b1Score;
    private String housingQuality = "durable";
    private BigDecimal floorAreaM2;
    private String waterSource = "piped";
    private String toilet = "septic";
    private boolean internetUse;
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

    public static HouseholdForm of(Household h) {
        HouseholdForm f = new HouseholdForm();
        f.householdCode = h.householdCode();
        f.communeCode = h.communeCode();
        f.villageId = h.villageId();
        f.area = h.area();
        f.address = h.address();
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

    /** Members the user kept (the web form's "remove" ticks dropped). */
    List<MemberForm> keptMembers() {
        return members.stream().filter(m -> m != null && !m.isRemove()).toList();
    }

    public String getHouseholdCode() { return householdCode; }
    public void setHouseholdCode(String householdCode) { this.householdCode = householdCode; }
    public String getCommuneCode() { return communeCode; }
    public void setCommuneCode(String communeCode) { this.communeCode = communeCode; }
    public Long getVillageId() { return villageId; }
    public void setVillageId(Long villageId) { this.villageId = villageId; }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Long getIncomePerCapita() { return incomePerCapita; }
    public void setIncomePerCapita(Long incomePerCapita) { this.incomePerCapita = incomePerCapita; }
    public BigDecimal getB1Score() { return b1Score; }
    public void setB1Score(BigDecimal b1Score) { this.b1Score = b1Score; }
    public String getHousingQuality() { return housingQuality; }
    public void setHousingQuality(String housingQuality) { this.housingQuality = housingQuality; }
    public BigDecimal getFloorAreaM2() { return floorAreaM2; }
    public void setFloorAreaM2(BigDecimal floorAreaM2) { this.floorAreaM2 = floorAreaM2; }
    public String getWaterSource() { return waterSource; }
    public void setWaterSource(String waterSource) { this.waterSource = waterSource; }
    public String getToilet() { return toilet; }
    public void setToilet(String toilet) { this.toilet = toilet; }
    public boolean isInternetUse() { return internetUse; }
    public void setInternetUse(boolean internetUse) { this.internetUse = internetUse; }
    public Boolean getTelephoneUse() { return telephoneUse; }
    public void setTelephoneUse(Boolean telephoneUse) { this.telephoneUse = telephoneUse; }
    public List<String> getInfoDevices() { return infoDevices; }
    public void setInfoDevices(List<String> infoDevices) { this.infoDevices = infoDevices == null ? new ArrayList<>() : infoDevices; }
    public Boolean getLoudspeakerReach() { return loudspeakerReach; }
    public void setLoudspeakerReach(Boolean loudspeakerReach) { this.loudspeakerReach = loudspeakerReach; }
    public Boolean getWasteTreatment() { return wasteTreatment; }
    public void setWasteTreatment(Boolean wasteTreatment) { this.wasteTreatment = wasteTreatment; }
    public List<String> getCauses() { return causes; }
    public void setCauses(List<String> causes) { this.causes = causes == null ? new ArrayList<>() : causes; }
    public Boolean getEthnicMinority() { return ethnicMinority; }
    public void setEthnicMinority(Boolean ethnicMinority) { this.ethnicMinority = ethnicMinority; }
    public Boolean getMeritHousehold() { return meritHousehold; }
    public void setMeritHousehold(Boolean meritHousehold) { this.meritHousehold = meritHousehold; }
    public Boolean getSocialProtection() { return socialProtection; }
    public void setSocialProtection(Boolean socialProtection) { this.socialProtection = socialProtection; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public List<MemberForm> getMembers() { return members; }
    public void setMembers(List<MemberForm> members) { this.members = members == null ? new ArrayList<>() : members; }
}
