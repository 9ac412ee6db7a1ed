package vn.giamngheo.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code spring.datasource.url} configured (an external PostgreSQL, docs/deployment.md): the owner role is
 * the one Flyway connects as — {@code spring.flyway.user}/{@code spring.flyway.password} (at
 * {@code spring.flyway.url}, by default the application's URL) — and the application's role is
 * {@code spring.datasource.username}. Without {@code spring.flyway.user} both are one role, as before ADR 0009
 * (allowed, and warned about at every start by {@link ApplicationGrants}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfiguration.DataSourceUrl.class)
class ExternalDatabaseConfiguration {

    @Bean
    DatabaseOwner databaseOwner(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        String appUser = env.getProperty("spring.datasource.username");
        String flywayUser = env.getProperty("spring.flyway.user");
        if (flywayUser == null || flywayUser.isBlank()) {
            return new DatabaseOwner(url, appUser, env.getProperty("spring.datasource.password"), appUser);
        }
        return new DatabaseOwner(env.getProperty("spring.flyway.url", url), flywayUser,
                env.getProperty("spring.flyway.password"), appUser);
    }

    static final class DataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new EmbeddedDatabaseConfiguration.NoDataSourceUrl().matches(context, metadata);
        }
    }
}
