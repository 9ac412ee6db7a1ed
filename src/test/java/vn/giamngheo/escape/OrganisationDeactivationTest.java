package vn.giamngheo.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * An organisation that stops helping is deactivated (audited): no new assignments to it, its current ones continue;
 * it can be activated again; only users whose area holds its unit may do either.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=support2-organisations")
class OrganisationDeactivationTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired HelperAssignments helpers;

    @Test
    void aDeactivatedOrganisationTakesNoNewHouseholdsAndItsCurrentAssignmentContinues() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 93);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        CurrentUser other = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 94));
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        HelperRecords.Organisation union = helpers.createOrganisation(
                new HelperRecords.OrganisationForm(null, "womens_union", "Hội Phụ nữ xã " + commune), officer);
        HelperRecords.Organisation department = helpers.createOrganisation(
                new HelperRecords.OrganisationForm(null, "department", "Sở Nông nghiệp thử"), province);
        long first = registry.create(RegistryFixture.household(commune, "TC1"), officer).id();
        long second = registry.create(RegistryFixture.household(commune, "TC2"), officer).id();
        HelperRecords.Assignment current = helpers.assign(new HelperRecords.AssignmentForm(first, union.id(), "Lò Thị Hoa",
                null, null, LocalDate.of(2026, 1, 5)), officer);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        assertThat(mvc.perform(post("/api/v1/escape/organisations/" + union.id() + "/deactivate").with(user(other)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/v1/escape/organisations/" + department.id() + "/deactivate").with(user(officer))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        String json = mvc.perform(post("/api/v1/escape/organisations/" + union.id() + "/deactivate").with(user(officer))
                .with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"active\":false");
        assertThat(mvc.perform(post("/api/v1/escape/organisations/" + union.id() + "/deactivate").with(user(officer))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(400);

        assertThatThrownBy(() -> helpers.assign(new HelperRecords.AssignmentForm(second, union.id(), "Lò Thị Hoa", null, null,
                LocalDate.of(2026, 1, 6)), officer)).isInstanceOf(InvalidEscapeException.class);
        assertThat(helpers.get(current.id(), officer.scope()).isCurrent()).isTrue();
        String page = mvc.perform(get("/escape/organisations").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("ngừng hoạt động (không phân công mới)").contains("Hoạt động trở lại");

        assertThat(mvc.perform(post("/escape/organisations/" + union.id() + "/active").param("active", "true")
                .with(user(officer)).with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/escape/organisations");
        assertThat(helpers.organisations(officer.scope())).filteredOn(o -> o.id() == union.id())
                .extracting(HelperRecords.Organisation::active).containsExactly(true);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'helper_organisation' AND action = 'UPDATE' "
                + "AND entity_id = :id").param("id", String.valueOf(union.id())).query(Long.class).single()).isEqualTo(2);
    }
}
