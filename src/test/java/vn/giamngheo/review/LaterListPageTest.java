package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static vn.giamngheo.review.ReviewWorkflowTest.meeting;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.UserAccounts;

/**
 * The periodic review of 2026 decides the lists of 2027 in September; an October amendment decided afterwards is
 * recorded (never blocked) and its decision page warns that the 2027 list does not include it.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class LaterListPageTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired HouseholdRegistry registry;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired VillageMeetings meetings;
    @Autowired ReviewDecisions decisions;

    @Test
    void anAmendmentAfterTheNextYearsListIsRecordedWithAWarning() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = new ReviewFixture(jdbc, users, geography, registry, 31);
        f.poor("LL-1", f.village1);
        f.nearPoor("LL-2", f.village1);

        // periodic review 2026, decided on 22 September: the lists of 2027, from 1 January 2027
        long periodic = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2026, null, null), f.officer).id();
        households.add(periodic, null, null, f.officer);
        rounds.advance(periodic, RoundState.COLLECTING, f.officer);
        households.collectAll(periodic, false, f.officer);
        rounds.advance(periodic, RoundState.MEETINGS, f.officer);
        meetings.record(periodic, meeting(f.village1, 10, 8, LocalDate.of(2026, 9, 10)), f.officer);
        rounds.post(periodic, LocalDate.of(2026, 9, 14), f.officer);
        Decision list2027 = decisions.decide(periodic, "90/QĐ-UBND", LocalDate.of(2026, 9, 22), f.chair);
        assertThat(list2027.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));

        // the October 2026 amendment, decided on 23 October: recorded, with the warning on its page
        long monthly = rounds.open(new OpenRound(f.communeId, RoundKind.MONTHLY, 2026, 10, null), f.officer).id();
        households.addByCode(monthly, "LL-2", f.officer);
        rounds.advance(monthly, RoundState.COLLECTING, f.officer);
        households.collectAll(monthly, false, f.officer);
        rounds.advance(monthly, RoundState.MEETINGS, f.officer);
        meetings.record(monthly, meeting(f.village1, 10, 8, LocalDate.of(2026, 10, 15)), f.officer);
        rounds.post(monthly, LocalDate.of(2026, 10, 15), f.officer);
        Decision amendment = decisions.decide(monthly, "141/QĐ-UBND", LocalDate.of(2026, 10, 23), f.chair);
        assertThat(rounds.get(monthly, f.officer).state()).isEqualTo(RoundState.DECIDED);
        ReviewRound decidedMonthly = rounds.get(monthly, f.officer);
        assertThat(decisions.laterListWithout(decidedMonthly, amendment)).get().extracting(Decision::id).isEqualTo(list2027.id());

        String page = mvc.perform(get("/reviews/" + monthly).with(user(f.officer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"later-list-warning\"")
                .contains("Danh sách năm 2027 (quyết định 90/QĐ-UBND ngày 22/09/2026, có hiệu lực từ 01/01/2027)")
                .contains("không bao gồm nó");
        String english = mvc.perform(get("/reviews/" + monthly + "?lang=en").with(user(f.officer))).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains("The list of 2027 (decision 90/QĐ-UBND of 22/09/2026, in force from 01/01/2027)");

        // the periodic decision itself carries no warning
        String periodicPage = mvc.perform(get("/reviews/" + periodic).with(user(f.officer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(periodicPage).contains("90/QĐ-UBND").doesNotContain("later-list-warning");
    }
}
