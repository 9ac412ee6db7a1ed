package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import vn.giamngheo.escape.EscapeTotals;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.PlanListsFixture.Commune;
import vn.giamngheo.plan.PlanListsFixture.Decision;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The plan page of a unit and year shows the registrations to escape at the decision that ends the plan's year (list
 * year + 1): registered (poor, near-poor), expected to escape next to the plan's targets, and how the closed ones
 * turned out; withdrawn registrations and other years and communes are left out.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=support2-plan-escape")
class PlanEscapeFiguresTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;
    @Autowired EscapeTotals escapes;

    @Test
    void thePlanPageShowsTheRegistrationsOfItsUnitAndYearNextToItsTargets() throws Exception {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        PlanListsFixture f = new PlanListsFixture(jdbc);
        Commune a = f.commune(registry.communeCode("08", 81));
        Commune b = f.commune(registry.communeCode("08", 82));
        CurrentUser officer = registry.user(Role.COMMUNE_OFFICER, "commune", a.code());
        long[] h = new long[8];
        Decision lists = f.decide(a, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < h.length; i++) {
            h[i] = f.household(a, "active");
            f.list(lists, h[i], i < 6 ? "poor" : "near_poor", null, false);
        }
        long other = f.household(b, "active");
        Decision listsB = f.decide(b, 2026, LocalDate.of(2025, 12, 20), true);
        f.list(listsB, other, "poor", null, false);

        register(a, h[0], 2027, "poor", true, "open", lists);
        register(a, h[1], 2027, "poor", true, "open", lists);
        register(a, h[2], 2027, "poor", false, "open", lists);
        register(a, h[3], 2027, "poor", true, "withdrawn", lists);     // left out
        register(a, h[6], 2027, "near_poor", true, "open", lists);
        register(a, h[4], 2026, "poor", true, "open", lists);          // another list year: left out
        register(b, other, 2027, "poor", true, "open", listsB);         // another commune: left out

        Plan plan = plans.create(a.id(), 2026, 2, 1, null, officer);
        EscapeTotals.Totals totals = escapes.ofUnit(a.id(), 2027);
        assertThat(totals.registered()).isEqualTo(4);
        assertThat(totals.registeredPoor()).isEqualTo(3);
        assertThat(totals.registeredNearPoor()).isEqualTo(1);
        assertThat(totals.expected()).isEqualTo(3);
        assertThat(totals.withdrawn()).isEqualTo(1);
        assertThat(escapes.ofUnit(registry.unitId("province", "08"), 2027).registered()).isEqualTo(5);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String html = mvc.perform(get("/plans/" + plan.id()).param("lang", "en").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(text(html, "plan-escape-registered")).isEqualTo("4 (3 poor, 1 near-poor)");
        assertThat(text(html, "plan-escape-expected"))
                .isEqualTo("3 — the plan's target: 2 poor and 1 near-poor households fewer");
        assertThat(text(html, "plan-escape-closed")).isEqualTo("0 escaped, 0 did not, 4 still open");
        assertThat(html).contains("href=\"/escape?listYear=2027\"");
    }

    private static String text(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)).strip();
    }

    private void register(Commune c, long household, int listYear, String status, boolean expected, String outcome,
                          Decision decision) {
        jdbc.sql("""
                        INSERT INTO escape_registration (province_code, household_id, commune_id, list_year, registered_on,
                            registered_status, status_decision_id, goal, expected_to_escape, outcome, closed_on, created_by)
                        VALUES (:p, :h, :c, :y, DATE '2026-02-01', :s, :d, 'Nuôi bò', :e, :o, :closed, 'test')""")
                .param("p", c.provinceCode()).param("h", household).param("c", c.id()).param("y", listYear)
                .param("s", status).param("d", decision.id()).param("e", expected).param("o", outcome)
                .param("closed", "open".equals(outcome) ? null : LocalDate.of(2026, 3, 1)).update();
    }
}
