package vn.giamngheo.field.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.exchange.Labels;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.household.ConcurrentEditException;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.FieldProblem;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.InvalidHouseholdException;
import vn.giamngheo.security.CurrentUser;

/**
 * The user's conflicts (issue 25 point 2): changes that met a household changed by someone else since the device's
 * version. Shown field by field (the device's value, the server's now, the base when the device sent it) and resolved by
 * keeping the device's values, the server's, or a choice per field, applied through the register with its version
 * check, the conflict's own version checked too, and audited.
 */
@Service
public class FieldConflicts {

    public static final String MINE = "mine";
    public static final String THEIRS = "theirs";
    public static final String MERGE = "merge";

    private final HouseholdRegistry registry;
    private final FieldAssignments assignments;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final java.time.Clock clock;

    FieldConflicts(HouseholdRegistry registry, FieldAssignments assignments, JdbcClient jdbc, JsonMapper json,
                   MessageSource messages, java.time.Clock clock) {
        this.registry = registry;
        this.assignments = assignments;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** An open conflict in the list. */
    public record ConflictSummary(String changeId, long householdId, String householdCode, String headName,
                                  Instant capturedAt, Instant receivedAt) {
    }

    /** One differing field: its key in the household JSON, its name for the reader, and the values of each side. */
    public record FieldDiff(String field, String label, String mine, String theirs, String base) {
    }

    /** A conflict side by side. */
    public record ConflictView(String changeId, long householdId, String householdCode, int householdVersion, int version,
                               Instant capturedAt, Instant receivedAt, String resolution, String resolvedBy,
                               boolean baseKnown, List<FieldDiff> fields) {
    }

    /**
     * A resolution: {@code keep} is {@code mine}, {@code theirs} or {@code merge} (then {@code choices}: field → mine or
     * theirs for each differing field; a field not chosen keeps the server's value); the household's and the conflict's
     * versions as read.
     */
    public record Resolution(String keep, Map<String, String> choices, Integer householdVersion, Integer version) {
    }

    private record Row(UUID changeId, long householdId, Instant capturedAt, Instant receivedAt, String payload,
                       String resolution, String resolvedBy, int version) {
    }

    /** The user's conflicts not yet resolved, oldest first. */
    @Transactional(readOnly = true)
    public List<ConflictSummary> open(CurrentUser user) {
        List<Row> rows = jdbc.sql("""
                        SELECT change_id, household_id, captured_at, received_at, payload::text, resolution, resolved_by, version
                        FROM field_change WHERE username = :u AND outcome = 'conflict' AND resolution IS NULL
                        ORDER BY received_at, change_id LIMIT 500""")
                .param("u", user.getUsername()).query(FieldConflicts::row).list();
        List<ConflictSummary> result = new ArrayList<>();
        for (Row r : rows) {
            try {
                Household h = registry.get(r.householdId(), user);
                result.add(new ConflictSummary(r.changeId().toString(), h.id(), h.householdCode(), h.headName(),
                        r.capturedAt(), r.receivedAt()));
            } catch (vn.giamngheo.household.HouseholdNotFoundException e) {
                // the household left the user's area since: nothing to resolve here
            }
        }
        return result;
    }

    /** The conflict side by side (the user's own only: another's is not found). */
    @Transactional(readOnly = true)
    public ConflictView view(UUID changeId, CurrentUser user, Locale locale) {
        Row r = find(changeId, user, false);
        Household current = registry.get(r.householdId(), user);
        Map<String, Object> payload = payload(r);
        Map<String, String> mine = HouseholdJson.flatten(HouseholdJson.overlay(data(payload), current));
        Map<String, String> theirs = HouseholdJson.flatten(HouseholdJson.of(current, true));
        Map<String, String> base = data(payload).get("base") instanceof Map<?, ?> b
                ? HouseholdJson.flatten(stringKeys(b)) : Map.of();
        List<FieldDiff> fields = new ArrayList<>();
        if (r.resolution() == null) {
            Set<String> keys = new LinkedHashSet<>(theirs.keySet());
            keys.addAll(mine.keySet());
            for (String key : keys) {
                String m = mine.getOrDefault(key, "");
                String t = theirs.getOrDefault(key, "");
                if (!m.equals(t)) {
                    fields.add(new FieldDiff(key, label(key, locale), shown(key, m, user, locale), shown(key, t, user, locale),
                            base.isEmpty() ? null : shown(key, base.getOrDefault(key, ""), user, locale)));
                }
            }
        }
        return new ConflictView(r.changeId().toString(), current.id(), current.householdCode(), current.version(),
                r.version(), r.capturedAt(), r.receivedAt(), r.resolution(), r.resolvedBy(), !base.isEmpty(), fields);
    }

    /**
     * Resolves the conflict as asked: refused when the conflict (409) or the household (409, with the newer household)
     * changed since they were read, or when the merged household breaks a rule (400, problems per field).
     */
    @Transactional
    public void resolve(UUID changeId, Resolution resolution, CurrentUser user) {
        Row r = find(changeId, user, true);
        if (r.resolution() != null) {
            throw new FieldSyncException("fieldsync.conflict.resolved");
        }
        if (resolution == null || resolution.keep() == null || !List.of(MINE, THEIRS, MERGE).contains(resolution.keep())) {
            throw new FieldSyncException("fieldsync.conflict.keep");
        }
        if (resolution.version() == null || resolution.version() != r.version()) {
            throw new FieldSyncException("fieldsync.conflict.stale");
        }
        Household current = registry.get(r.householdId(), user);
        assignments.forHousehold(current, user);
        if (resolution.householdVersion() == null || resolution.householdVersion() != current.version()) {
            throw new ConcurrentEditException(current);
        }
        jdbc.sql("SELECT set_config('giamngheo.capture', :text, true)")
                .param("text", "field change " + r.changeId() + "; captured at " + (r.capturedAt() == null ? "?" : r.capturedAt())
                        + "; conflict resolved: " + resolution.keep())
                .query(String.class).single();
        if (!THEIRS.equals(resolution.keep())) {
            Map<String, String> mine = HouseholdJson.flatten(HouseholdJson.overlay(data(payload(r)), current));
            Map<String, String> theirs = HouseholdJson.flatten(HouseholdJson.of(current, true));
            Map<String, String> merged = new LinkedHashMap<>(theirs);
            Set<String> keys = new LinkedHashSet<>(theirs.keySet());
            keys.addAll(mine.keySet());
            for (String key : keys) {
                String m = mine.getOrDefault(key, "");
                if (!m.equals(theirs.getOrDefault(key, ""))) {
                    boolean takeMine = MINE.equals(resolution.keep()) || (resolution.choices() != null
                            && MINE.equals(resolution.choices().get(key)));
                    merged.put(key, takeMine ? m : theirs.getOrDefault(key, ""));
                }
            }
            ReadResult read = HouseholdJson.read(HouseholdJson.unflatten(merged), java.time.LocalDate.now(clock));
            if (!read.isSuccess()) {
                throw new InvalidHouseholdException(read.errors().stream().map(p -> new FieldProblem(
                        HouseholdJson.MEMBERS_TABLE.equals(p.file()) ? "members[" + (p.line() - 2) + "]." + p.column() : p.column(),
                        p.code(), p.args(), p.value())).toList());
            }
            HouseholdForm form = ExchangeMapping.toForm(read.households().get(0), current.villageId());
            form.setVersion(current.version());
            registry.updateCaptured(current.id(), form, user);
        }
        int updated = jdbc.sql("""
                        UPDATE field_change SET resolution = :res, resolved_by = :u, resolved_at = now(), version = version + 1
                        WHERE change_id = :id AND version = :v AND resolution IS NULL""")
                .param("res", MERGE.equals(resolution.keep()) ? "merged" : resolution.keep()).param("u", user.getUsername())
                .param("id", changeId).param("v", r.version()).update();
        if (updated == 0) {
            throw new FieldSyncException("fieldsync.conflict.stale");
        }
    }

    private Row find(UUID changeId, CurrentUser user, boolean lock) {
        return jdbc.sql("""
                        SELECT change_id, household_id, captured_at, received_at, payload::text, resolution, resolved_by, version
                        FROM field_change WHERE change_id = :id AND username = :u AND outcome = 'conflict'"""
                        + (lock ? " FOR UPDATE" : ""))
                .param("id", changeId).param("u", user.getUsername()).query(FieldConflicts::row).optional()
                .orElseThrow(() -> new ConflictNotFoundException(changeId));
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getLong(2),
                rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> payload(Row r) {
        return json.readValue(r.payload(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> payload) {
        return payload.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * A value as the user reads it: codes by their labels, yes/no, numbers and dates in the reader's conventions,
     * identity numbers masked unless their role sees them; a value that is no valid one stays as sent.
     */
    private String shown(String key, String value, CurrentUser user, Locale locale) {
        String column = key.substring(key.lastIndexOf('.') + 1);
        if (value.isEmpty()) {
            return value;
        }
        if ("id_number".equals(column)) {
            return !user.seesIdentityNumbers() && value.length() >= 4 ? "********" + value.substring(value.length() - 4) : value;
        }
        vn.giamngheo.format.Formats fmt = vn.giamngheo.format.Formats.of(locale);
        try {
            Class<? extends vn.giamngheo.exchange.Coded> type = vn.giamngheo.exchange.Columns.CODED.get(column);
            if (type != null) {
                List<String> labels = new ArrayList<>();
                for (String code : value.split(";")) {
                    labels.add(java.util.Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code.strip()))
                            .findFirst().map(c -> messages.getMessage(Labels.labelKey(c), null, code, locale)).orElse(code));
                }
                return String.join(", ", labels);
            }
            if (vn.giamngheo.exchange.Columns.BOOLEANS.contains(column)) {
                return "yes".equals(value) ? messages.getMessage("yes", null, value, locale)
                        : "no".equals(value) ? messages.getMessage("no", null, value, locale) : value;
            }
            if (List.of("income_per_capita", "floor_area_m2", "b1_score").contains(column)) {
                return fmt.upTo(new java.math.BigDecimal(value), 2);
            }
            if (vn.giamngheo.exchange.Columns.DATES.contains(column) && value.length() == 10) {
                return fmt.date(java.time.LocalDate.parse(value));
            }
        } catch (RuntimeException e) {
            return value;
        }
        return value;
    }

    /** The field's name for the reader: the column's title, for a member prefixed with its number. */
    private String label(String key, Locale locale) {
        String[] parts = key.split("\\.");
        String column = parts[parts.length - 1];
        String title = messages.getMessage(Labels.titleKey(column), null, column, locale);
        return parts[0].equals("members")
                ? messages.getMessage("fieldsync.conflict.member-field", new Object[]{parts[1], title}, locale) : title;
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }
}
