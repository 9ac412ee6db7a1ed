package vn.giamngheo.household;

import java.util.HashSet;
import java.util.Set;

/**
 * A member as entered in the web form or the API (strings where the user types free text). A new member
 * has no answer the user did not give: yes/no facts are yes, no or not recorded ({@code null}); the
 * required ones (working capacity, health insurance, in school) must be answered. The member remembers
 * which properties were given, like {@link HouseholdForm}.
 */
public class MemberForm {

    private Integer memberNo;
    private String fullName;
    private String idNumber;
    /** YYYY-MM-DD, or YYYY when only the year of birth is known. */
    private String birthDate;
    private String sex;
    private String ethnicity;
    private String relation;
    private String employment;
    private Boolean workingCapacity;
    private String disability;
    private Boolean monthlySocialAllowance;
    private Boolean healthInsurance;
    private Boolean malnourished;
    private String education;
    private Boolean inSchool;
    private Boolean schoolLevelAppropriate;
    private Boolean sickUntreated;
    private Boolean meritPerson;
    /** Web form only: tick to remove this member. */
    private boolean remove;
    private final Set<String> given = new HashSet<>();

    static MemberForm of(Member m) {
        MemberForm f = new MemberForm();
        f.memberNo = m.memberNo();
        f.fullName = m.fullName();
        f.idNumber = m.idNumber();
        f.birthDate = m.birthDateText();
        f.sex = m.sex();
        f.ethnicity = m.ethnicity();
        f.relation = m.relation();
        f.employment = m.employment();
        f.workingCapacity = m.workingCapacity();
        f.disability = m.disability();
        f.monthlySocialAllowance = m.monthlySocialAllowance();
        f.healthInsurance = m.healthInsurance();
        f.malnourished = m.malnourished();
        f.education = m.education();
        f.inSchool = m.inSchool();
        f.schoolLevelAppropriate = m.schoolLevelAppropriate();
        f.sickUntreated = m.sickUntreated();
        f.meritPerson = m.meritPerson();
        return f;
    }

    /** Takes every property not given from the stored member of the same number. */
    void keepStoredWhereAbsent(Member s) {
        if (!given.contains("fullName")) fullName = s.fullName();
        if (!given.contains("idNumber")) idNumber = s.idNumber();
        if (!given.contains("birthDate")) birthDate = s.birthDateText();
        if (!given.contains("sex")) sex = s.sex();
        if (!given.contains("ethnicity")) ethnicity = s.ethnicity();
        if (!given.contains("relation")) relation = s.relation();
        if (!given.contains("employment")) employment = s.employment();
        if (!given.contains("workingCapacity")) workingCapacity = s.workingCapacity();
        if (!given.contains("disability")) disability = s.disability();
        if (!given.contains("monthlySocialAllowance")) monthlySocialAllowance = s.monthlySocialAllowance();
        if (!given.contains("healthInsurance")) healthInsurance = s.healthInsurance();
        if (!given.contains("malnourished")) malnourished = s.malnourished();
        if (!given.contains("education")) education = s.education();
        if (!given.contains("inSchool")) inSchool = s.inSchool();
        if (!given.contains("schoolLevelAppropriate")) schoolLevelAppropriate = s.schoolLevelAppropriate();
        if (!given.contains("sickUntreated")) sickUntreated = s.sickUntreated();
        if (!given.contains("meritPerson")) meritPerson = s.meritPerson();
    }

    /** For writers that need a plain yes/no (the validator has made sure it is answered). */
    boolean isWorkingCapacity() { return Boolean.TRUE.equals(workingCapacity); }
    boolean isHealthInsurance() { return Boolean.TRUE.equals(healthInsurance); }
    boolean isInSchool() { return Boolean.TRUE.equals(inSchool); }

    public Integer getMemberNo() { return memberNo; }
    public void setMemberNo(Integer memberNo) { this.memberNo = memberNo; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; given.add("fullName"); }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; given.add("idNumber"); }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; given.add("birthDate"); }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; given.add("sex"); }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; given.add("ethnicity"); }
    public String getRelation() { return relation; }
    public void setRelation(String relation) { this.relation = relation; given.add("relation"); }
    public String getEmployment() { return employment; }
    public void setEmployment(String employment) { this.employment = employment; given.add("employment"); }
    public Boolean getWorkingCapacity() { return workingCapacity; }
    public void setWorkingCapacity(Boolean workingCapacity) { this.workingCapacity = workingCapacity; given.add("workingCapacity"); }
    public String getDisability() { return disability; }
    public void setDisability(String disability) { this.disability = disability; given.add("disability"); }
    public Boolean getMonthlySocialAllowance() { return monthlySocialAllowance; }
    public void setMonthlySocialAllowance(Boolean v) { this.monthlySocialAllowance = v; given.add("monthlySocialAllowance"); }
    public Boolean getHealthInsurance() { return healthInsurance; }
    public void setHealthInsurance(Boolean healthInsurance) { this.healthInsurance = healthInsurance; given.add("healthInsurance"); }
    public Boolean getMalnourished() { return malnourished; }
    public void setMalnourished(Boolean malnourished) { this.malnourished = malnourished; given.add("malnourished"); }
    public String getEducation() { return education; }
    public void setEducation(String education) { this.education = education; given.add("education"); }
    public Boolean getInSchool() { return inSchool; }
    public void setInSchool(Boolean inSchool) { this.inSchool = inSchool; given.add("inSchool"); }
    public Boolean getSchoolLevelAppropriate() { return schoolLevelAppropriate; }
    public void setSchoolLevelAppropriate(Boolean v) { this.schoolLevelAppropriate = v; given.add("schoolLevelAppropriate"); }
    public Boolean getSickUntreated() { return sickUntreated; }
    public void setSickUntreated(Boolean sickUntreated) { this.sickUntreated = sickUntreated; given.add("sickUntreated"); }
    public Boolean getMeritPerson() { return meritPerson; }
    public void setMeritPerson(Boolean meritPerson) { this.meritPerson = meritPerson; given.add("meritPerson"); }
    public boolean isRemove() { return remove; }
    public void setRemove(boolean remove) { this.remove = remove; }
}
