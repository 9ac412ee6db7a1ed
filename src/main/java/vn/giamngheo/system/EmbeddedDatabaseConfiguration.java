package vn.giamngheo.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} configured, the application starts its own PostgreSQL (real
 * binaries shipped in a Maven Central artifact) with its data kept in {@code giamngheo.data-dir}/pg.
 * With a URL configured, Spring Boot's ordinary data source is used instead.
 *
 * <p>Roles as in production (ADR 0009, {@link EmbeddedRoles}): Flyway connects as the owner, the pool as the
 * application's role; password logins only once the data folder's passwords are set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

    /** The data folder's roles and passwords (the folder's name resolved once: it may be random in tests). */
    @Bean
    EmbeddedRoles embeddedRoles(@Value("${giamngheo.data-dir:./data}") String dataDir) {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            return EmbeddedRoles.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
    }

    /** The server, started, with its roles set up (before anything but the superuser connects to it). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedRoles roles,
                                      @Value("${giamngheo.embedded.port:0}") int port,
                                      @Value("${giamngheo.embedded.clean:false}") boolean clean,
                                      @Value("${giamngheo.embedded.startup-wait:PT5M}") java.time.Duration startupWait,
                                      @Value("${giamngheo.embedded.wal-level:minimal}") String walLevel) {
        EmbeddedPostgres postgres = start(roles, port, clean, startupWait, walLevel);
        try {
            roles.setUp(postgres.getPort());
        } catch (RuntimeException e) {
            try {
                postgres.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return postgres;
    }

    /**
     * The collation and character classes of a data folder created by {@link #start}: PostgreSQL 17's builtin
     * {@code C.UTF-8} (ADR 0013, amendment of the session of 2026-12-07, fourth: "the checks and the collation"). Text sorts by code point, as the machine's
     * {@code C.UTF-8} of glibc sorted it before, but PostgreSQL compares it with {@code memcmp} and sorts it by
     * abbreviated keys instead of calling the C library for every comparison: the keys, indexes and statistics of a
     * first load cost less (docs/benchmarks.md). {@code upper}, {@code lower} and {@code ILIKE} follow Unicode, so
     * Vietnamese letters fold as before. Applied by {@code initdb} only: a data folder created earlier keeps its own.
     */
    static final String BUILTIN_LOCALE = "C.UTF-8";

    /** Starts the server of the data folder (without setting up its roles: StalePostgresTest). */
    static EmbeddedPostgres start(EmbeddedRoles roles, int port, boolean clean, java.time.Duration startupWait) {
        return start(roles, port, clean, startupWait, "minimal");
    }

    /**
     * The server of the data folder with the write-ahead log's level {@code walLevel}
     * ({@code giamngheo.embedded.wal-level}): {@code minimal} by default, since the embedded server has no standby and
     * no WAL archive (its backups are dumps, ADR 0008). At that level a table created and filled in one transaction
     * (a first load's provinces built aside, V73) is written to its files and synced at the commit instead of also
     * being written to the log; crash recovery is the same. {@code replica} or {@code logical} for an operator who
     * attaches a standby or an archive to it (with {@code max_wal_senders} then at PostgreSQL's default).
     */
    static EmbeddedPostgres start(EmbeddedRoles roles, int port, boolean clean, java.time.Duration startupWait,
                                  String walLevel) {
        if (!List.of("minimal", "replica", "logical").contains(walLevel)) {
            throw new IllegalArgumentException("giamngheo.embedded.wal-level must be minimal, replica or logical, not "
                    + walLevel);
        }
        String dataDir = roles.dataDir().toString();
        try {
            Path pgData = roles.dataDir().resolve("pg");
            Files.createDirectories(pgData.getParent());
            StalePostgres.stopIfLeftBehind(pgData, java.time.Duration.ofSeconds(90));
            boolean passwords = roles.prepareStart(clean || !Files.exists(pgData.resolve("PG_VERSION")));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(clean)
                    // after a crash the server replays its write-ahead log before it accepts connections; on a
                    // loaded machine that takes far longer than the library's default of 10 seconds
                    .setPGStartupWait(startupWait)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    // (see walLevel)
                    .setServerConfig("wal_level", walLevel)
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                    // a new data folder's text: UTF-8, sorted by code point and with Unicode's upper and lower case,
                    // whatever the machine's locale (PostgreSQL 17's builtin provider; see BUILTIN_LOCALE)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", BUILTIN_LOCALE);
            if (walLevel.equals("minimal")) {
                builder.setServerConfig("max_wal_senders", "0"); // PostgreSQL refuses minimal with WAL senders
            }
            if (!clean) {
                // the embedded library starts PostgreSQL with fsync and synchronous commit off (right for
                // throw-away test databases): a kept database must survive a power cut, so both are on again
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            builder.setServerConfig("hba_file", roles.hbaFile().toString());
            if (passwords) {
                builder.setConnectConfig("password", roles.superuserPassword());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    @Bean
    DatabaseOwner databaseOwner(EmbeddedPostgres postgres, EmbeddedRoles roles) {
        // (the server is a parameter so that it is started, and the roles set up, before the owner is handed out)
        return new DatabaseOwner(EmbeddedRoles.url(postgres.getPort()), EmbeddedRoles.OWNER, roles.ownerPassword(),
                EmbeddedRoles.APPLICATION);
    }

    /** Flyway connects as the owner (Spring Boot builds its data source from these details). */
    @Bean
    FlywayConnectionDetails flywayConnectionDetails(DatabaseOwner owner, EmbeddedRoles roles) {
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return owner.user();
            }

            @Override
            public String getPassword() {
                return roles.ownerPassword();
            }

            @Override
            public String getJdbcUrl() {
                return owner.url();
            }
        };
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedRoles roles) {
        return PooledDataSources.pooled(EmbeddedRoles.url(postgres.getPort()), EmbeddedRoles.APPLICATION,
                roles.applicationPassword());
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
