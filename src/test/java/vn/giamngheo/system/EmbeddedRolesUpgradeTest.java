package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.GiamngheoApplication;

/**
 * ADR 0009: a data folder made by a version before V35 (everything owned by the superuser {@code postgres}, trust
 * logins, the application connected as {@code postgres}) is upgraded on its next start: the roles are created, every
 * object handed to the owner, the rest of the migrations run as the owner, the pool connects as the application's
 * role, which can no longer change the audit log it kept; from then on logins need the folder's passwords.
 */
@Tag("database")
@Tag("own-database")
class EmbeddedRolesUpgradeTest {

    @TempDir Path dir;

    @Test
    void aDataFolderOfAnOlderVersionIsHandedToTheOwnerOnItsNextStart() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        int port;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false)
                .start()) {
            port = old.getPort();
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration").target("34").load()
                    .migrate();
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO audit_log (username, action, entity, entity_id, detail)"
                        + " VALUES ('old-version', 'CREATE', 'test', '1', 'kept across the upgrade')");
            }
        }
        assertThat(port).isPositive();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE)
                // arguments, not default properties: the test configuration (classpath:/config/) would win over those
                .run("--giamngheo.data-dir=" + data, "--giamngheo.embedded.clean=false", "--giamngheo.demo.enabled=false",
                        "--spring.main.banner-mode=off")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DatabaseOwner owner = app.getBean(DatabaseOwner.class);
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(EmbeddedRoles.APPLICATION);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '35' AND success").query(Long.class)
                    .single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind IN ('r', 'p', 'S', 'v') AND relowner <> '" + EmbeddedRoles.OWNER + "'::regrole")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef"
                    + " AND proowner <> '" + EmbeddedRoles.OWNER + "'::regrole").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE username = 'old-version'").query(Long.class).single())
                    .isEqualTo(1);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE username = 'old-version'").update())
                    .hasStackTraceContaining("permission denied");
            // the superuser of the folder now needs its password: a password-less login is refused
            int running = Integer.parseInt(owner.url().replaceAll(".*:(\\d+)/.*", "$1"));
            PGSimpleDataSource noPassword = new PGSimpleDataSource();
            noPassword.setURL(EmbeddedRoles.url(running));
            noPassword.setUser("postgres");
            assertThatThrownBy(noPassword::getConnection).hasMessageContaining("password");
        }
        Path roles = data.resolve(EmbeddedRoles.FILE);
        assertThat(Files.getPosixFilePermissions(roles)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Properties p = new Properties();
        try (var in = Files.newInputStream(roles)) {
            p.load(in);
        }
        assertThat(p.getProperty("passwords.set")).isEqualTo("true");
        assertThat(p.getProperty("application.password")).hasSizeGreaterThanOrEqualTo(24);
    }
}
