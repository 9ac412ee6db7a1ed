package vn.giamngheo.review;

import java.util.Set;
import vn.giamngheo.review.rules.DecidedList;

/** A household as a decision recognised it: its status, the lists it is on and its certificate number. */
record DecidedHousehold(long householdId, String householdCode, String headName, int members, String villageName,
                               String status, String previousStatus, boolean ethnicMinority, boolean socialProtection,
                               boolean merit, String area, String certificateNo) {

    public Set<DecidedList> lists() {
        return DecidedList.of(previousStatus, status);
    }
}
