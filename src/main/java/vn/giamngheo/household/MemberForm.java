package vn.giamngheo.household;

/** A member as entered in the web form or the API (strings where the user types free text). */
public class MemberForm {

    private Integer memberNo;
    private String fullName;
    private String idNumber;
    /** YYYY-MM-DD, or YYYY when only the year of birth is known. */
    private String birthDate;
    private String sex = "male";
    private String ethnicity = "Kinh";
    private String relation = "other";
    private String employment = "self_employed";
    private boolean workingCapacity = true;
    private String disability = "none";
    private Boolean monthlySocialAllowance;
    private boolean healthInsurance = true;
    private Boolean malnourished;
    private String education = "none";
    private boolean inSchool;
    private Boolean schoolLevelAppropriate;
    private Boolean sickUntreated;
    private Boolean meritPerson;
    /** Web form only: tick to remove this member. */
    private boolean remove;

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

    public Integer getMemberNo() { return memberNo; }
    public void setMemberNo(Integer memberNo) { this.memberNo = memberNo; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; }
    public String getRelation() { return relation; }
    public void setRelation(String relation) { this.relation = relation; }
    public String getEmployment() { return employment; }
    public void setEmployment(String employment) { this.employment = employment; }
    public boolean isWorkingCapacity() { return workingCapacity; }
    public void setWorkingCapacity(boolean workingCapacity) { this.workingCapacity = workingCapacity; }
    public String getDisability() { return disability; }
    public void setDisability(String disability) { this.disability = disability; }
    public Boolean getMonthlySocialAllowance() { return monthlySocialAllowance; }
    public void setMonthlySocialAllowance(Boolean v) { this.monthlySocialAllowance = v; }
    public boolean isHealthInsurance() { return healthInsurance; }
    public void setHealthInsurance(boolean healthInsurance) { this.healthInsurance = healthInsurance; }
    public Boolean getMalnourished() { return malnourished; }
    public void setMalnourished(Boolean malnourished) { this.malnourished = malnourished; }
    public String getEducation() { return education; }
    public void setEducation(String education) { this.education = education; }
    public boolean isInSchool() { return inSchool; }
    public void setInSchool(boolean inSchool) { this.inSchool = inSchool; }
    public Boolean getSchoolLevelAppropriate() { return schoolLevelAppropriate; }
    public void setSchoolLevelAppropriate(Boolean v) { this.schoolLevelAppropriate = v; }
    public Boolean getSickUntreated() { return sickUntreated; }
    public void setSickUntreated(Boolean sickUntreated) { this.sickUntreated = sickUntreated; }
    public Boolean getMeritPerson() { return meritPerson; }
    public void setMeritPerson(Boolean meritPerson) { this.meritPerson = meritPerson; }
    public boolean isRemove() { return remove; }
    public void setRemove(boolean remove) { this.remove = remove; }
}
