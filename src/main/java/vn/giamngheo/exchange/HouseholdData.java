package vn.giamngheo.exchange;

import java.util.List;

/** A household with its members (ordered by member_no). */
public record HouseholdData(HouseholdRecord household, List<MemberRecord> members) {

    public HouseholdData {
        members = List.copyOf(members);
    }

    public String code() {
        return household.householdCode();
    }
}
