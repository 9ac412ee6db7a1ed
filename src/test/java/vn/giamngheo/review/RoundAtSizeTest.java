package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.review.rules.RoundState;

/**
 * The round page at a commune's size (issue 16): blocked households named with links to the missing field, the
 * refusal naming them, households in pages with filters and totals, the complaint search, the background collection,
 * and the summary with its confirmation before the decision and the approval.
 */
@Tag("database")
@SpringBootTest
class RoundAtSizeTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired RoundListing listing;
    @Autowired RoundSummaries summaries;
    @Autowired CollectionJobs jobs;
    @Autowired VillageMeetings meetings;
    @Autowired ReviewComplaints complaints;
    @Autowired ReviewDecisions decisions;
    @Autowired HouseholdRegistry registry;

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** A near-poor household with a child whose nutrition and schooling are not recorded: the classifier stops. */
    private Household withChildFactsMissing(ReviewFixture f, String code, long village) {
        HouseholdForm form = RegistryFixture.household(f.communeCode, code);
        form.setVillageId(village);
        form.setIncomePerCapita(1_000_000L);
        var child = RegistryFixture.member(3, "Nguyễn Văn Bé", "child", "2017-05-01");
        child.setIdNumber(null);
        form.getMembers().add(child);
        return registry.create(form, f.officer);
    }

    @Test
    void blockedHouseholdsAreNamedWithTheMissingFactInWordsAndALinkToItsField() throws Exception {
        ReviewFixture f = drive.commune(110);
        f.poor("AS-1", f.village1);
        Household blocked = withChildFactsMissing(f, "AS-2", f.village2);
        long id = drive.periodicWithAll(f, 2025);
        rounds.advance(id, RoundState.COLLECTING, f.officer);
        households.collectAll(id, false, f.officer);

        RoundListing.Blocked b = listing.blocked(rounds.get(id, f.officer), RoundListing.NAMED);
        assertThat(b.count()).isEqualTo(1);
        BlockedHousehold h = b.first().get(0);
        assertThat(h.householdCode()).isEqualTo("AS-2");
        assertThat(h.missingMember()).isEqualTo(3);
        assertThat(h.factUrl()).isEqualTo("/households/" + blocked.id() + "/edit#member-3-" + h.missingFact());

        String page = mvc().perform(get("/reviews/" + id).with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"blocked-households\"").contains("AS-2").contains("Nguyễn Văn Hùng")
                .contains("href=\"/households/" + blocked.id() + "/edit#member-3-" + h.missingFact() + "\"")
                .doesNotContain("Thiếu thông tin: " + h.missingFact() + "<");
        // the step panel and its forms come before the household table
        assertThat(page.indexOf("id=\"step-panel\"")).isLessThan(page.indexOf("id=\"round-households\""));
        assertThat(page.indexOf("id=\"advance\"")).isLessThan(page.indexOf("id=\"round-households\""));

        // the refusal to move on names the household, on the page and in the API
        MvcResult refused = mvc().perform(post("/reviews/" + id + "/advance").with(user(f.officer)).with(csrf())
                .param("target", "meetings")).andReturn();
        assertThat(refused.getFlashMap().get("problems").toString())
                .contains("Còn 1 hộ chưa được thu thập thông tin và phân loại: AS-2 (Nguyễn Văn Hùng).");
        String api = mvc().perform(post("/api/v1/reviews/" + id + "/advance").with(user(f.officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"meetings\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("review.refused.unclassified").contains("AS-2 (Nguyễn Văn Hùng)");
        String english = mvc().perform(post("/api/v1/reviews/" + id + "/advance?lang=en").with(user(f.officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"meetings\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("1 households are not yet collected and classified: AS-2 (Nguyễn Văn Hùng).");
    }

    @Test
    void theRefusalNamesTheFirstTwentyAndCountsTheRest() {
        ReviewFixture f = drive.commune(111);
        for (int i = 1; i <= 23; i++) {
            f.nearPoor(String.format("AT-%02d", i), i % 2 == 0 ? f.village1 : f.village2);
        }
        long id = drive.periodicWithAll(f, 2025);
        rounds.advance(id, RoundState.COLLECTING, f.officer);
        assertThatThrownBy(() -> rounds.advance(id, RoundState.MEETINGS, f.officer))
                .isInstanceOfSatisfying(ReviewRefusedException.class, e -> {
                    var named = e.refusals().stream().filter(r -> r.key().equals("review.refused.unclassified"))
                            .findFirst().orElseThrow();
                    assertThat(named.args().get(0)).isEqualTo(23L);
                    String names = (String) named.args().get(1);
                    assertThat(names.split(", ")).hasSize(20).startsWith("AT-01 (Nguyễn Văn Hùng)");
                    assertThat(named.args().get(2)).isEqualTo(3L);
                });
    }

    @Test
    void pagesFiltersAndTotalsAreComputedOnTheServer() throws Exception {
        ReviewFixture f = drive.commune(112);
        for (int i = 1; i <= 60; i++) {
            f.nearPoor(String.format("AP-%02d", i), f.village1);
        }
        for (int i = 1; i <= 5; i++) {
            f.poor(String.format("AQ-%02d", i), f.village2);
        }
        long id = drive.periodicWithAll(f, 2025);
        rounds.advance(id, RoundState.COLLECTING, f.officer);
        households.collect(id, registryId("AQ-01", f), f.officer);

        RoundListing.Totals totals = listing.totals(id, f.officer);
        assertThat(totals.households()).isEqualTo(65);
        assertThat(totals.village(f.village1)).isEqualTo(60);
        assertThat(totals.village(f.village2)).isEqualTo(5);
        assertThat(totals.collected()).containsEntry("yes", 1L).containsEntry("no", 64L);
        assertThat(totals.status()).containsEntry("poor", 1L).containsEntry("none", 64L);
        assertThat(totals.change()).containsEntry("into_poor", 1L).containsEntry("pending", 64L);
        assertThat(totals.complaint()).containsEntry("no", 65L);

        RoundListing.Page first = listing.page(id, RoundListing.Filter.none(), 1, f.officer);
        assertThat(first.rows()).hasSize(RoundListing.PAGE_SIZE);
        assertThat(first.matching()).isEqualTo(65);
        assertThat(first.pages()).isEqualTo(2);
        RoundListing.Page second = listing.page(id, RoundListing.Filter.none(), 2, f.officer);
        assertThat(second.rows()).hasSize(15);
        RoundListing.Page poor = listing.page(id, RoundListing.Filter.of(null, null, "poor", null, null), 1, f.officer);
        assertThat(poor.rows()).extracting(RoundListing.Row::householdCode).containsExactly("AQ-01");
        RoundListing.Page village2 = listing.page(id, RoundListing.Filter.of(String.valueOf(f.village2), "no", null, null, null),
                1, f.officer);
        assertThat(village2.rows()).extracting(RoundListing.Row::householdCode).containsExactly("AQ-02", "AQ-03", "AQ-04", "AQ-05");

        // the page: 50 rows, a pager with plain links, the filters with their totals; htmx gets the list only
        String page = mvc().perform(get("/reviews/" + id).with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(page.split("<tr data-code=")).hasSize(51);
        assertThat(page).contains("id=\"page-next\"").contains("href=\"/reviews/" + id + "?page=2\"").contains("(60)");
        String part = mvc().perform(get("/reviews/" + id).param("page", "2").param("village", String.valueOf(f.village1))
                .header("HX-Request", "true").header("HX-Target", "households-part").with(user(f.officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(part).doesNotContain("id=\"step-panel\"").contains("AP-60").doesNotContain("AQ-02");
        assertThat(part.split("<tr data-code=")).hasSize(11);
    }

    @Test
    void theBackgroundCollectionCollectsTheRoundAndIsResumable() throws Exception {
        ReviewFixture f = drive.commune(113);
        for (int i = 1; i <= 12; i++) {
            f.nearPoor(String.format("AC-%02d", i), f.village1);
        }
        long id = drive.periodicWithAll(f, 2025);
        rounds.advance(id, RoundState.COLLECTING, f.officer);
        households.collect(id, registryId("AC-01", f), f.officer);

        CollectionJobs.Job job;
        jobs.batchSize = 4; // three transactions: 4 + 4 + 3
        try {
            job = jobs.start(id, false, f.officer, java.util.Locale.forLanguageTag("vi"));
            assertThat(job.getTotal()).isEqualTo(11);
            assertThat(job.await(Duration.ofSeconds(60))).isTrue();
        } finally {
            jobs.batchSize = CollectionJobs.BATCH;
        }
        assertThat(job.getProblems()).isEmpty();
        assertThat(job.getDone()).isEqualTo(11);
        assertThat(job.getClassified()).isEqualTo(11);
        assertThat(job.getPercent()).isEqualTo(100);
        assertThat(listing.totals(id, f.officer).collected()).containsEntry("yes", 12L);
        assertThat(jobs.find(job.getId(), id, f.officer)).isPresent();
        assertThat(jobs.find(job.getId(), id, f.chair)).isEmpty();
        // nothing left: a new run has nothing to do
        CollectionJobs.Job again = jobs.start(id, false, f.officer, java.util.Locale.forLanguageTag("vi"));
        assertThat(again.await(Duration.ofSeconds(60))).isTrue();
        assertThat(again.getTotal()).isZero();

        // the page's button: a small round is collected while the officer waits
        MvcResult r = mvc().perform(post("/reviews/" + id + "/collect-job").with(user(f.officer)).with(csrf())
                .param("again", "true")).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/reviews/" + id);
        assertThat(r.getFlashMap().get("collectedNow")).isEqualTo(12);
        // the API starts one and reports it
        String started = mvc().perform(post("/api/v1/reviews/" + id + "/collect-jobs").with(user(f.officer)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(started).contains("\"total\":0");

        // outside collection the job is refused at once, with the same message as the single collection
        rounds.advance(id, RoundState.MEETINGS, f.officer);
        assertThatThrownBy(() -> jobs.start(id, false, f.officer, java.util.Locale.forLanguageTag("vi")))
                .isInstanceOf(ReviewRefusedException.class);
    }

    @Test
    void theComplaintFormFindsAHouseholdByNameOrCodeAndAPlainCodeStillWorks() throws Exception {
        ReviewFixture f = drive.commune(114);
        Household a = f.poor("AK-1", f.village1);
        HouseholdForm other = RegistryFixture.household(f.communeCode, "AK-2");
        other.setVillageId(f.village2);
        other.setIncomePerCapita(1_000_000L);
        other.getMembers().get(0).setFullName("Lò Thị Xoan");
        Household b = registry.create(other, f.officer);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        drive.meetAndPost(id, LocalDate.of(2025, 11, 3), f.officer, ReviewWorkflowTest.meeting(f.village1, 12, 9),
                ReviewWorkflowTest.meeting(f.village2, 12, 9));

        assertThat(listing.search(id, "xoan", f.officer)).extracting(RoundListing.Match::householdCode).containsExactly("AK-2");
        assertThat(listing.search(id, "ak-", f.officer)).hasSize(2);
        assertThat(listing.search(id, "a", f.officer)).isEmpty();
        String matches = mvc().perform(get("/reviews/" + id + "/households/search").param("householdCode", "Xoan")
                .with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(matches).contains("value=\"" + b.id() + "\"").contains("AK-2 — Lò Thị Xoan").doesNotContain("AK-1");

        // without script: the code typed is used
        mvc().perform(post("/reviews/" + id + "/complaints").with(user(f.officer)).with(csrf())
                .param("complainant", "Lò Văn Páo").param("receivedOn", "2025-11-04").param("householdCode", "ak-1")
                .param("content", "Đề nghị xem lại."));
        MvcResult unknown = mvc().perform(post("/reviews/" + id + "/complaints").with(user(f.officer)).with(csrf())
                .param("complainant", "Lò Văn Páo").param("receivedOn", "2025-11-04").param("householdCode", "ZZ-9")
                .param("content", "Đề nghị xem lại.")).andReturn();
        assertThat(unknown.getFlashMap().get("problems").toString()).contains("ZZ-9");
        assertThat(complaints.list(id, f.officer)).singleElement()
                .satisfies(k -> assertThat(k.householdCode()).isEqualTo("AK-1"));
        assertThat(listing.totals(id, f.officer).complaint()).containsEntry("yes", 1L).containsEntry("no", 1L);
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void theDecisionAndTheApprovalNeedTheSummaryConfirmedOnThePagesAndTheApiKeepsWorking() throws Exception {
        ReviewFixture f = drive.commune(115);
        f.poor("AD-1", f.village1);
        f.nearPoor("AD-2", f.village1);
        f.comfortable("AD-3", f.village1);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        drive.meetAndPost(id, LocalDate.of(2025, 11, 3), f.officer, ReviewWorkflowTest.meeting(f.village1, 12, 9));

        RoundSummary s = summaries.of(id, f.officer);
        assertThat(s.households()).isEqualTo(3);
        assertThat(s.list("poor")).isEqualTo(1);
        assertThat(s.list("near_poor")).isEqualTo(1);
        assertThat(s.newlyPoor()).isEqualTo(1);
        assertThat(s.newlyNearPoor()).isEqualTo(1);
        assertThat(s.openComplaints()).isZero();

        String page = mvc().perform(get("/reviews/" + id).with(user(f.chair))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"round-summary\"").contains("id=\"decision-form\"");
        assertThat(page.indexOf("id=\"decision-form\"")).isLessThan(page.indexOf("id=\"round-households\""));
        String confirm = mvc().perform(get("/reviews/" + id + "/decision/confirm").param("number", "7/QĐ-UBND")
                .param("decidedOn", "2025-11-12").with(user(f.chair))).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("id=\"round-summary\"").contains("id=\"confirm-read\"").contains("7/QĐ-UBND");

        MvcResult unconfirmed = mvc().perform(post("/reviews/" + id + "/decision").with(user(f.chair)).with(csrf())
                .param("number", "7/QĐ-UBND").param("decidedOn", "2025-11-12")).andReturn();
        assertThat(unconfirmed.getFlashMap().get("problems").toString()).contains("Quyết định chưa được ký");
        assertThat(rounds.get(id, f.chair).state()).isEqualTo(RoundState.POSTED);
        // the API: "confirmed": false is refused; left out, the decision goes ahead (clients written before it)
        String declined = mvc().perform(post("/api/v1/reviews/" + id + "/decision").with(user(f.chair)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"7/QĐ-UBND\",\"decidedOn\":\"2025-11-12\",\"confirmed\":\"false\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat(declined).contains("review.refused.notConfirmed.decision");
        mvc().perform(post("/reviews/" + id + "/decision").with(user(f.chair)).with(csrf())
                .param("number", "7/QĐ-UBND").param("decidedOn", "2025-11-12").param("confirmed", "true"));
        assertThat(rounds.get(id, f.chair).state()).isEqualTo(RoundState.DECIDED);

        String decided = mvc().perform(get("/reviews/" + id).with(user(f.province))).andReturn().getResponse().getContentAsString();
        assertThat(decided).contains("id=\"round-summary\"").contains("id=\"approve\"");
        MvcResult notRead = mvc().perform(post("/reviews/" + id + "/approve").with(user(f.province)).with(csrf())).andReturn();
        assertThat(notRead.getFlashMap().get("problems").toString()).contains("Chưa ghi nhận gì");
        assertThat(rounds.get(id, f.province).approvalState()).startsWith("awaiting_");
        String approveConfirm = mvc().perform(get("/reviews/" + id + "/approve/confirm").with(user(f.province)))
                .andReturn().getResponse().getContentAsString();
        assertThat(approveConfirm).contains("id=\"round-summary\"").contains("id=\"confirm-read\"");
        mvc().perform(post("/reviews/" + id + "/approve").with(user(f.province)).with(csrf()).param("confirmed", "true"));
        assertThat(rounds.get(id, f.province).approvalState()).isEqualTo("approved");
        assertThat(summaries.of(id, f.province).list("poor")).isEqualTo(1);
    }

    private long registryId(String code, ReviewFixture f) {
        return jdbc.sql("SELECT id FROM household WHERE household_code = :c AND commune_id = :k")
                .param("c", code).param("k", f.communeId).query(Long.class).single();
    }

    static List<String> codes(RoundListing.Page page) {
        return page.rows().stream().map(RoundListing.Row::householdCode).toList();
    }
}
