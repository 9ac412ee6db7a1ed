package vn.giamngheo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.DatabaseOwner;

/**
 * Reads of personal data are recorded (who, which household, when, through which route), refused reads are not,
 * routes without personal data are not, the log is append-only and administrators (only they) browse it.
 */
@Tag("database")
@SpringBootTest
class PersonalDataReadTest {

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    MockMvc mvc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
    }

    private List<Map<String, Object>> readsOf(String username) {
        return jdbc.sql("SELECT route, path, household_id, round_id, role, status FROM personal_data_read WHERE username = :u ORDER BY id")
                .param("u", username).query().listOfRows();
    }

    @Test
    void everyReadOfAHouseholdIsRecordedWithItsRoute() throws Exception {
        String commune = fixture.communeCode("08", 9);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        Household h = registry.create(RegistryFixture.household(commune, "PR" + System.nanoTime() % 1_000_000), officer);

        mvc.perform(get("/households/" + h.id()).with(user(officer))).andReturn();
        mvc.perform(get("/api/v1/households/" + h.id()).with(user(officer))).andReturn();
        mvc.perform(get("/households?q=x").with(user(officer))).andReturn();

        List<Map<String, Object>> reads = readsOf(officer.getUsername());
        assertThat(reads).extracting(r -> r.get("route"))
                .containsExactly("/households/{id}", "/api/v1/households/{id}", "/households");
        assertThat(reads.get(0).get("household_id")).isEqualTo(h.id());
        assertThat(reads.get(1).get("household_id")).isEqualTo(h.id());
        assertThat(reads.get(2).get("household_id")).isNull();
        assertThat(reads.get(2).get("path")).isEqualTo("/households?q=x");
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.get("role")).isEqualTo("COMMUNE_OFFICER");
            assertThat(((Number) r.get("status")).intValue()).isEqualTo(200);
        });
    }

    @Test
    void refusedReadsAndPagesWithoutPersonalDataAreNotRecorded() throws Exception {
        String commune = fixture.communeCode("08", 10);
        String other = fixture.communeCode("08", 11);
        CurrentUser owner = fixture.user(Role.COMMUNE_OFFICER, "commune", other);
        Household h = registry.create(RegistryFixture.household(other, "PN" + System.nanoTime() % 1_000_000), owner);
        CurrentUser outsider = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);

        int status = mvc.perform(get("/households/" + h.id()).with(user(outsider))).andReturn().getResponse().getStatus();
        mvc.perform(get("/standards").with(user(outsider))).andReturn();

        assertThat(status).isEqualTo(404);
        assertThat(readsOf(outsider.getUsername())).isEmpty();
    }

    @Test
    void theLogIsAppendOnly() {
        jdbc.sql("INSERT INTO personal_data_read (username, route, path, status) VALUES ('t', '/households', '/households', 200)").update();
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("UPDATE personal_data_read SET username = 'x' WHERE username = 't'").update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("DELETE FROM personal_data_read WHERE username = 't'").update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("TRUNCATE personal_data_read").update()).hasStackTraceContaining("append-only");
    }

    @Test
    void theMonthsPartitionHoldsTheReads() {
        String partition = jdbc.sql("SELECT personal_data_read_partition(DATE '2031-05-17')").query(String.class).single();
        assertThat(partition).isEqualTo("personal_data_read_203105");
        jdbc.sql("INSERT INTO personal_data_read (at, username, route, path, status) VALUES (TIMESTAMPTZ '2031-05-20 10:00+07', 'p', '/households', '/households', 200)").update();
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM personal_data_read WHERE username = 'p'").query(String.class).single())
                .isEqualTo("personal_data_read_203105");
        assertThat(jdbc.sql("SELECT personal_data_read_partition(DATE '2031-05-01')").query(String.class).single())
                .isEqualTo("personal_data_read_203105");
    }

    @Test
    void administratorsBrowseTheReadsOthersCannot() throws Exception {
        String commune = fixture.communeCode("08", 12);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        Household h = registry.create(RegistryFixture.household(commune, "PA" + System.nanoTime() % 1_000_000), officer);
        mvc.perform(get("/households/" + h.id()).with(user(officer))).andReturn();
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);

        String page = mvc.perform(get("/audit/reads").param("householdId", String.valueOf(h.id())).with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        String api = mvc.perform(get("/api/v1/audit/reads").param("username", officer.getUsername()).with(user(admin)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(officer.getUsername()).contains("/households/" + h.id());
        assertThat(api).contains("/households/" + h.id());
        assertThat(mvc.perform(get("/audit/reads").with(user(officer))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/audit/reads").with(user(officer))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
