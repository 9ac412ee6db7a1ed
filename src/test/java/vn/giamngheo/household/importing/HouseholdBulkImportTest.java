package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class HouseholdBulkImportTest {

    @Autowired HouseholdBulkImport importer;
    @Autowired HouseholdRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @TempDir Path dir;

    RegistryFixture fixture;
    CurrentUser province;
    List<String> communes;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        province = fixture.loginAs(Role.PROVINCE_OFFICER, "province", "11");
        communes = List.of(fixture.communeCode("11", 0), fixture.communeCode("11", 1), fixture.communeCode("11", 2));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private List<HouseholdData> generate(int count, long seed, String prefix) {
        return GeneratedHouseholds.generate(count, seed, 900 + seed % 50, communes, prefix);
    }

    private Path[] write(List<HouseholdData> data, String name) throws IOException {
        Path h = dir.resolve(name + "-households.csv");
        Path m = dir.resolve(name + "-members.csv");
        try (OutputStream ho = Files.newOutputStream(h); OutputStream mo = Files.newOutputStream(m);
             HouseholdFileWriter.CsvPair pair = new HouseholdFileWriter().openCsv(ho, mo)) {
            data.forEach(pair::write);
        }
        return new Path[] {h, m};
    }

    private HouseholdBulkImport.Result run(Path[] files) {
        return importer.importFiles(2026, files[0], files[1], province, s -> { });
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void storesEveryHouseholdClassifiedAsTheRegistryWouldWithIdentitiesVillagesAndOneAuditEntry() throws IOException {
        List<HouseholdData> data = generate(400, 1, "BK");
        long members = data.stream().mapToLong(d -> d.members().size()).sum();
        long identities = data.stream().flatMap(d -> d.members().stream()).filter(m -> m.idNumber() != null).count();

        HouseholdBulkImport.Result result = run(write(data, "ok"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.stored()).isTrue();
        assertThat(result.households()).isEqualTo(400);
        assertThat(result.members()).isEqualTo(members);
        long id = result.importId();
        assertThat(count("SELECT count(*) FROM household WHERE import_id = " + id)).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM household_member m JOIN household h ON h.province_code = m.province_code"
                + " AND h.id = m.household_id WHERE h.import_id = " + id)).isEqualTo(members);
        assertThat(count("SELECT count(*) FROM citizen_identity c JOIN household_member m ON m.id = c.member_id"
                + " JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id WHERE h.import_id = " + id))
                .isEqualTo(identities);
        assertThat(count("SELECT count(*) FROM household WHERE import_id = " + id + " AND village_id IS NULL")).isZero();
        assertThat(count("SELECT count(DISTINCT village_id) FROM household WHERE import_id = " + id)).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM import_batch WHERE id = " + id + " AND status = 'stored' AND households = 400"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'IMPORT' AND entity = 'import_batch' AND entity_id = '"
                + id + "'")).isEqualTo(1);
        // the staging tables (the owner's, V35) are left empty
        assertThat(count("SELECT (SELECT count(*) FROM bulk_stage_household) + (SELECT count(*) FROM bulk_stage_member)"
                + " + (SELECT count(*) FROM bulk_stage_village)")).isZero();
        // the report aggregates' triggers were off: the import rebuilt its province (V20), so every imported
        // household (active, no status yet) is counted once, at its register place, in every year
        assertThat(count("SELECT count(*) FROM report_segment g JOIN household h ON h.province_code = g.province_code"
                + " AND h.id = g.household_id AND g.commune_id = h.commune_id AND g.village_id = h.village_id"
                + " AND g.status IS NULL AND g.from_year = -2147483648 AND g.to_year = 2147483647"
                + " WHERE h.import_id = " + id)).isEqualTo(400);

        Map<Long, String> bulk = statuses(id);
        assertThat(bulk.values()).anyMatch(s -> s.startsWith("poor/")).anyMatch(s -> s.startsWith("not_poor/"));
        registry.reclassifyImport(id);
        assertThat(statuses(id)).isEqualTo(bulk);
    }

    private Map<Long, String> statuses(long importId) {
        Map<Long, String> statuses = new java.util.HashMap<>();
        jdbc.sql("SELECT id, coalesce(poverty_status, '-') || '/' || coalesce(deprivation_count, -1) || '/' || classified_standard_version"
                        + " FROM household WHERE import_id = :i")
                .param("i", importId).query((rs, i) -> statuses.put(rs.getLong(1), rs.getString(2))).list();
        return statuses;
    }

    @Test
    void theSameFilesTwiceAreRefusedTheSecondTimeWithNothingStored() throws IOException {
        Path[] files = write(generate(50, 2, "TW"), "twice");
        assertThat(run(files).stored()).isTrue();
        long before = count("SELECT count(*) FROM household");

        HouseholdBulkImport.Result again = run(files);

        assertThat(again.stored()).isFalse();
        assertThat(again.errors()).extracting(ExchangeProblem::code)
                .contains("exchange.household-registered", "exchange.id-number-registered");
        assertThat(again.errorCount()).isGreaterThanOrEqualTo(50);
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(before);
    }

    @Test
    void duplicatesInsideTheFileAreFoundWithTheirLines() throws IOException {
        List<HouseholdData> data = new ArrayList<>(generate(20, 3, "DU"));
        data.add(data.get(4));
        long before = count("SELECT count(*) FROM household");

        HouseholdBulkImport.Result result = run(write(data, "dup"));

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ExchangeProblem.DUPLICATE_HOUSEHOLD);
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).contains("line 6");
        });
        assertThat(result.errors()).anySatisfy(p -> assertThat(p.code()).isEqualTo(ExchangeProblem.DUPLICATE_ID_NUMBER));
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM import_batch WHERE status = 'rejected' AND members_file = 'dup-members.csv'"))
                .isEqualTo(1);
    }

    /**
     * An identity number given to two members of different households, and nothing else wrong: the move is refused by
     * citizen_identity's key, and the file is then searched for its duplicates (they are no longer checked before every
     * move): reported by line, nothing stored, the batch recorded as rejected.
     */
    @Test
    void anIdentityNumberTwiceInTheFileIsFoundWhenTheKeyRefusesTheMove() throws IOException {
        Path[] files = write(generate(40, 7, "ID"), "idtwice");
        List<String> lines = new ArrayList<>(Files.readAllLines(files[1], StandardCharsets.UTF_8));
        int column = List.of(lines.get(0).split(",", -1)).indexOf("id_number");
        List<Integer> withNumbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).split(",", -1)[column].isEmpty()) {
                withNumbers.add(i);
            }
        }
        int first = withNumbers.get(0);
        int second = withNumbers.get(withNumbers.size() - 1);
        String[] cells = lines.get(second).split(",", -1);
        cells[column] = lines.get(first).split(",", -1)[column];
        lines.set(second, String.join(",", cells));
        Files.write(files[1], lines, StandardCharsets.UTF_8);
        long before = count("SELECT count(*) FROM household");

        HouseholdBulkImport.Result result = run(files);

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ExchangeProblem.DUPLICATE_ID_NUMBER);
            assertThat(p.file()).isEqualTo("idtwice-members.csv");
            assertThat(p.column()).isEqualTo("id_number");
            // the members' own lines in their file (1 is the header)
            assertThat(p.line()).isEqualTo(second + 1);
            assertThat(p.message()).endsWith("line " + (first + 1));
        });
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM import_batch WHERE status = 'rejected' AND members_file = 'idtwice-members.csv'"))
                .isEqualTo(1);
    }

    /** A file refused for a household already registered reports its own duplicates with it, all at once. */
    @Test
    void aFileRefusedForTheRegistryAlsoReportsItsOwnDuplicates() throws IOException {
        List<HouseholdData> stored = generate(10, 8, "RD");
        assertThat(run(write(stored, "rd-first")).stored()).isTrue();
        List<HouseholdData> data = new ArrayList<>(generate(10, 9, "RE"));
        data.add(data.get(2));
        data.add(stored.get(0));

        HouseholdBulkImport.Result result = run(write(data, "rd-second"));

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).extracting(ExchangeProblem::code)
                .contains("exchange.household-registered", ExchangeProblem.DUPLICATE_HOUSEHOLD,
                        ExchangeProblem.DUPLICATE_ID_NUMBER);
        assertThat(result.errors()).isSortedAccordingTo(java.util.Comparator.comparing(ExchangeProblem::file)
                .thenComparingInt(ExchangeProblem::line));
        // the registered member's number, reported at its own line of the members' file
        List<String> members = Files.readAllLines(dir.resolve("rd-second-members.csv"), StandardCharsets.UTF_8);
        int column = List.of(members.get(0).split(",", -1)).indexOf("id_number");
        assertThat(result.errors()).filteredOn(p -> p.code().equals("exchange.id-number-registered")).isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rd-second-members.csv");
                    assertThat(members.get(p.line() - 1).split(",", -1)[column]).isEqualTo(p.value());
                });
    }

    @Test
    void membersOutOfTheOrderOfTheHouseholdsAreOneClearError() throws IOException {
        Path[] files = write(generate(30, 4, "OR"), "order");
        List<String> lines = new ArrayList<>(Files.readAllLines(files[1], StandardCharsets.UTF_8));
        Collections.swap(lines, 1, lines.size() - 1);
        Files.write(files[1], lines, StandardCharsets.UTF_8);

        HouseholdBulkImport.Result result = run(files);

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).message()).contains("members must follow the order");
    }

    @Test
    void aCommuneOutsideTheUsersAreaAndBadCellsAreReportedAndNothingIsStored() throws IOException {
        List<HouseholdData> data = new ArrayList<>(generate(10, 5, "SC"));
        data.addAll(GeneratedHouseholds.generate(1, 6, 960, List.of(fixture.communeCode("04", 0)), "OUT"));
        Path[] files = write(data, "scope");
        String text = Files.readString(files[0]).replaceFirst("\n(SC0,[^\n]*?),durable,", "\n$1,palace,");
        Files.writeString(files[0], text);
        long before = count("SELECT count(*) FROM household");

        HouseholdBulkImport.Result result = run(files);

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).extracting(ExchangeProblem::code).contains("exchange.commune-outside-scope");
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(before);
    }

    @Test
    void aHouseholdsProvinceCannotChangeInPlace() throws IOException {
        HouseholdBulkImport.Result result = run(write(generate(1, 7, "PR"), "province"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE household SET province_code = '04' WHERE import_id = :i")
                .param("i", result.importId()).update())
                .hasMessageContaining("cannot change in place");
    }
}
