package vn.giamngheo.household;

import java.time.LocalDate;

/** A member of a household (thành viên hộ). {@code birthYearOnly}: only the year of birth is known. */
public record Member(long id, int memberNo, String fullName, String idNumber, LocalDate birthDate,
                     boolean birthYearOnly, String sex, String ethnicity, String relation, String employment,
                     boolean workingCapacity, String disability, Boolean monthlySocialAllowance,
                     boolean healthInsurance, Boolean malnourished, String education, boolean inSchool,
                     Boolean schoolLevelAppropriate, Boolean sickUntreated, Boolean meritPerson) {

    public boolean head() {
        return "head".equals(relation);
    }

    /** Birth date as the exchange format writes it: the bare year when only the year is known. */
    public String birthDateText() {
        return birthYearOnly ? String.valueOf(birthDate.getYear()) : birthDate.toString();
    }

    /** The identity number masked for roles that do not need it (last 4 digits visible). */
    public String maskedIdNumber() {
        return idNumber == null ? null : "********" + idNumber.substring(8);
    }

    Member withIdNumber(String value) {
        return new Member(id, memberNo, fullName, value, birthDate, birthYearOnly, sex, ethnicity, relation,
                employment, workingCapacity, disability, monthlySocialAllowance, healthInsurance, malnourished,
                education, inSchool, schoolLevelAppropriate, sickUntreated, meritPerson);
    }
}
