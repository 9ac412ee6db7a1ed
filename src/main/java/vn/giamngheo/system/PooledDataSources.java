package vn.giamngheo.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Builds the connection pool for the embedded database (the external one is configured by Spring Boot). */
final class PooledDataSources {

    private PooledDataSources() {
    }

    static DataSource pooled(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(20);
        config.setPoolName("giamngheo");
        return new HikariDataSource(config);
    }
}
