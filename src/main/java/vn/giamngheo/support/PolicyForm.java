package vn.giamngheo.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The fields of a policy as an administrator or a province's officer edits them ("" = any for the tri-state group filters). */
public class PolicyForm {

    private String code = "";
    private String nameVi = "";
    private String nameEn = "";
    private String beneficiary = "household";
    private List<String> statuses = new ArrayList<>();
    private Integer escapeWindowMonths;
    private String ethnicMinority = "";
    private String socialProtection = "";
    private String merit = "";
    private String area = "";
    private Integer minAge;
    private Integer maxAge;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;
    private String benefitKind = "cash";
    private Long amountVnd;
    private String amountUnit = "";
    private BigDecimal sharePercent;
    private String fundingSource = "central_budget";
    private String programmeItem = "";
    private String legalSource = "";
    private String confidence = "?";
    private String note = "";
    private boolean active = true;
    private int version;
    private String provinceCode = "";
    private String populationGroup = "";
    private String areaClass = "";

    public static PolicyForm of(SupportPolicy p) {
        PolicyForm f = new PolicyForm();
        f.code = p.code();
        f.nameVi = p.nameVi();
        f.nameEn = p.nameEn();
        f.beneficiary = p.beneficiary();
        f.statuses = new ArrayList<>(p.statuses());
        f.escapeWindowMonths = p.escapeWindowMonths();
        f.ethnicMinority = tri(p.ethnicMinority());
        f.socialProtection = tri(p.socialProtection());
        f.merit = tri(p.merit());
        f.area = p.area() == null ? "" : p.area();
        f.minAge = p.minAge();
        f.maxAge = p.maxAge();
        f.validFrom = p.validFrom();
        f.validTo = p.validTo();
        f.benefitKind = p.benefitKind();
        f.amountVnd = p.amountVnd();
        f.amountUnit = p.amountUnit();
        f.sharePercent = p.sharePercent();
        f.fundingSource = p.fundingSource();
        f.programmeItem = p.programmeItem();
        f.legalSource = p.legalSource();
        f.confidence = p.confidence();
        f.note = p.note();
        f.active = p.active();
        f.version = p.version();
        f.provinceCode = p.provinceCode() == null ? "" : p.provinceCode();
        f.populationGroup = p.populationGroup() == null ? "" : p.populationGroup();
        f.areaClass = p.areaClass() == null ? "" : p.areaClass();
        return f;
    }

    private static String tri(Boolean b) {
        return b == null ? "" : b.toString();
    }

    static Boolean tri(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameVi() { return nameVi; }
    public void setNameVi(String nameVi) { this.nameVi = nameVi; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getBeneficiary() { return beneficiary; }
    public void setBeneficiary(String beneficiary) { this.beneficiary = beneficiary; }
    public List<String> getStatuses() { return statuses; }
    public void setStatuses(List<String> statuses) { this.statuses = statuses == null ? new ArrayList<>() : statuses; }
    public Integer getEscapeWindowMonths() { return escapeWindowMonths; }
    public void setEscapeWindowMonths(Integer escapeWindowMonths) { this.escapeWindowMonths = escapeWindowMonths; }
    public String getEthnicMinority() { return ethnicMinority; }
    public void setEthnicMinority(String ethnicMinority) { this.ethnicMinority = ethnicMinority; }
    public String getSocialProtection() { return socialProtection; }
    public void setSocialProtection(String socialProtection) { this.socialProtection = socialProtection; }
    public String getMerit() { return merit; }
    public void setMerit(String merit) { this.merit = merit; }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public String getBenefitKind() { return benefitKind; }
    public void setBenefitKind(String benefitKind) { this.benefitKind = benefitKind; }
    public Long getAmountVnd() { return amountVnd; }
    public void setAmountVnd(Long amountVnd) { this.amountVnd = amountVnd; }
    public String getAmountUnit() { return amountUnit; }
    public void setAmountUnit(String amountUnit) { this.amountUnit = amountUnit; }
    public BigDecimal getSharePercent() { return sharePercent; }
    public void setSharePercent(BigDecimal sharePercent) { this.sharePercent = sharePercent; }
    public String getFundingSource() { return fundingSource; }
    public void setFundingSource(String fundingSource) { this.fundingSource = fundingSource; }
    public String getProgrammeItem() { return programmeItem; }
    public void setProgrammeItem(String programmeItem) { this.programmeItem = programmeItem; }
    public String getLegalSource() { return legalSource; }
    public void setLegalSource(String legalSource) { this.legalSource = legalSource; }
    public String getConfidence() { return confidence; }
    public void setConfidence(String confidence) { this.confidence = confidence; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getProvinceCode() { return provinceCode; }
    public void setProvinceCode(String provinceCode) { this.provinceCode = provinceCode; }
    public String getPopulationGroup() { return populationGroup; }
    public void setPopulationGroup(String populationGroup) { this.populationGroup = populationGroup; }
    public String getAreaClass() { return areaClass; }
    public void setAreaClass(String areaClass) { this.areaClass = areaClass; }
}
