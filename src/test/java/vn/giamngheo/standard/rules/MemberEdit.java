package vn.giamngheo.standard.rules;

import java.time.LocalDate;
import vn.giamngheo.exchange.BirthDate;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.MemberRecord;

/** Test helper: a copy of a member record with some facts changed. */
final class MemberEdit {

    private final MemberRecord m;
    private BirthDate born;
    private Employment employment;
    private boolean workingCapacity;
    private boolean insurance;
    private Boolean malnourished;
    private Education education;
    private boolean inSchool;
    private Boolean levelAppropriate;
    private Boolean sickUntreated;

    MemberEdit(MemberRecord m) {
        this.m = m;
        born = m.birthDate();
        employment = m.employment();
        workingCapacity = m.workingCapacity();
        insurance = m.healthInsurance();
        malnourished = m.malnourished();
        education = m.education();
        inSchool = m.inSchool();
        levelAppropriate = m.schoolLevelAppropriate();
        sickUntreated = m.sickUntreated();
    }

    MemberEdit born(LocalDate value) { born = BirthDate.of(value); return this; }
    MemberEdit born(BirthDate value) { born = value; return this; }
    MemberEdit employment(Employment value) { employment = value; return this; }
    MemberEdit workingCapacity(boolean value) { workingCapacity = value; return this; }
    MemberEdit insurance(boolean value) { insurance = value; return this; }
    MemberEdit malnourished(Boolean value) { malnourished = value; return this; }
    MemberEdit education(Education value) { education = value; return this; }
    MemberEdit inSchool(boolean value) { inSchool = value; return this; }
    MemberEdit levelAppropriate(Boolean value) { levelAppropriate = value; return this; }
    MemberEdit sickUntreated(Boolean value) { sickUntreated = value; return this; }

    MemberRecord build() {
        return new MemberRecord(m.householdCode(), m.communeCode(), m.memberNo(), m.fullName(), m.idNumber(), born,
                m.sex(), m.ethnicity(), m.relation(), employment, workingCapacity, m.disability(),
                m.monthlySocialAllowance(), insurance, malnourished, education, inSchool, levelAppropriate,
                sickUntreated, m.meritPerson());
    }
}
