package vn.giamngheo.field.sync;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.household.ConcurrentEditException;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.FieldProblem;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.InvalidHouseholdException;
import vn.giamngheo.review.MeetingForm;
import vn.giamngheo.review.ReviewRefusedException;
import vn.giamngheo.review.VillageMeetings;
import vn.giamngheo.security.CurrentUser;

/**
 * Applies the changes a device sends (issue 25 point 2), each in its own transaction and through the same services as
 * the pages: a household through the register ({@link HouseholdRegistry}, its validation and version check), a meeting
 * through {@link VillageMeetings}. Each change is answered {@code applied}, {@code rejected} (with the problems per
 * field, nothing stored), {@code conflict} (the household changed on the server since the device's version: kept with
 * both sides for the conflicts page, never applied) or {@code duplicate} (sent before: the first answer again). The
 * audit rows written while a change is applied carry its id and its capture time.
 */
@Service
public class FieldChanges {

    /** A photo's largest size (bytes). */
    static final int MAX_PHOTO_BYTES = 300 * 1024;
    static final int MAX_CHANGES = 500;

    private final FieldAssignments assignments;
    private final HouseholdRegistry registry;
    private final VillageMeetings meetings;
    private final FieldClassifications classifications;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    /**
     * A savepoint inside the change's transaction: a meeting the review refuses rolls back to it and leaves the
     * change's transaction usable (the refusal marked it rollback-only, and the whole batch failed).
     */
    private final TransactionTemplate savepoint;
    private final Clock clock;

    FieldChanges(FieldAssignments assignments, HouseholdRegistry registry, VillageMeetings meetings,
                 FieldClassifications classifications, JdbcClient jdbc, JsonMapper json, MessageSource messages,
                 TransactionTemplate transactions, Clock clock) {
        this.assignments = assignments;
        this.registry = registry;
        this.meetings = meetings;
        this.classifications = classifications;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Applies a device's batch: first checks that it can be read and that every household it names is in the user's
     * assignment (otherwise nothing is applied: 400 or 404), then applies the changes one by one.
     */
    public List<Map<String, Object>> apply(FieldChange.Batch batch, CurrentUser user, Locale locale) {
        if (batch == null || batch.deviceId() == null || batch.deviceId().isBlank() || batch.deviceId().length() > 100) {
            throw new FieldSyncException("fieldsync.changes.device");
        }
        if (batch.changes() == null || batch.changes().isEmpty() || batch.changes().size() > MAX_CHANGES) {
            throw new FieldSyncException("fieldsync.changes.count", MAX_CHANGES);
        }
        for (FieldChange c : batch.changes()) {
            if (c == null || c.changeId() == null) {
                throw new FieldSyncException("fieldsync.changes.id");
            }
            if (!FieldChange.KINDS.contains(c.kind())) {
                throw new FieldSyncException("fieldsync.changes.kind", String.valueOf(c.kind()), String.join(", ", FieldChange.KINDS));
            }
            if (c.householdId() != null && !isDuplicate(c)) {
                assignments.forHousehold(registry.get(c.householdId(), user), user);
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (FieldChange c : batch.changes()) {
            results.add(transactions.execute(status -> applyOne(batch.deviceId().strip(), c, user, locale)));
        }
        return results;
    }

    private boolean isDuplicate(FieldChange c) {
        return jdbc.sql("SELECT count(*) FROM field_change WHERE change_id = :id").param("id", c.changeId())
                .query(Long.class).single() > 0;
    }

    private Map<String, Object> applyOne(String deviceId, FieldChange c, CurrentUser user, Locale locale) {
        var stored = jdbc.sql("SELECT username, result::text FROM field_change WHERE change_id = :id FOR UPDATE")
                .param("id", c.changeId()).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
        if (stored.isPresent()) {
            Map<String, Object> again = new LinkedHashMap<>();
            if (stored.get()[0].equals(user.getUsername())) {
                again.putAll(json.readValue(stored.get()[1], Map.class));
            } else {
                again.put("changeId", c.changeId().toString());
            }
            again.put("outcome", "duplicate");
            return again;
        }
        jdbc.sql("SELECT set_config('giamngheo.capture', :text, true)")
                .param("text", "field change " + c.changeId() + "; captured at " + (c.capturedAt() == null ? "?" : c.capturedAt())
                        + "; device " + deviceId)
                .query(String.class).single();
        Outcome outcome = switch (c.kind()) {
            case FieldChange.UPDATE -> update(c, user, locale);
            case FieldChange.CREATE -> create(c, user, locale);
            case FieldChange.MEETING -> meeting(c, user, locale);
            case FieldChange.POSITION -> position(c, user, locale);
            default -> photo(c, user, locale);
        };
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changeId", c.changeId().toString());
        result.put("outcome", outcome.outcome);
        result.put("householdId", outcome.household == null ? c.householdId() : Long.valueOf(outcome.household.id()));
        result.put("newVersion", outcome.household == null || !"applied".equals(outcome.outcome) ? null : outcome.household.version());
        result.put("problems", outcome.problems);
        result.put("classification", outcome.classification);
        result.put("reclassified", outcome.reclassified);
        result.put("notice", outcome.notice);
        jdbc.sql("""
                        INSERT INTO field_change (change_id, username, device_id, kind, province_code, household_id, round_id,
                            base_version, captured_at, received_at, outcome, payload, result, server_data, server_version)
                        VALUES (:id, :user, :device, :kind, :p, :h, :round, :base, :captured, :received, :outcome,
                            CAST(:payload AS jsonb), CAST(:result AS jsonb), CAST(:server AS jsonb), :serverVersion)""")
                .param("id", c.changeId()).param("user", user.getUsername()).param("device", deviceId).param("kind", c.kind())
                .param("p", outcome.household == null ? null : outcome.household.provinceCode())
                .param("h", outcome.household == null ? c.householdId() : Long.valueOf(outcome.household.id()))
                .param("round", outcome.roundId).param("base", c.baseVersion())
                .param("captured", c.capturedAt() == null ? null : java.sql.Timestamp.from(c.capturedAt()))
                .param("received", java.sql.Timestamp.from(clock.instant())).param("outcome", outcome.outcome)
                .param("payload", json.writeValueAsString(c)).param("result", json.writeValueAsString(result))
                .param("server", outcome.serverData == null ? null : json.writeValueAsString(outcome.serverData))
                .param("serverVersion", outcome.serverVersion)
                .update();
        return result;
    }

    /** What applying one change came to. */
    private static final class Outcome {
        String outcome = "applied";
        Household household;
        Long roundId;
        List<Map<String, String>> problems = List.of();
        Map<String, Object> classification;
        boolean reclassified;
        String notice;
        Map<String, Object> serverData;
        Integer serverVersion;

        static Outcome rejected(Household h, List<Map<String, String>> problems) {
            Outcome o = new Outcome();
            o.outcome = "rejected";
            o.household = h;
            o.problems = problems;
            return o;
        }
    }

    private Outcome update(FieldChange c, CurrentUser user, Locale locale) {
        if (c.householdId() == null) {
            return Outcome.rejected(null, List.of(problem("householdId", "fieldsync.changes.household", locale)));
        }
        Household current = registry.get(c.householdId(), user);
        FieldAssignments.AssignedRound assigned = assignments.forHousehold(current, user);
        if (c.baseVersion() == null) {
            return Outcome.rejected(current, List.of(problem("baseVersion", "fieldsync.changes.base-version", locale)));
        }
        if (c.baseVersion() != current.version()) {
            return conflict(c, current, assigned, user);
        }
        Map<String, Object> sent = HouseholdJson.overlay(c.data(), current);
        ReadResult read = HouseholdJson.read(sent, LocalDate.now(clock));
        if (!read.isSuccess()) {
            return Outcome.rejected(current, exchangeProblems(read, locale));
        }
        HouseholdForm form = ExchangeMapping.toForm(read.households().get(0), current.villageId());
        form.setVersion(c.baseVersion());
        Household saved;
        try {
            saved = registry.updateCaptured(current.id(), form, user);
        } catch (InvalidHouseholdException e) {
            return Outcome.rejected(current, fieldProblems(e.problems(), locale));
        } catch (ConcurrentEditException e) {
            return conflict(c, e.current(), assigned, user);
        }
        return classified(c, saved, assigned, locale);
    }

    private Outcome create(FieldChange c, CurrentUser user, Locale locale) {
        Long villageId = number(c.data() == null ? null : c.data().get("villageId"));
        Long communeId = number(c.data() == null ? null : c.data().get("communeId"));
        FieldAssignments.AssignedRound assigned = communeId == null ? null
                : assignments.roundFor(communeId, villageId, user).orElse(null);
        if (assigned == null) {
            return Outcome.rejected(null, List.of(problem("villageId", "fieldsync.changes.village", locale)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = new LinkedHashMap<>(c.data());
        if (sent.get("household") instanceof Map<?, ?> h) {
            @SuppressWarnings("unchecked")
            Map<String, Object> household = new LinkedHashMap<>((Map<String, Object>) h);
            household.put("commune_code", assigned.round().communeCode());
            sent.put("household", household);
        }
        ReadResult read = HouseholdJson.read(stringsOnly(sent), LocalDate.now(clock));
        if (!read.isSuccess()) {
            return Outcome.rejected(null, exchangeProblems(read, locale));
        }
        HouseholdData data = read.households().get(0);
        HouseholdForm form = ExchangeMapping.toForm(data, villageId);
        Household saved;
        try {
            saved = registry.createCaptured(form, user);
        } catch (InvalidHouseholdException e) {
            return Outcome.rejected(null, fieldProblems(e.problems(), locale));
        }
        return classified(c, saved, assigned, locale);
    }

    /** The household JSON with every value as the text of a cell. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringsOnly(Map<String, Object> sent) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (sent.get("household") instanceof Map<?, ?> h) {
            Map<String, String> household = new LinkedHashMap<>();
            h.forEach((k, v) -> household.put(String.valueOf(k), HouseholdJson.text(v)));
            out.put("household", household);
        }
        List<Map<String, String>> members = new ArrayList<>();
        if (sent.get("members") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, String> m = new LinkedHashMap<>();
                if (item instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> m.put(String.valueOf(k), HouseholdJson.text(v)));
                }
                members.add(m);
            }
        }
        out.put("members", members);
        return out;
    }

    private Outcome conflict(FieldChange c, Household current, FieldAssignments.AssignedRound assigned, CurrentUser user) {
        Outcome o = new Outcome();
        o.outcome = "conflict";
        o.household = current;
        o.roundId = assigned.round().id();
        o.serverData = HouseholdJson.of(current, true);
        o.serverVersion = current.version();
        return o;
    }

    /** Applied: the server's classification under the round's standard, compared with the device's. */
    private Outcome classified(FieldChange c, Household saved, FieldAssignments.AssignedRound assigned, Locale locale) {
        Outcome o = new Outcome();
        o.household = saved;
        o.roundId = assigned.round().id();
        var standard = classifications.standardOf(assigned.round());
        o.classification = classifications.classify(saved, assigned.round(), standard, locale);
        Object device = c.data() == null ? null : c.data().get("deviceClassification");
        String deviceStatus = device instanceof Map<?, ?> d && d.get("status") != null ? String.valueOf(d.get("status")) : null;
        List<String> notices = new ArrayList<>();
        if (device instanceof Map<?, ?> d) {
            Object code = d.get("standardCode");
            Object version = d.get("standardVersion");
            boolean standardChanged = (code != null && !code.equals(assigned.round().standardCode()))
                    || (version != null && !String.valueOf(version).equals(String.valueOf(assigned.round().standardVersion())));
            if (standardChanged) {
                notices.add(messages.getMessage("fieldsync.notice.standard", new Object[]{assigned.round().standardCode(),
                        assigned.round().standardVersion()}, locale));
            }
            if (!Objects.equals(deviceStatus, o.classification.get("status"))) {
                o.reclassified = true;
                notices.add(messages.getMessage("fieldsync.notice.reclassified", new Object[]{
                        statusName(deviceStatus, locale), statusName((String) o.classification.get("status"), locale)}, locale));
            }
        }
        Object generated = c.data() == null ? null : c.data().get("packageGeneratedAt");
        if (generated != null && classifications.changedSince(assigned.round(), String.valueOf(generated))) {
            notices.add(messages.getMessage("fieldsync.notice.changed-since", null, locale));
            o.reclassified = true;
        }
        o.notice = notices.isEmpty() ? null : String.join(" ", notices);
        return o;
    }

    private String statusName(String status, Locale locale) {
        if (status == null) {
            return messages.getMessage("fieldsync.status.none", null, locale);
        }
        try {
            return messages.getMessage(vn.giamngheo.status.rules.PovertyStatus.ofCode(status).messageKey(), null, status, locale);
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private Outcome meeting(FieldChange c, CurrentUser user, Locale locale) {
        Map<String, Object> d = c.data() == null ? Map.of() : c.data();
        Long roundId = number(d.get("roundId"));
        Long villageId = number(d.get("villageId"));
        boolean assigned;
        try {
            assigned = roundId != null && villageId != null && assignments.round(roundId, user).villageIds().contains(villageId);
        } catch (vn.giamngheo.review.RoundNotFoundException e) {
            assigned = false;
        }
        if (!assigned) {
            return Outcome.rejected(null, List.of(problem("villageId", "fieldsync.changes.village", locale)));
        }
        LocalDate heldOn;
        try {
            heldOn = d.get("heldOn") == null ? null : LocalDate.parse(String.valueOf(d.get("heldOn")));
        } catch (java.time.format.DateTimeParseException e) {
            return Outcome.rejected(null, List.of(problem("heldOn", "fieldsync.changes.date", locale)));
        }
        MeetingForm form = new MeetingForm(villageId, heldOn, string(d.get("chair")), string(d.get("secretary")),
                string(d.get("supervisor")), integer(d.get("invited")), integer(d.get("attendees")), integer(d.get("agreed")),
                string(d.get("note")));
        try {
            savepoint.executeWithoutResult(status -> meetings.record(roundId, form, user));
        } catch (ReviewRefusedException e) {
            Map<String, Object> members = e.errorMembers((key, args, fallback) -> messages.getMessage(key, args, fallback, locale));
            List<Map<String, String>> problems = new ArrayList<>();
            if (members.get("problems") instanceof List<?> list) {
                for (Object item : list) {
                    problems.add(Map.of("field", "meeting", "message", String.valueOf(((Map<?, ?>) item).get("message"))));
                }
            }
            return Outcome.rejected(null, problems);
        } catch (AccessDeniedException e) {
            return Outcome.rejected(null, List.of(problem("meeting", "fieldsync.changes.meeting-role", locale)));
        }
        Outcome o = new Outcome();
        o.roundId = roundId;
        return o;
    }

    private Outcome position(FieldChange c, CurrentUser user, Locale locale) {
        Household h = c.householdId() == null ? null : registry.get(c.householdId(), user);
        if (h == null) {
            return Outcome.rejected(null, List.of(problem("householdId", "fieldsync.changes.household", locale)));
        }
        assignments.forHousehold(h, user);
        Map<String, Object> d = c.data() == null ? Map.of() : c.data();
        BigDecimal lat = decimal(d.get("lat"));
        BigDecimal lon = decimal(d.get("lon"));
        BigDecimal accuracy = decimal(d.get("accuracy"));
        List<Map<String, String>> problems = new ArrayList<>();
        if (lat == null || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            problems.add(problem("lat", "fieldsync.position.lat", locale));
        }
        if (lon == null || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            problems.add(problem("lon", "fieldsync.position.lon", locale));
        }
        if (accuracy != null && (accuracy.signum() < 0 || accuracy.compareTo(BigDecimal.valueOf(1_000_000)) >= 0)) {
            problems.add(problem("accuracy", "fieldsync.position.accuracy", locale));
        }
        if (c.capturedAt() == null) {
            problems.add(problem("capturedAt", "fieldsync.changes.captured-at", locale));
        }
        if (!problems.isEmpty()) {
            return Outcome.rejected(h, problems);
        }
        jdbc.sql("""
                        INSERT INTO household_position (province_code, household_id, latitude, longitude, accuracy_m,
                            captured_at, change_id, recorded_by)
                        VALUES (:p, :h, :lat, :lon, :acc, :at, :change, :user)
                        ON CONFLICT (province_code, household_id) DO UPDATE SET latitude = EXCLUDED.latitude,
                            longitude = EXCLUDED.longitude, accuracy_m = EXCLUDED.accuracy_m, captured_at = EXCLUDED.captured_at,
                            change_id = EXCLUDED.change_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now()""")
                .param("p", h.provinceCode()).param("h", h.id()).param("lat", lat.setScale(6, java.math.RoundingMode.HALF_UP))
                .param("lon", lon.setScale(6, java.math.RoundingMode.HALF_UP)).param("acc", accuracy)
                .param("at", java.sql.Timestamp.from(c.capturedAt())).param("change", c.changeId())
                .param("user", user.getUsername()).update();
        Outcome o = new Outcome();
        o.household = h;
        return o;
    }

    private Outcome photo(FieldChange c, CurrentUser user, Locale locale) {
        Household h = c.householdId() == null ? null : registry.get(c.householdId(), user);
        if (h == null) {
            return Outcome.rejected(null, List.of(problem("householdId", "fieldsync.changes.household", locale)));
        }
        assignments.forHousehold(h, user);
        Map<String, Object> d = c.data() == null ? Map.of() : c.data();
        byte[] bytes;
        try {
            String base64 = string(d.get("base64"));
            if (base64 != null && base64.startsWith("data:")) {
                base64 = base64.substring(base64.indexOf(',') + 1);
            }
            bytes = base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        String type = PhotoTypes.of(bytes);
        if (bytes.length == 0 || type == null) {
            return Outcome.rejected(h, List.of(problem("photo", "fieldsync.photo.type", locale)));
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            return Outcome.rejected(h, List.of(problem("photo", "fieldsync.photo.size", locale, MAX_PHOTO_BYTES / 1024)));
        }
        if (c.capturedAt() == null) {
            return Outcome.rejected(h, List.of(problem("capturedAt", "fieldsync.changes.captured-at", locale)));
        }
        jdbc.sql("""
                        INSERT INTO household_photo (province_code, household_id, content_type, content, captured_at,
                            change_id, recorded_by)
                        VALUES (:p, :h, :type, :content, :at, :change, :user)
                        ON CONFLICT (province_code, household_id) DO UPDATE SET content_type = EXCLUDED.content_type,
                            content = EXCLUDED.content, captured_at = EXCLUDED.captured_at, change_id = EXCLUDED.change_id,
                            recorded_by = EXCLUDED.recorded_by, recorded_at = now()""")
                .param("p", h.provinceCode()).param("h", h.id()).param("type", type).param("content", bytes)
                .param("at", java.sql.Timestamp.from(c.capturedAt())).param("change", c.changeId())
                .param("user", user.getUsername()).update();
        Outcome o = new Outcome();
        o.household = h;
        return o;
    }

    // ---- problems in the user's language, named by the household JSON's keys ----

    private Map<String, String> problem(String field, String key, Locale locale, Object... args) {
        return Map.of("field", field, "message", messages.getMessage(key, args, key, locale));
    }

    /** The exchange reader's problems: {@code household.<column>} or {@code members[i].<column>}. */
    private List<Map<String, String>> exchangeProblems(ReadResult read, Locale locale) {
        return read.errors().stream().map(p -> Map.of("field", field(p),
                "message", messages.getMessage(p.code(), p.args().toArray(), p.message(), locale))).toList();
    }

    private static String field(ExchangeProblem p) {
        String column = p.column().isEmpty() ? "" : "." + p.column();
        return HouseholdJson.MEMBERS_TABLE.equals(p.file()) ? "members[" + (p.line() - 2) + "]" + column : "household" + column;
    }

    /** The register's problems ({@code members[1].idNumber}) named by the JSON's keys ({@code members[1].id_number}). */
    List<Map<String, String>> fieldProblems(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> Map.of("field", jsonField(p.field()),
                "message", messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale))).toList();
    }

    static String jsonField(String formField) {
        String snake = formField.replace("villageId", "village").replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return snake.startsWith("members") ? snake : "household." + snake;
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(Object value) {
        Long n = number(value);
        return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value == null ? null : new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
