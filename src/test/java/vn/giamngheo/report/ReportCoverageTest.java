package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * One truth, labelled (issue 16, point 4), on generated data of a province no other test uses: every report says it
 * counts the recognised lists of its year; a year without any list in force is "no data" (page, files, API: null and
 * a flag), never 0; the 2027 report, decided in one commune of four, says how many of each and names the others. The
 * coverage is checked against independent SQL over {@code household_status}; the home page shows the same poor count.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCoverageTest {

    static final String PROVINCE = "86";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired ReportService reports;
    @Autowired RecognisedFigures figures;

    MockMvc mvc;
    ReportFixture data;
    CurrentUser officer;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(160);
        // the lists of 2027: decided in c1 only (its 2026 list carried over, the poor become near-poor)
        long[] d = data.decision(data.c1, 2027, LocalDate.of(2027, 1, 1), "ND07_2021");
        int copied = jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id,
                            list_year, effective_from, status, poor_kind, deprivation_count, deprived, standard_code,
                            standard_version, household_code, head_name, members, area, ethnic_minority, social_protection,
                            merit, causes)
                        SELECT province_code, household_id, commune_id, village_id, :d, :r, 2027, DATE '2027-01-01',
                               CASE WHEN status = 'poor' THEN 'near_poor' ELSE status END, NULL, deprivation_count, deprived,
                               standard_code, standard_version, household_code, head_name, members, area, ethnic_minority,
                               social_protection, merit, causes
                          FROM household_status
                         WHERE province_code = :p AND commune_id = :c AND list_year = 2026 AND NOT revoked
                           AND effective_from = DATE '2026-01-01'""")
                .param("d", d[1]).param("r", d[0]).param("p", PROVINCE).param("c", data.c1).update();
        assertThat(copied).isPositive();
        officer = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", PROVINCE);
    }

    /**
     * Independent count: the communes with a status row of the list year in force on its 31 December, and the
     * communes of today's map that an old commune with such rows became.
     */
    Set<Long> decidedBySql(int year) {
        return new HashSet<>(jdbc.sql("""
                        WITH d AS (SELECT DISTINCT commune_id FROM household_status
                                    WHERE province_code = :p AND NOT revoked AND list_year = :y
                                      AND effective_from <= make_date(:y, 12, 31))
                        SELECT commune_id FROM d
                        UNION SELECT us.successor_id FROM unit_succession us JOIN d ON d.commune_id = us.predecessor_id""")
                .param("p", PROVINCE).param("y", year).query(Long.class).list());
    }

    /** Independent count: whether any status row at all is in force on 31 December of the year. */
    boolean anyListBySql(int year) {
        return jdbc.sql("""
                        SELECT count(*) FROM household_status
                         WHERE province_code = :p AND NOT revoked AND effective_from <= make_date(:y, 12, 31)""")
                .param("p", PROVINCE).param("y", year).query(Long.class).single() > 0;
    }

    ReportSet compute(int year) {
        return reports.compute(reports.context(data.provinceId, year, "today", officer), ReportKind.RESULTS);
    }

    @ParameterizedTest(name = "list year {0}")
    @ValueSource(ints = {2020, 2021, 2025, 2026, 2027})
    void coverageAgreesWithIndependentCounts(int year) {
        Coverage c = compute(year).coverage();
        Set<Long> communes = Set.of(data.c1, data.c2, data.c3, data.c4);
        assertThat(c.communes()).extracting(s -> s.commune().id()).containsExactlyInAnyOrderElementsOf(communes);
        Set<Long> decided = c.communes().stream().filter(s -> s.state() == Coverage.State.DECIDED)
                .map(s -> s.commune().id()).collect(Collectors.toSet());
        Set<Long> expected = new HashSet<>(decidedBySql(year));
        expected.retainAll(communes);
        assertThat(decided).isEqualTo(expected);
        assertThat(c.hasData()).isEqualTo(anyListBySql(year));
        assertThat(c.complete()).isEqualTo(expected.size() == 4);
    }

    @Test
    void theFiguresThemselvesAreUnchangedOnlyLabelled() throws Exception {
        Counts total = compute(2026).results().total().all();
        String json = mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.provinceId))
                        .param("year", "2026").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"basis\":\"recognised_lists\"", "\"hasData\":true", "\"complete\":true",
                "\"noDataUnits\":[]", "\"Tổng cộng\"," + total.households() + "," + total.poor() + ",");
    }

    @Test
    void aYearWithoutAnyListIsNoDataEverywhere() throws Exception {
        assertThat(anyListBySql(2020)).isFalse();
        Counts total = compute(2020).results().total().all();
        assertThat(total.households()).isPositive();
        String page = html("/reports", "2020");
        assertThat(page).contains("Chưa có số liệu năm 2020", "<td class=\"num\">chưa có số liệu</td>",
                "danh sách hộ nghèo, hộ cận nghèo được công nhận");
        assertThat(page).doesNotContain("<td class=\"num\">0,00</td>");
        String dashboard = html("/dashboard", "2020");
        assertThat(dashboard).contains("id=\"dashboard-basis\"", "chưa có số liệu").doesNotContain("0 (0,00%)");
        String json = mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.provinceId))
                        .param("year", "2020").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"hasData\":false", "\"noList\":4", "\"decided\":0",
                "\"Tổng cộng\"," + total.households() + ",null,null");
        try (XSSFWorkbook book = xlsx("2020")) {
            Sheet sheet = book.getSheetAt(0);
            Row totals = find(sheet, "Tổng cộng");
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(total.households());
            assertThat(totals.getCell(3).getStringCellValue()).isEqualTo("chưa có số liệu");
            assertThat(find(sheet, "Chưa có số liệu: trong 4 xã được tính")).isNotNull();
        }
        String csv = new String(export("2020", "csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("chưa có số liệu", "Chưa có số liệu: trong 4 xã được tính");
    }

    @Test
    void aMixedYearSaysHowManyOfEachAndNamesTheUndecided() throws Exception {
        assertThat(decidedBySql(2027)).containsExactly(data.c1);
        List<String> names = jdbc.sql("SELECT name FROM admin_unit WHERE id IN (:ids) ORDER BY code")
                .param("ids", List.of(data.c2, data.c3, data.c4)).query(String.class).list();
        String page = html("/reports", "2027");
        assertThat(page).contains("Báo cáo gộp: trong 4 xã được tính, 1 xã đã có quyết định công nhận danh sách năm 2027; "
                + "3 xã chưa có, số liệu lấy theo danh sách năm trước còn hiệu lực (3 xã theo danh sách năm 2026 (chuẩn ",
                "Các xã chưa có quyết định công nhận danh sách năm 2027");
        for (String name : names) {
            assertThat(page).contains(name + " (");
        }
        String json = mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.provinceId))
                        .param("year", "2027").param("lang", "en").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"decided\":1", "\"earlierList\":3", "\"noList\":0", "\"mixed\":true",
                "\"communeId\":" + data.c2, "\"state\":\"earlier\"", "\"listYear\":2026", "Mixed report");
        try (XSSFWorkbook book = xlsx("2027")) {
            assertThat(find(book.getSheetAt(0), "Báo cáo gộp: trong 4 xã")).isNotNull();
            assertThat(find(book.getSheetAt(0), "Các xã chưa có quyết định công nhận danh sách năm 2027")).isNotNull();
        }
        // a commune that has not decided the year: all its figures from its earlier list, said so (not "mixed")
        String commune = mvc.perform(get("/reports").param("unit", String.valueOf(data.c2)).param("year", "2027")
                        .with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(commune).contains("Chưa xã nào trong 1 xã được tính có quyết định công nhận danh sách năm 2027: "
                + "số liệu lấy theo danh sách năm trước còn hiệu lực (1 xã theo danh sách năm 2026").doesNotContain("Báo cáo gộp");
        String pdf = ReportPagesTest.pdfText(export("2027", "pdf"));
        assertThat(pdf.replaceAll("\\s+", " ")).contains("Báo cáo gộp");
    }

    @Test
    void theBandsSayWhichCommunesHaveNoKnownRate() throws Exception {
        Set<Long> decided = decidedBySql(2025);
        decided.retainAll(Set.of(data.c1, data.c2, data.c3, data.c4));
        Coverage c = compute(2025).coverage();
        // in 2025 every commune with a list has the list of 2025 (decided on the old communes): the rest have none
        assertThat(c.count(Coverage.State.EARLIER)).isZero();
        int none = 4 - decided.size();
        assertThat(c.count(Coverage.State.NONE)).isEqualTo(none);
        String page = mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2025")
                        .param("report", "bands").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (none > 0) {
            assertThat(page).contains("Trong các xã được xếp nhóm, " + none + " xã chưa có danh sách được công nhận");
        } else {
            assertThat(page).doesNotContain("Trong các xã được xếp nhóm");
        }
    }

    @Test
    void theHomePageShowsTheRecognisedCountOfTheReports() throws Exception {
        int year = geography.today().getYear();
        Counts total = compute(year).results().total().all();
        RecognisedFigures.Figures f = figures.ofArea(officer, null);
        assertThat(f.year()).isEqualTo(year);
        assertThat(f.households()).isEqualTo(total.households());
        if (f.hasData()) {
            assertThat(f.poor()).isEqualTo(total.poor());
            assertThat(f.nearPoor()).isEqualTo(total.nearPoor());
        } else {
            assertThat(f.poor()).isNull();
        }
        String home = mvc.perform(get("/").with(user(officer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("Danh sách được công nhận năm " + year, "Kết quả phân loại tự động (chưa được công nhận)",
                "id=\"home-poor\">" + (f.hasData() ? String.format("%,d", total.poor()).replace(',', '.') : "chưa có số liệu") + "<");
    }

    private String html(String path, String year) throws Exception {
        return mvc.perform(get(path).param("unit", String.valueOf(data.provinceId)).param("year", year).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] export(String year, String format) throws Exception {
        return mvc.perform(get("/reports/export").param("unit", String.valueOf(data.provinceId)).param("year", year)
                        .param("format", format).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private XSSFWorkbook xlsx(String year) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(export(year, "xlsx")));
    }

    private static Row find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().startsWith(text)) {
                    return row;
                }
            }
        }
        return null;
    }
}
