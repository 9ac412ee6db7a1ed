package vn.giamngheo.household.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.household.importing.HouseholdBulkImport;
import vn.giamngheo.household.importing.ImportCommand;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.DatabaseOwner;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.system.cli.DatabaseCommand;

/**
 * {@code bench-import --dir DIR} (issue 9, a benchmark, never a test): on a scratch database (its own
 * {@code --giamngheo.data-dir}), measures the bulk import of {@code DIR/households.csv} + {@code members.csv}
 * (read, check, classify, store) against a raw COPY of the very rows it stored:
 * <ol>
 * <li>bulk import, timed (empty registry);</li>
 * <li>the stored households and members are copied out in PostgreSQL's own format, the tables emptied;</li>
 * <li>raw COPY of those rows into {@code household} and {@code household_member} (same partitions, indexes and
 * foreign key; no audit or identity trigger), one transaction, timed — with the same table lock and
 * {@code ANALYZE household} between the two COPYs as the import's move, without which the members' foreign-key
 * checks can fall into a province-wide scan each; the tables emptied again;</li>
 * <li>bulk import again, timed (villages now exist: the steady state of a yearly import).</li>
 * </ol>
 * <b>Empties the household tables</b>: refuses a database that holds households it did not import.
 */
@Component
class ImportBenchmarkCommand implements DatabaseCommand {

    private final HouseholdBulkImport importer;
    private final UserAccounts users;
    private final DataSource dataSource;

    ImportBenchmarkCommand(HouseholdBulkImport importer, UserAccounts users, DatabaseOwner owner) {
        this.importer = importer;
        this.users = users;
        // the benchmark empties the tables and copies rows in directly: it runs as the owner (ADR 0009)
        this.dataSource = owner.dataSource();
    }

    @Override
    public String name() {
        return "bench-import";
    }

    @Override
    public String usage() {
        return "bench-import --dir DIR   (benchmark on a scratch --giamngheo.data-dir: bulk import of DIR/households.csv + members.csv vs raw COPY)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        Path dir = Path.of(a.required("dir"));
        Path households = dir.resolve("households.csv");
        Path members = dir.resolve("members.csv");
        if (!Files.isReadable(households) || !Files.isReadable(members)) {
            err.println("error: " + dir + " needs households.csv and members.csv (write them with generate)");
            return 2;
        }
        try (Connection c = dataSource.getConnection()) {
            if (scalar(c, "SELECT count(*) FROM household WHERE import_id IS NULL OR import_id NOT IN "
                    + "(SELECT id FROM import_batch WHERE households_file = 'households.csv')") > 0) {
                err.println("error: the database holds other households; run the benchmark on a scratch --giamngheo.data-dir");
                return 2;
            }
            truncate(c);
            if (!users.exists("bench")) {
                users.create("bench", UUID.randomUUID().toString(), "Benchmark", Role.ADMINISTRATOR, null);
            }
            CurrentUser user = users.findByUsername("bench").orElseThrow();
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
            Runtime rt = Runtime.getRuntime();
            out.printf("heap max %.0f MiB, %d processors, files %.0f MiB + %.0f MiB%n", rt.maxMemory() / 1048576.0,
                    rt.availableProcessors(), Files.size(households) / 1048576.0, Files.size(members) / 1048576.0);

            double first = timedImport(c, households, members, user, out, "bulk import (1st, creates villages)");
            if (first < 0) {
                return 1;
            }
            long householdRows = scalar(c, "SELECT count(*) FROM household");
            long memberRows = scalar(c, "SELECT count(*) FROM household_member");
            Path h = dir.resolve("bench-household.copy");
            Path m = dir.resolve("bench-member.copy");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream o = Files.newOutputStream(h)) {
                copy.copyOut("COPY (SELECT " + HOUSEHOLD_COLUMNS + " FROM household) TO STDOUT", o);
            }
            try (OutputStream o = Files.newOutputStream(m)) {
                copy.copyOut("COPY (SELECT " + MEMBER_COLUMNS + " FROM household_member) TO STDOUT", o);
            }
            truncate(c);
            execute(c, "CHECKPOINT");
            long start = System.nanoTime();
            c.setAutoCommit(false);
            execute(c, "SELECT set_config('giamngheo.bulk', 'on', true)");
            // the same protection as the import's move: without it an autovacuum ANALYZE during this transaction
            // records "0 rows" for the household partitions and every member's foreign-key check scans its province
            execute(c, "LOCK TABLE household, household_member IN SHARE UPDATE EXCLUSIVE MODE");
            try (InputStream in = Files.newInputStream(h)) {
                copy.copyIn("COPY household (" + HOUSEHOLD_COLUMNS + ") FROM STDIN", in, 1 << 16);
            }
            execute(c, "ANALYZE household");
            try (InputStream in = Files.newInputStream(m)) {
                copy.copyIn("COPY household_member (" + MEMBER_COLUMNS + ") FROM STDIN", in, 1 << 16);
            }
            c.commit();
            c.setAutoCommit(true);
            double raw = (System.nanoTime() - start) / 1e9;
            out.printf("raw COPY of the same %,d households + %,d members: %.1f s (%,.0f households/s)%n",
                    householdRows, memberRows, raw, householdRows / raw);
            Files.delete(h);
            Files.delete(m);
            truncate(c);
            double second = timedImport(c, households, members, user, out, "bulk import (2nd, villages exist)");
            out.printf("ratio bulk import / raw COPY: %.2f (1st), %.2f (2nd)%n", first / raw, second / raw);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            out.printf("peak heap used (sum of pool peaks) %.0f MiB of max %.0f MiB%n", peak / 1048576.0, rt.maxMemory() / 1048576.0);
            return 0;
        } catch (SQLException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static final String HOUSEHOLD_COLUMNS = """
            id, province_code, household_code, commune_id, village_id, area, address, income_per_capita, b1_score,
            housing_quality, floor_area_m2, water_source, toilet, internet_use, telephone_use, info_devices,
            loudspeaker_reach, waste_treatment, causes, ethnic_minority, merit_household, social_protection,
            poverty_status, deprivation_count, classified_standard, classified_standard_version, classified_at, import_id""";

    static final String MEMBER_COLUMNS = """
            id, province_code, household_id, member_no, full_name, id_number, birth_date, birth_year_only, sex, ethnicity,
            relation, employment, working_capacity, disability, monthly_social_allowance, health_insurance, malnourished,
            education, in_school, school_level_appropriate, sick_untreated, merit_person""";

    private double timedImport(Connection c, Path households, Path members, CurrentUser user, PrintStream out, String label)
            throws SQLException {
        execute(c, "CHECKPOINT");
        long start = System.nanoTime();
        HouseholdBulkImport.Result result = importer.importFiles(2026, households, members, user, s -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.stored()) {
            out.println(label + ": rejected, " + result.errorCount() + " problems, first: " + result.errors().stream().findFirst()
                    .map(ImportCommand::format).orElse(""));
            return -1;
        }
        out.printf("%s: %,d households + %,d members in %.1f s (%,.0f households/s)%n", label, result.households(),
                result.members(), seconds, result.households() / seconds);
        result.phases().forEach((phase, s) -> out.printf("    %-45s %8.1f s%n", phase, s));
        return seconds;
    }

    private static void truncate(Connection c) throws SQLException {
        execute(c, "TRUNCATE household, household_member, citizen_identity, report_segment, report_count, report_code_count CASCADE");
        // the aggregates changed without report_rebuild: move the report cache's key on (V25; its rows are never deleted)
        execute(c, "UPDATE report_version SET version = version + 1");
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
