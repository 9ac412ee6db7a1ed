package vn.giamngheo.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.monitoring.MonitoringTestClock;
import vn.giamngheo.programme.ProgrammeWeb;

/** The programme's pages, exports and API, in Vietnamese first, scoped to the user's area. */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=monitor2")
@Import(MonitoringTestClock.class)
class ProgrammePagesTest {

    @Autowired MonitoringTestClock.Settable clock;

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void aCommuneImportsItsBudgetAndDownloadsTheCostTable() throws Exception {
        MockMvc mvc = mvc();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 40);
        long unit = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);

        String catalogue = mvc.perform(get("/programme").param("period", "2021-2025").with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(catalogue).contains("Danh mục chương trình", "Tiểu dự án 2: Cải thiện dinh dưỡng", "Nông nghiệp và Phát triển nông thôn")
                .doesNotContain("id=\"item-form\"");

        String broken = BudgetImportTest.quoteItems(BudgetImportTest.GOOD).replace("200,200,0,0,0,0", "200,290,0,0,0,0");
        String refused = mvc.perform(multipart("/programme/budget/import").file(csv(broken)).with(user(officer)).with(csrf())
                        .param("unit", String.valueOf(unit)).param("year", "2025").param("period", "2021-2025").param("stage", "allocated"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"import-problems\"", "Dòng 9, central:");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_line WHERE unit_id = :u").param("u", unit).query(Long.class).single()).isZero();

        MvcResult imported = mvc.perform(multipart("/programme/budget/import").file(csv(BudgetImportTest.quoteItems(BudgetImportTest.GOOD)))
                        .with(user(officer)).with(csrf()).param("unit", String.valueOf(unit)).param("year", "2025")
                        .param("period", "2021-2025").param("stage", "allocated"))
                .andReturn();
        assertThat(imported.getResponse().getRedirectedUrl()).startsWith("/programme/budget?unit=" + unit);

        String page = mvc.perform(get("/programme/budget").param("unit", String.valueOf(unit)).param("year", "2025")
                        .param("period", "2021-2025").param("stage", "allocated").with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"cost-table\"", "5.730", "Biểu khớp", "id=\"lines-form\"");

        // half of every allocation disbursed (three decimals kept): the rate column reads 50.00 on every allocated row
        jdbc.sql("UPDATE budget_line SET disbursed = allocated / 2 WHERE unit_id = :u").param("u", unit).update();
        MvcResult xlsx = mvc.perform(get("/programme/budget/export").param("unit", String.valueOf(unit)).param("year", "2025")
                .param("period", "2021-2025").param("stage", "allocated").param("format", "xlsx").with(user(officer))).andReturn();
        assertThat(xlsx.getResponse().getContentType()).isEqualTo(ProgrammeWeb.XLSX.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("KẾ HOẠCH VỐN GIAO").endsWith("NĂM 2025");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Ngân sách trung ương");
            assertThat(sheet.getMergedRegions()).anyMatch(r -> r.getFirstRow() == 3 && r.getFirstColumn() == 4 && r.getLastColumn() == 6);
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(5730.0);
            assertThat(sheet.getRow(3).getCell(CostTableLayout.RATE).getStringCellValue()).isEqualTo("Tỷ lệ giải ngân (%)");
            assertThat(sheet.getRow(5).getCell(CostTableLayout.RATE).getNumericCellValue()).isEqualTo(50.0);
            // a row without allocation has no rate (blank, not 0)
            boolean blankRate = false;
            for (int r = 6; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(3) != null && row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && row.getCell(3).getNumericCellValue() == 0.0) {
                    assertThat(row.getCell(CostTableLayout.RATE).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
                    blankRate = true;
                }
            }
            assertThat(blankRate).isTrue();
            boolean signature = false;
            for (var row : sheet) {
                for (var cell : row) {
                    signature |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("THỦ TRƯỞNG ĐƠN VỊ");
                }
            }
            assertThat(signature).isTrue();
        }
        byte[] pdf = mvc.perform(get("/programme/budget/export").param("unit", String.valueOf(unit)).param("year", "2025")
                .param("period", "2021-2025").param("stage", "allocated").param("format", "pdf").with(user(officer)))
                .andReturn().getResponse().getContentAsByteArray();
        String pdfText = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(pdfText).startsWith("%PDF").contains("LiberationSerif").contains("/FontFile2");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'cost_table' AND entity_id = :u")
                .param("u", String.valueOf(unit)).query(Long.class).single()).isEqualTo(2);

        // the same table as a Word file to edit: the State's format on A4 landscape, central budget merged over three columns
        MvcResult docx = mvc.perform(get("/programme/budget/export").param("unit", String.valueOf(unit)).param("year", "2025")
                .param("period", "2021-2025").param("stage", "allocated").param("format", "docx").with(user(officer))).andReturn();
        assertThat(docx.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        byte[] word = docx.getResponse().getContentAsByteArray();
        vn.giamngheo.document.DocxChecks.assertOfficial(word, true);
        assertThat(vn.giamngheo.document.DocxChecks.repeatedHeaderRows(word).get(0)).contains("Ngân sách trung ương", "Tổng cộng");
        assertThat(vn.giamngheo.document.DocxChecks.repeatedHeaderRows(word).get(1)).contains("Tổng số", "Đầu tư phát triển", "Sự nghiệp");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'cost_table' AND entity_id = :u")
                .param("u", String.valueOf(unit)).query(Long.class).single()).isEqualTo(3);
        vn.giamngheo.document.LibreOffice.require();
        java.nio.file.Path converted = vn.giamngheo.document.LibreOffice.convert("cost-table.docx", word);
        assertThat(vn.giamngheo.document.LibreOffice.text(converted)).contains("KẾ HOẠCH VỐN GIAO", "5.730", "50,00",
                "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ");
        assertThat(vn.giamngheo.document.LibreOffice.pageSizes(converted)).allSatisfy(size ->
                assertThat(size[0]).as("landscape").isGreaterThan(size[1]));
    }

    @Test
    void theApiKeepsUsersInTheirAreaAndRefusesBadLinesWhole() throws Exception {
        MockMvc mvc = mvc();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 41);
        long unit = fixture.unitId("commune", commune);
        long other = fixture.unitId("commune", fixture.communeCode("08", 42));
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        long leaf = jdbc.sql("SELECT id FROM programme_item WHERE period_code = '2021-2025' AND code = 'DA5'").query(Long.class).single();

        assertThat(mvc.perform(get("/api/v1/budget/cost-table").param("unit", String.valueOf(other)).param("year", "2025")
                .param("period", "2021-2025").with(user(officer))).andReturn().getResponse().getStatus()).isEqualTo(404);
        String bad = "[{\"itemId\":" + leaf + ",\"source\":\"local\",\"allocated\":10},{\"itemId\":" + leaf
                + ",\"source\":\"bank\",\"allocated\":-1}]";
        // the lines as read: their version is the GET's ETag, sent back in If-Match
        String read = mvc.perform(get("/api/v1/budget/lines").param("unit", String.valueOf(unit)).param("year", "2025")
                .param("period", "2021-2025").with(user(officer))).andReturn().getResponse().getHeader("ETag");
        assertThat(read).isNotBlank();
        MvcResult refused = mvc.perform(put("/api/v1/budget/lines").param("unit", String.valueOf(unit)).param("year", "2025")
                .header("If-Match", read).contentType(MediaType.APPLICATION_JSON).content(bad).with(user(officer)).with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("programme.problem.amount-negative");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_line WHERE unit_id = :u").param("u", unit).query(Long.class).single()).isZero();
        String good = "[{\"itemId\":" + leaf + ",\"source\":\"local\",\"allocated\":10,\"disbursed\":4}]";
        assertThat(mvc.perform(put("/api/v1/budget/lines").param("unit", String.valueOf(unit)).param("year", "2025")
                .contentType(MediaType.APPLICATION_JSON).content(good).with(user(viewer)).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        MvcResult withoutVersion = mvc.perform(put("/api/v1/budget/lines").param("unit", String.valueOf(unit))
                .param("year", "2025").contentType(MediaType.APPLICATION_JSON).content(good).with(user(officer)).with(csrf()))
                .andReturn();
        assertThat(withoutVersion.getResponse().getStatus()).isEqualTo(400);
        assertThat(withoutVersion.getResponse().getContentAsString()).contains("programme.problem.version-required");
        MvcResult saved = mvc.perform(put("/api/v1/budget/lines").param("unit", String.valueOf(unit)).param("year", "2025")
                .header("If-Match", read).contentType(MediaType.APPLICATION_JSON).content(good).with(user(officer)).with(csrf()))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        assertThat(saved.getResponse().getHeader("ETag")).isNotEqualTo(read);
        // a second save from the same read would overwrite the first: refused, nothing changes
        String overwrite = "[{\"itemId\":" + leaf + ",\"source\":\"local\",\"allocated\":99}]";
        MvcResult stale = mvc.perform(put("/api/v1/budget/lines").param("unit", String.valueOf(unit)).param("year", "2025")
                .param("version", read).contentType(MediaType.APPLICATION_JSON).content(overwrite).with(user(officer)).with(csrf()))
                .andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(400);
        assertThat(stale.getResponse().getContentAsString()).contains("programme.problem.stale");
        String table = mvc.perform(get("/api/v1/budget/cost-table").param("unit", String.valueOf(unit)).param("year", "2025")
                .param("period", "2021-2025").with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(table).contains("\"disbursementRate\":40.00");
    }

    @Test
    void theProvinceOpensAPeriodAndTheReportPagesShowIt() throws Exception {
        MockMvc mvc = mvc();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        String commune = fixture.communeCode("08", 43);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);

        MvcResult created = mvc.perform(post("/monitoring/reports/periods").with(user(province)).with(csrf())
                .param("year", "2028").param("kind", "quarter").param("number", "2")).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/monitoring/reports?year=2028&kind=quarter");
        String list = mvc.perform(get("/monitoring/reports").param("year", "2028").with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"report-table\"", "05/07/2028").doesNotContain("id=\"period-form\"");
        long id = jdbc.sql("SELECT id FROM monitoring_report WHERE unit_id = :u AND year = 2028 AND kind = 'quarter' AND number = 2")
                .param("u", fixture.unitId("commune", commune)).query(Long.class).single();
        String report = mvc.perform(get("/monitoring/reports/" + id).with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("id=\"values-form\"", "Lưu và gửi", "15/03/2028 – 14/06/2028");
        // the data of the second quarter run to 14 June: the report can be sent from the 15th
        clock.setDay(LocalDate.of(2028, 6, 15));
        MvcResult sent = mvc.perform(post("/monitoring/reports/" + id + "/values").with(user(officer)).with(csrf())
                .param("submit", "1")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/monitoring/reports/" + id);
        String review = mvc.perform(get("/monitoring/reports/" + id).param("lang", "en").with(user(province)))
                .andReturn().getResponse().getContentAsString();
        assertThat(review).contains("id=\"approve-form\"", "id=\"return-form\"", "sent");
        String returned = mvc.perform(post("/monitoring/reports/" + id + "/return").with(user(province)).with(csrf()).param("reason", ""))
                .andReturn().getResponse().getContentAsString();
        assertThat(returned).contains("Ghi rõ lý do trả lại báo cáo.");

        String indicators = mvc.perform(get("/monitoring/indicators").param("year", "2028").with(user(province)))
                .andReturn().getResponse().getContentAsString();
        assertThat(indicators).contains("id=\"framework-table\"", "Tỷ lệ người thuộc hộ nghèo có bảo hiểm y tế");
        MvcResult framework = mvc.perform(get("/monitoring/indicators/export").param("year", "2028").with(user(province))).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(framework.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("Chỉ tiêu");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo("POOR_RATE");
        }
        String overdue = mvc.perform(get("/api/v1/monitoring/reports/overdue").param("date", "2028-07-06").with(user(province)))
                .andReturn().getResponse().getContentAsString();
        // the sent report is not overdue (other tests of the shared database may leave reports of this commune)
        assertThat(overdue).contains("\"year\":2028").doesNotContain("{\"id\":" + id + ",");
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "budget.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void indicatorTargetsAreSavedFromTheTableAsReadAndASecondSaveFromTheSameReadIsRefused() throws Exception {
        MockMvc mvc = mvc();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 43);
        long unit = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        long indicator = jdbc.sql("SELECT min(id) FROM monitoring_indicator").query(Long.class).single();
        String page = mvc.perform(get("/monitoring/indicators").param("unit", String.valueOf(unit)).param("year", "2026")
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"([0-9a-f]{32})\"").matcher(page);
        assertThat(m.find()).as("the targets form carries the table's version").isTrue();
        String version = m.group(1);

        MvcResult first = mvc.perform(post("/monitoring/indicators/targets").param("unit", String.valueOf(unit))
                .param("year", "2026").param("version", version).param("target_" + indicator, "12")
                .with(user(officer)).with(csrf())).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).startsWith("/monitoring/indicators");
        MvcResult second = mvc.perform(post("/monitoring/indicators/targets").param("unit", String.valueOf(unit))
                .param("year", "2026").param("version", version).param("target_" + indicator, "30")
                .with(user(officer)).with(csrf())).andReturn();
        assertThat(second.getResponse().getRedirectedUrl()).isNull();
        assertThat(second.getResponse().getContentAsString()).contains("người khác thay đổi");
        assertThat(jdbc.sql("SELECT target FROM monitoring_target WHERE unit_id = :u AND indicator_id = :i AND year = 2026")
                .param("u", unit).param("i", indicator).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("12");
    }
}
