package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** The household page's life-event forms record splits and refuse bad requests with their reasons. */
@Tag("database")
@SpringBootTest
class LifeEventPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired HouseholdLifeEvents events;

    @Test
    void aSplitFromThePageCreatesTheNewHouseholdAndShowsIt() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 7);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        HouseholdForm form = RegistryFixture.household(commune, "S" + System.nanoTime() % 1_000_000);
        form.getMembers().add(RegistryFixture.member(3, "Nông Văn Tách", "child", "2000-02-02"));
        Household h = registry.create(form, officer);
        String page = mvc.perform(get("/households/" + h.id()).with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"split-form\"");

        MvcResult result = mvc.perform(post("/households/" + h.id() + "/split").with(user(officer)).with(csrf())
                        .param("version", String.valueOf(h.version())).param("leaving", "3").param("newHead", "3")
                        .param("newHouseholdCode", "S-NEW-" + h.id()).param("date", "2026-10-01").param("note", "lập gia đình"))
                .andReturn();

        String target = result.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/households/").isNotEqualTo("/households/" + h.id());
        long newId = Long.parseLong(target.substring("/households/".length()));
        assertThat(registry.get(newId, officer).members()).extracting(Member::fullName).containsExactly("Nông Văn Tách");
        assertThat(events.events(h.id(), officer)).extracting(HouseholdLifeEvents.HouseholdEvent::type).containsExactly("split_into");
    }

    @Test
    void aSplitWithoutMembersIsRefusedWithItsReason() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 7);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        Household h = registry.create(RegistryFixture.household(commune, "R" + System.nanoTime() % 1_000_000), officer);

        MvcResult result = mvc.perform(post("/households/" + h.id() + "/split").with(user(officer)).with(csrf())
                        .param("version", String.valueOf(h.version())).param("newHouseholdCode", "X").param("date", "2026-10-01"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/households/" + h.id());
        assertThat(result.getFlashMap().get("eventProblems")).asList().isNotEmpty();
        assertThat(registry.get(h.id(), officer).members()).hasSize(2);
    }
}
