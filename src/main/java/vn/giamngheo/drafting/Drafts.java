package vn.giamngheo.drafting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanNotFoundException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.CurrentUser;

/**
 * Drafting a plan's documents and keeping every version: a draft reads the figures live ({@link DraftSources}), writes
 * the DOCX and PDF ({@link DraftWriter}), and stores both with the figures printed, who drafted it, when, at which
 * narrative version and from which data (the plan's version and the report data's version key). Earlier versions are
 * listed and downloaded again byte for byte; a draft says which figures changed since the one before it.
 */
@Service
class Drafts {

    /** A kept version (without its bytes). */
    public record Version(long id, long planId, DraftKind kind, String language, String draftedBy, Instant draftedAt,
                   LocalDate asOf, int narrativeVersion, int planVersion, String dataVersion, int findings,
                   Map<String, String> figures) {
    }

    /** A figure that differs between two drafts; a figure absent from one of them is blank there. */
    public record Change(String key, String before, String after) {
    }

    /** A version with the changes since the version before it of the same plan and kind (empty for the first). */
    public record Drafted(Version version, Long previousId, List<Change> changes) {
    }

    private final JdbcClient jdbc;
    private final DraftSources sources;
    private final DraftWriter writer;
    private final Narratives narratives;
    private final JsonMapper json = JsonMapper.builder().build();

    Drafts(JdbcClient jdbc, DraftSources sources, DraftWriter writer, Narratives narratives) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.writer = writer;
        this.narratives = narratives;
    }

    /** The plan, if the user may see it (not found otherwise). */
    Plan plan(long planId, CurrentUser user) {
        return sources.plan(planId, user);
    }

    Narratives.Narrative narrative(long planId, DraftKind kind, CurrentUser user) {
        return narratives.get(plan(planId, user), kind);
    }

    /** Saves the narrative at the version it was read at; only users who may change plans. */
    Narratives.Narrative saveNarrative(long planId, DraftKind kind, Map<String, String> texts, Integer version, CurrentUser user) {
        Plan plan = plan(planId, user);
        editor(user);
        return narratives.save(plan, kind, texts, version, user);
    }

    /** The figures a draft made now would print, without storing anything (the page's preview of what changed). */
    Map<String, String> figuresNow(long planId, DraftKind kind, CurrentUser user) {
        return sources.gather(plan(planId, user), kind, user).figures();
    }

    /** Drafts the document now in the language, keeps it and says what changed since the previous version. */
    @Transactional
    Drafted draft(long planId, DraftKind kind, Locale locale, CurrentUser user) {
        Plan plan = plan(planId, user);
        editor(user);
        Narratives.Narrative narrative = narratives.get(plan, kind);
        DraftData data = sources.gather(plan, kind, user);
        DraftDocument document = writer.write(data, narrative, data.today(), locale);
        byte[] docx = document.docx();
        byte[] pdf = document.pdf();
        Map<String, String> figures = data.figures();
        Optional<Version> previous = latest(plan, kind);
        String language = "vi".equals(locale.getLanguage()) ? "vi" : "en";
        long id = jdbc.sql("""
                        INSERT INTO drafted_document (plan_id, province_code, kind, language, drafted_by, as_of,
                            narrative_version, plan_version, data_version, figures, findings, docx, pdf)
                        VALUES (:p, :pc, :k, :lang, :by, :asOf, :nv, :pv, :dv, CAST(:figures AS jsonb), :findings, :docx, :pdf)
                        RETURNING id""")
                .param("p", plan.id()).param("pc", plan.provinceCode()).param("k", kind.code()).param("lang", language)
                .param("by", user.getUsername()).param("asOf", data.asOf()).param("nv", narrative.version())
                .param("pv", plan.version()).param("dv", data.situation().dataVersion())
                .param("figures", json.writeValueAsString(figures)).param("findings", data.check().findings().size())
                .param("docx", docx).param("pdf", pdf)
                .query(Long.class).single();
        Version v = version(plan, id).orElseThrow();
        return new Drafted(v, previous.map(Version::id).orElse(null), previous.map(p -> changes(p.figures(), figures)).orElse(List.of()));
    }

    /** The kept versions of a plan (of one kind, or all when null), newest first. */
    List<Version> versions(long planId, DraftKind kind, CurrentUser user) {
        Plan plan = plan(planId, user);
        return jdbc.sql(SELECT + " WHERE plan_id = :p AND (CAST(:k AS text) IS NULL OR kind = :k) ORDER BY id DESC")
                .param("p", plan.id()).param("k", kind == null ? null : kind.code())
                .query(this::map).list();
    }

    /** Each kept version of a kind with the changes since the version before it, newest first. */
    List<Drafted> history(long planId, DraftKind kind, CurrentUser user) {
        List<Version> all = versions(planId, kind, user);
        List<Drafted> list = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Version v = all.get(i);
            Version before = i + 1 < all.size() ? all.get(i + 1) : null;
            list.add(new Drafted(v, before == null ? null : before.id(), before == null ? List.of() : changes(before.figures(), v.figures())));
        }
        return list;
    }

    /** The bytes of a kept version as drafted: {@code docx} or {@code pdf}. */
    byte[] file(long planId, long draftId, String format, CurrentUser user) {
        Plan plan = plan(planId, user);
        if (!format.equals("docx") && !format.equals("pdf")) {
            throw new InvalidPlanException(PlanProblem.of("format", "drafting.error.format", format));
        }
        return jdbc.sql("SELECT " + format + " FROM drafted_document WHERE id = :id AND plan_id = :p")
                .param("id", draftId).param("p", plan.id()).query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new PlanNotFoundException("no drafted document " + draftId + " of plan " + planId));
    }

    Version get(long planId, long draftId, CurrentUser user) {
        return version(plan(planId, user), draftId)
                .orElseThrow(() -> new PlanNotFoundException("no drafted document " + draftId + " of plan " + planId));
    }

    /** The figures that differ between two drafts, in the order of the later one (then those it no longer prints). */
    static List<Change> changes(Map<String, String> before, Map<String, String> after) {
        List<Change> changes = new ArrayList<>();
        after.forEach((k, v) -> {
            String old = before.get(k);
            if (!v.equals(old)) {
                changes.add(new Change(k, old == null ? "" : old, v));
            }
        });
        before.forEach((k, v) -> {
            if (!after.containsKey(k)) {
                changes.add(new Change(k, v, ""));
            }
        });
        return changes;
    }

    private Optional<Version> latest(Plan plan, DraftKind kind) {
        return jdbc.sql(SELECT + " WHERE plan_id = :p AND kind = :k ORDER BY id DESC LIMIT 1")
                .param("p", plan.id()).param("k", kind.code()).query(this::map).optional();
    }

    private Optional<Version> version(Plan plan, long id) {
        return jdbc.sql(SELECT + " WHERE plan_id = :p AND id = :id").param("p", plan.id()).param("id", id)
                .query(this::map).optional();
    }

    private static void editor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not draft documents");
        }
    }

    private static final String SELECT = """
            SELECT id, plan_id, kind, language, drafted_by, drafted_at, as_of, narrative_version, plan_version, data_version,
                   findings, figures::text AS figures
            FROM drafted_document""";

    private Version map(ResultSet rs, int n) throws SQLException {
        Map<String, String> figures = json.readValue(rs.getString("figures"), new TypeReference<LinkedHashMap<String, String>>() { });
        return new Version(rs.getLong("id"), rs.getLong("plan_id"), DraftKind.ofCode(rs.getString("kind")).orElseThrow(),
                rs.getString("language"), rs.getString("drafted_by"), rs.getTimestamp("drafted_at").toInstant(),
                rs.getObject("as_of", LocalDate.class), rs.getInt("narrative_version"), rs.getInt("plan_version"),
                rs.getString("data_version"), rs.getInt("findings"), figures);
    }
}
