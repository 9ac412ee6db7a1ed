package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.PlanListsFixture.Commune;
import vn.giamngheo.plan.PlanListsFixture.Decision;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.plan.rules.PlanTracking.Mark;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Coverage targets and multi-year goals on decided lists written with SQL (province 14, communes used by no other
 * test): every share and rate equals an independent count of household_status.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=plans2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanDimensionsTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;
    @Autowired PlanCoverage coverage;
    @Autowired PlanGoals goals;
    @Autowired PlanExports exports;
    @Autowired MessageSource messages;

    Commune a;
    Commune b;
    long provinceId;
    CurrentUser province;
    CurrentUser officerA;
    CurrentUser viewer;

    @BeforeAll
    void lists() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        PlanListsFixture f = new PlanListsFixture(jdbc);
        a = f.commune(registry.communeCode("14", 20));
        b = f.commune(registry.communeCode("14", 21));
        provinceId = registry.unitId("province", "14");
        province = registry.user(Role.PROVINCE_OFFICER, "province", "14");
        officerA = registry.user(Role.COMMUNE_OFFICER, "commune", a.code());
        viewer = registry.user(Role.MINISTRY_VIEWER, null, null);

        long[] ha = new long[10];
        for (int i = 0; i < ha.length; i++) {
            ha[i] = f.household(a, "active");
        }
        long[] hb = new long[10];
        for (int i = 0; i < hb.length; i++) {
            hb[i] = f.household(b, "active");
        }
        // lists of 2025 (end of 2024): A 5 poor, B 3 poor, of 20 households
        Decision a2025 = f.decide(a, 2025, LocalDate.of(2024, 12, 20), true);
        Decision b2025 = f.decide(b, 2025, LocalDate.of(2024, 12, 20), true);
        for (int i = 0; i < 10; i++) {
            f.list(a2025, ha[i], i < 5 ? "poor" : "not_poor", null, false);
            f.list(b2025, hb[i], i < 3 ? "poor" : "not_poor", null, false);
        }
        // lists of 2026 (end of 2025): A 4 poor + 2 near-poor, B 2 poor, with deprivations
        Decision a2026 = f.decide(a, 2026, LocalDate.of(2025, 12, 20), true);
        f.list(a2026, ha[0], "poor", "poor", false, "health_insurance");
        f.list(a2026, ha[1], "poor", "poor", false, "health_insurance", "child_schooling");
        f.list(a2026, ha[2], "poor", "poor", false);
        f.list(a2026, ha[3], "poor", "poor", false, "water_source");
        f.list(a2026, ha[4], "near_poor", "poor", false, "health_insurance");
        f.list(a2026, ha[5], "near_poor", "not_poor", false);
        Decision b2026 = f.decide(b, 2026, LocalDate.of(2025, 12, 20), true);
        f.list(b2026, hb[0], "poor", "poor", false);
        f.list(b2026, hb[1], "poor", "poor", false, "child_schooling", "adult_education");
        f.list(b2026, hb[2], "not_poor", "poor", false);
        // in June 2026 two poor households of A are insured (a monthly decision re-lists them), one escapes in B
        Decision june = f.decide(a, 2026, LocalDate.of(2026, 6, 1), false);
        f.list(june, ha[0], "poor", "poor", false);
        f.list(june, ha[1], "poor", "poor", false, "child_schooling");
        Decision juneB = f.decide(b, 2026, LocalDate.of(2026, 6, 1), false);
        f.list(juneB, hb[1], "not_poor", "poor", false);
        // a revoked decision never counts
        Decision revoked = f.decide(a, 2026, LocalDate.of(2026, 7, 1), false);
        f.list(revoked, ha[3], "poor", "poor", false, "health_insurance", "water_source", "sanitation");
        f.revoke(revoked);
    }

    /** Independent count: latest non-revoked rows in force on the day, of the statuses, deprived on none / any of the codes. */
    long count(String pathPattern, List<String> statuses, List<String> codes, boolean deprivedOnAny, boolean all, LocalDate on) {
        return jdbc.sql("""
                        SELECT count(*) FROM household_status hs JOIN admin_unit u ON u.id = hs.commune_id
                        WHERE NOT hs.revoked AND hs.effective_from <= :on AND hs.status IN (:st) AND u.path LIKE :pattern
                          AND (:all OR (EXISTS (SELECT 1 FROM unnest(hs.deprived) d WHERE d IN (:codes))) = :any)
                          AND NOT EXISTS (SELECT 1 FROM household_status later
                                          WHERE later.household_id = hs.household_id AND NOT later.revoked
                                            AND later.effective_from <= :on
                                            AND (later.effective_from > hs.effective_from
                                                 OR (later.effective_from = hs.effective_from AND later.id > hs.id)))""")
                .param("on", on).param("st", statuses).param("pattern", pathPattern).param("codes", codes)
                .param("any", deprivedOnAny).param("all", all).query(Long.class).single();
    }

    String path(long unitId) {
        return jdbc.sql("SELECT path FROM admin_unit WHERE id = :id").param("id", unitId).query(String.class).single() + "%";
    }

    @Test
    void coverageSharesEqualIndependentCounts() {
        Plan plan = plans.create(provinceId, 2026, 1, 0, null, province);
        coverage.set(plan.id(), null, "health_insurance", "poor", new BigDecimal("100"), "BHYT", province);
        coverage.set(plan.id(), "dimension", "education", "poor_near_poor", new BigDecimal("80"), null, province);
        coverage.set(plan.id(), "indicator", "water_source", "near_poor", new BigDecimal("90.5"), null, province);
        // setting the same code and group again replaces it
        coverage.set(plan.id(), "indicator", "health_insurance", "poor", new BigDecimal("95"), "BHYT", province);
        assertThat(coverage.targets(plan.id(), province)).hasSize(3);

        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        LocalDate july = LocalDate.of(2026, 7, 2);
        List<PlanCoverage.Tracked> tracked = coverage.track(plan.id(), july, province);
        String p = path(provinceId);
        for (PlanCoverage.Tracked t : tracked) {
            List<String> st = t.target().statuses();
            List<String> codes = t.indicators();
            for (LocalDate day : List.of(jan1, july)) {
                var share = day.equals(jan1) ? t.progress().baseline() : t.progress().now();
                assertThat(share.total()).as(t.target().code() + " " + day).isEqualTo(count(p, st, codes, false, true, day));
                assertThat(share.covered()).as(t.target().code() + " " + day).isEqualTo(count(p, st, codes, false, false, day));
            }
        }
        PlanCoverage.Tracked insured = tracked.get(0);
        assertThat(insured.target().code()).isEqualTo("health_insurance");
        // 1 January: poor A0..A3, B0, B1 = 6, insured 4; July: poor A0..A3, B0 = 5, all insured
        assertThat(insured.progress().baseline()).isEqualTo(new vn.giamngheo.plan.rules.CoverageTracking.Share(4, 6));
        assertThat(insured.progress().now()).isEqualTo(new vn.giamngheo.plan.rules.CoverageTracking.Share(5, 5));
        assertThat(insured.progress().mark()).isEqualTo(Mark.ON_TRACK);
        PlanCoverage.Tracked education = tracked.get(1);
        assertThat(education.target().kind()).isEqualTo("dimension");
        assertThat(education.indicators()).containsExactly("adult_education", "child_schooling");
        // 1 January: poor + near-poor 8, deprived in education A1, B1 -> 6 of 8; July: 7, A1 -> 6 of 7 (85.71 %)
        assertThat(education.progress().baseline()).isEqualTo(new vn.giamngheo.plan.rules.CoverageTracking.Share(6, 8));
        assertThat(education.progress().now()).isEqualTo(new vn.giamngheo.plan.rules.CoverageTracking.Share(6, 7));
        assertThat(education.progress().mark()).isEqualTo(Mark.ON_TRACK);
        // near-poor without water deprivation: 2 of 2 throughout
        assertThat(tracked.get(2).progress().now()).isEqualTo(new vn.giamngheo.plan.rules.CoverageTracking.Share(2, 2));

        // the commune sees its own share only
        Plan child = plans.cascade(plan.id(), PlanService.Basis.POOR, null, province).stream()
                .filter(c -> c.unitId() == a.id()).findFirst().orElseThrow();
        coverage.set(child.id(), null, "health_insurance", "poor", new BigDecimal("100"), null, officerA);
        PlanCoverage.Tracked own = coverage.track(child.id(), july, officerA).get(0);
        assertThat(own.progress().now().total()).isEqualTo(count(path(a.id()), List.of("poor"), List.of("health_insurance"), false, true, july));
        assertThatThrownBy(() -> coverage.track(plan.id(), july, officerA)).isInstanceOf(PlanNotFoundException.class);
        assertThatThrownBy(() -> coverage.set(plan.id(), null, "health_insurance", "poor", BigDecimal.TEN, null, viewer))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badCoverageTargetsAreRefusedWithEveryProblem() {
        Plan plan = plans.create(b.id(), 2026, 0, 0, null, province);
        assertThatThrownBy(() -> coverage.set(plan.id(), null, "flying", "rich", new BigDecimal("100.5"), null, province))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems()).extracting(PlanProblem::messageKey)
                        .containsExactly("plan.coverage.error.code", "plan.coverage.error.group", "plan.coverage.error.share"));
        assertThatThrownBy(() -> coverage.set(plan.id(), null, "health_insurance", "poor", new BigDecimal("80.125"), null, province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.coverage.error.share");
        assertThat(coverage.targets(plan.id(), province)).isEmpty();
        // the standard of 2026 has no "health" indicator, but has the dimension
        assertThat(coverage.set(plan.id(), null, "health", "poor", new BigDecimal("100"), null, province).kind()).isEqualTo("dimension");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'plan_coverage_target'").query(Integer.class).single()).isPositive();
    }

    @Test
    void goalProgressEqualsIndependentRatesOnBothMaps() {
        PlanGoal g = goals.set(provinceId, "2021_2025", 2024, null, new BigDecimal("10"), new BigDecimal("20"), null, province);
        String p = path(provinceId);
        long households = jdbc.sql("""
                        SELECT count(*) FROM household h JOIN admin_unit u ON u.id = h.commune_id
                        WHERE h.life_status = 'active' AND u.path LIKE :p""").param("p", p).query(Long.class).single();
        long poor2024 = count(p, List.of("poor"), List.of("x"), false, true, LocalDate.of(2025, 1, 1));
        long poor2025 = count(p, List.of("poor"), List.of("x"), false, true, LocalDate.of(2026, 1, 1));
        assertThat(households).isEqualTo(20);
        assertThat(poor2024).isEqualTo(8);
        assertThat(poor2025).isEqualTo(6);
        // start rate from the lists: 8 of 20 at the end of 2024
        assertThat(g.startRate()).isEqualByComparingTo("40.00");

        PlanGoals.Progress today = goals.progress(g.id(), "today", province);
        assertThat(today.years()).extracting(GoalTrajectory.Year::year).containsExactly(2024, 2025);
        GoalTrajectory.Year y2025 = today.years().get(1);
        assertThat(y2025.goalRate()).isEqualByComparingTo("30.00");
        assertThat(y2025.actual()).isEqualTo(new GoalTrajectory.Actual(poor2025, households));
        assertThat(y2025.actualRate()).isEqualByComparingTo("30.00");
        assertThat(y2025.mark()).isEqualTo(Mark.ON_TRACK);
        assertThat(today.years().get(0).actual()).isEqualTo(new GoalTrajectory.Actual(poor2024, households));

        // on each year's own units: the province of today did not exist at the end of 2024
        PlanGoals.Progress own = goals.progress(g.id(), "own", province);
        assertThat(own.years().get(0).actual()).isNull();
        assertThat(own.years().get(0).mark()).isNull();
        assertThat(own.years().get(1).actual()).isEqualTo(new GoalTrajectory.Actual(poor2025, households));

        // a faster goal puts 2025 at risk: 10 of 12 points achieved (0.83)
        PlanGoal faster = goals.set(provinceId, "2021_2025", 2024, new BigDecimal("40"), new BigDecimal("12"),
                new BigDecimal("28"), "nhanh hơn", province);
        assertThat(faster.id()).isEqualTo(g.id());
        assertThat(faster.version()).isEqualTo(1);
        assertThat(goals.progress(g.id(), "today", province).years().get(1).mark()).isEqualTo(Mark.AT_RISK);

        assertThatThrownBy(() -> goals.set(provinceId, "2021_2025", 2025, new BigDecimal("10"), new BigDecimal("0"),
                new BigDecimal("12"), null, province)).isInstanceOfSatisfying(InvalidPlanException.class,
                e -> assertThat(e.problems()).extracting(PlanProblem::messageKey).containsExactly("plan.goal.error.start-year",
                        "plan.goal.error.points", "plan.goal.error.end-above-start"));
        assertThatThrownBy(() -> goals.set(provinceId, "2031_2035", 2030, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, null, province))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.goal.error.period");
        assertThatThrownBy(() -> goals.progress(g.id(), "old", province)).isInstanceOf(InvalidPlanException.class);
        assertThatThrownBy(() -> goals.get(g.id(), officerA)).isInstanceOf(PlanNotFoundException.class);
        assertThat(goals.list(officerA)).isEmpty();
        assertThat(goals.list(province)).extracting(PlanGoal::id).contains(g.id());
        assertThat(goals.periods()).extracting(PlanGoals.Period::code).contains("2021_2025", "2026_2030");

        byte[] xlsx = exports.goalXlsx(g.id(), "today", province, Locale.forLanguageTag("vi"));
        assertThat(xlsx).isNotEmpty();
    }

    @Test
    void tablePdfIsLandscapeWithTotalsAndCoverage() throws Exception {
        Plan plan = plans.create(provinceId, 2027, 2, 0, null, province);
        plans.cascade(plan.id(), PlanService.Basis.POOR, null, province);
        coverage.set(plan.id(), null, "health_insurance", "poor", new BigDecimal("100"), null, province);
        byte[] pdf = exports.tablePdf(plan.id(), province, Locale.forLanguageTag("vi"));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            var size = reader.getPageSizeWithRotation(1);
            assertThat(size.getWidth()).isGreaterThan(size.getHeight());
            String text = java.text.Normalizer.normalize(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1),
                    java.text.Normalizer.Form.NFC);
            assertThat(text).contains("CHỈ TIÊU GIẢM NGHÈO NĂM 2027", "Tổng số", "Hộ nghèo đầu năm", "bảo hiểm y tế",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        } finally {
            reader.close();
        }
        byte[] xlsx = exports.tableXlsx(plan.id(), province, Locale.forLanguageTag("vi"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).isEqualTo("bảo hiểm y tế");
        }
    }

    @Test
    void tableDocxIsLandscapeWithMergedGroupsTotalsAndCoverage() throws Exception {
        Plan plan = plans.create(provinceId, 2030, 2, 0, null, province);
        plans.cascade(plan.id(), PlanService.Basis.POOR, null, province);
        coverage.set(plan.id(), null, "health_insurance", "poor", new BigDecimal("100"), null, province);
        byte[] docx = exports.tableDocx(plan.id(), province, Locale.forLanguageTag("vi"));
        vn.giamngheo.document.DocxChecks.assertOfficial(docx, true);
        List<List<String>> header = vn.giamngheo.document.DocxChecks.repeatedHeaderRows(docx);
        assertThat(header).hasSize(3);
        assertThat(header.get(0)).contains("STT", "Hộ nghèo đầu năm", "Chỉ tiêu giảm hộ nghèo", "Hộ nghèo cuối năm");
        assertThat(header.get(1)).contains("Số hộ", "Tỷ lệ (%)", "Điểm %");
        assertThat(header.get(2)).startsWith("(1)", "(2)", "(3)").hasSize(13);

        vn.giamngheo.document.LibreOffice.require();
        java.nio.file.Path pdf = vn.giamngheo.document.LibreOffice.convert("plan-table.docx", docx);
        assertThat(vn.giamngheo.document.LibreOffice.text(pdf)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "CHỈ TIÊU GIẢM NGHÈO NĂM 2030", "Tổng số", "Hộ nghèo đầu năm", "bảo hiểm y tế", "Nơi nhận:", "CHỦ TỊCH");
        assertThat(vn.giamngheo.document.LibreOffice.pageSizes(pdf)).allSatisfy(size ->
                assertThat(size[0]).as("landscape").isGreaterThan(size[1]));
    }

    @Autowired org.springframework.web.context.WebApplicationContext ctx;

    @Test
    void pagesAndApi() throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(ctx)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var user = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(province);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var status = org.springframework.test.web.servlet.result.MockMvcResultMatchers.status();
        var json = (java.util.function.Function<String, org.springframework.test.web.servlet.ResultMatcher>) path ->
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(path).exists();
        Plan plan = plans.create(provinceId, 2028, 0, 0, null, province);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/plans/" + plan.id() + "/coverage")
                        .with(user).with(csrf).contentType("application/json")
                        .content("{\"code\":\"health_insurance\",\"group\":\"poor\",\"targetShare\":101}"))
                .andExpect(status.isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.problems[0].code")
                        .value("plan.coverage.error.share"));
        assertThat(coverage.targets(plan.id(), province)).isEmpty();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/plans/" + plan.id() + "/coverage")
                        .with(user).with(csrf).param("code", "indicator:health_insurance").param("group", "poor").param("targetShare", "95,5"))
                .andExpect(status.is3xxRedirection());
        assertThat(coverage.targets(plan.id(), province)).extracting(CoverageTarget::targetShare)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("95.5"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/" + plan.id() + "/coverage")
                        .param("asOf", "2028-03-01").with(user))
                .andExpect(status.isOk()).andExpect(json.apply("$[0].projectedShare")).andExpect(json.apply("$[0].mark"));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/plans/" + plan.id()).with(user))
                .andExpect(status.isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("plan-coverage", "Chỉ tiêu theo chiều thiếu hụt", "bảo hiểm y tế", "plan-pdf", "plan-docx");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/" + plan.id() + "/table.docx").with(user))
                .andExpect(status.isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/" + plan.id() + "/table.pdf").with(user))
                .andExpect(status.isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("application/pdf"));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/plans/goals").with(user).with(csrf)
                        .contentType("application/json")
                        .content("{\"unitId\":" + provinceId + ",\"period\":\"2026_2030\",\"startYear\":2025,\"yearlyPoints\":-1,\"targetEndRate\":5}"))
                .andExpect(status.isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.problems[0].code")
                        .value("plan.goal.error.points"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/plans/goals").with(user).with(csrf)
                        .param("unitId", String.valueOf(provinceId)).param("period", "2026_2030").param("startYear", "2025")
                        .param("yearlyPoints", "4").param("targetEndRate", "10"))
                .andExpect(status.is3xxRedirection());
        PlanGoal g = goals.list(province).stream().filter(x -> x.periodCode().equals("2026_2030")).findFirst().orElseThrow();
        assertThat(g.startRate()).isEqualByComparingTo("30.00");
        String goalPage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/plans/goals/" + g.id())
                        .param("boundaries", "own").with(user))
                .andExpect(status.isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(goalPage).contains("goal-years", "data-year=\"2025\"", "data-year=\"2030\"");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/plans/goals").with(user)).andExpect(status.isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/goals/" + g.id() + "/progress")
                        .param("boundaries", "today").with(user))
                .andExpect(status.isOk()).andExpect(json.apply("$.years[0].goalRate"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/goals/" + g.id() + "/progress.xlsx")
                        .with(user)).andExpect(status.isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/plans/goals/" + g.id())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(officerA)))
                .andExpect(status.isNotFound());
    }
}
