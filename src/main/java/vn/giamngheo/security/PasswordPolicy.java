package vn.giamngheo.security;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The password policy of the application ({@link PasswordRules}) with its minimum length read from the parameter
 * {@code security.password.min_length} (V31, legal source and bounds there; changed at {@code /admin/parameters}).
 * Read with plain SQL: the {@code setting} module depends on this one, so its {@code Parameters} bean cannot be used here.
 */
@Component
public class PasswordPolicy {

    static final String MIN_LENGTH = "security.password.min_length";

    private final JdbcClient jdbc;
    private final Set<String> common = PasswordRules.shippedList();

    PasswordPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PasswordRules rules() {
        int min = jdbc.sql("SELECT value::int FROM parameter WHERE key = :k").param("k", MIN_LENGTH)
                .query(Integer.class).optional()
                .orElseThrow(() -> new IllegalStateException("parameter " + MIN_LENGTH + " is missing"));
        return new PasswordRules(min, common);
    }

    /** The message keys of the rules the password breaks; empty when it may be used. */
    public List<String> problems(String username, String password) {
        return rules().problems(username, password);
    }
}
