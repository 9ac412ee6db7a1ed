package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.review.ReviewWorkflowTest.assertRefused;
import static vn.giamngheo.review.ReviewWorkflowTest.meeting;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.review.rules.DecidedList;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.UserAccounts;

/**
 * Approval up the levels before the reform, end to end on PostgreSQL: the periodic review of 2024 (lists of 2025)
 * decided before 1 July 2025 goes to the district first, then the province. The district returns it with a reason
 * (recorded, the decision revoked, the round back in collection); decided again, the district and then the
 * province approve it.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class DistrictApprovalTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired ReviewDecisions decisions;
    @Autowired DecidedStatuses statuses;

    @Test
    void aRoundDecidedBeforeJuly2025IsApprovedByTheDistrictThenTheProvince() {
        ReviewFixture today = drive.commune(25);
        FormerCommuneFixture f = new FormerCommuneFixture(jdbc, users, 3);
        var poor = today.poor("DA-1", today.village1);
        var near = today.nearPoor("DA-2", today.village1);
        f.takeOver(poor);
        f.takeOver(near);

        ReviewRound opened = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2024, null, null), f.officer);
        assertThat(opened.listYear()).isEqualTo(2025);
        assertThat(opened.opensOn()).isEqualTo(LocalDate.of(2024, 9, 1));
        long id = opened.id();
        assertThat(households.add(id, null, null, f.officer)).isEqualTo(2);
        assertThat(drive.throughCollection(id, f.officer)).isEqualTo(2);
        // Monday 4 November 2024: posting to the 6th, complaints to the 11th
        drive.meetAndPost(id, LocalDate.of(2024, 11, 4), f.officer,
                meeting(f.village, 20, 15, LocalDate.of(2024, 10, 21)));
        Decision first = decisions.decide(id, "45/QĐ-UBND", LocalDate.of(2024, 11, 12), f.chair);
        assertThat(first.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(rounds.get(id, f.officer).approvalState()).isEqualTo("awaiting_district");

        // the district returns it: the reason is recorded at its level, the decision no longer counts
        assertRefused(() -> decisions.returnResult(id, "  ", f.province), "review.refused.reason");
        ReviewRound returned = decisions.returnResult(id, "Biên bản họp bản Phiêng thiếu chữ ký người chủ trì", f.province);
        assertThat(returned.state()).isEqualTo(RoundState.COLLECTING);
        assertThat(returned.approvalState()).isEqualTo("returned");
        assertThat(returned.postingStartedOn()).isNull();
        assertThat(decisions.approvals(id, f.officer)).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo("district");
            assertThat(a.action()).isEqualTo("returned");
            assertThat(a.reason()).isEqualTo("Biên bản họp bản Phiêng thiếu chữ ký người chủ trì");
            assertThat(a.decisionId()).isEqualTo(first.id());
        });
        assertThat(rounds.history(id, f.officer)).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo("decided");
            assertThat(t.to()).isEqualTo("collecting");
            assertThat(t.reasonKey()).isEqualTo("review.reason.returned.district");
            assertThat(t.reasonArg(0)).isEqualTo("Biên bản họp bản Phiêng thiếu chữ ký người chủ trì");
        });
        assertThat(decisions.decisions(id, f.officer)).singleElement()
                .satisfies(d -> assertThat(d.revokedOn()).isNotNull());
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2025, 2, 1))).isEmpty();

        // decided again: district, then province, then approved and nothing more to approve
        rounds.advance(id, RoundState.MEETINGS, f.officer);
        rounds.post(id, LocalDate.of(2024, 11, 18), f.officer);
        Decision second = decisions.decide(id, "52/QĐ-UBND", LocalDate.of(2024, 11, 26), f.chair);
        assertThat(rounds.get(id, f.officer).approvalState()).isEqualTo("awaiting_district");
        assertThat(decisions.approve(id, f.province).approvalState()).isEqualTo("awaiting_province");
        assertThat(decisions.approve(id, f.province).approvalState()).isEqualTo("approved");
        assertRefused(() -> decisions.approve(id, f.province), "review.refused.nothingToApprove");
        assertThat(decisions.approvals(id, f.officer))
                .extracting(Approval::level, Approval::action, Approval::decisionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("district", "returned", first.id()),
                        org.assertj.core.groups.Tuple.tuple("district", "approved", second.id()),
                        org.assertj.core.groups.Tuple.tuple("province", "approved", second.id()));
        assertThat(statuses.statusOn("08", poor.id(), LocalDate.of(2025, 2, 1))).contains("poor");
        assertThat(decisions.households(id, second.id(), f.officer)).filteredOn(h -> h.householdId() == near.id())
                .singleElement().satisfies(h -> assertThat(h.lists()).containsExactly(DecidedList.NEAR_POOR));
    }
}
