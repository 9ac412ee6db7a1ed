package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's page memory is a setting (issue 26 point 3, ADR 0014): what is asked is what it runs with. */
@Tag("database")
class EmbeddedSharedBuffersTest {

    @TempDir Path dir;

    @Test
    void theServerRunsWithTheSharedBuffersAskedFor() throws Exception {
        assertThat(sharedBuffersOfAServerStartedWith("160MB")).isEqualTo("160MB");
    }

    @Test
    void withoutASettingTheServerRunsWithTheDefault() throws Exception {
        assertThat(sharedBuffersOfAServerStartedWith(null)).isEqualTo(EmbeddedDatabaseConfiguration.DEFAULT_SHARED_BUFFERS);
    }

    private String sharedBuffersOfAServerStartedWith(String sharedBuffers) throws Exception {
        Path data = dir.resolve(sharedBuffers == null ? "default" : sharedBuffers);
        Files.createDirectories(data);
        EmbeddedRoles roles = EmbeddedRoles.of(data);
        try (EmbeddedPostgres postgres = sharedBuffers == null
                ? EmbeddedDatabaseConfiguration.start(roles, 0, true, Duration.ofSeconds(60))
                : EmbeddedDatabaseConfiguration.start(roles, 0, true, Duration.ofSeconds(60), sharedBuffers);
             Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SHOW shared_buffers")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
