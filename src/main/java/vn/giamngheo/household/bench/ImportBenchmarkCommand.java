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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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
 * {@code bench-import --dir DIR [--yearly [--province CODE]]} (issues 9 and 26, a benchmark, never a test): on a
 * scratch database (its own {@code --giamngheo.data-dir}), measures the bulk import of {@code DIR/households.csv}
 * + {@code members.csv} (read, check, classify, store) against two references measured in the same run: the raw
 * COPY of the very rows it stored into the project's schema, and the floor, a plain COPY of the same two CSV files
 * into unindexed tables of text columns. Without {@code --yearly} (a first load, issue 26 point 1):
 * <ol>
 * <li>bulk import into the empty registry, timed (empty provinces go into their detached partitions, V58);</li>
 * <li>the stored rows copied out in PostgreSQL's own format, the tables emptied, a raw COPY of those rows into
 * {@code household} and {@code household_member} timed, the tables emptied again;</li>
 * <li>the floor, timed;</li>
 * <li>bulk import again through the ordinary move (INSERT … SELECT into the partitioned tables), timed.</li>
 * </ol>
 * With {@code --yearly} (issue 26 point 2): the files are split into a base (every other province and half of
 * the chosen province's households) and a yearly file (the other half); the base is loaded, the yearly file
 * imported into the full registry (ordinary move: the province's partitions hold households), then the same rows
 * removed and copied in raw, and the floor of the yearly files measured. With {@code --first-load-only} (a country
 * of 10,000,000 households, where the raw COPY and a second import would double the disk and the time): steps 1
 * and 3 only, the first load and the floor. Prints every time, the load average and the ratios. <b>Empties the household tables</b>: refuses a database that holds households it did not import.
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
        return "bench-import --dir DIR [--yearly [--province CODE] | --first-load-only]   (benchmark on a scratch --giamngheo.data-dir: bulk import of"
                + " DIR/households.csv + members.csv vs raw COPY into the schema and the floor, a plain COPY into unindexed tables)";
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
                    + "(SELECT id FROM import_batch WHERE households_file IN ('households.csv', 'base-households.csv',"
                    + " 'yearly-households.csv'))") > 0) {
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
            out.printf("heap max %.0f MiB, %d processors, files %.0f MiB + %.0f MiB, load average %s%n",
                    rt.maxMemory() / 1048576.0, rt.availableProcessors(), Files.size(households) / 1048576.0,
                    Files.size(members) / 1048576.0, loadAverage());
            int code = a.option("yearly").isPresent()
                    ? yearly(c, dir, households, members, a.option("province").orElse(null), user, out, err)
                    : a.option("first-load-only").isPresent()
                    ? firstLoadOnly(c, households, members, user, out)
                    : firstLoad(c, dir, households, members, user, out);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            out.printf("peak heap used (sum of pool peaks) %.0f MiB of max %.0f MiB%n", peak / 1048576.0, rt.maxMemory() / 1048576.0);
            return code;
        } catch (SQLException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            importer.firstLoadAsConfigured();
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The first load into an empty registry: the import (detached partitions, V58), the raw COPY of the rows it
     * stored into the schema, the floor (a plain COPY of the two CSV files into unindexed tables) and the import
     * through the ordinary move, all in this run.
     */
    private int firstLoad(Connection c, Path dir, Path households, Path members, CurrentUser user, PrintStream out)
            throws SQLException, IOException {
        importer.detachEmptyProvinces(true);
        double first = timedImport(c, households, members, user, out, "bulk import, first load (detached partitions)");
        if (first < 0) {
            return 1;
        }
        double raw = rawCopy(c, dir, "true", out);
        truncate(c);
        double floor = floor(c, households, members, out);
        importer.detachEmptyProvinces(false);
        double ordinary = timedImport(c, households, members, user, out, "bulk import, ordinary move (villages exist)");
        importer.detachEmptyProvinces(true);
        out.printf("ratio first load / floor: %.2f; raw COPY into the schema / floor: %.2f; ordinary move / floor: %.2f%n",
                first / floor, raw / floor, ordinary / floor);
        out.printf("ratio first load / raw COPY: %.2f; ordinary move / raw COPY: %.2f%n", first / raw, ordinary / raw);
        return ordinary < 0 ? 1 : 0;
    }

    /** The first load into an empty registry and the floor, nothing else (for sizes where the disk is short). */
    private int firstLoadOnly(Connection c, Path households, Path members, CurrentUser user, PrintStream out)
            throws SQLException, IOException {
        importer.detachEmptyProvinces(true);
        double first = timedImport(c, households, members, user, out, "bulk import, first load (detached partitions)");
        if (first < 0) {
            return 1;
        }
        out.printf("database size after the first load: %.1f GiB%n",
                scalar(c, "SELECT pg_database_size(current_database())") / 1073741824.0);
        truncate(c);
        double floor = floor(c, households, members, out);
        out.printf("ratio first load / floor: %.2f%n", first / floor);
        return 0;
    }

    /**
     * The yearly import into a full registry: the files are split into the province with the most households
     * (or {@code --province}) for one half of its households and everything else for the base; the base is
     * loaded, then the province's other half imported (its partitions hold households: the ordinary move),
     * timed against the raw COPY of the same rows into the same registry and against the floor of its files.
     */
    private int yearly(Connection c, Path dir, Path households, Path members, String province, CurrentUser user,
                       PrintStream out, PrintStream err) throws SQLException, IOException {
        Map<String, String> provinceOf = new HashMap<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(
                "SELECT code, province_code FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL")) {
            while (rs.next()) {
                provinceOf.put(rs.getString(1), rs.getString(2));
            }
        }
        if (province == null) {
            Map<String, Long> counts = new HashMap<>();
            try (CSVParser p = CSV.parse(Files.newBufferedReader(households))) {
                for (CSVRecord r : p) {
                    counts.merge(provinceOf.getOrDefault(r.get("commune_code"), "?"), 1L, Long::sum);
                }
            }
            province = counts.entrySet().stream().filter(e -> !e.getKey().equals("?"))
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        }
        Path split = Files.createDirectories(dir.resolve("yearly-" + province));
        Path baseH = split.resolve("base-households.csv");
        Path baseM = split.resolve("base-members.csv");
        Path yearH = split.resolve("yearly-households.csv");
        Path yearM = split.resolve("yearly-members.csv");
        String p = province;
        long[] year = new long[2];
        split(households, baseH, yearH, r -> p.equals(provinceOf.get(r.get("commune_code"))) && half(r), year, 0);
        split(members, baseM, yearM, r -> p.equals(provinceOf.get(r.get("commune_code"))) && half(r), year, 1);
        out.printf("province %s: %,d households + %,d members imported into a registry that holds the rest of the files%n",
                province, year[0], year[1]);
        double base = timedImport(c, baseH, baseM, user, out, "bulk import of the base (first load)");
        if (base < 0) {
            return 1;
        }
        out.printf("registry before the yearly import: %,d households, %,d members%n",
                scalar(c, "SELECT count(*) FROM household"), scalar(c, "SELECT count(*) FROM household_member"));
        double imported = timedImport(c, yearH, yearM, user, out, "yearly import of province " + province);
        if (imported < 0) {
            return 1;
        }
        long importId = scalar(c, "SELECT max(id) FROM import_batch WHERE households_file = 'yearly-households.csv'"
                + " AND status = 'stored'");
        double raw = rawCopy(c, split, "import_id = " + importId, out);
        double floor = floor(c, yearH, yearM, out);
        out.printf("ratio yearly import / raw COPY into the same registry: %.2f (goal 2); / floor: %.2f; raw COPY / floor: %.2f%n",
                imported / raw, imported / floor, raw / floor);
        for (Path f : List.of(baseH, baseM, yearH, yearM)) {
            Files.delete(f);
        }
        Files.delete(split);
        return 0;
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /** A household's half of its province, the same for its members (by commune and household code). */
    private static boolean half(CSVRecord r) {
        return ((r.get("commune_code") + "/" + r.get("household_code")).hashCode() & 1) == 1;
    }

    private static void split(Path from, Path rest, Path chosen, java.util.function.Predicate<CSVRecord> choose,
                              long[] counts, int index) throws IOException {
        try (CSVParser parser = CSV.parse(Files.newBufferedReader(from));
             CSVPrinter a = new CSVPrinter(Files.newBufferedWriter(rest), CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
             CSVPrinter b = new CSVPrinter(Files.newBufferedWriter(chosen), CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            a.printRecord(parser.getHeaderNames());
            b.printRecord(parser.getHeaderNames());
            for (CSVRecord r : parser) {
                if (choose.test(r)) {
                    b.printRecord(r.values());
                    counts[index]++;
                } else {
                    a.printRecord(r.values());
                }
            }
        }
    }

    /**
     * Copies the households matching {@code filter} and their members out in PostgreSQL's format, removes them
     * (identity numbers with them), vacuums, and times a raw COPY of exactly those rows back into
     * {@code household} and {@code household_member} (same partitions, indexes and per-partition foreign keys; no
     * audit or identity trigger), one transaction, with the same table lock and the same {@code ANALYZE} of the
     * copied provinces' household partitions between the two COPYs as the import's move (V64), without which the
     * members' foreign-key checks can fall into a province-wide scan each.
     */
    private double rawCopy(Connection c, Path dir, String filter, PrintStream out) throws SQLException, IOException {
        long householdRows = scalar(c, "SELECT count(*) FROM household WHERE " + filter);
        long memberRows = scalar(c, "SELECT count(*) FROM household_member m WHERE (m.province_code, m.household_id) IN "
                + "(SELECT province_code, id FROM household WHERE " + filter + ")");
        java.util.List<String> provinces = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT DISTINCT province_code FROM household WHERE " + filter + " ORDER BY 1")) {
            while (rs.next()) {
                provinces.add(rs.getString(1));
            }
        }
        Path h = dir.resolve("bench-household.copy");
        Path m = dir.resolve("bench-member.copy");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (OutputStream o = Files.newOutputStream(h)) {
            copy.copyOut("COPY (SELECT " + HOUSEHOLD_COLUMNS + " FROM household WHERE " + filter + ") TO STDOUT", o);
        }
        try (OutputStream o = Files.newOutputStream(m)) {
            copy.copyOut("COPY (SELECT " + MEMBER_COLUMNS + " FROM household_member WHERE (province_code, household_id) IN "
                    + "(SELECT province_code, id FROM household WHERE " + filter + ")) TO STDOUT", o);
        }
        if ("true".equals(filter)) {
            truncate(c);
        } else {
            c.setAutoCommit(false);
            execute(c, "SELECT set_config('giamngheo.bulk', 'on', true)");
            execute(c, "DELETE FROM citizen_identity i USING household_member m, household h WHERE m.id = i.member_id"
                    + " AND m.province_code = i.province_code AND h.province_code = m.province_code AND h.id = m.household_id"
                    + " AND h." + filter);
            execute(c, "DELETE FROM household WHERE " + filter);
            c.commit();
            c.setAutoCommit(true);
            execute(c, "VACUUM ANALYZE household, household_member, citizen_identity");
        }
        execute(c, "CHECKPOINT");
        long start = System.nanoTime();
        c.setAutoCommit(false);
        execute(c, "SELECT set_config('giamngheo.bulk', 'on', true)");
        execute(c, "LOCK TABLE household, household_member IN SHARE UPDATE EXCLUSIVE MODE");
        try (InputStream in = Files.newInputStream(h)) {
            copy.copyIn("COPY household (" + HOUSEHOLD_COLUMNS + ") FROM STDIN", in, 1 << 16);
        }
        // as the import's move: the partitions of the copied provinces (V64)
        try (var ps = c.prepareStatement("SELECT analyze_imported_partitions('household', ?)")) {
            ps.setArray(1, c.createArrayOf("text", provinces.toArray()));
            ps.execute();
        }
        try (InputStream in = Files.newInputStream(m)) {
            copy.copyIn("COPY household_member (" + MEMBER_COLUMNS + ") FROM STDIN", in, 1 << 16);
        }
        c.commit();
        c.setAutoCommit(true);
        double raw = (System.nanoTime() - start) / 1e9;
        out.printf("raw COPY into the schema of the same %,d households + %,d members: %.1f s (%,.0f households/s), load %s%n",
                householdRows, memberRows, raw, householdRows / raw, loadAverage());
        Files.delete(h);
        Files.delete(m);
        return raw;
    }

    /**
     * The floor: a plain COPY of the two CSV files (as they are, header skipped) into two tables of text columns
     * named as the files' headers, without index, key or constraint, logged like the registry; one transaction.
     */
    private double floor(Connection c, Path households, Path members, PrintStream out) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        execute(c, "DROP TABLE IF EXISTS bench_floor_household, bench_floor_member");
        execute(c, "CREATE TABLE bench_floor_household (" + textColumns(households) + ")");
        execute(c, "CREATE TABLE bench_floor_member (" + textColumns(members) + ")");
        execute(c, "CHECKPOINT");
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (InputStream in = Files.newInputStream(households)) {
            copy.copyIn("COPY bench_floor_household FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
        }
        try (InputStream in = Files.newInputStream(members)) {
            copy.copyIn("COPY bench_floor_member FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
        }
        c.commit();
        c.setAutoCommit(true);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("floor, plain COPY of the two CSV files into unindexed tables: %,d + %,d rows in %.1f s, load %s%n",
                scalar(c, "SELECT count(*) FROM bench_floor_household"), scalar(c, "SELECT count(*) FROM bench_floor_member"),
                seconds, loadAverage());
        execute(c, "DROP TABLE bench_floor_household, bench_floor_member");
        return seconds;
    }

    private static String textColumns(Path csv) throws IOException {
        try (var reader = Files.newBufferedReader(csv)) {
            String header = reader.readLine();
            return java.util.Arrays.stream(header.replace("\uFEFF", "").split(","))
                    .map(h -> "\"" + h.strip().replace("\"", "") + "\" text").collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
        out.printf("%s: %,d households + %,d members in %.1f s (%,.0f households/s), load %s%n", label, result.households(),
                result.members(), seconds, result.households() / seconds, loadAverage());
        out.printf("    provinces loaded into detached partitions: %d of %d%n", result.firstLoads().size(),
                scalar(c, "SELECT count(DISTINCT province_code) FROM household WHERE import_id = " + result.importId()));
        result.phases().forEach((phase, s) -> out.printf("    %-45s %8.1f s%n", phase, s));
        return seconds;
    }

    private static void truncate(Connection c) throws SQLException {
        execute(c, "TRUNCATE household, household_member, citizen_identity, report_segment, report_count, report_code_count, report_pending CASCADE");
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
