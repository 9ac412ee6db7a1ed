package vn.giamngheo.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A village meeting of a round as recorded, with the households it discussed and its verdict. */
public record VillageMeeting(long id, long roundId, long villageId, String villageName, LocalDate heldOn, String chair,
                             String secretary, String supervisor, int invited, int attendees, int agreed,
                             BigDecimal threshold, boolean passed, String note, List<Long> households, String recordedBy) {

    /** Agreement as a share of attendees (0–1). */
    public double share() {
        return attendees == 0 ? 0 : (double) agreed / attendees;
    }
}
