package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.exchange.WaterSource;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 19 points 1–3 on the embedded PostgreSQL: a commune exports its households, corrects ten of them and
 * imports the file back in update mode; the preview shows exactly the ten changes, confirming stores them as the
 * edit form does (version, audit, classification), and the export afterwards is the corrected file. Members
 * absent from the file are warned about and stay; misspelt villages are refused with the closest names unless
 * the new villages are to be created; a dry run (API, command) stores nothing; the command's exit status says
 * whether the files would be stored.
 */
@Tag("database")
@SpringBootTest
class ImportUpdateModeTest {

    @Autowired HouseholdImport importer;
    @Autowired ImportCommand command;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MessageSource messages;
    @Autowired WebApplicationContext context;

    RegistryFixture fixture;
    MockMvc mvc;
    static int serial;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    /** A commune of its own with 30 registered households (villages Bản 1–4) and its officer, logged in. */
    private record Commune(String code, long id, CurrentUser officer, String prefix) {
    }

    private Commune commune(int n) {
        String code = fixture.communeCode("04", 20 + n);
        fixture.generatedVillages(List.of(code));
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", code);
        String prefix = "UP" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-";
        Pair files = write(GeneratedHouseholds.generate(30, 90 + n, identities(),
                List.of(code), prefix));
        HouseholdImport.Result added = importer.importFiles(2026, "h.csv", files.householdsStream(), "m.csv",
                files.membersStream(), officer, p -> { });
        assertThat(added.errors()).isEmpty();
        assertThat(added.stored()).isTrue();
        return new Commune(code, fixture.unitId("commune", code), officer, prefix);
    }

    record Pair(byte[] households, byte[] members) {
        ByteArrayInputStream householdsStream() {
            return new ByteArrayInputStream(households);
        }

        ByteArrayInputStream membersStream() {
            return new ByteArrayInputStream(members);
        }
    }

    private static Pair write(List<HouseholdData> data) {
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new Pair(h.toByteArray(), m.toByteArray());
    }

    /** The commune's export (the page's export, CSV), as the officer downloads it. */
    private Pair export(Commune c) throws Exception {
        byte[] zip = mvc.perform(get("/households/export").param("communeId", String.valueOf(c.id())).param("format", "csv")
                .with(user(c.officer()))).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return new Pair(entries.get("households.csv"), entries.get("members.csv"));
    }

    private static List<HouseholdData> read(Pair files) {
        ReadResult read = new HouseholdFileReader(LocalDate.now()).read("h.csv", files.householdsStream(), "m.csv",
                files.membersStream());
        assertThat(read.problems()).filteredOn(ExchangeProblem::isError).isEmpty();
        return new ArrayList<>(read.households());
    }

    private static HouseholdData withWater(HouseholdData d, WaterSource water) {
        HouseholdRecord r = d.household();
        return new HouseholdData(new HouseholdRecord(r.householdCode(), r.communeCode(), r.village(), r.area(),
                r.address(), r.referenceDate(), r.incomePerCapita(), r.b1Score(), r.housingQuality(), r.floorAreaM2(),
                water, r.toilet(), r.internetUse(), r.telephoneUse(), r.infoDevices(), r.loudspeakerReach(),
                r.wasteTreatment(), r.causes(), r.ethnicMinority(), r.meritHousehold(), r.socialProtection()), d.members());
    }

    private static HouseholdData withVillage(HouseholdData d, String village) {
        HouseholdRecord r = d.household();
        return new HouseholdData(new HouseholdRecord(r.householdCode(), r.communeCode(), village, r.area(),
                r.address(), r.referenceDate(), r.incomePerCapita(), r.b1Score(), r.housingQuality(), r.floorAreaM2(),
                r.waterSource(), r.toilet(), r.internetUse(), r.telephoneUse(), r.infoDevices(), r.loudspeakerReach(),
                r.wasteTreatment(), r.causes(), r.ethnicMinority(), r.meritHousehold(), r.socialProtection()), d.members());
    }

    private static MemberRecord renamed(MemberRecord m, String name) {
        return new MemberRecord(m.householdCode(), m.communeCode(), m.memberNo(), name, m.idNumber(), m.birthDate(),
                m.sex(), m.ethnicity(), m.relation(), m.employment(), m.workingCapacity(), m.disability(),
                m.monthlySocialAllowance(), m.healthInsurance(), m.malnourished(), m.education(), m.inSchool(),
                m.schoolLevelAppropriate(), m.sickUntreated(), m.meritPerson());
    }

    /**
     * The export corrected as an officer does in a spreadsheet: ten households of the test with another water
     * source, the first also with member 1 renamed; every other cell as exported.
     */
    private static Pair corrected(Pair exported, String prefix) {
        String[] households = new String(exported.households(), StandardCharsets.UTF_8).split("\r\n");
        List<String> header = List.of(households[0].split(","));
        int water = header.indexOf("water_source");
        int changed = 0;
        String first = null;
        for (int i = 1; i < households.length && changed < 10; i++) {
            String[] cells = households[i].split(",", -1);
            if (!cells[0].startsWith(prefix)) {
                continue;
            }
            cells[water] = "piped".equals(cells[water]) ? "rain_water" : "piped";
            households[i] = String.join(",", cells);
            first = first == null ? cells[0] : first;
            changed++;
        }
        String[] members = new String(exported.members(), StandardCharsets.UTF_8).split("\r\n");
        List<String> memberHeader = List.of(members[0].split(","));
        for (int i = 1; i < members.length; i++) {
            String[] cells = members[i].split(",", -1);
            if (cells[0].equals(first) && "1".equals(cells[memberHeader.indexOf("member_no")])) {
                cells[memberHeader.indexOf("full_name")] = "Lò Thị Sửa Tên";
                members[i] = String.join(",", cells);
            }
        }
        return new Pair((String.join("\r\n", households) + "\r\n").getBytes(StandardCharsets.UTF_8),
                (String.join("\r\n", members) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private ImportPlan plan(Commune c, Pair files, ImportOptions options) {
        return importer.plan(2026, options, "h.csv", files.householdsStream(), "m.csv", files.membersStream(), c.officer(),
                p -> { });
    }

    private static ImportOptions update() {
        return new ImportOptions(ImportOptions.Mode.UPDATE, false);
    }

    private Map<String, Integer> versions(Commune c) {
        Map<String, Integer> v = new HashMap<>();
        jdbc.sql("SELECT household_code, version FROM household WHERE commune_id = :c AND household_code LIKE :p")
                .param("c", c.id()).param("p", c.prefix() + "%")
                .query((rs, i) -> v.put(rs.getString(1), rs.getInt(2))).list();
        return v;
    }

    @Test
    void tenCorrectedHouseholdsAreExactlyTheTenChangesAndTheExportAfterIsTheCorrectedFile() throws Exception {
        Commune c = commune(1);
        Pair exported = export(c);
        Pair correctedFiles = corrected(exported, c.prefix());
        int total = read(exported).size();
        Map<String, Integer> before = versions(c);

        ImportPlan plan = plan(c, correctedFiles, update());

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.wouldStore()).isTrue();
        assertThat(plan.changed()).hasSize(10);
        assertThat(plan.added()).isEmpty();
        assertThat(plan.unchanged()).hasSize(total - 10);
        assertThat(plan.changedFields()).isEqualTo(11);
        ImportPlan.Entry first = plan.changed().get(0);
        assertThat(first.changes()).extracting(ImportPlan.FieldChange::column).containsExactly("water_source", "full_name");
        ImportPlan.FieldChange water = first.changes().get(0);
        assertThat(water.labelKey()).isEqualTo("import.field.water_source");
        assertThat(water.after().keys()).singleElement().asString().startsWith("water.");
        assertThat(messages.getMessage(water.labelKey(), null, Locale.forLanguageTag("vi"))).isEqualTo("Nguồn nước sinh hoạt");
        assertThat(first.changes().get(1).memberNo()).isEqualTo(1);
        assertThat(first.changes().get(1).after().text()).isEqualTo("Lò Thị Sửa Tên");
        assertThat(versions(c)).as("a preview stores nothing").isEqualTo(before);

        HouseholdImport.Result stored = importer.store(plan, c.officer(), p -> { });

        assertThat(stored.errors()).isEmpty();
        assertThat(stored.stored()).isTrue();
        assertThat(stored.households()).isEqualTo(10);
        Pair after = export(c);
        assertThat(new String(after.households(), StandardCharsets.UTF_8))
                .isEqualTo(new String(correctedFiles.households(), StandardCharsets.UTF_8));
        assertThat(new String(after.members(), StandardCharsets.UTF_8))
                .isEqualTo(new String(correctedFiles.members(), StandardCharsets.UTF_8));
        Map<String, Integer> now = versions(c);
        List<String> changedCodes = plan.changed().stream().map(ImportPlan.Entry::householdCode).toList();
        for (Map.Entry<String, Integer> e : before.entrySet()) {
            assertThat(now.get(e.getKey())).as("version of " + e.getKey())
                    .isEqualTo(e.getValue() + (changedCodes.contains(e.getKey()) ? 1 : 0));
        }
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT a.entity_id) FROM audit_log a JOIN household h ON a.entity_id = h.id::text
                        WHERE a.action = 'UPDATE' AND a.entity = 'household' AND h.commune_id = :c
                          AND a.before_value ->> 'water_source' IS DISTINCT FROM a.after_value ->> 'water_source'""")
                .param("c", c.id()).query(Long.class).single()).as("every change audited").isEqualTo(10);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM household h WHERE h.commune_id = :c AND h.household_code = ANY(:codes)
                          AND h.classified_at >= now() - interval '10 minutes' AND h.poverty_status IS NOT NULL""")
                .param("c", c.id()).param("codes", changedCodes.toArray(String[]::new)).query(Long.class).single())
                .as("classified again").isEqualTo(10);

        ImportPlan again = plan(c, correctedFiles, update());
        assertThat(again.changed()).as("the same file again changes nothing").isEmpty();
    }

    @Test
    void aMemberAbsentFromTheFileIsWarnedAboutAndStays() {
        Commune c = commune(2);
        List<HouseholdData> data = new ArrayList<>();
        try {
            data = read(export(c));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        int index = 0;
        while (data.get(index).members().size() < 2 || !data.get(index).code().startsWith(c.prefix())) {
            index++;
        }
        HouseholdData household = data.get(index);
        MemberRecord dropped = household.members().get(household.members().size() - 1);
        List<MemberRecord> fewer = new ArrayList<>(household.members());
        fewer.remove(dropped);
        data.set(index, new HouseholdData(household.household(), fewer));

        ImportPlan plan = plan(c, write(data), update());
        int line = index + 2;

        assertThat(plan.wouldStore()).isTrue();
        assertThat(plan.changed()).as("an absent member is not a change").isEmpty();
        assertThat(plan.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(HouseholdImport.MEMBER_ABSENT);
            assertThat(w.line()).isEqualTo(line);
            assertThat(messages.getMessage(w.code(), w.args().toArray(), Locale.forLanguageTag("vi")))
                    .contains("Thành viên " + dropped.memberNo()).contains("được giữ nguyên");
        });

        // a change of the same household is stored, and the absent member stays
        data.set(index, withWater(data.get(index), data.get(index).household().waterSource() == WaterSource.PIPED
                ? WaterSource.TANKER : WaterSource.PIPED));
        HouseholdImport.Result result = importer.importFiles(2026, update(), "h.csv", write(data).householdsStream(),
                "m.csv", write(data).membersStream(), c.officer(), p -> { });
        assertThat(result.stored()).isTrue();
        assertThat(result.problems()).extracting(ExchangeProblem::code).containsExactly(HouseholdImport.MEMBER_ABSENT);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM household_member m JOIN household h ON h.province_code = m.province_code
                          AND h.id = m.household_id WHERE h.commune_id = :c AND h.household_code = :code""")
                .param("c", c.id()).param("code", household.code()).query(Long.class).single())
                .isEqualTo(household.members().size());
    }

    @Test
    void aMisspeltVillageIsRefusedWithTheClosestNamesUnlessNewVillagesAreCreated() throws Exception {
        Commune c = commune(3);
        String prefix = c.prefix() + "V";
        List<HouseholdData> data = new ArrayList<>(GeneratedHouseholds.generate(3, 7, identities(), List.of(c.code()), prefix));
        String typo = "Ban 3x" + Long.toString(System.nanoTime() % 10_000, 36);
        data.set(1, withVillage(data.get(1), typo));
        Pair files = write(data);
        long villagesBefore = villages(c);

        HouseholdImport.Result refused = importer.importFiles(2026, ImportOptions.add(), "h.csv", files.householdsStream(),
                "m.csv", files.membersStream(), c.officer(), p -> { });

        assertThat(refused.stored()).isFalse();
        assertThat(refused.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(VillageValidator.UNKNOWN);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("village");
            assertThat(p.value()).isEqualTo(typo);
            assertThat(messages.getMessage(p.code(), p.args().toArray(), Locale.forLanguageTag("vi")))
                    .startsWith(typo + ": không có thôn này; gần nhất: ").contains("Bản 3");
        });
        assertThat(villages(c)).as("no village from a typo").isEqualTo(villagesBefore);
        assertThat(households(prefix)).isZero();

        // the same with the command line: refused (exit 1), then created with --create-villages (exit 0)
        Path dir = Files.createTempDirectory("import-villages");
        Path h = Files.write(dir.resolve("h.csv"), files.households());
        Path m = Files.write(dir.resolve("m.csv"), files.members());
        Run dry = run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--dry-run");
        assertThat(dry.status()).isEqualTo(1);
        assertThat(dry.err()).contains("h.csv:3:village: " + typo + ":");
        Run bulk = run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--bulk");
        assertThat(bulk.status()).as("the bulk path refuses it too").isEqualTo(1);
        assertThat(bulk.err()).contains("h.csv:3:village: " + typo + ":");
        assertThat(villages(c)).isEqualTo(villagesBefore);
        Run created = run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--create-villages");
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(villages(c)).isEqualTo(villagesBefore + 1);
        assertThat(households(prefix)).isEqualTo(3);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity = 'admin_unit'
                          AND after_value ->> 'name' = :name AND after_value ->> 'parent_id' = :c""")
                .param("name", typo).param("c", String.valueOf(c.id())).query(Long.class).single()).as("the new village audited").isEqualTo(1);
    }

    @Test
    void theNewVillagesAreListedInThePreviewBeforeTheyAreCreated() {
        Commune c = commune(4);
        List<HouseholdData> data = new ArrayList<>(GeneratedHouseholds.generate(2, 8, identities(),
                List.of(c.code()), c.prefix() + "W"));
        String name = "Thôn Mới Lập " + Long.toString(System.nanoTime() % 100_000, 36);
        data.set(0, withVillage(data.get(0), name));
        Pair files = write(data);

        ImportPlan refused = plan(c, files, ImportOptions.add());
        assertThat(refused.wouldStore()).isFalse();
        assertThat(refused.newVillages()).isEmpty();
        ImportPlan plan = importer.replan(refused, ImportOptions.add().withCreateVillages(true), c.officer());

        assertThat(plan.wouldStore()).isTrue();
        assertThat(plan.newVillages()).containsExactly(new ImportPlan.NewVillage(c.code(), name));
        assertThat(plan.added()).hasSize(2);
        HouseholdImport.Result result = importer.store(plan, c.officer(), p -> { });
        assertThat(result.stored()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM admin_unit WHERE parent_id = :c AND name = :n")
                .param("c", c.id()).param("n", name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDryRunStoresNothingAndTheCommandSaysWhetherTheFilesWouldBeStored() throws Exception {
        Commune c = commune(5);
        Pair exported = export(c);
        Pair files = corrected(exported, c.prefix());
        int total = read(exported).size();
        Map<String, Integer> before = versions(c);
        long batches = jdbc.sql("SELECT count(*) FROM import_batch").query(Long.class).single();

        MockHttpServletResponse response = mvc.perform(multipart("/api/v1/households/import")
                        .file(new MockMultipartFile("households", "h.csv", "text/csv", files.households()))
                        .file(new MockMultipartFile("members", "m.csv", "text/csv", files.members()))
                        .param("year", "2026").param("mode", "update").param("dryRun", "true")
                        .with(user(c.officer())).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("stored").asBoolean()).isFalse();
        assertThat(body.get("wouldStore").asBoolean()).isTrue();
        assertThat(body.get("counts").get("changed").asInt()).isEqualTo(10);
        assertThat(body.get("counts").get("changedFields").asInt()).isEqualTo(11);
        assertThat(body.get("changes")).hasSize(10);
        assertThat(body.get("changes").get(0).get("fields").get(0).get("column").asText()).isEqualTo("water_source");

        Path dir = Files.createTempDirectory("import-dry-run");
        Path h = Files.write(dir.resolve("h.csv"), files.households());
        Path m = Files.write(dir.resolve("m.csv"), files.members());
        Run dry = run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--mode", "update", "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("changed: 10 households, 11 fields").contains("unchanged: " + (total - 10))
                .contains("water_source: ").contains("member 1 full_name: ").contains("nothing was stored");
        assertThat(dry.out().lines().filter(l -> l.contains(" water_source: ")).count()).isEqualTo(10);

        assertThat(versions(c)).as("the dry runs stored nothing").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch").query(Long.class).single()).isEqualTo(batches);

        assertThat(run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--mode", "replace").status()).as("an unknown mode").isEqualTo(2);
        assertThat(run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--dry-run").status()).as("add mode: the codes are registered").isEqualTo(1);
        Run stored = run("--year", "2026", "--households", h.toString(), "--members", m.toString(), "--as",
                c.officer().getUsername(), "--mode", "update");
        assertThat(stored.status()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("updated: 10 households");
    }

    @Test
    void anUnregisteredCodeInUpdateModeAndAChangedRegisterAreRefused() throws Exception {
        Commune c = commune(6);
        List<HouseholdData> data = read(export(c));
        List<HouseholdData> withNew = new ArrayList<>(data);
        withNew.addAll(GeneratedHouseholds.generate(1, 9, identities(), List.of(c.code()), c.prefix() + "N"));

        ImportPlan unknown = plan(c, write(withNew), update());
        assertThat(unknown.wouldStore()).isFalse();
        assertThat(unknown.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(UpdateTargetValidator.NOT_REGISTERED);
            assertThat(p.line()).isEqualTo(withNew.size() + 1);
            assertThat(p.column()).isEqualTo("household_code");
        });

        // previewed, then someone saves one of the households: confirming stores nothing
        ImportPlan plan = plan(c, corrected(export(c), c.prefix()), update());
        assertThat(plan.changed()).hasSize(10);
        jdbc.sql("UPDATE household SET address = 'đổi trong lúc xem trước', version = version + 1 WHERE commune_id = :c AND household_code = :code")
                .param("c", c.id()).param("code", plan.changed().get(3).householdCode()).update();
        Map<String, Integer> before = versions(c);

        HouseholdImport.Result result = importer.store(plan, c.officer(), p -> { });

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).extracting(ExchangeProblem::code).containsExactly(HouseholdImport.REGISTER_CHANGED);
        assertThat(versions(c)).isEqualTo(before);
    }

    /** A block of identity numbers of its own (run after run on the same database). */
    private static long identities() {
        return 850_000 + (System.nanoTime() / 1_000) % 100_000;
    }

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private long villages(Commune c) {
        return jdbc.sql("SELECT count(*) FROM admin_unit WHERE parent_id = :c AND level = 'village'").param("c", c.id())
                .query(Long.class).single();
    }

    private long households(String prefix) {
        return jdbc.sql("SELECT count(*) FROM household WHERE household_code LIKE :p").param("p", prefix + "%")
                .query(Long.class).single();
    }
}
