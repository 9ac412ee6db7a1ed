package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.demo.HouseholdGenerator;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class HouseholdImportTest {

    @Autowired HouseholdImport importer;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    RegistryFixture fixture;
    CurrentUser province;
    List<String> communes;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        province = fixture.loginAs(Role.PROVINCE_OFFICER, "province", "04");
        communes = List.of(fixture.communeCode("04", 0), fixture.communeCode("04", 1), fixture.communeCode("04", 2));
        fixture.generatedVillages(communes);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private Files generate(int count, long seed, String prefix) {
        HouseholdGenerator generator = new HouseholdGenerator(seed, 0.5, LocalDate.of(2026, 11, 1), 40 + seed % 50);
        List<HouseholdData> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String commune = communes.get(i % communes.size());
            data.add(GeneratedHouseholds.toData(generator.next(commune, prefix + i, false), "Bản " + (1 + i % 4)));
        }
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new Files(h.toString(StandardCharsets.UTF_8), m.toString(StandardCharsets.UTF_8));
    }

    private HouseholdImport.Result run(Files files) {
        return importer.importFiles(2026, "households.csv", new ByteArrayInputStream(files.households().getBytes(StandardCharsets.UTF_8)),
                "members.csv", new ByteArrayInputStream(files.members().getBytes(StandardCharsets.UTF_8)), province, p -> { });
    }

    private long households() {
        return jdbc.sql("SELECT count(*) FROM household WHERE province_code = '04'").query(Long.class).single();
    }

    @Test
    void aValidFileOfTenThousandHouseholdsIsStoredWhole() {
        long before = households();
        Files files = generate(10_000, 7, "K");

        HouseholdImport.Result result = run(files);

        assertThat(result.errors()).isEmpty();
        assertThat(result.stored()).isTrue();
        assertThat(result.households()).isEqualTo(10_000);
        assertThat(households()).isEqualTo(before + 10_000);
        long members = jdbc.sql("SELECT count(*) FROM household_member m JOIN household h ON h.province_code = m.province_code "
                + "AND h.id = m.household_id WHERE h.household_code LIKE 'K%' AND h.province_code = '04'").query(Long.class).single();
        assertThat(members).isEqualTo(result.members());
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE province_code = '04' AND household_code LIKE 'K%' AND poverty_status IS NOT NULL")
                .query(Long.class).single()).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT count(DISTINCT poverty_status) FROM household WHERE province_code = '04' AND household_code LIKE 'K%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);

        HouseholdImport.Result again = run(files);
        assertThat(again.stored()).isFalse();
        assertThat(again.errors()).extracting(ExchangeProblem::code).contains("exchange.household-registered");
        assertThat(households()).isEqualTo(before + 10_000);
    }

    @Test
    void oneInvalidValueStoresNothingAndNamesItsLineAndColumn() {
        long before = households();
        Files files = generate(50, 11, "Z");
        String[] lines = files.households().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        int column = header.indexOf("water_source");
        String[] cells = lines[17].split(",", -1);
        cells[column] = "river_bank";
        lines[17] = String.join(",", cells);
        Files broken = new Files(String.join("\r\n", lines) + "\r\n", files.members());

        HouseholdImport.Result result = run(broken);

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.column()).isEqualTo("water_source");
            assertThat(p.value()).isEqualTo("river_bank");
            assertThat(p.file()).isEqualTo("households.csv");
        });
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void theSameColumnsInXlsxAreImportedToo() {
        HouseholdGenerator generator = new HouseholdGenerator(21, 0.5, LocalDate.of(2026, 11, 1), 77);
        List<HouseholdData> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            data.add(GeneratedHouseholds.toData(generator.next(communes.get(i % 3), "X" + System.nanoTime() % 100000 + "-" + i, false), null));
        }
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(data, h);
        writer.writeMembersXlsx(data, m);
        long before = households();

        HouseholdImport.Result result = importer.importFiles(2026, "households.xlsx", new ByteArrayInputStream(h.toByteArray()),
                "members.xlsx", new ByteArrayInputStream(m.toByteArray()), province, p -> { });

        assertThat(result.errors()).isEmpty();
        assertThat(households()).isEqualTo(before + 40);
    }

    @Test
    void communesOutsideTheUsersAreaAreRefused() {
        CurrentUser commune = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", communes.get(0));
        Files files = generate(6, 13, "Y");
        HouseholdImport.Result result = importer.importFiles(2026, "h.csv",
                new ByteArrayInputStream(files.households().getBytes(StandardCharsets.UTF_8)), "m.csv",
                new ByteArrayInputStream(files.members().getBytes(StandardCharsets.UTF_8)), commune, p -> { });
        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).extracting(ExchangeProblem::code).containsOnly("exchange.commune-outside-scope").hasSize(4);
    }

    record Files(String households, String members) {
    }
}
