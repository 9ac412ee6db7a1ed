package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded server writes the minimal write-ahead log by default (giamngheo.embedded.wal-level): a first load's
 * provinces built aside (V73) are synced at their commit instead of logged; an unknown level is refused before any
 * server starts.
 */
@Tag("database")
@SpringBootTest
class EmbeddedWalLevelTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void theEmbeddedServerWritesTheMinimalLogWithoutSenders() {
        assumeTrue(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable() != null,
                "an external server's write-ahead log is its operator's setting");
        assertThat(jdbc.sql("SELECT current_setting('wal_level')").query(String.class).single()).isEqualTo("minimal");
        assertThat(jdbc.sql("SELECT current_setting('max_wal_senders')").query(String.class).single()).isEqualTo("0");
    }

    @Test
    void anUnknownLevelIsRefusedBeforeTheServerStarts(@TempDir Path data) {
        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.start(EmbeddedRoles.of(data), 0, true,
                Duration.ofSeconds(10), "archive"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimal, replica or logical");
        assertThat(data.resolve("pg")).doesNotExist();
    }
}
