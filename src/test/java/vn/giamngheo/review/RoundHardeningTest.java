package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.system.DatabaseOwner;

/**
 * The round's history cannot be rewritten (the database refuses UPDATE, DELETE and TRUNCATE of review_transition
 * and audits every insert), and a form or request naming a state that does not exist is refused with a clear
 * message, never a server error.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class RoundHardeningTest {

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;

    @Test
    void theHistoryOfARoundIsAppendOnlyAndAudited() {
        ReviewFixture f = drive.commune(27);
        f.poor("RH-1", f.village1);
        long id = drive.periodicWithAll(f, 2026);
        rounds.advance(id, RoundState.COLLECTING, f.officer);
        assertThat(rounds.history(id, f.officer)).hasSize(1);

        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("UPDATE review_transition SET reason = 'sửa lại' WHERE round_id = :r")
                .param("r", id).update()).hasStackTraceContaining("review_transition is append-only");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("DELETE FROM review_transition WHERE round_id = :r").param("r", id).update())
                .hasStackTraceContaining("review_transition is append-only");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("TRUNCATE review_transition").update()).hasStackTraceContaining("review_transition is append-only");
        assertThat(rounds.history(id, f.officer)).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("preparing");
            assertThat(t.to()).isEqualTo("collecting");
            assertThat(t.reason()).isNull();
        });
        long audited = jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE entity = 'review_transition' AND action = 'CREATE'
                        AND after_value ->> 'round_id' = :r""")
                .param("r", String.valueOf(id)).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anUnknownTargetStateIsRefusedWithAMessageNotAServerError() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = drive.commune(28);
        long id = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2026, null, null), f.officer).id();

        for (String step : new String[]{"advance", "send-back"}) {
            MvcResult page = mvc.perform(post("/reviews/" + id + "/" + step).with(user(f.officer)).with(csrf())
                    .param("target", "bogus").param("reason", "Thử")).andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(302);
            assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/reviews/" + id);
            assertThat(page.getFlashMap().get("problems").toString())
                    .contains("Đợt rà soát không có bước \"bogus\"");
            MvcResult english = mvc.perform(post("/reviews/" + id + "/" + step + "?lang=en").with(user(f.officer))
                    .with(csrf()).param("target", "decidedd").param("reason", "Try")).andReturn();
            assertThat(english.getFlashMap().get("problems").toString()).contains("There is no step \"decidedd\"");

            MvcResult api = mvc.perform(post("/api/v1/reviews/" + id + "/" + step).with(user(f.officer)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"bogus\",\"reason\":\"Thử\"}")).andReturn();
            assertThat(api.getResponse().getStatus()).isEqualTo(400);
            assertThat(api.getResponse().getContentAsString()).contains("unknown round state 'bogus'")
                    .contains("preparing, collecting, meetings, posted, decided");
        }
        assertThat(rounds.get(id, f.officer).state()).isEqualTo(RoundState.PREPARING);
        assertThat(rounds.history(id, f.officer)).isEmpty();
    }
}
