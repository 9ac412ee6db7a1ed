package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Shares;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * {@code GET /api/v1/reports/data-values} on the generated report data of {@link ReportFixture}: every value equals the
 * independent count of {@link ReportOracle} (totals, by commune, urban/rural, by deprivation), rates are the percentages
 * of those counts, names come in the user's language, units outside the area and bad input are refused.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDataValuesTest {

    static final String PROVINCE = "96";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired WebApplicationContext context;

    ReportFixture data;
    ReportOracle oracle;
    CurrentUser provinceOfficer;
    CurrentUser otherProvince;
    MockMvc mvc;

    @BeforeAll
    void generate() {
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(200);
        oracle = new ReportOracle(jdbc);
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        otherProvince = fixture.user(Role.PROVINCE_OFFICER, "province", "01");
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private MockHttpServletResponse call(CurrentUser who, Locale locale, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/reports/data-values").with(user(who))
                .param("lang", locale.getLanguage());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response;
    }

    private JsonNode values(String... params) throws Exception {
        MockHttpServletResponse response = call(provinceOfficer, Locale.forLanguageTag("vi"), params);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    /** indicator/period/unit code/breakdown → value. */
    private static Map<String, BigDecimal> byKey(JsonNode answer) {
        Map<String, BigDecimal> map = new HashMap<>();
        for (JsonNode row : answer.get("rows")) {
            String key = row.get("indicator").asString() + "/" + row.get("period").asInt() + "/"
                    + row.get("unit").get("code").asString() + "/" + row.get("breakdown").asString();
            assertThat(map.put(key, row.get("value").decimalValue())).as("one value per key: %s", key).isNull();
        }
        return map;
    }

    private Counts total(int year) {
        return oracle.byCommune(PROVINCE, LocalDate.of(year, 12, 31)).values().stream()
                .flatMap(m -> m.values().stream()).reduce(Counts.ZERO, Counts::plus);
    }

    private String provinceCode() {
        return jdbc.sql("SELECT code FROM admin_unit WHERE id = :id").param("id", data.provinceId).query(String.class).single();
    }

    @Test
    void totalsOfSeveralPeriodsEqualIndependentCounts() throws Exception {
        JsonNode answer = values("indicator", "households,poor,near_poor,poor_rate,near_poor_rate", "period", "2025,2026",
                "unit", String.valueOf(data.provinceId), "boundaries", "today");
        Map<String, BigDecimal> values = byKey(answer);
        String unit = provinceCode();
        for (int year : List.of(2025, 2026)) {
            Counts c = total(year);
            assertThat(c.poor()).isPositive();
            assertThat(values.get("households/" + year + "/" + unit + "/total")).isEqualByComparingTo(BigDecimal.valueOf(c.households()));
            assertThat(values.get("poor/" + year + "/" + unit + "/total")).isEqualByComparingTo(BigDecimal.valueOf(c.poor()));
            assertThat(values.get("near_poor/" + year + "/" + unit + "/total")).isEqualByComparingTo(BigDecimal.valueOf(c.nearPoor()));
            assertThat(values.get("poor_rate/" + year + "/" + unit + "/total")).isEqualByComparingTo(Shares.percent(c.poor(), c.households()));
            assertThat(values.get("near_poor_rate/" + year + "/" + unit + "/total"))
                    .isEqualByComparingTo(Shares.percent(c.nearPoor(), c.households()));
        }
        assertThat(values).hasSize(10);
        JsonNode meta = answer.get("metaData");
        assertThat(meta.get("indicators").get("poor").asString()).isEqualTo("Số hộ nghèo");
        assertThat(meta.get("periods").get("2026").asString()).isEqualTo("Danh sách năm 2026");
        assertThat(meta.get("units").get(unit).get("id").asLong()).isEqualTo(data.provinceId);
        assertThat(meta.get("breakdowns").get("total").asString()).isEqualTo("Tổng số");
        assertThat(answer.get("basis").asString()).isEqualTo("recognised_lists");
        assertThat(answer.get("boundaries").asString()).isEqualTo("today");
    }

    @Test
    void childrenAndAreasAddUpToTheTotalAndEqualTheCountsByCommune() throws Exception {
        int year = 2026;
        Map<String, BigDecimal> byCommune = byKey(values("indicator", "poor,households", "period", "2026",
                "unit", String.valueOf(data.provinceId), "children", "true", "breakdown", "area"));
        Map<Long, Map<String, Counts>> expected = oracle.byCommune(PROVINCE, LocalDate.of(year, 12, 31));
        for (long commune : List.of(data.c1, data.c2, data.c3, data.c4)) {
            String code = jdbc.sql("SELECT code FROM admin_unit WHERE id = :id").param("id", commune).query(String.class).single();
            for (String area : List.of("urban", "rural")) {
                Counts c = expected.getOrDefault(commune, Map.of()).getOrDefault(area, Counts.ZERO);
                BigDecimal poor = byCommune.get("poor/" + year + "/" + code + "/" + area);
                if (poor == null) {
                    // a commune without figures has no rows (never 0): it had no households there either
                    assertThat(c.households()).as("%s %s", code, area).isZero();
                    continue;
                }
                assertThat(poor).as("%s %s", code, area).isEqualByComparingTo(BigDecimal.valueOf(c.poor()));
                assertThat(byCommune.get("households/" + year + "/" + code + "/" + area))
                        .isEqualByComparingTo(BigDecimal.valueOf(c.households()));
            }
        }
        BigDecimal sum = byCommune.entrySet().stream().filter(e -> e.getKey().startsWith("poor/"))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(BigDecimal.valueOf(total(year).poor()));
    }

    @Test
    void deprivationsEqualIndependentCountsPerIndicator() throws Exception {
        JsonNode answer = values("indicator", "deprived_poor,deprived_near_poor", "period", "2026",
                "unit", String.valueOf(data.provinceId));
        Map<String, BigDecimal> values = byKey(answer);
        String unit = provinceCode();
        LocalDate date = LocalDate.of(2026, 12, 31);
        Map<String, Long> poor = oracle.perCode(PROVINCE, date, "poor", "deprived");
        Map<String, Long> nearPoor = oracle.perCode(PROVINCE, date, "near_poor", "deprived");
        assertThat(poor).isNotEmpty();
        poor.forEach((code, n) -> assertThat(values.get("deprived_poor/2026/" + unit + "/" + code)).as(code)
                .isEqualByComparingTo(BigDecimal.valueOf(n)));
        nearPoor.forEach((code, n) -> assertThat(values.get("deprived_near_poor/2026/" + unit + "/" + code)).as(code)
                .isEqualByComparingTo(BigDecimal.valueOf(n)));
        assertThat(answer.get("metaData").get("breakdowns").get("housing_quality").asString()).doesNotContain("_");
    }

    @Test
    void namesInEnglishAndNoDataIsNotZero() throws Exception {
        MockHttpServletResponse response = call(provinceOfficer, Locale.ENGLISH, "indicator", "poor", "period", "2020",
                "unit", String.valueOf(data.provinceId));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.getContentAsString());
        assertThat(answer.get("metaData").get("indicators").get("poor").asString()).isEqualTo("Poor households");
        assertThat(answer.get("rows")).as("no list of 2020 in force: no values").isEmpty();
        assertThat(answer.get("metaData").get("noData").get(0).asString()).isEqualTo("2020/" + provinceCode());
    }

    @Test
    void outsideTheAreaAndBadInputAreRefusedWithProblemDetails() throws Exception {
        assertThat(call(otherProvince, Locale.ENGLISH, "unit", String.valueOf(data.provinceId)).getStatus()).isIn(403, 404);
        Object[][] bad = {{"indicator", "poverty"}, {"period", "26"}, {"period", "2015,2016,2017,2018,2019,2020,2021,2022,2023,2024,2025"},
            {"breakdown", "gender"}, {"boundaries", "yesterday"}};
        for (Object[] b : bad) {
            MockHttpServletResponse response = call(provinceOfficer, Locale.ENGLISH, (String) b[0], (String) b[1]);
            assertThat(response.getStatus()).as("%s=%s", b[0], b[1]).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        MockHttpServletResponse response = call(provinceOfficer, Locale.ENGLISH, "indicator", "deprived_poor", "children", "true");
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void theRulesOfTheParameters() {
        Object[][] periods = {{"2025,2026", List.of(2025, 2026)}, {" 2026 , 2026,2024", List.of(2026, 2024)}, {"", List.of(2030)},
            {null, List.of(2030)}};
        for (Object[] p : periods) {
            assertThat(ReportDataValuesController.periods((String) p[0], 2030)).as(String.valueOf(p[0])).isEqualTo(p[1]);
        }
        assertThat(ReportDataValuesController.indicators("POOR, poor_rate,,poor")).containsExactly(
                ReportDataValuesController.Indicator.POOR, ReportDataValuesController.Indicator.POOR_RATE);
        Counts c = new Counts(400, 37, 21, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(ReportDataValuesController.value(ReportDataValuesController.Indicator.POOR_RATE, c)).isEqualByComparingTo("9.25");
        assertThat(ReportDataValuesController.value(ReportDataValuesController.Indicator.NEAR_POOR_RATE, c)).isEqualByComparingTo("5.25");
        assertThat(ReportDataValuesController.value(ReportDataValuesController.Indicator.NEAR_POOR_RATE, Counts.ZERO)).isNull();
        assertThat(ReportDataValuesController.value(ReportDataValuesController.Indicator.HOUSEHOLDS, c)).isEqualByComparingTo("400");
    }
}
