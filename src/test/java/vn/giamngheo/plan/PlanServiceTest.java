package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.PlanListsFixture.Commune;
import vn.giamngheo.plan.PlanListsFixture.Decision;
import vn.giamngheo.plan.rules.PlanTracking.Mark;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Plans on decided lists built with SQL: baselines against independent counts, cascades, states and tracking. */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=plans")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanServiceTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;

    Commune a;
    Commune b;
    Commune c;
    long provinceId;
    CurrentUser province;
    CurrentUser officerA;
    CurrentUser officerB;

    @BeforeAll
    void lists() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        PlanListsFixture f = new PlanListsFixture(jdbc);
        a = f.commune(registry.communeCode("08", 60));
        b = f.commune(registry.communeCode("08", 61));
        c = f.commune(registry.communeCode("08", 62));
        Commune other = f.commune(registry.communeCode("01", 7));
        provinceId = registry.unitId("province", "08");
        province = registry.user(Role.PROVINCE_OFFICER, "province", "08");
        officerA = registry.user(Role.COMMUNE_OFFICER, "commune", a.code());
        officerB = registry.user(Role.COMMUNE_OFFICER, "commune", b.code());

        // commune A: 12 active households (+1 dissolved); lists of 2025 and 2026, a revoked decision, escapes in March 2026
        long[] ha = new long[12];
        for (int i = 0; i < 12; i++) {
            ha[i] = f.household(a, "active");
        }
        f.household(a, "dissolved");
        Decision a2025 = f.decide(a, 2025, LocalDate.of(2024, 12, 20), true);
        for (int i = 0; i < 6; i++) {
            f.list(a2025, ha[i], "poor", null, false);
        }
        Decision revoked = f.decide(a, 2025, LocalDate.of(2025, 12, 10), false);
        f.list(revoked, ha[6], "poor", "average", false);
        f.revoke(revoked);
        Decision a2026 = f.decide(a, 2026, LocalDate.of(2025, 12, 28), true);
        for (int i = 0; i < 5; i++) {
            f.list(a2026, ha[i], "poor", "poor", i < 2);
        }
        f.list(a2026, ha[5], "near_poor", "poor", false);
        Decision march = f.decide(a, 2026, LocalDate.of(2026, 3, 15), false);
        f.list(march, ha[2], "not_poor", "poor", false);
        f.list(march, ha[3], "not_poor", "poor", false);

        // commune B: 10 households, 3 poor (one under social protection)
        long[] hb = new long[10];
        for (int i = 0; i < 10; i++) {
            hb[i] = f.household(b, "active");
        }
        Decision b2026 = f.decide(b, 2026, LocalDate.of(2025, 12, 27), true);
        for (int i = 0; i < 3; i++) {
            f.list(b2026, hb[i], "poor", "poor", i == 0);
        }
        // commune C: 10 households, 2 poor and 1 near-poor
        long[] hc = new long[10];
        for (int i = 0; i < 10; i++) {
            hc[i] = f.household(c, "active");
        }
        Decision c2026 = f.decide(c, 2026, LocalDate.of(2025, 12, 26), true);
        f.list(c2026, hc[0], "poor", null, false);
        f.list(c2026, hc[1], "poor", null, false);
        f.list(c2026, hc[2], "near_poor", null, false);
        // another province: never counted in 08
        Decision o2026 = f.decide(other, 2026, LocalDate.of(2025, 12, 26), true);
        for (int i = 0; i < 4; i++) {
            f.list(o2026, f.household(other, "active"), "poor", null, false);
        }
    }

    /** Independent count: rows with no later non-revoked row of the household on or before the day. */
    int count(String pathPattern, String status, LocalDate on, boolean onlySocialProtection) {
        return jdbc.sql("""
                        SELECT count(*) FROM household_status hs JOIN admin_unit u ON u.id = hs.commune_id
                        WHERE NOT hs.revoked AND hs.effective_from <= :on AND hs.status = :s AND u.path LIKE :pattern
                          AND (hs.social_protection OR NOT :sp)
                          AND NOT EXISTS (SELECT 1 FROM household_status later
                                          WHERE later.household_id = hs.household_id AND NOT later.revoked
                                            AND later.effective_from <= :on
                                            AND (later.effective_from > hs.effective_from
                                                 OR (later.effective_from = hs.effective_from AND later.id > hs.id)))""")
                .param("on", on).param("s", status).param("pattern", pathPattern).param("sp", onlySocialProtection)
                .query(Integer.class).single();
    }

    String path(long unitId) {
        return jdbc.sql("SELECT path FROM admin_unit WHERE id = :id").param("id", unitId).query(String.class).single() + "%";
    }

    int activeHouseholds(String pattern) {
        return jdbc.sql("""
                        SELECT count(*) FROM household h JOIN admin_unit u ON u.id = h.commune_id
                        WHERE h.life_status = 'active' AND u.path LIKE :pattern""")
                .param("pattern", pattern).query(Integer.class).single();
    }

    @Test
    void baselineEqualsIndependentCountsOnFirstJanuary() {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        for (long unit : List.of(provinceId, a.id(), b.id(), c.id())) {
            DecidedCounts.Counts k = plans.baseline(unit, 2026, province);
            String p = path(unit);
            assertThat(k.poor()).isEqualTo(count(p, "poor", jan1, false));
            assertThat(k.poorSocialProtection()).isEqualTo(count(p, "poor", jan1, true));
            assertThat(k.nearPoor()).isEqualTo(count(p, "near_poor", jan1, false));
            assertThat(k.households()).isEqualTo(activeHouseholds(p));
        }
        // and the figures the fixture was built with
        assertThat(plans.baseline(provinceId, 2026, province)).isEqualTo(new DecidedCounts.Counts(32, 10, 3, 2));
        assertThat(plans.baseline(a.id(), 2026, province)).isEqualTo(new DecidedCounts.Counts(12, 5, 2, 1));
        // a year later the March escapes are in the lists in force
        assertThat(plans.baseline(a.id(), 2027, province).poor()).isEqualTo(3).isEqualTo(count(path(a.id()), "poor", LocalDate.of(2027, 1, 1), false));
    }

    @Test
    void planStoresBaselineRatesAndSplit() {
        Plan plan = plans.create(c.id(), 2030, 1, 1, "kế hoạch", province);
        assertThat(plan.households()).isEqualTo(10);
        assertThat(plan.poor()).isEqualTo(2);
        assertThat(plan.poorPolicy()).isEqualTo(2);
        assertThat(plan.poorRate()).isEqualByComparingTo("20.00");
        assertThat(plan.poorEnd()).isEqualTo(1);
        assertThat(plan.poorReductionPoints()).isEqualByComparingTo("10.00");
        assertThat(plan.state()).isEqualTo(PlanState.PROPOSED);
        assertThatThrownBy(() -> plans.create(c.id(), 2030, 0, 0, null, province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.exists");
        assertThatThrownBy(() -> plans.create(b.id(), 2030, 4, 0, null, province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.reduction-range");
        assertThatThrownBy(() -> plans.create(a.id(), 2030, 0, 0, null, officerB))
                .isInstanceOf(PlanNotFoundException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'plan'").query(Integer.class).single()).isPositive();
    }

    @Test
    void cascadeSumsToTheParentWithLargestRemainder() {
        Plan parent = plans.create(provinceId, 2026, 7, 0, null, province);

        Map<Long, Integer> byHouseholds = shares(plans.cascade(parent.id(), PlanService.Basis.HOUSEHOLDS, null, province));
        // quotas 2.625, 2.1875, 2.1875 > 2 poor of C: C capped at 2, the 5 left shared 12:10 -> 2.73, 2.27
        assertThat(byHouseholds.get(a.id())).isEqualTo(3);
        assertThat(byHouseholds.get(b.id())).isEqualTo(2);
        assertThat(byHouseholds.get(c.id())).isEqualTo(2);
        assertThat(byHouseholds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);

        List<Plan> children = plans.cascade(parent.id(), PlanService.Basis.POOR, null, province);
        Map<Long, Integer> byPoor = shares(children);
        // quotas 3.5, 2.1, 1.4: whole parts 3, 2, 1 and the one left to the largest remainder (A)
        assertThat(byPoor.get(a.id())).isEqualTo(4);
        assertThat(byPoor.get(b.id())).isEqualTo(2);
        assertThat(byPoor.get(c.id())).isEqualTo(1);
        assertThat(byPoor.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
        assertThat(children).allMatch(p -> p.state() == PlanState.PROPOSED && p.parentPlanId() == parent.id());
        Plan childA = children.stream().filter(p -> p.unitId() == a.id()).findFirst().orElseThrow();
        assertThat(childA.poor()).isEqualTo(5);
        assertThat(childA.poorSocialProtection()).isEqualTo(2);

        // tracking on 2 July 2026 (day 183 of 365): A achieved 2 (the March escapes), projected 3.99
        LocalDate july = LocalDate.of(2026, 7, 2);
        PlanService.Tracking province2026 = plans.track(parent.id(), july, province);
        assertThat(province2026.poorNow()).isEqualTo(8).isEqualTo(count(path(provinceId), "poor", july, false));
        assertThat(province2026.progress().achieved()).isEqualTo(2);
        assertThat(province2026.progress().projected()).isEqualTo(4);
        assertThat(province2026.progress().mark()).isEqualTo(Mark.OFF_TRACK); // 3.99 < 0.75 × 7
        assertThat(plans.track(childA.id(), july, officerA).progress().mark()).isEqualTo(Mark.ON_TRACK); // 3.99 >= 0.95 × 4
        Plan childC = children.stream().filter(p -> p.unitId() == c.id()).findFirst().orElseThrow();
        assertThat(plans.track(childC.id(), july, province).progress().mark()).isEqualTo(Mark.OFF_TRACK);

        // the commune adjusts its target: 5 makes it at risk (3.99 between 3.75 and 4.75)
        // without the version it was read at, or from an old read, a change is refused (no lost update)
        assertThatThrownBy(() -> plans.adjust(childA.id(), null, 5, 0, "thêm chỉ tiêu", officerA))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.version-required");
        assertThatThrownBy(() -> plans.adjust(childA.id(), childA.version() - 1, 5, 0, "thêm chỉ tiêu", officerA))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.stale");
        Plan adjusted = plans.adjust(childA.id(), childA.version(), 5, 0, "thêm chỉ tiêu", officerA);
        assertThat(adjusted.version()).isEqualTo(childA.version() + 1);
        assertThatThrownBy(() -> plans.adjust(childA.id(), childA.version(), 6, 0, "từ lần đọc cũ", officerA))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.stale");
        assertThat(adjusted.state()).isEqualTo(PlanState.ADJUSTED);
        assertThat(plans.track(childA.id(), july, officerA).progress().mark()).isEqualTo(Mark.AT_RISK);

        // the dashboard lists the province and its communes furthest behind first; a commune sees only its own
        List<PlanService.Tracking> behind = plans.behindFirst(provinceId, 2026, july, province);
        assertThat(behind).extracting(t -> t.progress().mark()).isSortedAccordingTo(
                java.util.Comparator.comparingInt((Mark m) -> -m.ordinal()));
        assertThat(behind).extracting(t -> t.plan().unitId()).contains(provinceId, a.id(), c.id());
        assertThat(behind.get(behind.size() - 1).plan().unitId()).isEqualTo(a.id()); // the only one not off-track
        assertThat(plans.behindFirst(null, 2026, july, officerA)).extracting(t -> t.plan().unitId()).containsExactly(a.id());
        assertThatThrownBy(() -> plans.behindFirst(c.id(), 2026, july, officerA)).isInstanceOf(PlanNotFoundException.class);

        // the commune cannot approve itself, nor see another commune's plan
        assertThatThrownBy(() -> plans.approve(childA.id(), officerA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.get(childC.id(), officerA)).isInstanceOf(PlanNotFoundException.class);
        assertThat(plans.list(2026, officerA)).extracting(Plan::unitId).containsExactly(a.id());

        // return needs a reason; approval locks
        Plan childB = children.stream().filter(p -> p.unitId() == b.id()).findFirst().orElseThrow();
        assertThatThrownBy(() -> plans.returnPlan(childB.id(), " ", province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.reason-required");
        Plan returned = plans.returnPlan(childB.id(), "Chỉ tiêu thấp so với khả năng", province);
        assertThat(returned.state()).isEqualTo(PlanState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("Chỉ tiêu thấp so với khả năng");
        assertThatThrownBy(() -> plans.approve(childB.id(), province)).isInstanceOf(InvalidPlanException.class);
        assertThat(plans.adjust(childB.id(), returned.version(), 3, 0, null, officerB).state()).isEqualTo(PlanState.ADJUSTED);
        assertThat(plans.approve(childA.id(), province).state()).isEqualTo(PlanState.APPROVED);
        assertThatThrownBy(() -> plans.adjust(childA.id(), adjusted.version(), 1, 0, null, officerA))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.approved");
        assertThatThrownBy(() -> plans.cascade(parent.id(), PlanService.Basis.POOR, null, province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.child-approved");
        assertThat(plans.transitions(childB.id(), province)).extracting(m -> m.get("to_state"))
                .containsExactly("proposed", "proposed", "returned", "adjusted");
    }

    @Test
    void manualCascadeMustAddUpToTheParent() {
        Plan parent = plans.create(provinceId, 2027, 4, 0, null, province);
        assertThat(parent.poor()).isEqualTo(8);
        assertThatThrownBy(() -> plans.cascade(parent.id(), PlanService.Basis.MANUAL, Map.of(a.id(), 1, b.id(), 2), province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.share-sum");
        assertThatThrownBy(() -> plans.cascade(parent.id(), PlanService.Basis.MANUAL, Map.of(a.id(), 4), province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.error.share-range");
        assertThat(count("plan", 2027)).isEqualTo(1);
        Map<Long, Integer> shares = shares(plans.cascade(parent.id(), PlanService.Basis.MANUAL, Map.of(a.id(), 1, b.id(), 3), province));
        assertThat(shares.get(a.id())).isEqualTo(1);
        assertThat(shares.get(b.id())).isEqualTo(3);
        assertThat(shares.get(c.id())).isZero();
        assertThatThrownBy(() -> plans.cascade(parent.id(), PlanService.Basis.POOR, null, officerA))
                .isInstanceOf(PlanNotFoundException.class);
    }

    @Autowired PlanImport planImport;

    @Test
    void importsTheTargetTableAllOrNothingAndExportsItBack() throws Exception {
        Plan parent = plans.create(provinceId, 2028, 5, 0, null, province);
        String nameA = jdbc.sql("SELECT full_name FROM admin_unit WHERE id = :id").param("id", a.id()).query(String.class).single();
        String header = "unit,households,poor,poor_rate,reduction,reduction_rate,poor_end,poor_end_rate\n";
        String rowA = "\"" + nameA + "\",12,3,\"25,0\",2,\"16,7\",1,\"8,3\"\n";
        String rowB = b.code() + ",10,3,\"30,0\",2,\"20,0\",1,\"10,0\"\n";
        String rowC = c.code() + ",10,2,\"20,0\",1,\"10,0\",1,\"10,0\"\n";
        String total = "Tổng số,32,8,\"25,0\",5,\"15,6\",3,\"9,4\"\n";

        // one rate that does not match its count: refused with its line and column, nothing stored
        String slip = header + rowA.replace("\"25,0\"", "\"26,0\"") + rowB + rowC + total;
        assertThatThrownBy(() -> planImport.importTable(parent.id(), vn.giamngheo.table.TableReader.readCsv("slip.csv", slip), province))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.field()).isEqualTo("poor_rate");
                        }));
        String unknown = header + rowA + "Xã Không Có,10,3,\"30,0\",2,\"20,0\",1,\"10,0\"\n" + rowC + total;
        assertThatThrownBy(() -> planImport.importTable(parent.id(), vn.giamngheo.table.TableReader.readCsv("u.csv", unknown), province))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                        .extracting(PlanProblem::line, PlanProblem::messageKey).contains(org.assertj.core.groups.Tuple.tuple(3, "plan.import.unit-unknown")));
        assertThat(count("plan", 2028)).isEqualTo(1);

        Map<Long, Integer> imported = shares(planImport.importTable(parent.id(),
                vn.giamngheo.table.TableReader.readCsv("ok.csv", header + rowA + rowB + rowC + total), province));
        assertThat(imported.get(a.id())).isEqualTo(2);
        assertThat(imported.get(b.id())).isEqualTo(2);
        assertThat(imported.get(c.id())).isEqualTo(1);

        // exported with the titles of either language and read back: the same columns, the checker finds no error,
        // the total row adds up
        for (java.util.Locale language : List.of(java.util.Locale.forLanguageTag("vi"), java.util.Locale.ENGLISH)) {
            byte[] xlsx = PlanTableWorkbook.write(parent, plans.children(parent.id(), province), List.of(), List.of(), language);
            java.nio.file.Path file = java.nio.file.Files.createTempFile("plan", ".xlsx");
            try {
                java.nio.file.Files.write(file, xlsx);
                vn.giamngheo.table.Table titled = vn.giamngheo.table.TableReader.read(file);
                assertThat(titled.columns()).doesNotContain("poor_rate");
                vn.giamngheo.table.Table back = PlanTableHeaders.withCodes(titled);
                assertThat(vn.giamngheo.plan.rules.PlanChecker.check(back).hasErrors()).isFalse();
                vn.giamngheo.table.Table.Row last = back.rows().get(back.rows().size() - 1);
                assertThat(last.cell("unit")).isEqualTo("vi".equals(language.getLanguage()) ? "Tổng số" : "Total");
                assertThat(vn.giamngheo.plan.rules.PlanChecker.isTotalUnit(last.cell("unit"))).isTrue();
                assertThat(last.cell("reduction")).isEqualTo("5");
                assertThat(last.cell("poor")).isEqualTo("8");
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    @Autowired org.springframework.web.context.WebApplicationContext ctx;

    @Test
    void pagesAndApi() throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(ctx)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var user = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(province);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        // bad input: 400 with the problem, nothing stored
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/plans").with(user).with(csrf)
                        .contentType("application/json")
                        .content("{\"unitId\":" + provinceId + ",\"year\":2031,\"poorReduction\":999,\"nearPoorReduction\":0}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.problems[0].code").value("plan.error.reduction-range"));
        assertThat(count("plan", 2031)).isZero();
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/plans").with(user).with(csrf)
                        .contentType("application/json")
                        .content("{\"unitId\":" + provinceId + ",\"year\":2031,\"poorReduction\":3,\"nearPoorReduction\":0}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/plans/" + id + "/cascade").with(user).with(csrf)
                        .param("basis", "POOR"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        assertThat(plans.children(id, province).stream().mapToInt(Plan::poorReduction).sum()).isEqualTo(3);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/plans/" + id).with(user))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Kế hoạch giảm nghèo", "Chỉ tiêu giao các xã", "plan-children");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/plans").param("year", "2031").with(user))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        String panel = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/plans/panel")
                        .param("year", "2031").param("unit", String.valueOf(provinceId)).with(user))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(panel).contains("plan-panel-content").doesNotContain("<html");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/" + id + "/table.xlsx").with(user))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        // outside the area: 404
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/" + id)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(officerA)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    int count(String table, int year) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE plan_year = :y").param("y", year).query(Integer.class).single();
    }

    static Map<Long, Integer> shares(List<Plan> children) {
        return children.stream().collect(Collectors.toMap(Plan::unitId, Plan::poorReduction));
    }
}
