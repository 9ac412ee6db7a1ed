package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.system.Superuser;

/**
 * The bulk import's move must not depend on the statistics left in the catalogue: an autovacuum ANALYZE that runs
 * while a big move (or a raw COPY) is open counts none of its uncommitted rows and records "0 rows" for pages that
 * are full. Found by the 1,000,000-household benchmark (issue 9): with those statistics the generic plan of the
 * members' foreign-key check looked households up by an index on the province alone, scanning the whole province
 * for every member. The test plants exactly those statistics and counts, through PostgreSQL's index statistics,
 * which index the checks used.
 */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class BulkImportStatisticsTest {

    private static final String PROVINCE = "12";

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired HouseholdBulkImport importer;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @TempDir Path dir;

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void membersForeignKeyChecksUseTheHouseholdKeyEvenAfterAnAnalyzeThatCountedNoRows() throws IOException, InterruptedException {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser officer = fixture.loginAs(Role.PROVINCE_OFFICER, "province", PROVINCE);
        List<String> communes = List.of(fixture.communeCode(PROVINCE, 0), fixture.communeCode(PROVINCE, 1));
        List<HouseholdData> data = GeneratedHouseholds.generate(300, 7, 977, communes, "ST");
        long members = data.stream().mapToLong(d -> d.members().size()).sum();
        Path h = dir.resolve("households.csv");
        Path m = dir.resolve("members.csv");
        try (OutputStream ho = Files.newOutputStream(h); OutputStream mo = Files.newOutputStream(m);
             HouseholdFileWriter.CsvPair pair = new HouseholdFileWriter().openCsv(ho, mo)) {
            data.forEach(pair::write);
        }
        String partition = "household_p" + PROVINCE;
        // what an autovacuum ANALYZE during an open bulk transaction leaves: full pages, no rows counted
        // (the catalogue: only a superuser may write it — the embedded database's; ADR 0009)
        javax.sql.DataSource superuser = Superuser.of(context).orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(superuser != null, "needs the embedded database's superuser");
        JdbcClient.create(superuser).sql("UPDATE pg_class SET relpages = 200, reltuples = 0 WHERE relname = :p")
                .param("p", partition).update();
        long[] before = scans(partition);

        // the ordinary move (INSERT … SELECT into the partitioned tables), whose per-member checks this is about: an
        // empty province would otherwise be a first load (V58), whose foreign keys are validated once, not per member
        importer.detachEmptyProvinces(false);
        HouseholdBulkImport.Result result;
        try {
            result = importer.importFiles(2026, h, m, officer, s -> { });
        } finally {
            importer.firstLoadAsConfigured();
        }

        assertThat(result.stored()).isTrue();
        assertThat(result.members()).isEqualTo(members);
        // index statistics reach the views when the import's connections go idle (within seconds)
        long[] after = scans(partition);
        for (int i = 0; i < 300 && after[0] - before[0] < members; i++) {
            Thread.sleep(100);
            after = scans(partition);
        }
        long allScans = after[0] - before[0];
        long scansByOtherIndexes = after[1] - before[1];
        assertThat(allScans).as("index scans of %s (one per member's foreign-key check at least)", partition)
                .isGreaterThanOrEqualTo(members);
        assertThat(scansByOtherIndexes).as("scans of %s by an index that does not lead to the household by its id", partition)
                .isLessThan(members / 10);
    }

    /**
     * Index scans of the partition: [all indexes, indexes that do not lead to the household by its id (the key is
     * (id, province_code) since V77)].
     */
    private long[] scans(String partition) {
        return jdbc.sql("""
                        SELECT coalesce(sum(s.idx_scan), 0),
                               coalesce(sum(s.idx_scan) FILTER (WHERE pg_get_indexdef(s.indexrelid) NOT LIKE '%(id)'
                                                                  AND pg_get_indexdef(s.indexrelid) NOT LIKE '%, id)'
                                                                  AND pg_get_indexdef(s.indexrelid) NOT LIKE '%(id, %'), 0)
                          FROM pg_stat_user_indexes s WHERE s.relname = :p""")
                .param("p", partition)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
