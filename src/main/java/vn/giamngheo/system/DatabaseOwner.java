package vn.giamngheo.system;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The owner role of the database (ADR 0009): it owns the schema and every table, runs the migrations and the
 * few owner-run commands (restore, the import benchmark); the application's pool connects as a separate role
 * ({@link #applicationRole()}) without ownership. Embedded database: both roles are created per data folder
 * ({@code EmbeddedRoles}); external database: {@code spring.flyway.user}/{@code password} (and optionally
 * {@code spring.flyway.url}) name the owner, {@code spring.datasource.*} the application's role.
 *
 * <p>Not a {@link DataSource} bean on purpose: everything autowiring a {@code DataSource} keeps getting the
 * application's pool; the owner's connections are asked for explicitly, one at a time, unpooled.
 */
public final class DatabaseOwner {

    private final String url;
    private final String user;
    private final String password;
    private final String applicationRole;

    public DatabaseOwner(String url, String user, String password, String applicationRole) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.applicationRole = applicationRole;
    }

    /** Connections as the owner (unpooled: each is opened when asked for and closed by its user). */
    public DataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(url, user, password == null ? "" : password);
        ds.setDriverClassName("org.postgresql.Driver");
        return ds;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The role of the application's pool. */
    public String applicationRole() {
        return applicationRole;
    }

    /** False for an external database configured the old way: one role runs the migrations and the application. */
    public boolean separateFromApplication() {
        return user != null && !user.equals(applicationRole);
    }

    @Override
    public String toString() {
        return "DatabaseOwner[" + user + " at " + url + ", application role " + applicationRole + "]"; // never the password
    }
}
