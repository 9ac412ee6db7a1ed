package vn.giamngheo.security;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Whether accounts of the demonstration still exist with their published password (README): the login page then
 * warns that this instance is not for real data. Checked with BCrypt on the few demonstration user names only,
 * at most once a minute.
 */
@Component
class DemonstrationAccounts {

    /** The demonstration's user names and password, as published in the README. */
    static final List<String> USERNAMES = List.of("admin", "bo", "tinh", "xa", "chutich", "xa2", "sonnmt",
            "nhcsxh", "hoiphunu");
    static final String PUBLISHED_PASSWORD = "giamngheo2026";
    private static final long TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private volatile boolean present;
    private volatile long checkedAt;
    private volatile boolean checked;

    DemonstrationAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    boolean present() {
        long now = System.nanoTime();
        if (!checked || now - checkedAt > TTL_NANOS) {
            synchronized (this) {
                if (!checked || System.nanoTime() - checkedAt > TTL_NANOS) {
                    present = jdbc.sql("SELECT password_hash FROM app_user WHERE enabled AND username IN (:names)")
                            .param("names", USERNAMES).query(String.class).list().stream()
                            .anyMatch(hash -> passwords.matches(PUBLISHED_PASSWORD, hash));
                    checkedAt = System.nanoTime();
                    checked = true;
                }
            }
        }
        return present;
    }

    /** Forget the last answer (an account or a password changed). */
    void forget() {
        checked = false;
    }
}
