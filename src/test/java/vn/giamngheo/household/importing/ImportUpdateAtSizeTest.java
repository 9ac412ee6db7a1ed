package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A commune of today's size (8,000 households) sends back its whole file with 400 households corrected: the
 * preview finds exactly those 400, and confirming stores them. Prints how long each step took.
 */
@Tag("database")
@SpringBootTest
class ImportUpdateAtSizeTest {

    static final int HOUSEHOLDS = 8_000;
    static final int CHANGED = 400;

    @Autowired HouseholdImport importer;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aWholeCommuneFileWithFourHundredCorrectionsIsPreviewedAndStored() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("04", 40);
        fixture.generatedVillages(List.of(commune));
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        String prefix = "SZ" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-";
        byte[][] files = csv(GeneratedHouseholds.generate(HOUSEHOLDS, 77, 750_000 + (System.nanoTime() / 1_000) % 90_000, List.of(commune), prefix));
        long start = System.nanoTime();
        HouseholdImport.Result added = importer.importFiles(2026, "h.csv", new ByteArrayInputStream(files[0]), "m.csv",
                new ByteArrayInputStream(files[1]), officer, p -> { });
        double addSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(added.stored()).as(added.problems().toString()).isTrue();

        String[] lines = new String(files[0], StandardCharsets.UTF_8).split("\r\n");
        int column = List.of(lines[0].split(",")).indexOf("income_per_capita");
        int changed = 0;
        for (int i = 1; i < lines.length && changed < CHANGED; i += HOUSEHOLDS / CHANGED) {
            String[] cells = lines[i].split(",", -1);
            if (cells[column].isEmpty()) {
                continue;
            }
            cells[column] = String.valueOf(Long.parseLong(cells[column]) + 10_000);
            lines[i] = String.join(",", cells);
            changed++;
        }
        byte[] corrected = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);

        start = System.nanoTime();
        ImportPlan plan = importer.plan(2026, new ImportOptions(ImportOptions.Mode.UPDATE, false), "h.csv",
                new ByteArrayInputStream(corrected), "m.csv", new ByteArrayInputStream(files[1]), officer, p -> { });
        double planSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.changed()).hasSize(changed);
        assertThat(plan.unchanged()).hasSize(HOUSEHOLDS - changed);
        assertThat(plan.changedFields()).isEqualTo(changed);

        start = System.nanoTime();
        HouseholdImport.Result stored = importer.store(plan, officer, p -> { });
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(stored.stored()).as(stored.problems().toString()).isTrue();
        assertThat(stored.households()).isEqualTo(changed);
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE household_code LIKE :p AND version > 0")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(changed);
        System.out.printf("ImportUpdateAtSize: add %d households %.1f s; preview of the update file %.1f s;"
                + " confirm (re-check + %d updates) %.1f s (%.0f ms per changed household)%n",
                HOUSEHOLDS, addSeconds, planSeconds, changed, storeSeconds, storeSeconds * 1000 / changed);
    }

    private static byte[][] csv(List<HouseholdData> data) {
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new byte[][] {h.toByteArray(), m.toByteArray()};
    }
}
