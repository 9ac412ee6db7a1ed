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
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;

/**
 * The periodic review of 2026 decides the lists of 2027 in September; an October amendment decided afterwards is
 * recorded (never blocked) and its decision page warns that the 2027 list does not include it.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class LaterListPageTest {

    @Autowired WebApplicationContext context;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired ReviewDecisions decisions;

    @Test
    void anAmendmentAfterTheNextYearsListIsRecordedWithAWarning() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = drive.commune(31);
        f.poor("LL-1", f.village1);
        f.nearPoor("LL-2", f.village1);

        // periodic review 2026, decided on 22 September: the lists of 2027, from 1 January 2027
        long periodic = drive.periodicWithAll(f, 2026);
        drive.throughCollection(periodic, f.officer);
        drive.meetAndPost(periodic, LocalDate.of(2026, 9, 14), f.officer,
                meeting(f.village1, 10, 8, LocalDate.of(2026, 9, 10)));
        Decision list2027 = decisions.decide(periodic, "90/QĐ-UBND", LocalDate.of(2026, 9, 22), f.chair);
        assertThat(list2027.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));

        // the October 2026 amendment, decided on 23 October: recorded, with the warning on its page
        long monthly = rounds.open(new OpenRound(f.communeId, RoundKind.MONTHLY, 2026, 10, null), f.officer).id();
        households.addByCode(monthly, "LL-2", f.officer);
        drive.throughCollection(monthly, f.officer);
        drive.meetAndPost(monthly, LocalDate.of(2026, 10, 15), f.officer,
                meeting(f.village1, 10, 8, LocalDate.of(2026, 10, 15)));
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
