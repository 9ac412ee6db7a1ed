package vn.giamngheo.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content of every table of the application (partitioned tables whole, through their parent), as one checksum a
 * table, independent of row order: two fingerprints differ exactly where a table's rows differ. Optionally only the
 * rows that name one of some values (ids and codes of one unit's objects, as whole words of the row's text): what
 * users elsewhere add in their own area is then not counted, what they change or add that names those objects is.
 * Logs that any request may write (the audit log, reads of personal data, login attempts) are left out.
 */
final class DatabaseFingerprint {

    static final Set<String> LOGS = Set.of("audit_log", "personal_data_read", "login_attempt", "login_throttle",
            "flyway_schema_history", "report_version", "report_unit_version");

    private final JdbcClient jdbc;

    DatabaseFingerprint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Table → checksum of its rows. */
    Map<String, String> take() {
        return take(List.of());
    }

    /** Table → checksum of its rows that name one of {@code values} (all rows when empty). */
    Map<String, String> take(List<String> values) {
        String filter = values.isEmpty() ? "" : " WHERE t::text ~ '\\m(" + String.join("|", values.stream()
                .map(v -> v.replaceAll("[^0-9A-Za-z]", "")).filter(v -> !v.isEmpty()).toList()) + ")\\M'";
        List<String> tables = jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                        ORDER BY c.relname""")
                .query(String.class).list();
        Map<String, String> sums = new TreeMap<>();
        for (String table : tables) {
            if (LOGS.contains(table) || table.startsWith("spring_session")) {
                continue;
            }
            sums.put(table, jdbc.sql("SELECT coalesce(md5(string_agg(r, '' ORDER BY r)), '') || ':' || count(*) FROM "
                    + "(SELECT md5(t::text) AS r FROM \"" + table + "\" t" + filter + ") x").query(String.class).single());
        }
        return sums;
    }

    /** The tables whose content differs between two fingerprints. */
    static Map<String, String> changed(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, sum) -> {
            if (!sum.equals(before.get(table))) {
                changed.put(table, before.get(table) + " → " + sum);
            }
        });
        return changed;
    }
}
