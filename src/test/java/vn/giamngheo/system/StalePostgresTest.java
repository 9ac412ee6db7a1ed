package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a JVM that started the embedded PostgreSQL on a data folder is killed with SIGKILL, leaving its
 * postgres running on the folder; the next start on that folder (the application's own
 * {@link EmbeddedDatabaseConfiguration}, as every command starts it) stops the leftover server and starts within
 * seconds, instead of waiting for minutes. While the owner is alive, a second start is refused at once.
 */
@Tag("database")
class StalePostgresTest {

    @TempDir Path dir;

    @Test
    void aPostgresLeftByAKilledJvmIsStoppedAndTheNextStartSucceeds() throws Exception {
        Path data = dir.resolve("data");
        Path pg = data.resolve("pg");
        Files.createDirectories(data);
        Process child = new ProcessBuilder(List.of(java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StalePostgresChild.class.getName(), pg.toString())).redirectErrorStream(true).start();
        long postmaster;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("up ")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the child started PostgreSQL: %s", seen).isNotNull();
            postmaster = Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid")).get(0).strip());

            // while its owner lives, the folder is refused at once, naming the process
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> StalePostgres.stopIfLeftBehind(pg, Duration.ofSeconds(30)))
                    .hasMessageContaining("in use").hasMessageContaining(String.valueOf(postmaster));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            child.destroyForcibly(); // kill -9 of the JVM only: its postgres stays
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("postgres outlived its JVM").contains(true);

        long t0 = System.nanoTime();
        EmbeddedPostgres again = EmbeddedDatabaseConfiguration.start(EmbeddedRoles.of(data), 0, false,
                Duration.ofSeconds(60));
        try {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("StalePostgres: the next start took " + took.toMillis() + " ms");
            assertThat(took).isLessThan(Duration.ofSeconds(60));
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).as("left-behind server stopped")
                    .isFalse();
            try (Connection c = again.getPostgresDatabase().getConnection(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            again.close();
        }
    }

    @Test
    void aFolderWithoutAServerIsLeftAlone() throws Exception {
        Path pg = dir.resolve("empty");
        Files.createDirectories(pg);
        StalePostgres.stopIfLeftBehind(pg, Duration.ofSeconds(1));
        // a postmaster.pid naming a process that is no postgres (this JVM) is not touched either
        Files.writeString(pg.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pg + "\n");
        StalePostgres.stopIfLeftBehind(pg, Duration.ofSeconds(1));
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
