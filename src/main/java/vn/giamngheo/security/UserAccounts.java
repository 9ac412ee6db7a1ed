package vn.giamngheo.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
                   u.session_epoch, u.must_change_password, u.unit_id, u.agency_id, a.path, a.province_code, a.full_name AS unit_name
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

    /** The account with this id, as a login reads it (used by personal access tokens). */
    public Optional<CurrentUser> findById(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UserAccounts::map).optional();
    }

    public List<CurrentUser> all() {
        return jdbc.sql(SELECT + " ORDER BY u.username").query(UserAccounts::map).list();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    /** Creates an account; the password is stored only as a BCrypt hash. Used by the demonstration and tests. */
    public long create(String username, String rawPassword, String fullName, Role role, Long unitId) {
        return create(username, rawPassword, fullName, role, unitId, false);
    }

    /**
     * Creates an account; the password is stored only as a BCrypt hash. {@code mustChangePassword}: the password was
     * chosen by someone else (an administrator), so the user changes it at the first login.
     */
    public long create(String username, String rawPassword, String fullName, Role role, Long unitId, boolean mustChangePassword) {
        return create(username, rawPassword, fullName, role, unitId, mustChangePassword, null);
    }

    private long create(String username, String rawPassword, String fullName, Role role, Long unitId,
                        boolean mustChangePassword, Long agencyId) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, full_name, role, unit_id, must_change_password, agency_id)
                        VALUES (:username, :hash, :fullName, :role, :unitId, :mustChange, :agencyId) RETURNING id""")
                .param("agencyId", agencyId)
                .param("username", username)
                .param("hash", passwords.encode(rawPassword))
                .param("fullName", fullName)
                .param("role", role.name())
                .param("unitId", unitId)
                .param("mustChange", mustChangePassword)
                .query(Long.class).single();
    }

    /**
     * Creates an agency officer ({@link Role#AGENCY_OFFICER}) of an agency on a unit (the agency's area); the password
     * is stored only as a BCrypt hash. {@code mustChangePassword}: someone else chose the password.
     */
    public long createAgencyOfficer(String username, String rawPassword, String fullName, long unitId, long agencyId,
                                    boolean mustChangePassword) {
        long id = create(username, rawPassword, fullName, Role.AGENCY_OFFICER, unitId, mustChangePassword, agencyId);
        return id;
    }

    /**
     * Enables or disables an account (a disabled account cannot log in). Disabling ends every open session of the
     * account at its next request (the session epoch moves on).
     */
    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("""
                        UPDATE app_user SET enabled = :e,
                               session_epoch = session_epoch + CASE WHEN :e THEN 0 ELSE 1 END
                        WHERE username = :u""")
                .param("e", enabled).param("u", username).update();
    }

    /**
     * An administrator sets a new password (stored as a BCrypt hash): the user must change it at the next login, and
     * every open session of the account ends. Returns false when there is no such account.
     */
    public boolean resetPassword(String username, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        int rows = jdbc.sql("""
                        UPDATE app_user SET password_hash = :h, failed_logins = 0, locked_until = NULL,
                               must_change_password = true, session_epoch = session_epoch + 1
                        WHERE username = :u""")
                .param("h", passwords.encode(rawPassword)).param("u", username).update();
        return rows > 0;
    }

    /**
     * The user changes their own password: stored as a BCrypt hash, the forced change is done, and every other session of
     * the account ends (the caller carries the new epoch into its own session). Returns the account's new session epoch.
     */
    public int changeOwnPassword(String username, String rawPassword) {
        return jdbc.sql("""
                        UPDATE app_user SET password_hash = :h, must_change_password = false, session_epoch = session_epoch + 1
                        WHERE username = :u RETURNING session_epoch""")
                .param("h", passwords.encode(rawPassword)).param("u", username)
                .query(Integer.class).single();
    }

    /** Whether the raw password is the account's current one (BCrypt check). */
    public boolean passwordMatches(String username, String rawPassword) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).optional()
                .map(hash -> passwords.matches(rawPassword, hash)).orElse(false);
    }

    /** What decides whether an open session of the account may go on; empty when the account no longer exists. */
    Optional<SessionState> sessionState(long id) {
        return jdbc.sql("SELECT enabled, session_epoch, must_change_password FROM app_user WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new SessionState(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3)))
                .optional();
    }

    /** Whether at least one enabled administrator exists (else the login page says how to create the first). */
    public boolean anAdministratorExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'ADMINISTRATOR' AND enabled)")
                .query(Boolean.class).single();
    }

    record SessionState(boolean enabled, int epoch, boolean mustChangePassword) {
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
                locked == null ? null : locked.toInstant(), rs.getInt("session_epoch"), rs.getBoolean("must_change_password"),
                (Long) rs.getObject("agency_id"));
    }
}
