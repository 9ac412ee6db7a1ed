package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The page ({@code /imports}), the API ({@code POST /api/v1/households/import}) and the command line
 * ({@code import}) run one pipeline: the same bad files give the same problems, the same good files store the
 * same households (same data, same classification, same villages).
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportEntryPointsTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired ImportJobs jobs;
    @Autowired ImportCommand command;

    MockMvc mvc;
    CurrentUser officer;
    List<String> communes;
    String otherProvince;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        officer = fixture.user(Role.PROVINCE_OFFICER, "province", "12");
        communes = List.of(fixture.communeCode("12", 3), fixture.communeCode("12", 4));
        otherProvince = fixture.communeCode("08", 5);
        fixture.generatedVillages(communes);
    }

    record Pair(byte[] households, byte[] members) {
    }

    private static Pair csv(List<HouseholdData> data) {
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new Pair(h.toByteArray(), m.toByteArray());
    }

    /** A good pair of files: {@code count} households coded {@code prefix + i}, identity numbers of their own. */
    private Pair good(String prefix, long identityPrefix) {
        return csv(GeneratedHouseholds.generate(24, 17, identityPrefix, communes, prefix));
    }

    /** A pair the reader refuses: a value outside its code list (line 10). */
    private Pair unreadable(String prefix, long identityPrefix) {
        Pair good = good(prefix, identityPrefix);
        String[] lines = new String(good.households(), StandardCharsets.UTF_8).split("\r\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        lines[9] = replace(lines[9], header.indexOf("water_source"), "river_bank");
        return new Pair((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8), good.members());
    }

    /** A readable pair the validators refuse: a commune outside the area (line 4), an unknown one (line 7). */
    private Pair refused(String prefix, long identityPrefix) {
        Pair good = good(prefix, identityPrefix);
        String households = new String(good.households(), StandardCharsets.UTF_8);
        String members = new String(good.members(), StandardCharsets.UTF_8);
        return new Pair(moved(moved(households, prefix + "2", otherProvince), prefix + "5", "99999")
                .getBytes(StandardCharsets.UTF_8),
                moved(moved(members, prefix + "2", otherProvince), prefix + "5", "99999").getBytes(StandardCharsets.UTF_8));
    }

    /** The lines of one household (both files start with household_code, commune_code) moved to another commune. */
    private static String moved(String csv, String code, String commune) {
        String[] lines = csv.split("\r\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].split(",", -1)[header.indexOf("household_code")].equals(code)) {
                lines[i] = replace(lines[i], header.indexOf("commune_code"), commune);
            }
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String replace(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }

    /** What each entry point answered: stored or not, and its problems as file:line:column: value: code. */
    record Outcome(boolean stored, List<String> problems) {
    }

    private static String key(String file, int line, String column, String value, String code) {
        return file + ":" + line + ":" + column + ": " + value + ": " + code;
    }

    private Outcome page(Pair files) throws Exception {
        MockHttpServletResponse upload = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile("households", "households.csv", "text/csv", files.households()))
                        .file(new MockMultipartFile("members", "members.csv", "text/csv", files.members()))
                        .param("year", "2026").with(user(officer)).with(csrf()))
                .andReturn().getResponse();
        assertThat(upload.getRedirectedUrl()).startsWith("/imports/");
        ImportJobs.Job job = jobs.find(upload.getRedirectedUrl().substring("/imports/".length()), officer).orElseThrow();
        for (int i = 0; i < 1200 && !job.isDone(); i++) {
            Thread.sleep(50);
        }
        assertThat(job.isDone()).isTrue();
        assertThat(job.getFailure()).isNull();
        if (job.getResult() == null) { // the preview: refused, or confirmed to store what it shows
            assertThat(job.isPreview()).isTrue();
            if (!job.getPlan().wouldStore()) {
                return new Outcome(false, job.getPlan().errors().stream()
                        .map(p -> key(p.file(), p.line(), p.column(), p.value(), p.code())).toList());
            }
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .post("/imports/" + job.getId() + "/confirm").with(user(officer)).with(csrf()));
            for (int i = 0; i < 1200 && (!job.isDone() || job.getResult() == null); i++) {
                Thread.sleep(50);
            }
        }
        return new Outcome(job.getResult().stored(), job.getResult().errors().stream()
                .map(p -> key(p.file(), p.line(), p.column(), p.value(), p.code())).toList());
    }

    private Outcome api(Pair files) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/api/v1/households/import")
                        .file(new MockMultipartFile("households", "households.csv", "text/csv", files.households()))
                        .file(new MockMultipartFile("members", "members.csv", "text/csv", files.members()))
                        .param("year", "2026").with(user(officer)).with(csrf()))
                .andReturn().getResponse();
        JsonNode body = new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        boolean stored = body.get("stored").asBoolean();
        assertThat(response.getStatus()).isEqualTo(stored ? 201 : 400);
        List<String> problems = new ArrayList<>();
        for (JsonNode p : body.get("problems")) {
            if ("error".equals(p.get("severity").asText())) {
                problems.add(key(p.get("file").asText(), p.get("line").asInt(), p.get("column").asText(),
                        p.get("value").asText(), p.get("code").asText()));
                assertThat(p.get("message").asText()).isNotBlank().doesNotStartWith("exchange.");
            }
        }
        return new Outcome(stored, problems);
    }

    private Outcome command(Pair files) throws Exception {
        Path dir = Files.createTempDirectory("import-entry-points");
        Path h = Files.write(dir.resolve("households.csv"), files.households());
        Path m = Files.write(dir.resolve("members.csv"), files.members());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of("--year", "2026", "--households", h.toString(), "--members", m.toString(),
                        "--as", officer.getUsername()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isIn(0, 1);
        // the command prints file:line:column: value: message; its messages are the pipeline's, so compare by them
        List<String> printed = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("warning: ")).toList();
        return new Outcome(status == 0, printed);
    }

    @Test
    void theSameBadFilesGiveTheSameProblemsEverywhere() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM household WHERE province_code = '12'").query(Long.class).single();
        Pair unreadable = unreadable("EPU", 611);
        Pair refused = refused("EPR", 612);

        assertSameEverywhere(unreadable,
                key("households.csv", 10, "water_source", "river_bank", ExchangeProblem.INVALID_VALUE));
        assertSameEverywhere(refused,
                key("households.csv", 4, "commune_code", otherProvince, "exchange.commune-outside-scope"),
                key("households.csv", 7, "commune_code", "99999", "exchange.commune-unknown"));
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE province_code = '12'").query(Long.class).single())
                .as("nothing stored").isEqualTo(before);
    }

    private void assertSameEverywhere(Pair files, String... expected) throws Exception {
        Outcome page = page(files);
        Outcome api = api(files);
        Outcome command = command(files);

        assertThat(page.stored()).isFalse();
        assertThat(page.problems()).containsExactlyInAnyOrder(expected);
        assertThat(api).isEqualTo(page);
        assertThat(command.stored()).isFalse();
        assertThat(command.problems()).hasSameSizeAs(page.problems());
        for (String p : page.problems()) {
            String[] parts = p.split(": ");
            assertThat(command.problems()).anySatisfy(line -> assertThat(line).startsWith(parts[0] + ": " + parts[1] + ": "));
        }
    }

    @Test
    void theSameGoodFilesStoreTheSameHouseholdsEverywhere() throws Exception {
        assertThat(page(good("EPP", 621)).stored()).isTrue();
        assertThat(api(good("EPA", 622)).stored()).isTrue();
        assertThat(command(good("EPC", 623)).stored()).isTrue();

        List<String> byPage = stored("EPP");
        assertThat(byPage).hasSize(24);
        assertThat(byPage.stream().filter(s -> s.contains("|null|")).count()).as("classified").isLessThan(24);
        assertThat(stored("EPA")).isEqualTo(byPage);
        assertThat(stored("EPC")).isEqualTo(byPage);
        assertThat(members("EPA")).isEqualTo(members("EPP")).isEqualTo(members("EPC")).isNotEmpty();
        for (String prefix : List.of("EPP", "EPA", "EPC")) {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM audit_log a JOIN import_batch b ON a.entity_id = b.id::text
                            WHERE a.action = 'IMPORT' AND a.entity = 'import_batch' AND b.id = (SELECT DISTINCT import_id FROM household
                                                                  WHERE province_code = '12' AND household_code LIKE :p)""")
                    .param("p", prefix + "%").query(Long.class).single()).as("IMPORT audited").isEqualTo(1);
            // what the row triggers did before, now set-based: every row audited, numbers held, reports counted
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM audit_log a JOIN household h ON a.entity_id = h.id::text
                            WHERE a.action = 'CREATE' AND a.entity = 'household' AND h.province_code = '12'
                              AND a.after_value ->> 'household_code' = h.household_code AND h.household_code LIKE :p""")
                    .param("p", prefix + "%").query(Long.class).single()).as("households audited").isEqualTo(24);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM household_member m JOIN household h ON h.province_code = m.province_code
                                AND h.id = m.household_id
                            WHERE h.province_code = '12' AND h.household_code LIKE :p
                              AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'CREATE'
                                              AND a.entity = 'household_member' AND a.entity_id = m.id::text)""")
                    .param("p", prefix + "%").query(Long.class).single()).as("members without audit row").isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM household_member m JOIN household h ON h.province_code = m.province_code
                                AND h.id = m.household_id
                            WHERE h.province_code = '12' AND h.household_code LIKE :p AND m.id_number IS NOT NULL
                              AND NOT EXISTS (SELECT 1 FROM citizen_identity i WHERE i.id_number = m.id_number
                                              AND i.member_id = m.id)""")
                    .param("p", prefix + "%").query(Long.class).single()).as("numbers not held").isZero();
            assertThat(jdbc.sql("""
                            SELECT count(DISTINCT s.household_id) FROM report_segment s JOIN household h
                                ON h.province_code = s.province_code AND h.id = s.household_id
                            WHERE h.province_code = '12' AND h.household_code LIKE :p""")
                    .param("p", prefix + "%").query(Long.class).single()).as("households in the report").isEqualTo(24);
        }
    }

    /** The stored households of a file, without their code prefix, id and time of storing. */
    private List<String> stored(String prefix) {
        return jdbc.sql("""
                        SELECT substr(h.household_code, 4) || '|' || c.code || '|' || coalesce(v.name, '-') || '|'
                               || coalesce(h.area, '-') || '|' || coalesce(h.address, '-') || '|'
                               || coalesce(h.income_per_capita::text, '-') || '|' || coalesce(h.b1_score::text, '-') || '|'
                               || h.housing_quality || '|' || h.floor_area_m2 || '|' || h.water_source || '|' || h.toilet
                               || '|' || h.internet_use || '|' || coalesce(h.telephone_use::text, '-') || '|'
                               || h.info_devices::text || '|' || h.causes::text || '|'
                               || coalesce(h.poverty_status, 'null') || '|' || coalesce(h.deprivation_count::text, 'null')
                               || '|' || h.classified_standard || '|' || h.classified_standard_version
                        FROM household h JOIN admin_unit c ON c.id = h.commune_id LEFT JOIN admin_unit v ON v.id = h.village_id
                        WHERE h.province_code = '12' AND h.household_code LIKE :p
                        ORDER BY length(h.household_code), h.household_code""")
                .param("p", prefix + "%").query(String.class).list();
    }

    private List<String> members(String prefix) {
        return jdbc.sql("""
                        SELECT substr(h.household_code, 4) || '|' || m.member_no || '|' || m.full_name || '|' || m.birth_date
                               || '|' || m.birth_year_only || '|' || m.sex || '|' || m.relation || '|' || m.education || '|'
                               || (m.id_number IS NULL)
                        FROM household_member m JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id
                        WHERE h.province_code = '12' AND h.household_code LIKE :p
                        ORDER BY length(h.household_code), h.household_code, m.member_no""")
                .param("p", prefix + "%").query(String.class).list();
    }
}
