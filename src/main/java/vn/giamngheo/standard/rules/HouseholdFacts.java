package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.MemberRecord;

/** A household seen by the rules: its data, the standard and the date on which ages are computed. */
public record HouseholdFacts(HouseholdData data, PovertyStandard standard, LocalDate referenceDate) {

    public HouseholdRecord household() {
        return data.household();
    }

    public List<MemberRecord> members() {
        return data.members();
    }

    public String code() {
        return data.code();
    }

    public int age(MemberRecord member) {
        return member.birthDate().ageOn(referenceDate);
    }

    public int intParameter(String name) {
        return standard.require(name).asInt();
    }

    public BigDecimal decimalParameter(String name) {
        return standard.require(name).asDecimal();
    }

    public List<String> listParameter(String name) {
        return standard.require(name).asList();
    }

    public boolean booleanParameter(String name) {
        return standard.require(name).asBoolean();
    }

    /** Whether the member has reached the retirement age for their sex in the reference year. */
    public boolean reachedRetirementAge(MemberRecord member) {
        int months = RetirementAge.months(standard, member.sex(), referenceDate.getYear());
        return member.birthDate().hasReached(0, months, referenceDate);
    }

    /** Working age: from {@code working_age_min} up to (not including) the retirement age. */
    public boolean isWorkingAge(MemberRecord member) {
        return isWorkingAge(member, intParameter("working_age_min"));
    }

    /** {@link #isWorkingAge(MemberRecord)} with {@code working_age_min} read once for all the members. */
    boolean isWorkingAge(MemberRecord member, int workingAgeMin) {
        return age(member) >= workingAgeMin && !reachedRetirementAge(member);
    }

    public MissingFactException missing(String field, String detail) {
        return new MissingFactException(code(), field, detail);
    }

    public MissingFactException missing(MemberRecord member, String field) {
        return new MissingFactException(code(), field, member.memberNo(), "member " + member.memberNo() + " " + member.fullName());
    }
}
