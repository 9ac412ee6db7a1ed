package vn.giamngheo.movement;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.movement.DecidedListsFixture.Commune;
import vn.giamngheo.movement.DecidedListsFixture.Decision;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** The movement page, its drill-down, the XLSX export, the API and the decision fragment. */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MovementService movements;
    @Autowired TemplateEngine templates;

    MockMvc mvc;
    MovementScenario s;
    CurrentUser province;
    Commune x;

    @BeforeAll
    void lists() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        DecidedListsFixture f = new DecidedListsFixture(jdbc);
        s = new MovementScenario(f, f.commune(registry.communeCode("14", 5)), f.commune(registry.communeCode("14", 6)),
                f.commune(registry.communeCode("01", 6)), "MP");
        province = registry.user(Role.PROVINCE_OFFICER, "province", "14");
        // commune X's list of 2020 holds a household that a later decision of commune Y lists too
        x = f.commune(registry.communeCode("14", 8));
        Commune y = f.commune(registry.communeCode("14", 9));
        long twice = f.newHouseholdId();
        Decision inX = f.decide(x, 2020, "MP-X/2020", of(2019, 12, 10), true);
        f.list(inX, twice, "MP-TWICE", "Lò Văn Hai", null, "poor", null);
        Decision inY = f.decide(y, 2020, "MP-Y/2020", of(2019, 12, 12), true);
        f.list(inY, twice, "MP-TWICE", "Lò Văn Hai", null, "poor", null);
    }

    @Test
    void thePageShowsBothReconciliationsInVietnamese() throws Exception {
        String page = page("/movements?unit=" + s.a.id() + "&year=2019");

        assertThat(page).contains("Biến động hộ nghèo, hộ cận nghèo", "Thoát nghèo", "Tái nghèo", "Nghèo phát sinh",
                "Thoát cận nghèo", "danh sách năm 2020");
        assertThat(cell(page, "count-poor-escaped")).isEqualTo("1");
        assertThat(cell(page, "count-poor-re_entered")).isEqualTo("1");
        assertThat(cell(page, "count-poor-newly_entered")).isEqualTo("3");
        assertThat(cell(page, "count-poor-departed")).isEqualTo("2");
        assertThat(cell(page, "count-poor-arrived")).isEqualTo("2");
        assertThat(cell(page, "count-near_poor-re_entered")).isEqualTo("1");
        assertThat(cell(page, "residual-poor")).isEqualTo("0");
        assertThat(cell(page, "newly-escaped")).isEqualTo("2");
        assertThat(page).doesNotContain("nonzero");
        assertThat(page("/movements?unit=" + s.a.id() + "&year=2019&lang=en")).contains("Movements of poor and near-poor",
                "Re-poor");
    }

    @Test
    void aCountOpensTheListOfItsHouseholds() throws Exception {
        String page = page("/movements?unit=" + s.a.id() + "&year=2019&list=poor&flow=departed");

        assertThat(page).contains("id=\"movement-households\"", s.code("H05"), s.code("H06"), "Chuyển đi", "Giải thể")
                .doesNotContain(s.code("H02") + "<");
        assertThat(page("/movements?unit=" + s.a.id() + "&year=2019&flow=newly_escaped"))
                .contains(s.code("H01"), s.code("H13"), "Hộ mới thoát nghèo");
        assertThat(page("/movements?unit=" + s.a.id() + "&year=2019&list=rich&flow=escaped"))
                .contains("id=\"movement-problem\"");
    }

    @Test
    void aResidualIsHighlightedNotHidden() throws Exception {
        String page = page("/movements?unit=" + x.id() + "&year=2019");

        assertThat(cell(page, "residual-poor")).isEqualTo("1");
        assertThat(page).contains("residual nonzero", "Không khớp: các biến động dẫn tới 0 hộ cuối kỳ nhưng danh sách cuối kỳ có 1 hộ");
    }

    @Test
    void theWorkbookHasMergedVietnameseHeadersTotalsAndTheHouseholds() throws Exception {
        long provinceId = new RegistryFixture(jdbc, users).unitId("province", "14");
        byte[] xlsx = mvc.perform(get("/movements.xlsx?unit=" + provinceId + "&year=2019").with(user(province)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Biến động");
            DataFormatter fmt = new DataFormatter();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO");
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Hộ nghèo");
            assertThat(sheet.getRow(4).getCell(10).getStringCellValue()).isEqualTo("Hộ cận nghèo");
            assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo("Đầu kỳ");
            assertThat(sheet.getMergedRegions()).anyMatch(r -> r.getFirstRow() == 4 && r.getFirstColumn() == 2
                    && r.getLastColumn() == 9);
            Row total = null;
            for (Row row : sheet) {
                if (row.getCell(1) != null && "Tổng cộng".equals(fmt.formatCellValue(row.getCell(1)))) {
                    total = row;
                }
            }
            assertThat(total).isNotNull();
            // poor: 6 at the start (A 5, B 1) + X and Y's household, escaped 1, re 1, newly 3 (+1 in Y), departed 1,
            // arrived 2; the end counts X's and Y's rows of the same household: residual 1
            assertThat(values(total, 2)).containsExactly(6L, 1L, 1L, 4L, 1L, 2L, 12L, 1L);
            assertThat(values(total, 10)).containsExactly(4L, 1L, 1L, 1L, 1L, 0L, 4L, 0L);
            assertThat(total.getCell(9).getCellStyle().getFillForegroundColor()).isNotEqualTo(total.getCell(8).getCellStyle().getFillForegroundColor());
            Sheet households = wb.getSheet("Danh sách hộ");
            assertThat(households.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Mã hộ");
            assertThat(households.getLastRowNum()).isGreaterThanOrEqualTo(12);
        }
        long exports = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'movement'")
                .query(Long.class).single();
        assertThat(exports).isPositive();
    }

    @Test
    void theApiAnswersWithTheReconciliationsAndOnRequestTheHouseholdsOfACategory() throws Exception {
        mvc.perform(get("/api/v1/movements").param("unit", String.valueOf(s.a.id())).param("year", "2019").with(user(province)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.poor.start").value(5))
                .andExpect(jsonPath("$.poor.escaped").value(1))
                .andExpect(jsonPath("$.poor.reEntered").value(1))
                .andExpect(jsonPath("$.poor.newlyEntered").value(3))
                .andExpect(jsonPath("$.poor.departed").value(2))
                .andExpect(jsonPath("$.poor.arrived").value(2))
                .andExpect(jsonPath("$.poor.end").value(8))
                .andExpect(jsonPath("$.poor.residual").value(0))
                .andExpect(jsonPath("$.nearPoor.end").value(4))
                .andExpect(jsonPath("$.households.length()").value(0));
        mvc.perform(get("/api/v1/movements").param("unit", String.valueOf(s.a.id())).param("year", "2019")
                        .param("list", "poor").param("flow", "re_entered").with(user(province)))
                .andExpect(jsonPath("$.households.length()").value(1))
                .andExpect(jsonPath("$.households[0].householdCode").value(s.code("H02")))
                .andExpect(jsonPath("$.households[0].fromStatus").value("average"))
                .andExpect(jsonPath("$.households[0].toStatus").value("poor"));
        mvc.perform(get("/api/v1/movements/decisions/" + s.a2020.id()).with(user(province)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(10));
    }

    @Test
    void theApiRefusesBadRequestsAndHidesOtherAreas() throws Exception {
        CurrentUser officerOfB = new RegistryFixture(jdbc, users).user(Role.COMMUNE_OFFICER, "commune", s.b.code());

        mvc.perform(get("/api/v1/movements?unit=" + s.a.id() + "&year=abc").with(user(province)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("year")));
        mvc.perform(get("/api/v1/movements?unit=" + s.a.id()).with(user(province))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/movements?unit=" + s.a.id() + "&year=1990").with(user(province))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/movements?unit=" + s.a.id() + "&year=2019&list=poor&flow=vanished").with(user(province)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/movements?unit=" + s.a.id() + "&year=2019").with(user(officerOfB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/movements/decisions/" + s.a2020.id()).with(user(officerOfB))).andExpect(status().isNotFound());
        mvc.perform(get("/movements?unit=" + s.a.id() + "&year=2019").with(user(officerOfB))).andExpect(status().isNotFound());
    }

    @Test
    void theDecisionFragmentListsEachHouseholdWithItsMovement() {
        Context ctx = new Context(Locale.forLanguageTag("vi"), Map.of("rows", movements.forDecision(s.a2020.id(), province)));
        String html = templates.process("movement/fragments", Set.of("decisionMovements(rows)"), ctx);

        assertThat(html).contains("id=\"decision-movements\"", s.code("H01"), "<span>Thoát nghèo; </span><span>Cận nghèo phát sinh; </span><span>Hộ mới thoát nghèo</span>",
                "Tái nghèo", "Hộ nghèo chuyển đến", "Không thay đổi", "Nghèo</span>\n        → <span>Cận nghèo");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(province))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String cell(String html, String id) {
        var m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element " + id).isTrue();
        return m.group(1).strip();
    }

    private static java.util.List<Long> values(Row row, int first) {
        java.util.List<Long> values = new java.util.ArrayList<>();
        for (int c = first; c < first + 8; c++) {
            values.add((long) row.getCell(c).getNumericCellValue());
        }
        return values;
    }
}
