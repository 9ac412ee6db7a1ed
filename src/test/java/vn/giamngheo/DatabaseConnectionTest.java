package vn.giamngheo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application runs on its own embedded PostgreSQL when no URL is configured, and on the configured
 * server otherwise (CI runs this test both ways: without and with SPRING_DATASOURCE_URL).
 */
@Tag("database")
@SpringBootTest
class DatabaseConnectionTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void usesTheConfiguredServerOrStartsItsOwn() {
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        String port = jdbc.sql("SELECT current_setting('port')").query(String.class).single();
        if (configured == null || configured.isBlank()) {
            EmbeddedPostgres embedded = context.getBean(EmbeddedPostgres.class);
            assertThat(port).isEqualTo(String.valueOf(embedded.getPort()));
        } else {
            assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(configured).contains(":" + port + "/");
        }
        int major = jdbc.sql("SELECT current_setting('server_version_num')::int / 10000").query(Integer.class).single();
        assertThat(major).isGreaterThanOrEqualTo(15);
    }

    @Test
    void migrationsCreatedTheRegisterAndTheUnits() {
        assertThat(jdbc.sql("SELECT count(*) FROM admin_unit WHERE level = 'province' AND valid_to IS NULL")
                .query(Long.class).single()).isEqualTo(34);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'household'::regclass")
                .query(Long.class).single()).isEqualTo(35);
    }
}
