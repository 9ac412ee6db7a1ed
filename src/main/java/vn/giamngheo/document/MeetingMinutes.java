package vn.giamngheo.document;

import java.time.LocalDate;
import java.util.List;

/**
 * Minutes of the village meeting that discusses the review's results (Decision 24/2021/QĐ-TTg, step 3):
 * chaired by the village head, supervised by the Fatherland Front, {@code present} of {@code invited}
 * attending, one vote per household discussed.
 *
 * @param venue where the meeting was held ("Nhà văn hóa thôn Nà Hẩu")
 */
public record MeetingMinutes(Commune commune, String village, LocalDate date, String venue, int listYear,
        String chair, String secretary, String frontSupervisor, int present, int invited,
        List<DiscussedHousehold> households) {

    public MeetingMinutes {
        if (commune == null || date == null) {
            throw new IllegalArgumentException("minutes need their commune and date");
        }
        if (present < 0 || invited < 0) {
            throw new IllegalArgumentException("attendance cannot be negative: " + present + "/" + invited);
        }
        households = List.copyOf(households);
        for (DiscussedHousehold h : households) {
            if (h.agree() + h.disagree() > present) {
                throw new IllegalArgumentException("household " + h.householdCode() + " has " + (h.agree() + h.disagree())
                        + " votes but only " + present + " attendees");
            }
        }
        village = Text.nfc(village);
        venue = Text.nfc(venue);
        chair = Text.nfc(chair);
        secretary = Text.nfc(secretary);
        frontSupervisor = Text.nfc(frontSupervisor);
    }

    public long passedCount() {
        return households.stream().filter(h -> h.passed(present)).count();
    }
}
