package vn.giamngheo.exchange;

import java.time.LocalDate;

/** Builds a {@link MemberRecord} from a row of members.csv, reporting every invalid cell. */
final class MemberRows {

    private MemberRows() {
    }

    /** The registry numbers members 1 to 99. */
    static final int MAX_MEMBER_NO = 99;

    /** The record, or {@code null} when the row has errors (they are in the reader's problem list). */
    static MemberRecord parse(RowReader r, LocalDate today) {
        String household = r.requiredText("household_code");
        String commune = r.requiredText("commune_code");
        Long memberNo = r.requiredWholeNumber("member_no", Long.MIN_VALUE);
        if (memberNo != null && (memberNo < 1 || memberNo > MAX_MEMBER_NO)) {
            r.error("member_no", r.raw("member_no"), ExchangeProblem.INVALID_MEMBER_NO,
                    "member_no must be a whole number from 1 to " + MAX_MEMBER_NO);
        }
        String name = r.requiredText("full_name");
        String idNumber = r.text("id_number");
        if (idNumber != null && !Digits.exactly(idNumber, 12)) {
            r.error("id_number", idNumber, ExchangeProblem.INVALID_ID_NUMBER,
                    "the identity number must have exactly 12 digits");
        }
        BirthDate birthDate = r.requiredBirthDate("birth_date", today);
        Sex sex = r.requiredEnum("sex", Sex.class);
        String ethnicity = r.requiredText("ethnicity");
        Relation relation = r.requiredEnum("relation", Relation.class);
        Employment employment = r.requiredEnum("employment", Employment.class);
        Boolean workingCapacity = r.requiredBoolean("working_capacity");
        Disability disability = r.optionalEnum("disability", Disability.class);
        Boolean allowance = r.optionalBoolean("monthly_social_allowance");
        Boolean insurance = r.requiredBoolean("health_insurance");
        Boolean malnourished = r.optionalBoolean("malnourished");
        Education education = r.requiredEnum("education", Education.class);
        Boolean inSchool = r.requiredBoolean("in_school");
        Boolean levelAppropriate = r.optionalBoolean("school_level_appropriate");
        Boolean sickUntreated = r.optionalBoolean("sick_untreated");
        Boolean merit = r.optionalBoolean("merit_person");
        if (r.hasErrors() || household == null || commune == null || memberNo == null || name == null
                || birthDate == null || sex == null || ethnicity == null || relation == null || employment == null
                || workingCapacity == null || insurance == null || education == null || inSchool == null) {
            return null;
        }
        return new MemberRecord(household, commune, memberNo.intValue(), name, idNumber, birthDate, sex, ethnicity,
                relation, employment, workingCapacity, disability, allowance, insurance, malnourished, education,
                inSchool, levelAppropriate, sickUntreated, merit);
    }
}
