package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.household.Household;
import vn.giamngheo.review.rules.DecidedList;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.system.DatabaseOwner;

/**
 * A commune's whole review, through the services on PostgreSQL: the periodic review of 2025 (lists of 2026),
 * a monthly round in October 2026 amending them, and the periodic review of 2026 (lists of 2027), from
 * applications to the decision, certificates and the province's approval, with every guard on the way.
 */
@Tag("database")
@SpringBootTest
class ReviewWorkflowTest {

    @TestConfiguration
    static class Events {
        final List<ListsDecided> seen = new ArrayList<>();

        @EventListener
        void on(ListsDecided e) {
            seen.add(e);
        }
    }

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired JdbcClient jdbc;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired VillageMeetings meetings;
    @Autowired ReviewComplaints complaints;
    @Autowired ReviewDecisions decisions;
    @Autowired ReviewApplications applications;
    @Autowired ReviewProgress progress;
    @Autowired DecidedStatuses statuses;
    @Autowired Events events;

    ReviewFixture f;

    @Test
    void periodicAndMonthlyRoundsFromApplicationsToApproval() {
        f = drive.commune(5);
        Household poor = f.poor("RV-1", f.village1);
        Household near = f.nearPoor("RV-2", f.village1);
        Household comfortable = f.comfortable("RV-3", f.village1);
        Household poor2 = f.poor("RV-4", f.village2);

        // ---- periodic review 2025: the lists of 2026 ----
        ReviewRound r = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2025, null, null), f.officer);
        assertThat(r.state()).isEqualTo(RoundState.PREPARING);
        assertThat(r.listYear()).isEqualTo(2026);
        assertThat(r.standardCode()).isEqualTo("ND07_2021");
        assertThat(r.opensOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(r.decisionDue()).isEqualTo(LocalDate.of(2025, 12, 14));
        long id = r.id();
        assertRefused(() -> rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2025, null, null), f.officer),
                "review.refused.duplicate");
        assertRefused(() -> rounds.advance(id, RoundState.COLLECTING, f.officer), "review.refused.noHouseholds");

        assertThat(households.add(id, null, f.village1, f.officer)).isEqualTo(3);
        assertThat(households.addByCode(id, "RV-4", f.officer)).isEqualTo(1);
        assertRefused(() -> households.addByCode(id, "RV-4", f.officer), "review.refused.householdNotAdded");
        assertRefused(() -> rounds.advance(id, RoundState.MEETINGS, f.officer), "review.refused.jump");
        assertRefused(() -> rounds.advance(id, RoundState.POSTED, f.officer), "review.refused.useStep");
        rounds.advance(id, RoundState.COLLECTING, f.officer);
        assertRefused(() -> rounds.advance(id, RoundState.MEETINGS, f.officer), "review.refused.unclassified");
        assertThat(households.collectAll(id, false, f.officer)).isEqualTo(4);
        Map<String, RoundHousehold> collected = byCode(households.list(id, f.officer, Locale.forLanguageTag("vi")));
        assertThat(collected.get("RV-1").status()).isEqualTo("poor");
        assertThat(collected.get("RV-2").status()).isEqualTo("near_poor");
        assertThat(collected.get("RV-3").status()).isIn("average", "not_poor");
        assertThat(collected.get("RV-1").reviewer()).isEqualTo(f.officer.getUsername());
        assertThat(collected.get("RV-1").explanation()).isNotBlank();
        assertThat(households.snapshot(id, poor.id(), f.officer).householdsCsv()).contains("RV-1").contains("600000");

        rounds.advance(id, RoundState.MEETINGS, f.officer);
        // a meeting below 50 % sends its households back to collection, and the round with them
        VillageMeeting failed = meetings.record(id, meeting(f.village2, 10, 4), f.officer);
        assertThat(failed.passed()).isFalse();
        assertThat(rounds.get(id, f.officer).state()).isEqualTo(RoundState.COLLECTING);
        assertThat(byCode(households.list(id, f.officer, Locale.ENGLISH)).get("RV-4").meetingState()).isEqualTo("returned");
        assertRefused(() -> rounds.advance(id, RoundState.MEETINGS, f.officer), "review.refused.unclassified");
        households.collect(id, poor2.id(), f.officer);
        rounds.advance(id, RoundState.MEETINGS, f.officer);
        assertRefused(() -> rounds.post(id, LocalDate.of(2025, 11, 3), f.officer), "review.refused.notAgreed");
        assertThat(meetings.record(id, meeting(f.village2, 10, 6), f.officer).passed()).isTrue();
        assertThat(meetings.record(id, meeting(f.village1, 10, 5), f.officer).passed()).isTrue(); // exactly 50 %
        assertRefused(() -> meetings.record(id, meeting(f.village1, 10, 9), f.officer), "review.refused.nothingToDiscuss");

        // posting from Monday 3 November 2025: three working days, then three for complaints (to 10 November)
        ReviewRound posted = rounds.post(id, LocalDate.of(2025, 11, 3), f.officer);
        assertThat(posted.postingEndsOn()).isEqualTo(LocalDate.of(2025, 11, 5));
        assertThat(posted.complaintsEndOn()).isEqualTo(LocalDate.of(2025, 11, 10));
        Complaint complaint = complaints.record(id, near.id(), "Lò Văn Páo", LocalDate.of(2025, 11, 4),
                "Hộ ông Hùng có xe máy mới, đề nghị xem lại.", f.officer);
        assertRefused(() -> decisions.decide(id, "101/QĐ-UBND", LocalDate.of(2025, 11, 10), f.chair),
                "review.refused.periodRunning", "review.refused.openComplaints");
        assertRefused(() -> decisions.decide(id, "101/QĐ-UBND", LocalDate.of(2025, 11, 11), f.chair),
                "review.refused.openComplaints");
        assertRefused(() -> complaints.answer(id, complaint.id(), null, "Giữ nguyên.", LocalDate.of(2025, 11, 3), f.officer),
                "review.refused.answeredOn"); // before the complaint was received
        Complaint answered = complaints.answer(id, complaint.id(), "Đã phúc tra: xe mua trả góp, thu nhập không đổi.",
                "Giữ nguyên kết quả rà soát.", LocalDate.of(2025, 11, 6), f.officer);
        assertThat(answered.answeredOn()).isEqualTo(LocalDate.of(2025, 11, 6));
        assertThat(answered.state()).isEqualTo("answered");
        assertThatThrownBy(() -> decisions.decide(id, "101/QĐ-UBND", LocalDate.of(2025, 11, 11), f.officer))
                .isInstanceOf(AccessDeniedException.class);
        Decision first = decisions.decide(id, "101/QĐ-UBND", LocalDate.of(2025, 11, 11), f.chair);
        assertThat(first.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(events.seen).extracting(ListsDecided::decisionId).contains(first.id());

        ReviewRound decided = rounds.get(id, f.officer);
        assertThat(decided.state()).isEqualTo(RoundState.DECIDED);
        assertThat(decided.approvalState()).isEqualTo("awaiting_province");
        Map<String, DecidedHousehold> lists = byCodeDecided(decisions.households(id, first.id(), f.officer));
        assertThat(lists.get("RV-1").lists()).containsExactly(DecidedList.POOR);
        assertThat(lists.get("RV-2").lists()).containsExactly(DecidedList.NEAR_POOR);
        assertThat(lists.get("RV-3").lists()).isEmpty();
        assertThat(lists.get("RV-1").certificateNo()).endsWith("/GCN-HN");
        assertThat(lists.get("RV-2").certificateNo()).endsWith("/GCN-HCN");
        assertThat(lists.get("RV-3").certificateNo()).isNull();

        // a decided list is locked: not through the services, not even in SQL
        assertRefused(() -> households.collect(id, poor.id(), f.officer), "review.refused.notCollecting");
        assertRefused(() -> households.addByCode(id, "RV-3", f.officer), "review.refused.scopeClosed");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("UPDATE household_status SET status = 'not_poor' WHERE decision_id = :d")
                .param("d", first.id()).update()).hasMessageContaining("locked");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("DELETE FROM household_status WHERE decision_id = :d")
                .param("d", first.id()).update()).hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("UPDATE review_household SET status = 'poor' WHERE round_id = :r")
                .param("r", id).update()).hasMessageContaining("decided");

        // the province returns the result with a reason: the decision is revoked and the round decided again
        assertThatThrownBy(() -> decisions.approve(id, f.officer)).isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> decisions.returnResult(id, " ", f.province), "review.refused.reason");
        ReviewRound returned = decisions.returnResult(id, "Thiếu biên bản họp thôn Nà Hẩu", f.province);
        assertThat(returned.state()).isEqualTo(RoundState.COLLECTING);
        assertThat(returned.approvalState()).isEqualTo("returned");
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2026, 2, 1))).isEmpty();
        rounds.advance(id, RoundState.MEETINGS, f.officer);
        rounds.post(id, LocalDate.of(2025, 11, 17), f.officer);
        assertRefused(() -> decisions.decide(id, "101/QĐ-UBND", LocalDate.of(2025, 11, 25), f.chair),
                "review.refused.numberUsed");
        Decision second = decisions.decide(id, "115/QĐ-UBND", LocalDate.of(2025, 11, 25), f.chair);
        assertThat(decisions.approve(id, f.province).approvalState()).isEqualTo("approved");
        assertRefused(() -> decisions.approve(id, f.province), "review.refused.nothingToApprove");
        assertThat(decisions.approvals(id, f.officer)).extracting(Approval::action).containsExactly("returned", "approved");
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2026, 2, 1))).contains("poor");
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2025, 12, 31))).isEmpty();

        // a later edit of the registry changes neither the snapshot nor the decided lists
        f.prosper(poor);
        assertThat(households.snapshot(id, poor.id(), f.officer).householdsCsv()).contains("600000");
        assertThat(byCodeDecided(decisions.households(id, second.id(), f.officer)).get("RV-1").status()).isEqualTo("poor");

        // ---- monthly round of October 2026: an escape application (form 04) and a new application (form 01) ----
        Household newcomer = f.poor("RV-5", f.village2);
        Application escape = applications.receive(new ApplicationForm(poor.id(), "04", LocalDate.of(2026, 10, 2),
                "in_person", "Nguyễn Văn Hùng", null), f.officer);
        assertThat(escape.dueOn()).isEqualTo(LocalDate.of(2026, 10, 30));
        Application join = applications.receive(new ApplicationForm(newcomer.id(), "01", LocalDate.of(2026, 10, 14),
                "online", "Nguyễn Văn Hùng", "Mới tách hộ"), f.officer);
        assertRefused(() -> applications.receive(new ApplicationForm(comfortable.id(), "04", LocalDate.of(2026, 10, 2),
                "post", "Ai đó", null), f.officer), "review.refused.notOnList");
        ReviewRound monthly = rounds.open(new OpenRound(f.communeId, RoundKind.MONTHLY, 2026, 10, null), f.officer);
        assertThat(monthly.listYear()).isEqualTo(2026);
        assertThat(monthly.decisionDue()).isEqualTo(LocalDate.of(2026, 10, 30));
        long m = monthly.id();
        assertThat(households.addApplications(m, f.officer)).isEqualTo(2);
        assertThat(applications.get(escape.id(), f.officer).status()).isEqualTo("in_round");
        drive.throughCollection(m, f.officer);
        // the monthly round opens on 15 October: its meetings are held from that day, posting starts after them
        assertRefused(() -> meetings.record(m, meeting(f.village1, 8, 7), f.officer), "review.refused.meetingBeforeOpening");
        meetings.record(m, meeting(f.village1, 8, 7, LocalDate.of(2026, 10, 15)), f.officer);
        meetings.record(m, meeting(f.village2, 8, 7, LocalDate.of(2026, 10, 15)), f.officer);
        rounds.post(m, LocalDate.of(2026, 10, 15), f.officer);
        Decision amendment = decisions.decide(m, "140/QĐ-UBND", LocalDate.of(2026, 10, 23), f.chair);
        assertThat(amendment.effectiveFrom()).isEqualTo(LocalDate.of(2026, 10, 23));
        Map<String, DecidedHousehold> amended = byCodeDecided(decisions.households(m, amendment.id(), f.officer));
        assertThat(amended.get("RV-1").lists()).containsExactly(DecidedList.ESCAPED_POOR);
        assertThat(amended.get("RV-1").previousStatus()).isEqualTo("poor");
        assertThat(amended.get("RV-5").lists()).containsExactly(DecidedList.POOR);
        assertThat(applications.get(join.id(), f.officer).status()).isEqualTo("decided");
        decisions.approve(m, f.province);
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2026, 10, 22))).contains("poor");
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2026, 10, 23))).isPresent().get().isNotEqualTo("poor");
        assertThat(statuses.history(poor.id(), f.officer)).hasSize(3); // revoked, decided, amended: history is kept

        // ---- the province sees the commune's progress ----
        long provinceId = f.registry.unitId("province", "08");
        CommuneProgress row = progress.periodic(provinceId, 2025, f.province).stream()
                .filter(p -> p.communeId() == f.communeId).findFirst().orElseThrow();
        assertThat(row.finished()).isTrue();
        assertThat(row.decisionNumber()).isEqualTo("115/QĐ-UBND");
        assertThat(row.poor()).isEqualTo(2);
        assertThat(row.nearPoor()).isEqualTo(1);
        assertThat(row.late(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(progress.periodic(provinceId, 2025, f.province)).anyMatch(p -> p.roundId() == null);
    }

    @Test
    void aRoundOutsideTheUsersAreaDoesNotExistForThem() {
        f = drive.commune(7);
        ReviewRound r = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2026, null, null), f.officer);
        var other = f.registry.user(vn.giamngheo.security.Role.COMMUNE_OFFICER, "commune", f.registry.communeCode("08", 6));
        assertThatThrownBy(() -> rounds.get(r.id(), other)).isInstanceOf(RoundNotFoundException.class);
        assertThatThrownBy(() -> households.add(r.id(), null, null, other)).isInstanceOf(RoundNotFoundException.class);
        assertRefused(() -> rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2026, null, null), other),
                "review.refused.commune");
        var viewer = f.registry.user(vn.giamngheo.security.Role.MINISTRY_VIEWER, "province", null);
        assertThatThrownBy(() -> rounds.advance(r.id(), RoundState.COLLECTING, viewer)).isInstanceOf(AccessDeniedException.class);
    }

    /** A meeting on 20 October 2025 (within the periodic review of 2025). */
    static MeetingForm meeting(long village, int attendees, int agreed) {
        return meeting(village, attendees, agreed, LocalDate.of(2025, 10, 20));
    }

    static MeetingForm meeting(long village, int attendees, int agreed, LocalDate heldOn) {
        return new MeetingForm(village, heldOn, "Hoàng Văn Thắng", "Lường Thị Mai", "Vàng A Dính",
                attendees + 2, attendees, agreed, null);
    }

    static Map<String, RoundHousehold> byCode(List<RoundHousehold> rows) {
        return rows.stream().collect(Collectors.toMap(RoundHousehold::householdCode, h -> h));
    }

    static Map<String, DecidedHousehold> byCodeDecided(List<DecidedHousehold> rows) {
        return rows.stream().collect(Collectors.toMap(DecidedHousehold::householdCode, h -> h));
    }

    static void assertRefused(Runnable step, String... keys) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ReviewRefusedException.class,
                e -> assertThat(e.refusals()).extracting(vn.giamngheo.review.rules.Refusal::key).containsExactly(keys));
    }
}
