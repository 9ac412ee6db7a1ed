package vn.giamngheo.setting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.MonthDay;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.giamngheo.security.CurrentUser;

/**
 * The administrator-visible parameters (table {@code parameter}). Readers ask for a typed value by key; an
 * unknown key or a value of another type is a clear exception, never a silent default. Only administrators
 * change values; a change is checked against the type and bounds and records who made it (and the audit
 * trigger keeps the before and after).
 */
@Service
public class Parameters {

    private static final String SELECT = """
            SELECT key, value, value_type, min_value, max_value, legal_source, confidence, description_vi,
                   description_en, updated_by, updated_at, version
            FROM parameter""";

    private final JdbcClient jdbc;

    Parameters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int intValue(String key) {
        return Integer.parseInt(typed(key, ParameterType.INTEGER));
    }

    public BigDecimal decimalValue(String key) {
        ParameterView p = get(key);
        if (p.type() != ParameterType.DECIMAL && p.type() != ParameterType.INTEGER) {
            throw wrongType(p, ParameterType.DECIMAL);
        }
        return new BigDecimal(p.value());
    }

    public MonthDay monthDay(String key) {
        return MonthDay.parse("--" + typed(key, ParameterType.MONTH_DAY));
    }

    public String text(String key) {
        return get(key).value();
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(typed(key, ParameterType.BOOLEAN));
    }

    public List<ParameterView> all() {
        return jdbc.sql(SELECT + " ORDER BY key").query(Parameters::map).list();
    }

    /** @throws UnknownParameterException when no parameter has this key */
    public ParameterView get(String key) {
        return jdbc.sql(SELECT + " WHERE key = :key").param("key", key).query(Parameters::map).optional()
                .orElseThrow(() -> new UnknownParameterException(key));
    }

    /**
     * Sets a new value, checked against the parameter's type and bounds.
     *
     * @throws AccessDeniedException when the user is not an administrator
     * @throws UnknownParameterException when no parameter has this key
     * @throws InvalidSettingException when the value does not fit; nothing is stored
     */
    public ParameterView update(String key, String value, CurrentUser user) {
        return update(key, value, get(key).version(), user);
    }

    /**
     * As {@link #update(String, String, CurrentUser)}, from the {@code version} the administrator saw: a parameter
     * changed since (or a change without a version) is refused, nothing is stored.
     */
    public ParameterView update(String key, String value, Integer version, CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("only administrators change parameters");
        }
        ParameterView current = get(key);
        if (version == null || version != current.version()) {
            throw new InvalidSettingException(List.of(new SettingProblem(key,
                    version == null ? "setting.error.version-required" : "setting.error.stale",
                    List.of(current.updatedBy() == null ? "" : current.updatedBy()), value)));
        }
        ParameterType.Checked checked = current.type().check(value, current.minValue(), current.maxValue());
        if (!checked.isOk()) {
            throw new InvalidSettingException(List.of(new SettingProblem(key, checked.messageKey(),
                    List.of(checked.args()), checked.text())));
        }
        int changed = jdbc.sql("""
                        UPDATE parameter SET value = :value, updated_by = :user, updated_at = now(), version = version + 1
                        WHERE key = :key AND version = :version""")
                .param("value", checked.value()).param("user", user.getUsername()).param("key", key)
                .param("version", version).update();
        if (changed == 0) {
            throw new InvalidSettingException(List.of(new SettingProblem(key, "setting.error.stale",
                    List.of(""), value)));
        }
        return get(key);
    }

    private String typed(String key, ParameterType type) {
        ParameterView p = get(key);
        if (p.type() != type) {
            throw wrongType(p, type);
        }
        return p.value();
    }

    private static IllegalStateException wrongType(ParameterView p, ParameterType asked) {
        return new IllegalStateException("parameter '" + p.key() + "' is of type " + p.valueType() + ", not " + asked.code());
    }

    private static ParameterView map(ResultSet rs, int row) throws SQLException {
        return new ParameterView(rs.getString("key"), rs.getString("value"), rs.getString("value_type"),
                rs.getString("min_value"), rs.getString("max_value"), rs.getString("legal_source"),
                rs.getString("confidence"), rs.getString("description_vi"), rs.getString("description_en"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
