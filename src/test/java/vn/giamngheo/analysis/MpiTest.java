package vn.giamngheo.analysis;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Alkire–Foster figures on five registered households under Decree 07 (12 indicators in 6 dimensions of 2, so
 * every weight is 1/12 and the default k is 3/12 = 1/4):
 * <pre>
 *   M1 rural, head male, Kinh, 3 members: 4 deprivations (housing quality, area, telecom, devices) → poor
 *   M2 rural, head female, Kinh:          0 deprivations
 *   M3 urban, head male, Tày:             2 deprivations (housing quality, area)                    → not poor
 *   M4 urban, head female, Tày:           3 deprivations (housing quality, area, telecom)           → poor
 *   M5 loudspeaker reach unknown:         excluded
 * </pre>
 * By hand: H = 2/4, A = (4/12 + 3/12)/2 = 7/24, M0 = 7/48; contributions 2/7, 2/7, 2/7, 1/7. Rural: H = 1/2,
 * A = 1/3, M0 = 1/6; urban: H = 1/2, A = 1/4, M0 = 1/8; each half of the population, ½·1/6 + ½·1/8 = 7/48.
 * Weighted by members (3, 2, 2, 2): H = 5/9, A = 3/10, M0 = 1/6.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpiTest {

    private static final double EPS = 1e-12;

    @Autowired WebApplicationContext context;
    @Autowired HouseholdRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    MockMvc mvc;
    long communeId;
    CurrentUser officer;

    @BeforeAll
    void households() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = AnalysisFixture.ruralCommune(jdbc, 22);
        communeId = fixture.unitId("commune", commune);
        officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        String p = "MPI" + System.nanoTime() % 100000 + "-";

        HouseholdForm m1 = AnalysisFixture.deprived(commune, p + "1", 1_000_000, 4);
        m1.getMembers().add(RegistryFixture.member(3, "Nguyễn Văn Bình", "other", "1975"));
        registry.create(m1, officer);
        HouseholdForm m2 = AnalysisFixture.household(commune, p + "2", 1_000_000);
        m2.getMembers().get(0).setSex("female");
        registry.create(m2, officer);
        HouseholdForm m3 = AnalysisFixture.deprived(commune, p + "3", 1_000_000, 2);
        m3.setArea("urban");
        m3.getMembers().get(0).setEthnicity("Tày");
        registry.create(m3, officer);
        HouseholdForm m4 = AnalysisFixture.deprived(commune, p + "4", 1_000_000, 3);
        m4.setArea("urban");
        m4.getMembers().get(0).setEthnicity("Tày");
        m4.getMembers().get(0).setSex("female");
        registry.create(m4, officer);
        registry.create(AnalysisFixture.missingLoudspeaker(commune, p + "5", 1_000_000), officer);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** A JSON number (double or BigDecimal) equal to numerator/denominator up to rounding. */
    private static Matcher<Object> is(long numerator, long denominator) {
        double expected = (double) numerator / denominator;
        return new org.hamcrest.BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Number n && Math.abs(n.doubleValue() - expected) < EPS;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText(numerator + "/" + denominator + " (" + expected + ")");
            }
        };
    }

    @Test
    void headcountIntensityAndM0EqualTheHandComputation() throws Exception {
        mvc.perform(get("/api/v1/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("standard", "ND07_2021"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.k").value("1/4"))
                .andExpect(jsonPath("$.households").value(5))
                .andExpect(jsonPath("$.excluded").value(1))
                .andExpect(jsonPath("$.excludedByFact.loudspeaker_reach").value(1))
                .andExpect(jsonPath("$.indicators.length()").value(12))
                .andExpect(jsonPath("$.indicators[0].weight").value("1/12"))
                .andExpect(jsonPath("$.overall.units").value(4))
                .andExpect(jsonPath("$.overall.headcount", is(1, 2)))
                .andExpect(jsonPath("$.overall.intensity", is(7, 24)))
                .andExpect(jsonPath("$.overall.adjustedHeadcount", is(7, 48)))
                .andExpect(jsonPath("$.overall.indicators[?(@.indicator == 'housing_quality')].uncensoredHeadcount",
                        Matchers.contains(is(3, 4))))
                .andExpect(jsonPath("$.overall.indicators[?(@.indicator == 'housing_quality')].censoredHeadcount",
                        Matchers.contains(is(1, 2))))
                .andExpect(jsonPath("$.overall.indicators[?(@.indicator == 'housing_quality')].contribution",
                        Matchers.contains(is(2, 7))))
                .andExpect(jsonPath("$.overall.indicators[?(@.indicator == 'telecom_use')].contribution",
                        Matchers.contains(is(2, 7))))
                .andExpect(jsonPath("$.overall.indicators[?(@.indicator == 'information_devices')].contribution",
                        Matchers.contains(is(1, 7))))
                .andExpect(jsonPath("$.overall.indicators[?(@.indicator == 'nutrition')].uncensoredHeadcount",
                        Matchers.contains(is(0, 1))));
    }

    @Test
    void subgroupFiguresAreConsistentWithTheOverallFigures() throws Exception {
        String area = "$.subgroups[?(@.variable == 'area' && @.value == '%s')]";
        mvc.perform(get("/api/v1/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("standard", "ND07_2021").param("subgroup", "area"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subgroups.length()").value(2))
                .andExpect(jsonPath(area.formatted("rural") + ".populationShare", Matchers.contains(is(1, 2))))
                .andExpect(jsonPath(area.formatted("rural") + ".figures.headcount", Matchers.contains(is(1, 2))))
                .andExpect(jsonPath(area.formatted("rural") + ".figures.intensity", Matchers.contains(is(1, 3))))
                .andExpect(jsonPath(area.formatted("rural") + ".figures.adjustedHeadcount", Matchers.contains(is(1, 6))))
                .andExpect(jsonPath(area.formatted("urban") + ".figures.adjustedHeadcount", Matchers.contains(is(1, 8))))
                .andExpect(jsonPath(area.formatted("urban") + ".figures.intensity", Matchers.contains(is(1, 4))));
        // ½·1/6 + ½·1/8 = 7/48 = overall M0; the same split by ethnicity and by the head's sex
        String group = "$.subgroups[?(@.variable == '%s' && @.value == '%s')].figures.adjustedHeadcount";
        mvc.perform(get("/api/v1/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("standard", "ND07_2021"))
                .andExpect(jsonPath("$.subgroups.length()").value(6))
                .andExpect(jsonPath(group.formatted("ethnic_minority", "yes"), Matchers.contains(is(1, 8))))
                .andExpect(jsonPath(group.formatted("ethnic_minority", "no"), Matchers.contains(is(1, 6))))
                .andExpect(jsonPath(group.formatted("head_sex", "male"), Matchers.contains(is(1, 6))))
                .andExpect(jsonPath(group.formatted("head_sex", "female"), Matchers.contains(is(1, 8))));
    }

    @Test
    void weightingByMembersCountsPeopleNotHouseholds() throws Exception {
        mvc.perform(get("/api/v1/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("standard", "ND07_2021").param("weighting", "person"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.population", is(9, 1)))
                .andExpect(jsonPath("$.overall.headcount", is(5, 9)))
                .andExpect(jsonPath("$.overall.intensity", is(3, 10)))
                .andExpect(jsonPath("$.overall.adjustedHeadcount", is(1, 6)));
    }

    @Test
    void aHigherCutOffLeavesOnlyTheMostDeprivedPoor() throws Exception {
        mvc.perform(get("/api/v1/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("standard", "ND07_2021").param("k", "1/3"))
                .andExpect(jsonPath("$.k").value("1/3"))
                .andExpect(jsonPath("$.overall.headcount", is(1, 4)))
                .andExpect(jsonPath("$.overall.adjustedHeadcount", is(1, 12)));
        mvc.perform(get("/api/v1/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("k", "1.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("k must be")));
    }

    @Test
    void thePageShowsTheFigures() throws Exception {
        mvc.perform(get("/analysis/mpi").with(user(officer)).param("unitId", String.valueOf(communeId))
                        .param("standard", "ND07_2021").param("lang", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"mpi-result\"")))
                .andExpect(content().string(Matchers.containsString("50,0%")))
                .andExpect(content().string(Matchers.containsString("0,146")));
    }
}
