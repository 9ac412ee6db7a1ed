package vn.giamngheo.review.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import vn.giamngheo.calendar.WorkingCalendar;

/**
 * The review's periods and deadlines (Decision 24/2021/QĐ-TTg), all taken from parameters: the periodic review
 * runs from {@code periodicStart} to {@code periodicEnd} each year; a monthly round opens on
 * {@code monthlyStartDay} and must be decided within {@code monthlyDecisionDays} calendar days; results are
 * posted for {@code postingWorkingDays} working days, then complaints are taken for
 * {@code complaintWorkingDays} more; a village meeting passes with at least {@code meetingThreshold} of its
 * attendees agreeing; a result decided on or before {@code districtLevelUntil} is approved by the district
 * before the province.
 */
public record ReviewCalendar(MonthDay periodicStart, MonthDay periodicEnd, int monthlyStartDay, int monthlyDecisionDays,
                             int postingWorkingDays, int complaintWorkingDays, BigDecimal meetingThreshold,
                             LocalDate districtLevelUntil, WorkingCalendar workingDays) {

    public ReviewCalendar {
        Objects.requireNonNull(periodicStart);
        Objects.requireNonNull(periodicEnd);
        Objects.requireNonNull(meetingThreshold);
        Objects.requireNonNull(workingDays);
        if (monthlyStartDay < 1 || monthlyStartDay > 28) {
            throw new IllegalArgumentException("the monthly start day must be 1–28, not " + monthlyStartDay);
        }
        if (monthlyDecisionDays < 1 || postingWorkingDays < 1 || complaintWorkingDays < 0) {
            throw new IllegalArgumentException("periods must be positive");
        }
        if (meetingThreshold.signum() <= 0 || meetingThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the meeting threshold must be in (0, 1], not " + meetingThreshold);
        }
    }

    /** When a round opens and by when it must be decided. */
    public record Window(LocalDate opensOn, LocalDate decisionDue) {
    }

    /** The periodic review held in {@code year} (it decides the lists of {@code year + 1}). */
    public Window periodic(int year) {
        return new Window(periodicStart.atYear(year), periodicEnd.atYear(year));
    }

    /** The monthly round of a month: opens on the start day, decided within the decision days. */
    public Window monthly(int year, int month) {
        LocalDate opens = LocalDate.of(year, month, monthlyStartDay);
        return new Window(opens, opens.plusDays(monthlyDecisionDays));
    }

    /**
     * The monthly round that takes an application received on a day: that month's when received on or before
     * its start day, else the next month's.
     */
    public LocalDate monthlyRoundFor(LocalDate received) {
        LocalDate thisMonth = received.withDayOfMonth(monthlyStartDay);
        return received.isAfter(thisMonth) ? thisMonth.plusMonths(1) : thisMonth;
    }

    /** The day an application received on a day must be decided or answered by. */
    public LocalDate applicationDue(LocalDate received) {
        return monthlyRoundFor(received).plusDays(monthlyDecisionDays);
    }

    /** The list year a round decides: the periodic review of a year decides the next year's lists. */
    public static int listYear(RoundKind kind, int reviewYear) {
        return kind == RoundKind.PERIODIC ? reviewYear + 1 : reviewYear;
    }

    /** Public posting and complaints, in working days. */
    public record Posting(LocalDate startedOn, LocalDate postingEndsOn, LocalDate complaintsEndOn) {

        /** The first day a decision may be taken: after the complaint period has run out. */
        public LocalDate earliestDecision() {
            return complaintsEndOn.plusDays(1);
        }
    }

    /** Posting starts on a day (counted if it is a working day) and runs for the posting working days. */
    public Posting posting(LocalDate startedOn) {
        LocalDate postingEnds = workingDays.plusWorkingDays(startedOn.minusDays(1), postingWorkingDays);
        LocalDate complaintsEnd = complaintWorkingDays == 0 ? postingEnds
                : workingDays.plusWorkingDays(postingEnds, complaintWorkingDays);
        return new Posting(startedOn, postingEnds, complaintsEnd);
    }

    /** Whether a village meeting passed: agreed / attendees reaches the threshold (exactly, no rounding). */
    public boolean meetingPassed(int attendees, int agreed) {
        if (attendees <= 0 || agreed < 0 || agreed > attendees) {
            throw new IllegalArgumentException("agreement " + agreed + " of " + attendees + " attendees is impossible");
        }
        return BigDecimal.valueOf(agreed).compareTo(meetingThreshold.multiply(BigDecimal.valueOf(attendees))) >= 0;
    }

    /** The levels that approve a result decided on a day, in order. */
    public List<ApprovalLevel> approvalLevels(LocalDate decidedOn) {
        return decidedOn.isAfter(districtLevelUntil) ? List.of(ApprovalLevel.PROVINCE)
                : List.of(ApprovalLevel.DISTRICT, ApprovalLevel.PROVINCE);
    }
}
