package vn.giamngheo.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${giamngheo.data-dir:./data}") String dataDir,
                                      @Value("${giamngheo.embedded.port:0}") int port,
                                      @Value("${giamngheo.embedded.clean:false}") boolean clean,
                                      @Value("${giamngheo.embedded.startup-wait:PT5M}") java.time.Duration startupWait) {
        try {
            Path pgData = Path.of(dataDir).toAbsolutePath().resolve("pg");
            Files.createDirectories(pgData.getParent());
            StalePostgres.stopIfLeftBehind(pgData, java.time.Duration.ofSeconds(90));
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
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh");
            if (!clean) {
                // the embedded library starts PostgreSQL with fsync and synchronous commit off (right for
                // throw-away test databases): a kept database must survive a power cut, so both are on again
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return PooledDataSources.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
