package vn.giamngheo.household.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * {@code /households/export?labels=vi} (and the API): Vietnamese titles and labels that read back to the records
 * of the export with codes; the default is the export with codes, unchanged; an unknown choice is refused; the
 * import template downloads from the page and the API.
 */
@Tag("database")
@SpringBootTest
class HouseholdExportLabelsTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"/households/export, csv, 37", "/api/v1/households/export, csv, 38", "/households/export, xlsx, 39"})
    void theExportWithLabelsReadsBackToTheRecordsOfTheExportWithCodes(String path, String format, int n)
            throws Exception {
        MockMvc mvc = mvc();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", n);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        long village = fixture.village(commune, "Thôn Nà Lừa");
        String prefix = "LB" + System.nanoTime() % 100_000 + "-";
        for (HouseholdData data : GeneratedHouseholds.generate(25, 20_261_206L, 940_000L + System.nanoTime() % 1000,
                List.of(commune), prefix)) {
            registry.create(ExchangeMapping.toForm(data, village), officer);
        }
        String ext = "." + format;

        Map<String, byte[]> plain = unzip(mvc.perform(get(path).param("communeId", String.valueOf(communeId))
                .param("format", format).with(user(officer))).andReturn());
        Map<String, byte[]> codes = unzip(mvc.perform(get(path).param("communeId", String.valueOf(communeId))
                .param("format", format).param("labels", "codes").with(user(officer))).andReturn());
        Map<String, byte[]> labels = unzip(mvc.perform(get(path).param("communeId", String.valueOf(communeId))
                .param("format", format).param("labels", "vi").with(user(officer))).andReturn());

        ReadResult byCodes = read(codes, ext);
        ReadResult byLabels = read(labels, ext);
        assertThat(byCodes.problems()).isEmpty();
        assertThat(byLabels.problems()).isEmpty();
        assertThat(byLabels.households()).hasSizeGreaterThanOrEqualTo(25).isEqualTo(byCodes.households());
        if (format.equals("csv")) {
            assertThat(plain.get("households.csv")).isEqualTo(codes.get("households.csv"));
            assertThat(plain.get("members.csv")).isEqualTo(codes.get("members.csv"));
            String households = new String(labels.get("households.csv"), StandardCharsets.UTF_8);
            assertThat(households).startsWith("Mã hộ,Mã xã,Thôn/Tổ dân phố,").contains(",Thôn Nà Lừa,");
            assertThat(new String(plain.get("households.csv"), StandardCharsets.UTF_8)).startsWith("household_code,");
        } else {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(labels.get("households.xlsx")))) {
                assertThat(book.getSheet("households").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hộ");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND detail LIKE :d")
                .param("d", "% households of commune " + commune + " as " + format.toUpperCase() + " with Vietnamese labels")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void anUnknownChoiceOfLabelsIsRefused() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 37);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);

        MvcResult result = mvc().perform(get("/api/v1/households/export")
                .param("communeId", String.valueOf(fixture.unitId("commune", commune))).param("labels", "fr")
                .with(user(officer))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("labels").contains("fr");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/imports/template.xlsx", "/api/v1/imports/template.xlsx"})
    void theTemplateDownloads(String path) throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 37));

        MvcResult result = mvc().perform(get(path).with(user(officer))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).contains("spreadsheetml");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("mau-nhap-ho-gia-dinh.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheet("households").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hộ");
            assertThat(book.getSheetName(0)).isIn("Hướng dẫn", "Instructions");
        }
    }

    @Test
    void theTemplateNeedsASignedInUser() throws Exception {
        MvcResult result = mvc().perform(get("/api/v1/imports/template.xlsx")).andReturn();

        assertThat(result.getResponse().getStatus()).isIn(302, 401);
    }

    private static ReadResult read(Map<String, byte[]> files, String ext) {
        return new HouseholdFileReader(LocalDate.now().plusDays(1)).read("households" + ext,
                new ByteArrayInputStream(files.get("households" + ext)), "members" + ext,
                new ByteArrayInputStream(files.get("members" + ext)));
    }

    private static Map<String, byte[]> unzip(MvcResult result) throws IOException {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
