package vn.giamngheo.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.format.Formats;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The audit log in words: "who changed what, from what to what" in the reader's language. The user by name, the
 * table as a word ("hộ gia đình", "thành viên"), the record named (household code and head, unit name…), each changed
 * field with the label the pages use (never a column name), old and new values in words (có/không, codes as their
 * labels, units and households by name, dates dd/MM/yyyy through {@link Formats}). Identity numbers stay masked;
 * technical columns (ids, versions, paths, time stamps of the row) are left out. Names are read in a few batch
 * queries per page, whatever its size.
 */
@Component
public class AuditWords {

    /** One changed field: its label and the old and new values in words (empty: none). */
    public record Change(String field, String from, String to, String machineFrom, String machineTo) {
    }

    /** One entry in words. */
    public record Line(long id, OffsetDateTime at, String username, String user, String action, String table,
                       String record, List<Change> changes, String detail) {
    }

    /** Columns that say nothing to a reader (identities, versions, paths, the row's own time stamps). */
    static final Set<String> HIDDEN = Set.of("id", "province_code", "version", "created_at", "updated_at", "updated_by",
            "created_by", "path", "import_id", "classified_at", "classified_standard_version", "password_hash",
            "session_epoch", "snapshot_households", "snapshot_members", "snapshot_at", "recorded_at",
            "standard_version", "related_province_code", "round_id", "decision_id", "application_id", "plan_id",
            "parent_plan_id", "source_row", "base_version", "explanation_en", "missing_member", "missing_fact");

    /** Columns holding identity numbers: masked. */
    static final Set<String> IDENTITY = Set.of("id_number");

    /** Columns naming a unit (shown by its name). */
    static final Set<String> UNIT_COLUMNS = Set.of("commune_id", "village_id", "unit_id", "parent_id", "from_commune_id",
            "to_commune_id", "predecessor_id", "successor_id");

    /** Columns naming a household (shown by code and head). */
    static final Set<String> HOUSEHOLD_COLUMNS = Set.of("household_id", "related_household_id");

    /** Columns holding a state of a review round or a plan. */
    static final Set<String> STATES = Set.of("state", "from_state", "to_state");

    /** Columns holding a year (never with a thousands separator). */
    static final Set<String> YEAR_COLUMNS = Set.of("plan_year", "list_year", "review_year", "start_year");

    /** The label of a column: the key the pages use, or the log's own. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("merit", "audit.field.merit"),
            Map.entry("deprived", "audit.field.deprived"),
            Map.entry("reviewer", "audit.field.reviewer"),
            Map.entry("poor_kind", "audit.field.poor_kind"),
            Map.entry("reviewed_at", "audit.field.reviewed_at"),
            Map.entry("meeting_state", "audit.field.meeting_state"),
            Map.entry("explanation_vi", "audit.field.explanation_vi"),
            Map.entry("baseline_date", "audit.field.baseline_date"),
            Map.entry("allocation_basis", "audit.field.allocation_basis"),
            Map.entry("poor_social_protection", "audit.field.poor_social_protection"),
            Map.entry("at", "audit.field.at"),
            Map.entry("from_state", "audit.field.from_state"),
            Map.entry("to_state", "audit.field.to_state"),
            Map.entry("opens_on", "audit.field.opens_on"),
            Map.entry("posting_started_on", "audit.field.posting_started_on"),
            Map.entry("posting_ends_on", "audit.field.posting_ends_on"),
            Map.entry("complaints_end_on", "audit.field.complaints_end_on"),
            Map.entry("start_year", "audit.field.start_year"),
            Map.entry("start_rate", "audit.field.start_rate"),
            Map.entry("yearly_points", "audit.field.yearly_points"),
            Map.entry("target_end_rate", "audit.field.target_end_rate"),
            Map.entry("period_code", "audit.field.period_code"),
            Map.entry("target_group", "audit.field.target_group"),
            Map.entry("target_share", "audit.field.target_share"),
            Map.entry("household_code", "household.code"),
            Map.entry("commune_id", "household.commune"),
            Map.entry("village_id", "household.village"),
            Map.entry("area", "household.area"),
            Map.entry("address", "household.address"),
            Map.entry("income_per_capita", "household.income"),
            Map.entry("b1_score", "household.b1Score"),
            Map.entry("housing_quality", "household.housingQuality"),
            Map.entry("floor_area_m2", "household.floorArea"),
            Map.entry("water_source", "household.waterSource"),
            Map.entry("toilet", "household.toilet"),
            Map.entry("internet_use", "household.internetUse"),
            Map.entry("telephone_use", "household.telephoneUse"),
            Map.entry("loudspeaker_reach", "household.loudspeakerReach"),
            Map.entry("waste_treatment", "household.wasteTreatment"),
            Map.entry("info_devices", "household.infoDevices"),
            Map.entry("causes", "household.causes"),
            Map.entry("ethnic_minority", "household.ethnicMinority"),
            Map.entry("merit_household", "household.meritHousehold"),
            Map.entry("social_protection", "household.socialProtection"),
            Map.entry("poverty_status", "household.povertyStatus"),
            Map.entry("life_status", "household.lifeStatus"),
            Map.entry("reference_date", "household.referenceDate"),
            Map.entry("member_no", "member.number"),
            Map.entry("full_name", "member.fullName"),
            Map.entry("id_number", "member.idNumber"),
            Map.entry("birth_date", "member.birthDate"),
            Map.entry("sex", "member.sex"),
            Map.entry("ethnicity", "member.ethnicity"),
            Map.entry("relation", "member.relation"),
            Map.entry("employment", "member.employment"),
            Map.entry("working_capacity", "member.workingCapacity"),
            Map.entry("disability", "member.disability"),
            Map.entry("monthly_social_allowance", "member.monthlySocialAllowance"),
            Map.entry("health_insurance", "member.healthInsurance"),
            Map.entry("malnourished", "member.malnourished"),
            Map.entry("education", "member.education"),
            Map.entry("in_school", "member.inSchool"),
            Map.entry("school_level_appropriate", "member.schoolLevelAppropriate"),
            Map.entry("sick_untreated", "member.sickUntreated"),
            Map.entry("merit_person", "member.meritPerson"),
            Map.entry("deprivation_count", "audit.field.deprivation_count"),
            Map.entry("classified_standard", "audit.field.classified_standard"),
            Map.entry("birth_year_only", "audit.field.birth_year_only"),
            Map.entry("household_id", "audit.field.household_id"),
            Map.entry("event_type", "audit.field.event_type"),
            Map.entry("event_date", "audit.field.event_date"),
            Map.entry("from_commune_id", "audit.field.from_commune_id"),
            Map.entry("to_commune_id", "audit.field.to_commune_id"),
            Map.entry("related_household_id", "audit.field.related_household_id"),
            Map.entry("note", "audit.field.note"),
            Map.entry("recorded_by", "audit.field.recorded_by"),
            Map.entry("code", "audit.field.code"),
            Map.entry("level", "audit.field.level"),
            Map.entry("name", "audit.field.name"),
            Map.entry("name_en", "audit.field.name_en"),
            Map.entry("unit_type", "audit.field.unit_type"),
            Map.entry("area_type", "audit.field.area_type"),
            Map.entry("parent_id", "audit.field.parent_id"),
            Map.entry("region_name", "audit.field.region_name"),
            Map.entry("valid_from", "audit.field.valid_from"),
            Map.entry("valid_to", "audit.field.valid_to"),
            Map.entry("key", "audit.field.key"),
            Map.entry("value", "audit.field.value"),
            Map.entry("value_type", "audit.field.value_type"),
            Map.entry("min_value", "audit.field.min_value"),
            Map.entry("max_value", "audit.field.max_value"),
            Map.entry("legal_source", "audit.field.legal_source"),
            Map.entry("confidence", "audit.field.confidence"),
            Map.entry("description_vi", "audit.field.description_vi"),
            Map.entry("description_en", "audit.field.description_en"),
            Map.entry("holiday_date", "audit.field.holiday_date"),
            Map.entry("name_vi", "audit.field.name_vi"),
            Map.entry("kind", "audit.field.kind"),
            Map.entry("source", "audit.field.source"),
            Map.entry("username", "audit.field.username"),
            Map.entry("role", "audit.field.role"),
            Map.entry("unit_id", "audit.field.unit_id"),
            Map.entry("enabled", "audit.field.enabled"),
            Map.entry("failed_logins", "audit.field.failed_logins"),
            Map.entry("locked_until", "audit.field.locked_until"),
            Map.entry("must_change_password", "audit.field.must_change_password"),
            Map.entry("plan_year", "audit.field.plan_year"),
            Map.entry("households", "audit.field.households"),
            // the plan's count columns are named by the status words
            Map.entry(PovertyStatus.POOR.code(), "audit.field.poor"),
            Map.entry(PovertyStatus.NEAR_POOR.code(), "audit.field.near_poor"),
            Map.entry("poor_reduction", "audit.field.poor_reduction"),
            Map.entry("near_poor_reduction", "audit.field.near_poor_reduction"),
            Map.entry("state", "audit.field.state"),
            Map.entry("return_reason", "audit.field.return_reason"),
            Map.entry("reason", "audit.field.reason"),
            Map.entry("review_year", "audit.field.review_year"),
            Map.entry("review_month", "audit.field.review_month"),
            Map.entry("list_year", "audit.field.list_year"),
            Map.entry("standard_code", "audit.field.standard_code"),
            Map.entry("decision_due", "audit.field.decision_due"),
            Map.entry("approval_state", "audit.field.approval_state"),
            Map.entry("number", "audit.field.number"),
            Map.entry("decided_on", "audit.field.decided_on"),
            Map.entry("effective_from", "audit.field.effective_from"),
            Map.entry("signed_by", "audit.field.signed_by"),
            Map.entry("revoked_on", "audit.field.revoked_on"),
            Map.entry("revoke_reason", "audit.field.revoke_reason"),
            Map.entry("status", "audit.field.status"),
            Map.entry("previous_status", "audit.field.previous_status"),
            Map.entry("answer", "audit.field.answer"),
            Map.entry("answered_on", "audit.field.answered_on"),
            Map.entry("content", "audit.field.content"),
            Map.entry("held_on", "audit.field.held_on"),
            Map.entry("attendees", "audit.field.attendees"),
            Map.entry("agreed", "audit.field.agreed"),
            Map.entry("passed", "audit.field.passed"),
            Map.entry("legal_basis", "audit.field.legal_basis"),
            Map.entry("effective_date", "audit.field.effective_date"),
            Map.entry("field", "audit.field.field"),
            Map.entry("old_value", "audit.field.old_value"),
            Map.entry("new_value", "audit.field.new_value"),
            Map.entry("predecessor_id", "audit.field.predecessor_id"),
            Map.entry("successor_id", "audit.field.successor_id"),
            Map.entry("head_name", "household.head"),
            Map.entry("members", "household.memberCount"));

    /** The prefix of the message keys of a coded column's values ({@code housing.durable}). */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("area", "area."), Map.entry("area_type", "area."), Map.entry("housing_quality", "housing."),
            Map.entry("class_code", "areaclass.class."), Map.entry("applies_to", "areaclass.applies."),
            Map.entry("rule", "areaclass.rule."),
            Map.entry("life_status", "life."), Map.entry("relation", "relation."), Map.entry("event_type", "event."),
            Map.entry("poverty_status", "classification.status."), Map.entry("status", "classification.status."),
            Map.entry("previous_status", "classification.status."), Map.entry("level", "geography.level."),
            Map.entry("role", "role."), Map.entry("sex", "sex."), Map.entry("water_source", "water."),
            Map.entry("toilet", "toilet."), Map.entry("causes", "cause."), Map.entry("info_devices", "device."),
            Map.entry("employment", "employment."), Map.entry("education", "education."),
            Map.entry("disability", "disability."));

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** Code lists tried, in this order, for a code in a column that has no list of its own. */
    private static final List<String> CODE_LISTS = List.of("classification.status.", "classification.indicator.", "monitoring.kind.", "review.approval.",
            "review.channel.", "review.application.", "review.state.",
            "plan.state.", "event.", "life.", "area.");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditWords(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The tables of the log, as the filter offers them: code → word, by word. */
    static final List<String> TABLES = List.of(
            "admin_unit", "admin_unit_change", "analysis", "app_user", "benefit_record", "budget_line",
            "escape_registration", "helper_assignment", "helper_organisation", "helper_organisation_kind",
            "helper_visit", "household", "household_event", "household_member", "import_batch",
            "livelihood_model", "livelihood_participant", "monitoring_indicator", "monitoring_report",
            "monitoring_report_value", "monitoring_target", "movement", "parameter", "plan",
            "plan_coverage_target", "plan_goal", "plan_period", "plan_transition", "poverty_standard",
            "poverty_standard_parameter", "poverty_standard_schedule", "programme_item", "programme_period",
            "public_holiday", "report", "review_application", "review_approval", "review_complaint",
            "review_decision", "review_household", "review_round", "review_transition", "support_policy",
            "unit_succession", "validation_rule", "village_meeting");

    /** The tables of the filter, code → word in the reader's language, sorted by word. */
    public Map<String, String> tables(Locale locale) {
        Map<String, String> words = new java.util.TreeMap<>();
        for (String table : TABLES) {
            words.put(text("audit.table." + table, locale, table), table);
        }
        Map<String, String> byCode = new LinkedHashMap<>();
        words.forEach((word, code) -> byCode.put(code, word));
        return byCode;
    }

    /** The names of the reads' readers and households: user → name, "h" + household id → code and head. */
    public Map<String, String> readNames(List<PersonalDataReads.Read> reads) {
        Map<String, String> names = new HashMap<>();
        Set<String> users = new HashSet<>();
        Set<Long> households = new HashSet<>();
        for (PersonalDataReads.Read r : reads) {
            users.add(r.username());
            if (r.householdId() != null) {
                households.add(r.householdId());
            }
        }
        names.putAll(userNames(users));
        householdNames(households).forEach((id, name) -> names.put("h" + id, name));
        return names;
    }

    /** The entries in words, names read in one query per kind. */
    public List<Line> describe(List<AuditEntry> entries, Locale locale) {
        Map<Long, JsonNode[]> rows = new HashMap<>();
        Set<Long> units = new HashSet<>();
        Set<Long> households = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (AuditEntry e : entries) {
            JsonNode before = parse(e.before());
            JsonNode after = parse(e.after());
            rows.put(e.id(), new JsonNode[] {before, after});
            users.add(e.username());
            for (JsonNode row : new JsonNode[] {before, after}) {
                if (row == null) {
                    continue;
                }
                for (var p : row.properties()) {
                    if (UNIT_COLUMNS.contains(p.getKey()) && p.getValue().isIntegralNumber()) {
                        units.add(p.getValue().longValue());
                    }
                    if (HOUSEHOLD_COLUMNS.contains(p.getKey()) && p.getValue().isIntegralNumber()) {
                        households.add(p.getValue().longValue());
                    }
                }
            }
            if ("household".equals(e.entity()) && e.entityId() != null && e.entityId().matches("[0-9]{1,18}")) {
                households.add(Long.parseLong(e.entityId()));
            }
        }
        Names names = new Names(unitNames(units), householdNames(households), userNames(users));
        Formats formats = Formats.of(locale);
        List<Line> lines = new ArrayList<>();
        for (AuditEntry e : entries) {
            JsonNode[] row = rows.get(e.id());
            String user = names.users().getOrDefault(e.username(),
                    ActorTaggingDataSource.SYSTEM.equals(e.username()) ? text("audit.user.system", locale, e.username()) : e.username());
            lines.add(new Line(e.id(), e.at(), e.username(), user,
                    text("audit.action." + e.action(), locale, e.action()),
                    text("audit.table." + e.entity(), locale, text("audit.table.other", locale, e.entity())),
                    record(e, row[0], row[1], names, locale), changes(e.entity(), row[0], row[1], names, formats, locale),
                    e.detail() == null ? "" : e.detail()));
        }
        return lines;
    }

    private record Names(Map<Long, String> units, Map<Long, String> households, Map<String, String> users) {
    }

    /** The record named: a household by code and head, a member by name, a unit by name, a parameter by its text. */
    private String record(AuditEntry e, JsonNode before, JsonNode after, Names names, Locale locale) {
        JsonNode row = after != null ? after : before;
        if (row == null) {
            return e.entityId() == null ? "" : "#" + e.entityId();
        }
        String entity = e.entity();
        return switch (entity) {
            case "household" -> e.entityId() != null && e.entityId().matches("[0-9]{1,18}")
                    && names.households().containsKey(Long.parseLong(e.entityId()))
                    ? names.households().get(Long.parseLong(e.entityId()))
                    : text("audit.record.householdCode", locale, string(row, "household_code"), string(row, "household_code"));
            case "household_member" -> text("audit.record.member", locale, string(row, "full_name"),
                    string(row, "full_name"), household(row, names));
            case "review_household" -> text("audit.record.household", locale, string(row, "household_code"),
                    string(row, "household_code"), string(row, "head_name"));
            case "household_event", "review_application", "review_complaint", "benefit_record", "escape_registration",
                 "helper_assignment", "livelihood_participant" -> household(row, names);
            case "admin_unit" -> string(row, "full_name");
            case "parameter" -> locale.getLanguage().equals("en") ? string(row, "description_en") : string(row, "description_vi");
            case "public_holiday" -> string(row, locale.getLanguage().equals("en") ? "name_en" : "name_vi");
            case "app_user" -> string(row, "full_name") + " (" + string(row, "username") + ")";
            case "poverty_standard" -> string(row, "name");
            case "plan", "review_round" -> unitName(row, "plan".equals(entity) ? "unit_id" : "commune_id", names)
                    + (row.has("plan_year") ? " — " + string(row, "plan_year") : row.has("list_year") ? " — " + string(row, "list_year") : "");
            default -> e.entityId() == null ? "" : "#" + e.entityId();
        };
    }

    private static String household(JsonNode row, Names names) {
        JsonNode id = row.get("household_id");
        return id != null && id.isIntegralNumber() ? names.households().getOrDefault(id.longValue(), "#" + id.longValue()) : "";
    }

    private static String unitName(JsonNode row, String column, Names names) {
        JsonNode id = row.get(column);
        return id != null && id.isIntegralNumber() ? names.units().getOrDefault(id.longValue(), "#" + id.longValue()) : "";
    }

    /** The changed fields: on an update those that differ, on a creation the values set, on a deletion those removed. */
    private List<Change> changes(String entity, JsonNode before, JsonNode after, Names names, Formats formats, Locale locale) {
        Set<String> columns = new java.util.LinkedHashSet<>();
        if (before != null) {
            before.properties().forEach(p -> columns.add(p.getKey()));
        }
        if (after != null) {
            after.properties().forEach(p -> columns.add(p.getKey()));
        }
        List<Change> changes = new ArrayList<>();
        for (String column : columns) {
            if (HIDDEN.contains(column)) {
                continue;
            }
            JsonNode old = before == null ? null : before.get(column);
            JsonNode now = after == null ? null : after.get(column);
            if (before != null && after != null && java.util.Objects.equals(old, now)) {
                continue;
            }
            if ((old == null || old.isNull()) && (now == null || now.isNull())) {
                continue;
            }
            String from = value(entity, column, old, names, formats, locale);
            String to = value(entity, column, now, names, formats, locale);
            if (!from.equals(to)) {   // an empty list set on a creation, a number written otherwise: nothing to say
                changes.add(new Change(label(column, locale), from, to, machine(column, old), machine(column, now)));
            }
        }
        return changes;
    }

    /** A value as stored, for machine files (CSV): codes as codes, ISO dates, plain numbers; identities masked. */
    static String machine(String column, JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (IDENTITY.contains(column)) {
            return mask(node.asString(""));
        }
        return node.isValueNode() ? node.asString("") : node.toString();
    }

    /** The label of a column as the pages name it. */
    String label(String column, Locale locale) {
        String key = FIELDS.get(column);
        return key == null ? text("audit.field.other", locale, column) : text(key, locale, column);
    }

    /** A value in words. */
    String value(String entity, String column, JsonNode node, Names names, Formats formats, Locale locale) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (IDENTITY.contains(column)) {
            return mask(node.asString(""));
        }
        if (node.isBoolean()) {
            return text(node.booleanValue() ? "audit.value.yes" : "audit.value.no", locale, String.valueOf(node.booleanValue()));
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : node.values()) {
                parts.add(value(entity, column, item, names, formats, locale));
            }
            return String.join(", ", parts);
        }
        if (node.isIntegralNumber()) {
            long n = node.longValue();
            if (UNIT_COLUMNS.contains(column)) {
                return names.units().getOrDefault(n, "#" + n);
            }
            if (HOUSEHOLD_COLUMNS.contains(column)) {
                return names.households().getOrDefault(n, "#" + n);
            }
            if (YEAR_COLUMNS.contains(column)) {
                return formats.year(n);
            }
            return formats.count(n);
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return formats.upTo(d, Math.max(0, Math.min(d.scale(), 4)));
        }
        if (node.isObject()) {
            return "";
        }
        String s = node.asString("");
        if (DATE.matcher(s).matches()) {
            return formats.date(LocalDate.parse(s));
        }
        if (TIMESTAMP.matcher(s).matches()) {
            try {
                return formats.dateTime(OffsetDateTime.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                return s;
            }
        }
        if ("period_code".equals(column)) {   // 2026_2030: the period as plans print it
            return s.replace('_', '–');
        }
        String prefix = STATES.contains(column) ? (entity != null && entity.startsWith("plan") ? "plan.state." : "review.state.") : CODES.get(column);
        String word = prefix == null ? null : text(prefix + s, locale, null);
        if (word != null) {
            return word;
        }
        if (CODE.matcher(s).matches()) {   // a code of a column without its own list: the first list that knows it
            for (String list : CODE_LISTS) {
                word = text(list + s, locale, null);
                if (word != null) {
                    return word;
                }
            }
            return "“" + s + "”";   // a code of a list not known here: shown quoted, as stored
        }
        // text a person or the system wrote, quoted as stored (it stays in the language it was written in)
        return s.isBlank() || !s.contains(" ") ? s : "“" + s + "”";
    }

    /** An identity number as the log shows it: only its last three digits. */
    static String mask(String number) {
        String s = number == null ? "" : number.strip();
        if (s.isEmpty()) {
            return "";
        }
        int keep = Math.min(3, s.length() / 3);
        return "•".repeat(s.length() - keep) + s.substring(s.length() - keep);
    }

    private String text(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    private static String string(JsonNode row, String column) {
        JsonNode n = row.get(column);
        return n == null || n.isNull() ? "" : n.asString("");
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Map<Long, String> unitNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, full_name FROM admin_unit WHERE id IN (:ids)").param("ids", ids)
                .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    /** Household code and the head's name (the member whose relation is head), by household id. */
    private Map<Long, String> householdNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT h.id, h.household_code,
                               (SELECT m.full_name FROM household_member m WHERE m.province_code = h.province_code
                                  AND m.household_id = h.id AND m.relation = 'head' ORDER BY m.member_no LIMIT 1) AS head
                        FROM household h WHERE h.id IN (:ids)""")
                .param("ids", ids)
                .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2)
                        + (rs.getString(3) == null ? "" : " — " + rs.getString(3))))
                .list();
        return names;
    }

    private Map<String, String> userNames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT username, full_name FROM app_user WHERE username IN (:u)").param("u", usernames)
                .query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }
}
