package vn.giamngheo.exchange;

import java.util.Optional;

/**
 * One row of {@code members.csv} (exchange-format §1). Optional yes/no columns are {@code null} when empty.
 */
public record MemberRecord(
        String householdCode,
        String communeCode,
        int memberNo,
        String fullName,
        String idNumber,
        BirthDate birthDate,
        Sex sex,
        String ethnicity,
        Relation relation,
        Employment employment,
        boolean workingCapacity,
        Disability disability,
        Boolean monthlySocialAllowance,
        boolean healthInsurance,
        Boolean malnourished,
        Education education,
        boolean inSchool,
        Boolean schoolLevelAppropriate,
        Boolean sickUntreated,
        Boolean meritPerson) {

    public Optional<String> idNumberIfGiven() {
        return Optional.ofNullable(idNumber);
    }

    public boolean isHead() {
        return relation == Relation.HEAD;
    }
}
