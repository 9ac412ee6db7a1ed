package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
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
import vn.giamngheo.household.RegistryFixture;

/** Administrators create, disable and re-key accounts; nobody else can, and every change is audited. */
@Tag("database")
@SpringBootTest
class UserAdminTest {

    @Autowired WebApplicationContext context;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
    }

    @Test
    void anAdministratorCreatesACommuneOfficerWhoCanThenLogIn() throws Exception {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        String commune = fixture.communeCode("08", 4);
        String name = "canbo" + System.nanoTime() % 1_000_000;

        MvcResult created = mvc.perform(post("/admin/users").with(user(admin)).with(csrf()).param("username", name)
                .param("fullName", "Ma Thị Hoa").param("role", "COMMUNE_OFFICER").param("unitLevel", "commune")
                .param("unitCode", commune).param("password", "mat-khau-moi-1")).andReturn();

        assertThat(created.getFlashMap().get("created")).isEqualTo(name);
        CurrentUser officer = users.findByUsername(name).orElseThrow();
        assertThat(officer.role()).isEqualTo(Role.COMMUNE_OFFICER);
        assertThat(officer.scope().unitId()).isEqualTo(fixture.unitId("commune", commune));
        String audit = jdbc.sql("SELECT after_value::text FROM audit_log WHERE entity = 'app_user' AND action = 'CREATE' "
                + "AND after_value ->> 'username' = :u").param("u", name).query(String.class).single();
        assertThat(audit).contains(name).doesNotContain("password_hash").doesNotContain("$2");
        assertThat(mvc.perform(post("/login").param("username", name).param("password", "mat-khau-moi-1").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");

        mvc.perform(post("/admin/users/" + name + "/enabled").with(user(admin)).with(csrf()).param("enabled", "false"));
        assertThat(mvc.perform(post("/login").param("username", name).param("password", "mat-khau-moi-1").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void aCommuneRoleNeedsACommuneOfTodaysMap() throws Exception {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        MvcResult result = mvc.perform(post("/admin/users").with(user(admin)).with(csrf()).param("username", "sai" + System.nanoTime() % 100000)
                .param("fullName", "Người thử").param("role", "COMMUNE_CHAIR").param("unitLevel", "province")
                .param("unitCode", "08").param("password", "mat-khau-moi-1")).andReturn();
        assertThat(result.getFlashMap().get("problems")).asList().containsExactly("users.error.level");
    }

    @Test
    void onlyAdministratorsManageAccounts() throws Exception {
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        assertThat(mvc.perform(get("/admin/users").with(user(province))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/admin/users").with(user(province)).with(csrf()).param("username", "xx")
                .param("fullName", "x").param("role", "ADMINISTRATOR").param("password", "12345678"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        assertThat(mvc.perform(get("/admin/users").with(user(admin))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
