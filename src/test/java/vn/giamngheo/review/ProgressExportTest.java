package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static vn.giamngheo.review.ReviewWorkflowTest.meeting;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.security.Role;

/**
 * The progress of the periodic review as XLSX (merged Vietnamese headers, the export audited) and over the API,
 * scoped to the user's area: a unit outside it answers 404.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class ProgressExportTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RoundDriver drive;
    @Autowired ReviewDecisions decisions;

    @Test
    void theProgressTableAsXlsxAndOverTheApiWithinTheUsersArea() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = drive.commune(29);
        f.poor("PX-1", f.village1);
        f.nearPoor("PX-2", f.village1);
        f.comfortable("PX-3", f.village2);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        drive.meetAndPost(id, LocalDate.of(2025, 12, 8), f.officer, // Monday: complaints run to 15 December
                meeting(f.village1, 10, 9), meeting(f.village2, 10, 9));
        decisions.decide(id, "160/QĐ-UBND", LocalDate.of(2025, 12, 16), f.chair); // two days late
        long province = f.registry.unitId("province", "08");

        // the commune's own officer: their commune by default
        MvcResult own = mvc.perform(get("/api/v1/reviews/progress").param("year", "2025").with(user(f.officer))).andReturn();
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getResponse().getContentAsString()).contains("\"unitCode\":\"" + f.communeCode + "\"")
                .contains("\"communeCount\":1").contains("\"decisionNumber\":\"160/QĐ-UBND\"").contains("\"late\":true")
                .contains("\"poor\":1").contains("\"nearPoor\":1").contains("\"households\":3")
                .contains("\"decisionDue\":\"2025-12-14\"")
                // issue 16: the status, the timeliness and whether the lists are known, with the totals by status
                .contains("\"phase\":\"decided\"").contains("\"timeliness\":\"late\"").contains("\"hasLists\":true")
                .contains("\"byPhase\":[{\"code\":\"not_opened\",\"communes\":0}").contains("\"withLists\":1");

        // the province: every commune, this one among them
        String all = mvc.perform(get("/api/v1/reviews/progress").param("unit", String.valueOf(province)).param("year", "2025")
                .with(user(f.province))).andReturn().getResponse().getContentAsString();
        assertThat(all).contains("\"communeCode\":\"" + f.communeCode + "\"").contains("\"unitCode\":\"08\"")
                // the province's other communes have not opened: late after the due day, their lists no data
                .contains("\"phase\":\"not_opened\"").contains("\"hasLists\":false");

        // outside the area: 404 for the page, the workbook and the API
        var other = f.registry.user(Role.COMMUNE_OFFICER, "commune", f.registry.communeCode("08", 30));
        for (String url : new String[]{"/reviews/progress", "/reviews/progress.xlsx", "/api/v1/reviews/progress"}) {
            assertThat(mvc.perform(get(url).param("unit", String.valueOf(f.communeId)).param("year", "2025")
                    .with(user(other))).andReturn().getResponse().getStatus()).as(url).isEqualTo(404);
            assertThat(mvc.perform(get(url).param("unit", String.valueOf(province)).param("year", "2025")
                    .with(user(f.officer))).andReturn().getResponse().getStatus()).as(url).isEqualTo(404);
        }
        assertThat(mvc.perform(get("/api/v1/reviews/progress").param("unit", "999999999").with(user(f.province)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        // the workbook: titles and a two-level header merged, one row per commune, the export audited
        MvcResult file = mvc.perform(get("/reviews/progress.xlsx").param("unit", String.valueOf(f.communeId))
                .param("year", "2025").with(user(f.officer))).andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getHeader("Content-Disposition")).contains("tien-do-ra-soat-" + f.communeCode + "-2025.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            StringBuilder text = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text).contains("TIẾN ĐỘ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO ĐỊNH KỲ NĂM 2025")
                    .contains("Quyết định công nhận").contains("Kết quả rà soát (số hộ)").contains("Hộ cận nghèo")
                    .contains(f.communeCode).contains("Đã quyết định").contains("Chờ tỉnh").contains("160/QĐ-UBND")
                    .contains("16/12/2025").contains("14/12/2025").contains("Quá hạn").contains("Tổng cộng")
                    .contains("Đã quyết định, chờ phê duyệt").contains("Theo trạng thái: Chưa mở: 0");
            assertThat(text).doesNotContain("Trễ hạn").doesNotContain("Đúng hạn");
            assertThat(sheet.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .anySatisfy(r -> assertThat(r).matches("F\\d+:G\\d+")) // "Quyết định công nhận" over number and date
                    .anySatisfy(r -> assertThat(r).matches("H\\d+:J\\d+")); // the lists' three columns
        }
        long audited = jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'review_round'
                        AND entity_id = :c AND username = :u""")
                .param("c", f.communeCode).param("u", f.officer.getUsername()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        // the page shows the same row as late, with the link to the workbook
        String page = mvc.perform(get("/reviews/progress").param("year", "2025").with(user(f.officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("160/QĐ-UBND").contains("id=\"progress-xlsx\"").contains("1 xã: 0 đã phê duyệt, 1 chưa hoàn thành, 1 quá hạn.");
    }
}
