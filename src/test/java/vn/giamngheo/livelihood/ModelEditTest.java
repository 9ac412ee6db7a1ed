package vn.giamngheo.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A model is edited with the version its editor saw: a second edit from the same old version is refused as stale
 * (nothing lost silently), bad input is refused with every problem, another commune does not find it.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=support2-model-edit")
class ModelEditTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired LivelihoodModels models;

    @Test
    void anEditFromAStaleVersionIsRefusedAndTheFirstOneKept() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 91);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        CurrentUser other = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 92));
        ModelRecords.Model m = models.create(new ModelRecords.ModelForm("Nuôi bò", "livestock", communeId, null, "Dự án 2",
                null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "Hội Nông dân", null), officer);
        assertThat(m.version()).isZero();

        ModelRecords.Model edited = models.update(m.id(), 0, new ModelRecords.ModelForm("Nuôi bò sinh sản", "livestock", null,
                null, "Dự án 2", "Tiểu dự án 1", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30), "Hội Nông dân", "mở rộng"),
                officer);
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.name()).isEqualTo("Nuôi bò sinh sản");
        assertThat(edited.endsOn()).isEqualTo(LocalDate.of(2027, 6, 30));

        // the second editor still holds version 0: refused, the first edit stays
        assertThatThrownBy(() -> models.update(m.id(), 0, new ModelRecords.ModelForm("Trồng ngô", "crops", null, null, null,
                null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "Hội Nông dân", null), officer))
                .isInstanceOfSatisfying(InvalidModelException.class,
                        e -> assertThat(e.problems()).extracting(InvalidModelException.Problem::key)
                                .containsExactly("livelihood.problem.stale"));
        assertThat(models.get(m.id(), officer.scope()).name()).isEqualTo("Nuôi bò sinh sản");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String body = """
                {"version": %d, "name": "Nuôi dê", "kind": "livestock", "startsOn": "2026-01-01", "endsOn": "2026-12-31",
                 "leadAgency": "Hội Nông dân"}""";
        MockHttpServletResponse stale = mvc.perform(put("/api/v1/livelihood/models/" + m.id()).with(user(officer)).with(csrf())
                .contentType("application/json").content(body.formatted(0))).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(400);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("phiên bản 1");
        MockHttpServletResponse bad = mvc.perform(put("/api/v1/livelihood/models/" + m.id()).with(user(officer)).with(csrf())
                .contentType("application/json").content("""
                        {"version": 1, "name": "", "kind": "fish", "startsOn": "2026-12-31", "endsOn": "2026-01-01",
                         "leadAgency": "x"}""")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(mvc.perform(put("/api/v1/livelihood/models/" + m.id()).with(user(other)).with(csrf())
                .contentType("application/json").content(body.formatted(1))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(models.get(m.id(), officer.scope()).version()).isEqualTo(1);

        MockHttpServletResponse page = mvc.perform(post("/livelihood/models/" + m.id()).with(user(officer)).with(csrf())
                .param("version", "1").param("name", "Nuôi dê").param("kind", "livestock").param("startsOn", "2026-01-01")
                .param("endsOn", "2026-12-31").param("leadAgency", "Hội Nông dân")).andReturn().getResponse();
        assertThat(page.getRedirectedUrl()).isEqualTo("/livelihood/models/" + m.id());
        assertThat(models.get(m.id(), officer.scope())).extracting(ModelRecords.Model::name, ModelRecords.Model::version)
                .containsExactly("Nuôi dê", 2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'livelihood_model' AND action = 'UPDATE' "
                + "AND entity_id = :id").param("id", String.valueOf(m.id())).query(Long.class).single()).isEqualTo(2);
    }
}
