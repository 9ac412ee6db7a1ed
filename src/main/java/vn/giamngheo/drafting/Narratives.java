package vn.giamngheo.drafting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.CurrentUser;

/**
 * The narrative parts of a drafted document (each section's text), written in the page before drafting and kept per
 * plan and kind of document; changed only at the version they were read at (version 0: nothing written yet).
 */
@Component
class Narratives {

    /** The longest text of one section (characters). */
    static final int MAX_SECTION = 20_000;

    /** The sections of one document: section code → text (blank sections absent), at a version. */
    public record Narrative(long planId, DraftKind kind, Map<String, String> sections, int version, String updatedBy) {

        public String text(String section) {
            return sections.getOrDefault(section, "");
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Narratives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Narrative get(Plan plan, DraftKind kind) {
        return jdbc.sql("SELECT sections::text AS sections, version, updated_by FROM draft_narrative WHERE plan_id = :p AND kind = :k")
                .param("p", plan.id()).param("k", kind.code())
                .query((rs, n) -> new Narrative(plan.id(), kind, read(rs.getString("sections")), rs.getInt("version"),
                        rs.getString("updated_by")))
                .optional().orElseGet(() -> new Narrative(plan.id(), kind, Map.of(), 0, null));
    }

    /**
     * Stores the sections (only the kind's sections; blank ones are dropped) if the stored version is still
     * {@code version}; refused with every problem otherwise, nothing stored. Sections the same as the stored ones
     * store nothing (the version stays).
     */
    @Transactional
    Narrative save(Plan plan, DraftKind kind, Map<String, String> texts, Integer version, CurrentUser user) {
        if (version == null) {
            throw new InvalidPlanException(PlanProblem.of("version", "drafting.error.version-required"));
        }
        Map<String, String> sections = new LinkedHashMap<>();
        for (String s : kind.sections()) {
            String t = texts.get(s);
            if (t == null || t.isBlank()) {
                continue;
            }
            String text = t.strip().replace("\r\n", "\n");
            if (text.length() > MAX_SECTION) {
                throw new InvalidPlanException(PlanProblem.of(s, "drafting.error.too-long", String.valueOf(MAX_SECTION)));
            }
            sections.put(s, text);
        }
        for (String given : texts.keySet()) {
            if (!kind.sections().contains(given)) {
                throw new InvalidPlanException(PlanProblem.of(given, "drafting.error.section", given));
            }
        }
        Narrative now = get(plan, kind);
        if (now.version() != version) {
            throw new InvalidPlanException(PlanProblem.of("version", "drafting.error.stale", String.valueOf(now.version())));
        }
        if (now.sections().equals(sections)) {
            return now; // saved unchanged: nothing stored, not even an empty narrative where there was none
        }
        String body = json.writeValueAsString(sections);
        int changed;
        if (version == 0) {
            changed = jdbc.sql("""
                            INSERT INTO draft_narrative (plan_id, province_code, kind, sections, version, updated_by)
                            VALUES (:p, :pc, :k, CAST(:s AS jsonb), 1, :by) ON CONFLICT (plan_id, kind) DO NOTHING""")
                    .param("p", plan.id()).param("pc", plan.provinceCode()).param("k", kind.code()).param("s", body)
                    .param("by", user.getUsername()).update();
        } else {
            changed = jdbc.sql("""
                            UPDATE draft_narrative SET sections = CAST(:s AS jsonb), version = version + 1, updated_by = :by,
                                   updated_at = now()
                            WHERE plan_id = :p AND kind = :k AND version = :v""")
                    .param("p", plan.id()).param("k", kind.code()).param("s", body).param("by", user.getUsername())
                    .param("v", version).update();
        }
        if (changed == 0) { // written by another request between the read above and this change
            throw new InvalidPlanException(PlanProblem.of("version", "drafting.error.stale", String.valueOf(version + 1)));
        }
        return get(plan, kind);
    }

    private Map<String, String> read(String text) {
        Map<String, String> m = json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        return m == null ? Map.of() : m;
    }
}
