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
        assertThat(html).contains("<svg", "role=\"img\"", "stroke-dasharray", "Báo cáo định kỳ quá hạn",
                "id=\"rates-chart\"", "id=\"trend-chart\"", vn.giamngheo.report.chart.Palette.VERMILION,
                "/dashboard/chart?unit=" + data.provinceId);
        assertThat(html).contains(vn.giamngheo.format.Formats.vietnamese().rate(total.poorRate() * 100, 2));
        for (String chart : List.of("rates", "trend")) {
            for (String format : List.of("svg", "png")) {
                mvc.perform(get("/dashboard/chart").param("unit", String.valueOf(data.provinceId)).param("chart", chart)
                                .param("format", format).with(user(officer)))
                        .andExpect(status().isOk())
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                                .string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
            }
        }
        mvc.perform(get("/dashboard/chart").param("unit", String.valueOf(data.provinceId)).param("chart", "pie")
                .param("format", "svg").with(user(officer))).andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/chart").param("unit", String.valueOf(data.provinceId)).param("chart", "rates")
                .param("format", "svg").with(user(outsider))).andExpect(status().isNotFound());
    }

    @Test
    void everyReportTableHasAChartDownloadableAsSvgAndPngInBothLanguages() throws Exception {
        java.util.Map<String, String> titles = java.util.Map.of("vi", "Tỷ lệ hộ nghèo, hộ cận nghèo theo đơn vị",
                "en", "Poor and near-poor rates by unit");
        for (String lang : List.of("vi", "en")) {
            for (String kind : List.of("results", "deprivations", "causes", "bands", "trends")) {
                String html = mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                                .param("report", kind).param("lang", lang).with(user(officer)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                int tables = occurrences(html, "class=\"report-table\"");
                assertThat(tables).as(kind).isPositive();
                assertThat(occurrences(html, "<figure class=\"chart\"")).as(kind + " charts").isEqualTo(tables);
                assertThat(occurrences(html, "role=\"img\"")).as(kind + " images").isEqualTo(tables);
                assertThat(html).contains("<desc id=\"chart-" + kind + "-0-desc\">");
                if (kind.equals("results")) {
                    assertThat(html).contains(titles.get(lang));
                }
                for (int table = 0; table < tables; table++) {
                    var svg = mvc.perform(get("/reports/chart").param("unit", String.valueOf(data.provinceId))
                                    .param("year", "2026").param("report", kind).param("table", String.valueOf(table))
                                    .param("format", "svg").param("lang", lang).with(user(officer)))
                            .andExpect(status().isOk()).andReturn().getResponse();
                    assertThat(svg.getContentType()).startsWith("image/svg+xml");
                    assertThat(svg.getHeader("Content-Disposition")).startsWith("attachment")
                            .contains("bieu-do-" + kind + "-96-2026-" + (table + 1) + ".svg");
                    String body = svg.getContentAsString(StandardCharsets.UTF_8);
                    assertThat(body).startsWith("<?xml").contains("<svg", "<title", "<desc");
                    // the file's text is the page's: same title in the reader's language
                    String title = body.substring(body.indexOf("aria-label=\"") + 12);
                    assertThat(html).contains("aria-label=\"" + title.substring(0, title.indexOf('"')) + "\"");
                    byte[] png = mvc.perform(get("/reports/chart").param("unit", String.valueOf(data.provinceId))
                                    .param("year", "2026").param("report", kind).param("table", String.valueOf(table))
                                    .param("format", "png").param("lang", lang).with(user(officer)))
                            .andExpect(status().isOk())
                            .andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();
                    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
                    assertThat(image.getWidth()).isEqualTo(2 * 760);
                }
            }
        }
        // a unit's rate in the chart is the report's, in the reader's conventions
        Counts first = reports.compute(reports.context(data.provinceId, 2026, "today", officer), ReportKind.RESULTS)
                .results().rows().stream().filter(r -> r.key().unit() != null && r.all().poorRate() != null)
                .findFirst().orElseThrow().all();
        for (String lang : List.of("vi", "en")) {
            String page = mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2026")
                            .param("lang", lang).with(user(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String chart = page.substring(page.indexOf("<figure class=\"chart\""), page.indexOf("</figure>"));
            assertThat(chart).contains(">" + vn.giamngheo.format.Formats.of(java.util.Locale.forLanguageTag(lang))
                    .rate(first.poorRate() * 100, 2) + "<");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'report' AND detail LIKE 'chart %'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2L * 6 * 2);
        // same checks as the report: outside the area, a wrong format or table
        mvc.perform(get("/reports/chart").param("unit", String.valueOf(data.provinceId)).param("format", "svg")
                .with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/chart").param("unit", String.valueOf(data.provinceId)).param("format", "gif")
                .with(user(officer))).andExpect(status().isBadRequest());
        mvc.perform(get("/reports/chart").param("unit", String.valueOf(data.provinceId)).param("format", "svg")
                .param("table", "3").with(user(officer))).andExpect(status().isBadRequest());
    }

    @Test
    void aYearWithoutRecognisedListsIsNoDataInTheChartsNotZero() throws Exception {
        // (the trend covers the years that have lists whatever the year asked: not here)
        for (String kind : List.of("results", "deprivations", "causes", "bands")) {
            String html = mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2020")
                            .param("report", kind).with(user(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String chart = html.substring(html.indexOf("<figure class=\"chart\""), html.indexOf("</figure>"));
            assertThat(chart).contains("chưa có số liệu").doesNotContain(" — Hộ nghèo: ", " — Số xã: ", "0,00%");
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
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
