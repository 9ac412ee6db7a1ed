package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.household.RegistryFixture;

/**
 * Issue 17 on the import page: a large invalid pair of files leaves a job of at most 1,000 problem objects whose
 * status page and progress poll stay small (with the counts per column); a file above the size limit is refused
 * before anything of it is read.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageLimitsTest {

    private static final int ROWS = 20_000;

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired ImportJobs jobs;

    MockMvc mvc;
    CurrentUser officer;
    String commune;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        commune = fixture.communeCode("08", 41);
        officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
    }

    @Test
    void aLargeInvalidFileLeavesAtMostAThousandProblemsAndASmallPage() throws Exception {
        StringBuilder households = new StringBuilder(
                "household_code,commune_code,income_per_capita,housing_quality,floor_area_m2,water_source,toilet,internet_use\n");
        StringBuilder members = new StringBuilder(
                "household_code,commune_code,member_no,full_name,id_number,birth_date,sex,ethnicity,relation,employment,"
                        + "working_capacity,health_insurance,education,in_school\n");
        for (int i = 0; i < ROWS; i++) {
            // every row wrong in three columns, and every member line of a household not in the file
            households.append("LIM").append(i).append(',').append(commune).append(",abc,palace,-1,drilled_well,semi_septic,true\n");
            members.append("NOPE").append(i).append(',').append(commune).append(",1,Tên,12345,1980,male,Kinh,head,farming,true,true,primary,false\n");
        }
        MockHttpServletResponse upload = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile("households", "households.csv", "text/csv", households.toString().getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("members", "members.csv", "text/csv", members.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("year", "2026").with(user(officer)).with(csrf()))
                .andReturn().getResponse();
        assertThat(upload.getRedirectedUrl()).startsWith("/imports/");
        String id = upload.getRedirectedUrl().substring("/imports/".length());
        ImportJobs.Job job = jobs.find(id, officer).orElseThrow();
        for (int i = 0; i < 1200 && !job.isDone(); i++) {
            Thread.sleep(100);
        }
        assertThat(job.isDone()).as("import finished").isTrue();
        assertThat(job.getFailure()).isNull();
        assertThat(job.getProblemCount()).as("all problems counted").isGreaterThan(3 * ROWS);
        assertThat(job.getProblems()).as("problem objects held").hasSize(1_000);
        assertThat(job.getResult().problems()).hasSizeLessThanOrEqualTo(1_000);

        String page = mvc.perform(get("/imports/" + id).with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String poll = mvc.perform(get("/imports/" + id + "/progress").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        System.out.printf("ImportPageLimits: %d problems counted, page %d bytes, poll %d bytes%n", job.getProblemCount(),
                page.getBytes(StandardCharsets.UTF_8).length, poll.getBytes(StandardCharsets.UTF_8).length);
        assertThat(page.length()).as("status page size").isLessThan(600_000);
        assertThat(poll.length()).as("progress poll size").isLessThan(600_000);
        assertThat(page).contains("id=\"import-problem-counts\"").contains("id=\"import-truncated\"")
                .doesNotContain("NOPE19999");
    }

    @Test
    void aFileAboveTheLimitIsRefusedBeforeItIsRead() throws Exception {
        MockMultipartFile huge = new MockMultipartFile("households", "households.csv", "text/csv", new byte[16]) {
            @Override
            public long getSize() {
                return 65L * 1024 * 1024;
            }

            @Override
            public byte[] getBytes() {
                throw new AssertionError("read although too large");
            }

            @Override
            public InputStream getInputStream() throws IOException {
                throw new AssertionError("read although too large");
            }
        };
        String page = mvc.perform(multipart("/imports").file(huge)
                        .file(new MockMultipartFile("members", "members.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
                        .param("year", "2026").with(user(officer)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-too-large\"").contains("64 MB");
    }
}
