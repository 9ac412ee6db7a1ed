package vn.giamngheo.security;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing per account and per client address with growing delays instead of a hard lock that anyone
 * could trigger. Every attempt is counted <em>before</em> its password is checked, by one statement that also refuses
 * it while its key waits ({@link #claim}); so of 40 parallel wrong passwords only the free attempts are checked. After
 * {@code free} counted attempts each further attempt must wait 2^k seconds (k = 1, 2, … up to
 * {@code giamngheo.security.login.max-delay-seconds}); an attempt during the wait is refused without checking its
 * password (even the right one) and is not counted, so waiting ends. A success takes its own attempt back: the account's
 * count starts again, the address keeps only its failures. A key untouched for {@code reset-minutes} starts again.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final int freePerAccount;
    private final int freePerAddress;
    private final long maxDelaySeconds;
    private final long resetSeconds;

    LoginThrottle(JdbcClient jdbc,
                  @Value("${giamngheo.security.login.free-attempts:5}") int freePerAccount,
                  @Value("${giamngheo.security.login.free-attempts-per-address:20}") int freePerAddress,
                  @Value("${giamngheo.security.login.max-delay-seconds:900}") long maxDelaySeconds,
                  @Value("${giamngheo.security.login.reset-minutes:60}") long resetMinutes) {
        this.jdbc = jdbc;
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
        this.maxDelaySeconds = maxDelaySeconds;
        this.resetSeconds = Duration.ofMinutes(resetMinutes).toSeconds();
    }

    static String accountKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    static String addressKey(String address) {
        return "addr:" + (address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address);
    }

    /**
     * Counts an attempt for the account and, when known, the address, unless one of them is waiting.
     * Returns the seconds still to wait when the attempt is refused (its password must not be checked).
     */
    public OptionalLong claim(String username, String address) {
        if (ThreadLocalRandom.current().nextInt(512) == 0) {
            jdbc.sql("DELETE FROM login_throttle WHERE last_attempt < now() - make_interval(secs => :s) AND "
                    + "(blocked_until IS NULL OR blocked_until < now())").param("s", (double) resetSeconds).update();
        }
        if (address != null) {
            OptionalLong wait = claim(addressKey(address), freePerAddress);
            if (wait.isPresent()) {
                return wait;
            }
        }
        return claim(accountKey(username), freePerAccount);
    }

    private OptionalLong claim(String key, int free) {
        // one statement: the row is locked by the insert or update, so parallel attempts are counted one after another
        boolean counted = jdbc.sql("""
                        INSERT INTO login_throttle AS t (key, failures, blocked_until, last_attempt)
                        VALUES (:key, 1, CASE WHEN 1 >= :free THEN now() + make_interval(secs => least(:max, 2.0)) END, now())
                        ON CONFLICT (key) DO UPDATE SET
                            failures = (CASE WHEN t.last_attempt < now() - make_interval(secs => :reset) THEN 0 ELSE t.failures END) + 1,
                            blocked_until = CASE
                                WHEN (CASE WHEN t.last_attempt < now() - make_interval(secs => :reset) THEN 0 ELSE t.failures END) + 1 >= :free
                                THEN now() + make_interval(secs => least(:max, power(2.0, least(30,
                                        (CASE WHEN t.last_attempt < now() - make_interval(secs => :reset) THEN 0 ELSE t.failures END)
                                        + 2 - :free))))
                                END,
                            last_attempt = now()
                        WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
                        RETURNING failures""")
                .param("key", key).param("free", free).param("max", (double) maxDelaySeconds).param("reset", (double) resetSeconds)
                .query(Integer.class).optional().isPresent();
        if (counted) {
            return OptionalLong.empty();
        }
        long seconds = jdbc.sql("SELECT greatest(1, ceil(extract(epoch FROM blocked_until - now())))::bigint FROM login_throttle WHERE key = :key")
                .param("key", key).query(Long.class).optional().orElse(1L);
        return OptionalLong.of(seconds);
    }

    /** A correct password: the account starts again, the address takes back the attempt it counted. */
    public void succeeded(String username, String address) {
        jdbc.sql("DELETE FROM login_throttle WHERE key = :key").param("key", accountKey(username)).update();
        if (address != null) {
            jdbc.sql("""
                            UPDATE login_throttle SET failures = greatest(failures - 1, 0),
                                   blocked_until = CASE WHEN failures - 1 >= :free THEN blocked_until END
                            WHERE key = :key""")
                    .param("key", addressKey(address)).param("free", freePerAddress).update();
        }
    }

    /** An administrator gave the account a new password: its waiting ends. */
    public void clear(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE key = :key").param("key", accountKey(username)).update();
    }
}
