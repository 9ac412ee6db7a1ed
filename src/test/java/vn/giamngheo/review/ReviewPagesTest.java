package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.Role;

/** The review's pages, API and documents over HTTP: refusals shown with their reasons, exports readable. */
@Tag("database")
@SpringBootTest
class ReviewPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired VillageMeetings meetings;

    @Test
    void aRoundFromThePagesToTheDecisionItsAnnexAndCertificates() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = drive.commune(9);
        f.poor("PG-1", f.village1);
        f.nearPoor("PG-2", f.village1);

        MvcResult opened = mvc.perform(post("/reviews").with(user(f.officer)).with(csrf())
                .param("communeId", String.valueOf(f.communeId)).param("kind", "periodic").param("reviewYear", "2025")).andReturn();
        String location = opened.getResponse().getRedirectedUrl();
        assertThat(location).matches("/reviews/\\d+");
        long id = Long.parseLong(location.substring("/reviews/".length()));

        // an illegal jump is refused and the page says why, in Vietnamese
        MvcResult jump = mvc.perform(post(location + "/advance").with(user(f.officer)).with(csrf()).param("target", "meetings"))
                .andReturn();
        assertThat(jump.getFlashMap().get("problems").toString()).contains("phải đi lần lượt từng bước");
        mvc.perform(post(location + "/households").with(user(f.officer)).with(csrf()).param("what", "village")
                .param("villageId", String.valueOf(f.village1)));
        mvc.perform(post(location + "/advance").with(user(f.officer)).with(csrf()).param("target", "collecting"));
        mvc.perform(post(location + "/collect").with(user(f.officer)).with(csrf()));
        String page = mvc.perform(get(location).with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PG-1").contains("PG-2").contains("hộ nghèo").contains("hộ cận nghèo").contains("Thu thập thông tin");

        // the API refuses with 409 and every reason
        String refused = mvc.perform(post("/api/v1/reviews/" + id + "/advance").with(user(f.officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"preparing\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("review.refused.jump");

        rounds.advance(id, RoundState.MEETINGS, f.officer);
        meetings.record(id, ReviewWorkflowTest.meeting(f.village1, 12, 9), f.officer);
        mvc.perform(post(location + "/posting").with(user(f.officer)).with(csrf()).param("startedOn", "2025-11-03"));
        assertThat(rounds.get(id, f.officer).state()).isEqualTo(RoundState.POSTED);
        MvcResult early = mvc.perform(post(location + "/decision").with(user(f.chair)).with(csrf())
                .param("number", "88/QĐ-UBND").param("decidedOn", "2025-11-05").param("confirmed", "true")).andReturn();
        assertThat(early.getFlashMap().get("problems").toString()).contains("10/11/2025");
        mvc.perform(post(location + "/decision").with(user(f.chair)).with(csrf())
                .param("number", "88/QĐ-UBND").param("decidedOn", "2025-11-12").param("confirmed", "true"));
        page = mvc.perform(get(location).with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("88/QĐ-UBND").contains("data-list=\"poor\">1<").contains("data-list=\"near_poor\">1<")
                .contains("id=\"decision-movements\"");

        byte[] xlsx = mvc.perform(get(location + "/annex.xlsx").with(user(f.officer))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder text = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text).contains("PG-1").contains("PG-2").contains("Nguyễn Văn Hùng").contains("88/QĐ-UBND");
        }
        byte[] pdf = mvc.perform(get(location + "/certificates.pdf").with(user(f.officer))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("Nguyễn Văn Hùng").contains("Trần Thị Lan").contains("GIẤY CHỨNG NHẬN");
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'review_decision' AND username = :u")
                .param("u", f.officer.getUsername()).query(Long.class).single();
        assertThat(audits).isEqualTo(2);

        // another commune's officer sees nothing of it
        var other = f.registry.user(Role.COMMUNE_OFFICER, "commune", f.registry.communeCode("08", 10));
        assertThat(mvc.perform(get(location).with(user(other))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/reviews/" + id).with(user(other))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(location + "/certificates.pdf").with(user(other))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theListAndProgressPagesRenderInBothLanguages() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = drive.commune(11);
        rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2026, null, null), f.officer);
        String vi = mvc.perform(get("/reviews").with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(vi).contains("Rà soát hộ nghèo, hộ cận nghèo").contains("Chuẩn bị");
        String en = mvc.perform(get("/reviews?lang=en").with(user(f.officer))).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Reviews of poor and near-poor households").contains("Preparing");
        String progress = mvc.perform(get("/reviews/progress?year=2026").with(user(f.province))).andReturn().getResponse()
                .getContentAsString();
        assertThat(progress).contains("Rà soát định kỳ năm 2026").contains("Chưa mở");
    }

    /** The PDF's text as Poppler extracts it (skipped without Poppler, unless on CI). */
    static String pdfText(byte[] pdf) throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(pdftotext)) {
            Assumptions.assumeTrue(System.getenv("CI") != null, "pdftotext (poppler-utils) is not installed");
        }
        Path in = Files.createTempFile("review", ".pdf");
        Path out = Files.createTempFile("review", ".txt");
        Files.write(in, pdf);
        Process p = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", in.toString(), out.toString()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return java.text.Normalizer.normalize(Files.readString(out), java.text.Normalizer.Form.NFC);
    }
}
