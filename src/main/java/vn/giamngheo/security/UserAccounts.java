package vn.giamngheo.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Reads and writes user accounts (plain SQL). */
@Repository
public class UserAccounts {

    private static final String SELECT = """
            SELECT u.id, u.username, u.password_hash, u.full_name, u.role, u.enabled, u.locked_until,
                   u.unit_id, a.path, a.province_code, a.full_name AS unit_name
            FROM app_user u LEFT JOIN admin_unit a ON a.id = u.unit_id
            """;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public Optional<CurrentUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username")
                .param("username", username)
                .query(UserAccounts::map)
                .optional();
    }

    public List<CurrentUser> all() {
        return jdbc.sql(SELECT + " ORDER BY u.username").query(UserAccounts::map).list();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    /** Creates an account; the password is stored only as a BCrypt hash. */
    public long create(String username, String rawPassword, String fullName, Role role, Long unitId) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, full_name, role, unit_id)
                        VALUES (:username, :hash, :fullName, :role, :unitId) RETURNING id""")
                .param("username", username)
                .param("hash", passwords.encode(rawPassword))
                .param("fullName", fullName)
                .param("role", role.name())
                .param("unitId", unitId)
                .query(Long.class).single();
    }

    /** Enables or disables an account (a disabled account cannot log in). */
    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :e WHERE username = :u").param("e", enabled).param("u", username).update();
    }

    /** Sets a new password (stored as a BCrypt hash) and lifts a login lock. */
    public void resetPassword(String username, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        jdbc.sql("UPDATE app_user SET password_hash = :h, failed_logins = 0, locked_until = NULL WHERE username = :u")
                .param("h", passwords.encode(rawPassword)).param("u", username).update();
    }

    /** Counts a failed login; after {@code maxFailures} in a row the account is locked for {@code lockFor}. */
    void recordFailure(String username, int maxFailures, Duration lockFor) {
        jdbc.sql("""
                        UPDATE app_user SET failed_logins = failed_logins + 1,
                               locked_until = CASE WHEN failed_logins + 1 >= :max
                                                   THEN now() + make_interval(secs => :secs) ELSE locked_until END
                        WHERE username = :username""")
                .param("max", maxFailures)
                .param("secs", lockFor.toSeconds())
                .param("username", username)
                .update();
    }

    void recordSuccess(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = :username AND failed_logins > 0")
                .param("username", username)
                .update();
    }

    private static CurrentUser map(ResultSet rs, int row) throws SQLException {
        long unitId = rs.getLong("unit_id");
        AccessScope scope = rs.wasNull() ? AccessScope.NATIONAL
                : new AccessScope(unitId, rs.getString("path"), rs.getString("province_code"));
        Timestamp locked = rs.getTimestamp("locked_until");
        String unitName = rs.getString("unit_name");
        return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("full_name"), Role.valueOf(rs.getString("role")), scope,
                unitName == null ? "Toàn quốc" : unitName, rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant());
    }
}
