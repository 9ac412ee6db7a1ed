package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.generation.NationalPlan;
import vn.giamngheo.generation.SyntheticHouseholds;

/**
 * Crash safety of the bulk import (issue 9): the import command runs in a child JVM on a persistent embedded
 * database; while it moves the households into the registry, the JVM and the database server are killed
 * (SIGKILL, as in a power cut). After a restart nothing of the import is visible, and running the same import
 * again stores every household exactly once.
 */
@Tag("database")
class BulkImportCrashTest {

    private static final int HOUSEHOLDS = 30_000;

    @TempDir Path dir;

    @Test
    void aKilledBulkImportLeavesNothingAndTheSameImportThenStoresEverythingOnce() throws Exception {
        killAndImportAgain("08", "moving ", 250, List.of()); // the INSERT … SELECT is under way
    }

    /**
     * A first load whose province was built aside on a connection of its own (V73) killed once the builds are done,
     * before or while the move's transaction swaps it in: nothing is visible, the backup leaves the built tables out,
     * and the next import drops them and stores everything once. (A province the demonstration leaves empty: one that
     * holds households is not built.)
     */
    @Test
    void aFirstLoadKilledAfterItsProvinceWasBuiltAsideLeavesNothingAndTheNextImportStoresEverythingOnce() throws Exception {
        killAndImportAgain("01", "built 1 provinces", 0, List.of("--giamngheo.import.first-load-min-households=1"));
    }

    private void killAndImportAgain(String province, String killAfter, long waitMillis, List<String> options)
            throws Exception {
        Path households = dir.resolve("households.csv");
        Path members = dir.resolve("members.csv");
        long[] counts = write(households, members, province);
        long memberCount = counts[0];
        long identities = counts[1];
        Path data = dir.resolve("data");
        List<String> command = new ArrayList<>(command(households, members, data));
        command.addAll(options);

        Process first = child(command).start();
        List<String> output = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith(killAfter)) {
                    Thread.sleep(waitMillis);
                    killed = first.isAlive();
                    killEverything(first, data);
                    break;
                }
            }
        }
        assertThat(killed).as("killed during the move; output: %s", output).isTrue();
        assertThat(output).noneMatch(l -> l.startsWith("stored:"));

        assertThat(Files.exists(data.resolve("pg").resolve("postgresql.conf"))).as(listing(data)).isTrue();
        Map<String, Long> afterCrash = rowCounts(data, "after-crash.zip");
        long demoHouseholds = afterCrash.get("household");
        assertThat(demoHouseholds).as("only the demonstration households").isEqualTo(10);
        // the demonstration stores its households through the bulk import too: its batch is the only one
        long demoBatches = afterCrash.get("import_batch");
        assertThat(demoBatches).as("only the demonstration's own import").isEqualTo(1);

        Process again = child(command).start();
        String text = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(text).isZero();
        assertThat(text).contains("stored: " + HOUSEHOLDS + " households");

        Map<String, Long> afterImport = rowCounts(data, "after-import.zip");
        assertThat(afterImport.get("household")).isEqualTo(demoHouseholds + HOUSEHOLDS);
        assertThat(afterImport.get("household_member")).isEqualTo(afterCrash.get("household_member") + memberCount);
        assertThat(afterImport.get("citizen_identity")).isEqualTo(afterCrash.get("citizen_identity") + identities);
        assertThat(afterImport.get("import_batch")).isEqualTo(demoBatches + 1);
        assertThat(afterCrash.keySet()).noneMatch(t -> t.startsWith("bulk_built_"));
        assertThat(afterImport.keySet()).noneMatch(t -> t.startsWith("bulk_built_"));
    }

    /**
     * A child JVM of the application on its own embedded database (the data folder given in the command): the
     * connection settings of an external server that this test JVM may have (CI's second phase) are not passed on.
     */
    private static ProcessBuilder child(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE"));
        return builder;
    }

    /** Row counts per table, from the manifest of a backup taken by the application in a child JVM. */
    private Map<String, Long> rowCounts(Path data, String name) throws Exception {
        Path encrypted = dir.resolve(name + ".enc");
        Path zip = dir.resolve(name);
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, "phép thử sao lưu sau sự cố\n");
        Process backup = child(List.of(java(), "-Xmx256m", "-cp", applicationClassPath(),
                "vn.giamngheo.GiamngheoApplication", "backup", "--out", encrypted.toString(),
                "--passphrase-file", passphrase.toString(), "--giamngheo.data-dir=" + data))
                .start();
        String text = new String(backup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(backup.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(backup.exitValue()).as(text).isZero();
        try (var in = Files.newInputStream(encrypted); var out = Files.newOutputStream(zip)) {
            vn.giamngheo.backup.BackupEncryption.decrypt(in, out, "phép thử sao lưu sau sự cố".toCharArray());
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            JsonNode manifest = new ObjectMapper().readTree(z.getInputStream(z.getEntry("manifest.json")));
            Map<String, Long> counts = new HashMap<>();
            manifest.get("tables").forEach(t -> counts.put(t.get("name").asText(), t.get("rows").asLong()));
            return counts;
        }
    }

    private static String listing(Path data) throws IOException {
        try (var files = Files.list(data.resolve("pg"))) {
            return files.map(Path::toString).toList().toString();
        }
    }

    /** Writes the files; returns the number of members and of identity numbers. */
    private static long[] write(Path households, Path members, String province) throws IOException {
        List<NationalPlan.Commune> communes = NationalPlan.bundled().communesOf(province);
        SyntheticHouseholds source = new SyntheticHouseholds(11, LocalDate.of(2026, 11, 1), 200_000_000_000L);
        long count = 0;
        long identities = 0;
        try (OutputStream h = Files.newOutputStream(households); OutputStream m = Files.newOutputStream(members);
             HouseholdFileWriter.CsvPair pair = new HouseholdFileWriter().openCsv(h, m)) {
            for (int i = 0; i < HOUSEHOLDS; i++) {
                NationalPlan.Commune c = communes.get(i % communes.size());
                var d = source.next(c.code(), "CR" + i, c.urban(), 0.5, 0);
                pair.write(d);
                count += d.members().size();
                identities += d.members().stream().filter(x -> x.idNumber() != null).count();
            }
        }
        return new long[] {count, identities};
    }

    /** The class path without the test classes and resources (whose configuration starts a throw-away database). */
    private static String applicationClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static List<String> command(Path households, Path members, Path data) {
        return List.of(java(), "-Xmx512m", "-cp", applicationClassPath(), "vn.giamngheo.GiamngheoApplication",
                "import", "--bulk", "--year", "2026", "--households", households.toString(), "--members", members.toString(),
                "--giamngheo.data-dir=" + data, "--giamngheo.demo.enabled=true", "--giamngheo.demo.households=10");
    }

    /** SIGKILL to the JVM and to the database server it started (found through postmaster.pid). */
    private static void killEverything(Process jvm, Path data) throws Exception {
        jvm.destroyForcibly();
        jvm.waitFor(30, TimeUnit.SECONDS);
        Path pid = data.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                List<ProcessHandle> children = p.descendants().toList();
                p.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                p.onExit().join();
                children.forEach(ch -> ch.onExit().join());
            });
        }
    }
}
