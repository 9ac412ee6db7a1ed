package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
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
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Pages, API and the three export formats on generated data; every number read back from the files. */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {

    static final String PROVINCE = "96";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired ReportService reports;

    MockMvc mvc;
    ReportFixture data;
    CurrentUser officer;
    CurrentUser outsider;
    CurrentUser ministry;
    Counts total;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(300);
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        officer = fixture.user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        outsider = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("01", 0));
        ministry = ReportServiceTest.nationalUser(users);
        total = reports.compute(reports.context(data.provinceId, 2026, "today", officer), ReportKind.RESULTS)
                .results().total().all();
        assertThat(total.poor()).isPositive();
    }

    @Test
    void pageShowsTheTableWithDrillDownAndMethod() throws Exception {
        String html = mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                        .with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Hộ nghèo", "KHU VỰC THÀNH THỊ", "Tổng cộng", "Cách xếp hộ vào đơn vị",
                "href=\"/reports?unit=" + data.c1 + "&amp;year=2026&amp;boundaries=today&amp;report=results\"",
                String.format("%,d", total.households()).replace(',', '.'));
        String village = mvc.perform(get("/reports").param("unit", String.valueOf(data.c1)).param("year", "2026")
                        .param("report", "results").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(village).contains("Thôn Báo Cáo A");
        for (String kind : List.of("deprivations", "causes", "bands", "trends")) {
            mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2025")
                    .param("boundaries", "own").param("report", kind).with(user(officer))).andExpect(status().isOk());
        }
        mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports").param("lang", "en").with(user(ministry))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Poor households")));
    }

    @Test
    void xlsxHasMergedVietnameseHeadersFormatsTotalsAndSignature() throws Exception {
        byte[] xlsx = mvc.perform(get("/reports/export").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                        .param("format", "xlsx").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getNumMergedRegions()).isGreaterThan(5);
            Row totals = find(sheet, "Tổng cộng");
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(total.households());
            assertThat(totals.getCell(3).getNumericCellValue()).isEqualTo(total.poor());
            assertThat(totals.getCell(4).getNumericCellValue()).isCloseTo(total.poorRate(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(totals.getCell(4).getCellStyle().getDataFormatString()).contains("%");
            assertThat(totals.getCell(2).getCellStyle().getDataFormatString()).contains("#,##0");
            Row sub = sheet.getRow(find(sheet, "Hộ cận nghèo").getRowNum() + 1);
            int nearColumn = -1;
            for (Cell c : sub) {
                if ("Số hộ".equals(c.getStringCellValue())) {
                    nearColumn = c.getColumnIndex();   // the last "Số hộ" is under "Hộ cận nghèo"
                }
            }
            assertThat(totals.getCell(nearColumn).getNumericCellValue()).isEqualTo(total.nearPoor());
            assertThat(find(sheet, "Hộ cận nghèo")).isNotNull();
            assertThat(find(sheet, "I. KHU VỰC THÀNH THỊ")).isNotNull();
            assertThat(find(sheet, "THỦ TRƯỞNG ĐƠN VỊ")).isNotNull();
            assertThat(find(sheet, "ngày")).isNotNull();
        }
    }

    @Test
    void wordFileCarriesTheNumbersInTheStatesFormatOnA4Landscape() throws Exception {
        var response = mvc.perform(get("/reports/export").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                        .param("format", "docx").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(ReportExports.DOCX.toString());
        assertThat(response.getHeader("Content-Disposition")).contains(".docx");
        byte[] docx = response.getContentAsByteArray();
        vn.giamngheo.document.DocxChecks.assertOfficial(docx, true);
        assertThat(mvc.perform(get("/reports/export").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                .param("format", "docx").with(user(outsider))).andReturn().getResponse().getStatus()).isEqualTo(404);
        vn.giamngheo.document.LibreOffice.require();
        Path pdf = vn.giamngheo.document.LibreOffice.convert("report-results.docx", docx);
        assertThat(vn.giamngheo.document.LibreOffice.text(pdf)).contains("KẾT QUẢ RÀ SOÁT HỘ NGHÈO", "Tổng cộng",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:", String.format("%,d", total.households()).replace(',', '.'));
        assertThat(vn.giamngheo.document.LibreOffice.pageSizes(pdf)).allSatisfy(size ->
                assertThat(size[0]).as("landscape").isGreaterThan(size[1]));
    }

    @Test
    void pdfAndCsvCarryTheNumbersAndVietnameseText() throws Exception {
        byte[] pdf = mvc.perform(get("/reports/export").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                        .param("format", "pdf").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("KẾT QUẢ RÀ SOÁT HỘ NGHÈO", "Tổng cộng", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                String.format("%,d", total.households()).replace(',', '.'));
        byte[] csv = mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.provinceId))
                        .param("year", "2026").param("format", "csv").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String body = new String(csv, StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(body.substring(1))).getRecords();
        CSVRecord totals = records.stream().filter(r -> r.size() > 2 && "Tổng cộng".equals(r.get(1))).findFirst().orElseThrow();
        assertThat(totals.get(2)).isEqualTo(String.valueOf(total.households()));
        assertThat(totals.get(3)).isEqualTo(String.valueOf(total.poor()));
    }

    @Test
    void apiAnswersJsonScopedAndRefusesBadInput() throws Exception {
        mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.tables[0].lines[?(@.type == 'TOTAL')].values[2]")
                        .value(org.hamcrest.Matchers.contains((int) total.households())))
                .andExpect(jsonPath("$.tables[0].lines[?(@.type == 'TOTAL')].values[3]")
                        .value(org.hamcrest.Matchers.contains((int) total.poor())));
        mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.provinceId)).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/results").param("boundaries", "old").with(user(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").exists());
        mvc.perform(get("/api/v1/reports/everything").with(user(officer))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/results").param("format", "doc").with(user(officer))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/results").param("year", "abc").with(user(officer))).andExpect(status().isBadRequest());
    }

    @Test
    void dashboardDrawsChartsWithValuesAsText() throws Exception {
        String html = mvc.perform(get("/dashboard").param("unit", String.valueOf(data.provinceId)).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<svg", "url(#hatch)", "stroke-dasharray", "Báo cáo định kỳ quá hạn");
        String rate = String.format(java.util.Locale.ROOT, "%.2f", total.poorRate() * 100).replace('.', ',') + " %";
        assertThat(html).contains(rate);
    }

    private static Row find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(text)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no cell with '" + text + "'");
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path file = Path.of("target", "documents", "report-test.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        boolean present;
        try {
            present = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            present = false;
        }
        Assumptions.assumeTrue(present || System.getenv("CI") == null, "pdftotext missing");
        Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-").start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> lines = new ArrayList<>(text.lines().toList());
        return java.text.Normalizer.normalize(String.join("\n", lines), java.text.Normalizer.Form.NFC);
    }
}
