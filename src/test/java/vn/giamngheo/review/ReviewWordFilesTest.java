package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.document.DocxChecks;
import vn.giamngheo.document.LibreOffice;
import vn.giamngheo.household.Household;
import vn.giamngheo.security.Role;

/**
 * The review's documents as Word files over HTTP: the annex, the certificates (all and one) and the minutes, in the
 * State's format, opened by LibreOffice; the same access checks, export audit and personal-data read log as the PDFs.
 */
@Tag("database")
@SpringBootTest
class ReviewWordFilesTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired VillageMeetings meetings;
    @Autowired ReviewDecisions decisions;

    @Test
    void annexCertificatesAndMinutesAsWordFilesForTheCommuneOnly() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ReviewFixture f = drive.commune(57);
        Household poor = f.poor("WF-1", f.village1);
        f.nearPoor("WF-2", f.village1);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        VillageMeeting meeting = meetings.record(id, ReviewWorkflowTest.meeting(f.village1, 12, 9), f.officer);
        rounds.post(id, LocalDate.of(2025, 11, 3), f.officer);
        decisions.decide(id, "88/QĐ-UBND", LocalDate.of(2025, 11, 12), f.chair);
        String base = "/reviews/" + id;

        byte[] annex = docx(mvc, base + "/annex.docx", f);
        byte[] certificates = docx(mvc, base + "/certificates.docx", f);
        byte[] one = docx(mvc, base + "/households/" + poor.id() + "/certificate.docx", f);
        byte[] minutes = docx(mvc, base + "/meetings/" + meeting.id() + "/minutes.docx", f);
        for (byte[] file : List.of(annex, certificates, one, minutes)) {
            DocxChecks.assertOfficial(file, false);
        }

        long exports = jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND username = :u AND detail LIKE '%DOCX%'""")
                .param("u", f.officer.getUsername()).query(Long.class).single();
        assertThat(exports).isEqualTo(4);
        List<String> routes = jdbc.sql("SELECT route FROM personal_data_read WHERE username = :u AND round_id = :r ORDER BY id")
                .param("u", f.officer.getUsername()).param("r", id).query(String.class).list();
        assertThat(routes).contains("/reviews/{id}/annex.docx", "/reviews/{id}/certificates.docx",
                "/reviews/{id}/households/{householdId}/certificate.docx", "/reviews/{id}/meetings/{meetingId}/minutes.docx");

        var other = f.registry.user(Role.COMMUNE_OFFICER, "commune", f.registry.communeCode("08", 10));
        for (String path : List.of("/annex.docx", "/certificates.docx", "/meetings/" + meeting.id() + "/minutes.docx")) {
            assertThat(mvc.perform(get(base + path).with(user(other))).andReturn().getResponse().getStatus())
                    .as(path + " for another commune").isEqualTo(404);
        }

        LibreOffice.require();
        String annexText = LibreOffice.text(LibreOffice.convert("review-annex.docx", annex));
        assertThat(annexText).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHỤ LỤC", "88/QĐ-UBND", "WF-1", "WF-2",
                "Nguyễn Văn Hùng", "TM. ỦY BAN NHÂN DÂN");
        Path certificatesPdf = LibreOffice.convert("review-certificates.docx", certificates);
        assertThat(LibreOffice.text(certificatesPdf)).contains("GIẤY CHỨNG NHẬN HỘ NGHÈO", "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO",
                "Nguyễn Văn Hùng", "Trần Thị Lan", "Số:");
        assertThat(LibreOffice.pageSizes(certificatesPdf)).as("one page a household").hasSize(2);
        assertThat(LibreOffice.text(LibreOffice.convert("review-minutes.docx", minutes)))
                .contains("BIÊN BẢN HỌP", "Hoàng Văn Thắng", "Lường Thị Mai", "WF-1");
    }

    private static byte[] docx(MockMvc mvc, String path, ReviewFixture f) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(f.officer))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).as(path).isEqualTo(DOCX);
        assertThat(response.getHeader("Content-Disposition")).as(path).contains(".docx");
        return response.getContentAsByteArray();
    }
}
