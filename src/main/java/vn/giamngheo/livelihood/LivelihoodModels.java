package vn.giamngheo.livelihood;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.livelihood.ModelRecords.IncomeForm;
import vn.giamngheo.livelihood.ModelRecords.Mix;
import vn.giamngheo.livelihood.ModelRecords.Model;
import vn.giamngheo.livelihood.ModelRecords.ModelForm;
import vn.giamngheo.livelihood.ModelRecords.Outcomes;
import vn.giamngheo.livelihood.ModelRecords.Participant;
import vn.giamngheo.livelihood.ModelRecords.ParticipantForm;
import vn.giamngheo.livelihood.rules.TargetGroup;
import vn.giamngheo.livelihood.rules.TargetShare;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Livelihood models of the user's area with their participants. A household joins a model of its own commune;
 * its target group is recorded from its decided status and flags on the joining day, and the model's share of
 * target households is checked against the thresholds.
 */
@Service
class LivelihoodModels {

    private static final String MODEL_SELECT = PovertyStatus.sql("""
            SELECT m.*, c.full_name AS commune_name, v.name AS village_name,
                   count(p.id) AS participants,
                   count(p.id) FILTER (WHERE p.target_group = {poor}) AS poor,
                   count(p.id) FILTER (WHERE p.target_group = {near_poor}) AS near_poor,
                   count(p.id) FILTER (WHERE p.target_group = 'newly_escaped') AS newly_escaped,
                   count(p.id) FILTER (WHERE p.target_group = 'ethnic_minority') AS ethnic_minority,
                   count(p.id) FILTER (WHERE p.target_group IS NOT NULL) AS targets
            FROM livelihood_model m
            JOIN admin_unit c ON c.id = m.commune_id
            LEFT JOIN admin_unit v ON v.id = m.village_id
            LEFT JOIN livelihood_participant p ON p.model_id = m.id
            WHERE {area}
            """);
    private static final String MODEL_GROUP = " GROUP BY m.id, c.code, c.full_name, v.name";

    private final JdbcClient jdbc;
    private final AreaUnits units;
    private final LivelihoodThresholds thresholds;
    private final Clock clock;

    LivelihoodModels(JdbcClient jdbc, LivelihoodThresholds thresholds, Clock clock, AreaUnits units) {
        this.units = units;
        this.jdbc = jdbc;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    List<Model> list(AccessScope scope, boolean flaggedOnly) {
        List<Model> models = scoped(MODEL_SELECT + MODEL_GROUP + " ORDER BY c.code, m.starts_on DESC, m.name LIMIT 1000", scope)
                .query(this::map).list();
        return models.stream().filter(m -> !flaggedOnly || m.mix().flagged()).map(m -> withOutcomes(m, participants(m.id()))).toList();
    }

    Model get(long id, AccessScope scope) {
        Model m = scoped(MODEL_SELECT + " AND m.id = :id" + MODEL_GROUP, scope).param("id", id).query(this::map).optional()
                .orElseThrow(() -> new ModelNotFoundException("model", id));
        return withOutcomes(m, participants(id));
    }

    @Transactional
    Model create(ModelForm form, CurrentUser user) {
        List<InvalidModelException.Problem> problems = validate(form);
        AdminUnit commune = form.communeId() == null ? null : commune(form.communeId(), user.scope()).orElse(null);
        if (commune == null) {
            problems.add(problem("communeId", "livelihood.problem.commune-outside"));
        } else if (form.villageId() != null && !villageOf(form.villageId(), commune.id())) {
            problems.add(problem("villageId", "livelihood.problem.village"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO livelihood_model (province_code, commune_id, village_id, name, kind, programme_item,
                            budget_line, starts_on, ends_on, lead_agency, description, created_by)
                        VALUES (:p, :c, :v, :name, :kind, :item, :line, :starts, :ends, :lead, :description, :by)
                        RETURNING id""")
                .param("p", commune.provinceCode()).param("c", commune.id()).param("v", form.villageId())
                .param("name", form.name().trim()).param("kind", form.kind()).param("item", blank(form.programmeItem()))
                .param("line", blank(form.budgetLine())).param("starts", form.startsOn()).param("ends", form.endsOn())
                .param("lead", form.leadAgency().trim()).param("description", blank(form.description()))
                .param("by", user.getUsername())
                .query(Long.class).single();
        return get(id, user.scope());
    }

    /**
     * Edits a model (its commune stays): checked like a new one, and against its participants (none may have joined
     * outside the new dates). {@code version} is the one the user saw: a model changed since is refused (stale), the
     * change is not lost silently.
     */
    @Transactional
    Model update(long id, Integer version, ModelForm form, CurrentUser user) {
        Model current = get(id, user.scope());
        List<InvalidModelException.Problem> problems = validate(form);
        if (version == null) {
            problems.add(problem("version", "livelihood.problem.version-required"));
        }
        if (form.villageId() != null && !villageOf(form.villageId(), current.communeId())) {
            problems.add(problem("villageId", "livelihood.problem.village"));
        }
        if (form.startsOn() != null && form.endsOn() != null) {
            long outside = participants(id).stream()
                    .filter(p -> p.joinedOn().isBefore(form.startsOn()) || p.joinedOn().isAfter(form.endsOn())).count();
            if (outside > 0) {
                problems.add(problem("startsOn", "livelihood.problem.participants-outside", outside));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
        int updated = jdbc.sql("""
                        UPDATE livelihood_model SET village_id = :v, name = :name, kind = :kind, programme_item = :item,
                            budget_line = :line, starts_on = :starts, ends_on = :ends, lead_agency = :lead,
                            description = :description, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("v", form.villageId()).param("name", form.name().trim()).param("kind", form.kind())
                .param("item", blank(form.programmeItem())).param("line", blank(form.budgetLine()))
                .param("starts", form.startsOn()).param("ends", form.endsOn()).param("lead", form.leadAgency().trim())
                .param("description", blank(form.description())).param("id", id).param("version", version)
                .update();
        if (updated == 0) {
            throw new InvalidModelException("version", "livelihood.problem.stale", current.version());
        }
        return get(id, user.scope());
    }

    /** Adds a household of the model's commune; its target group is taken from its facts on the joining day. */
    @Transactional
    Participant addParticipant(long modelId, ParticipantForm form, CurrentUser user) {
        Model model = get(modelId, user.scope());
        List<InvalidModelException.Problem> problems = new ArrayList<>();
        LocalDate joined = form.joinedOn() == null ? model.startsOn() : form.joinedOn();
        if (joined.isBefore(model.startsOn()) || joined.isAfter(model.endsOn())) {
            problems.add(problem("joinedOn", "livelihood.problem.joined-outside", joined, model.startsOn(), model.endsOn()));
        } else if (joined.isAfter(LocalDate.now(clock))) {
            problems.add(problem("joinedOn", "livelihood.problem.date-future", joined));
        }
        if (form.incomeBefore() != null && form.incomeBefore() < 0) {
            problems.add(problem("incomeBefore", "livelihood.problem.income"));
        }
        if (form.note() != null && form.note().length() > 2000) {
            problems.add(problem("note", "livelihood.problem.too-long", 2000));
        }
        if (form.householdId() == null) {
            throw new InvalidModelException("householdId", "livelihood.problem.household-required");
        }
        Facts facts = facts(form.householdId(), joined, user.scope())
                .orElseThrow(() -> new ModelNotFoundException("household", form.householdId()));
        if (facts.communeId() != model.communeId()) {
            problems.add(problem("householdId", "livelihood.problem.household-commune", facts.householdCode()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
        Optional<TargetGroup> group = thresholds.targetGroups().of(facts.status(), facts.escapedOn(), facts.ethnicMinority(), joined);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO livelihood_participant (model_id, province_code, household_id, joined_on, status_at_join,
                                newly_escaped, ethnic_minority, target_group, income_before, note, created_by)
                            VALUES (:m, :p, :h, :joined, :status, :newly, :ethnic, :group, :income, :note, :by) RETURNING id""")
                    .param("m", modelId).param("p", facts.provinceCode()).param("h", form.householdId())
                    .param("joined", joined).param("status", facts.status())
                    .param("newly", thresholds.targetGroups().newlyEscaped(facts.escapedOn(), joined))
                    .param("ethnic", facts.ethnicMinority()).param("group", group.map(TargetGroup::code).orElse(null))
                    .param("income", form.incomeBefore()).param("note", blank(form.note())).param("by", user.getUsername())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidModelException("householdId", "livelihood.problem.already-participant", facts.householdCode());
        }
        return participants(modelId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    Participant recordIncomes(long modelId, long participantId, IncomeForm form, CurrentUser user) {
        get(modelId, user.scope());
        if ((form.incomeBefore() != null && form.incomeBefore() < 0) || (form.incomeAfter() != null && form.incomeAfter() < 0)) {
            throw new InvalidModelException("incomeAfter", "livelihood.problem.income");
        }
        if (form.version() == null || form.version().isBlank()) {
            throw new InvalidModelException("version", "livelihood.problem.participant-version-required");
        }
        // the participant's version is the checksum of its row as read: any change since makes it differ
        int changed = jdbc.sql("""
                        UPDATE livelihood_participant p SET income_before = coalesce(:before, income_before),
                            income_after = coalesce(:after, income_after)
                        WHERE id = :id AND model_id = :m AND md5(p::text) = :version""")
                .param("before", form.incomeBefore()).param("after", form.incomeAfter())
                .param("id", participantId).param("m", modelId).param("version", form.version().strip()).update();
        if (changed == 0) {
            if (participants(modelId).stream().noneMatch(p -> p.id() == participantId)) {
                throw new ModelNotFoundException("participant", participantId);
            }
            throw new InvalidModelException("version", "livelihood.problem.participant-stale");
        }
        return participants(modelId).stream().filter(p -> p.id() == participantId).findFirst().orElseThrow();
    }

    @Transactional
    void removeParticipant(long modelId, long participantId, CurrentUser user) {
        get(modelId, user.scope());
        if (jdbc.sql("DELETE FROM livelihood_participant WHERE id = :id AND model_id = :m")
                .param("id", participantId).param("m", modelId).update() == 0) {
            throw new ModelNotFoundException("participant", participantId);
        }
    }

    List<Participant> participants(long modelId) {
        return jdbc.sql("""
                        SELECT p.*, md5(p::text) AS row_version, h.household_code, v.name AS village_name, ns.status AS next_status,
                               ns.effective_from AS next_from,
                               (SELECT m.full_name FROM household_member m WHERE m.province_code = p.province_code
                                  AND m.household_id = p.household_id AND m.relation = 'head') AS head_name
                        FROM livelihood_participant p
                        JOIN household h ON h.province_code = p.province_code AND h.id = p.household_id
                        LEFT JOIN admin_unit v ON v.id = h.village_id
                        LEFT JOIN LATERAL (SELECT s.status, s.effective_from FROM decided_status s
                                           WHERE s.province_code = p.province_code AND s.household_id = p.household_id
                                             AND s.effective_from > p.joined_on
                                           ORDER BY s.effective_from, s.decided_on, s.id LIMIT 1) ns ON true
                        WHERE p.model_id = :m
                        ORDER BY h.household_code""")
                .param("m", modelId)
                .query((rs, i) -> new Participant(rs.getLong("id"), rs.getLong("household_id"), rs.getString("household_code"),
                        rs.getString("head_name"), rs.getString("village_name"), rs.getObject("joined_on", LocalDate.class),
                        rs.getString("status_at_join"), rs.getBoolean("newly_escaped"), rs.getBoolean("ethnic_minority"),
                        rs.getString("target_group"), (Long) rs.getObject("income_before"), (Long) rs.getObject("income_after"),
                        rs.getString("note"), rs.getString("next_status"), rs.getObject("next_from", LocalDate.class),
                        rs.getString("row_version")))
                .list();
    }

    static Outcomes outcomes(List<Participant> participants) {
        List<Participant> both = participants.stream().filter(p -> p.incomeBefore() != null && p.incomeAfter() != null).toList();
        Long before = both.isEmpty() ? null : Math.round(both.stream().mapToLong(Participant::incomeBefore).average().orElse(0));
        Long after = both.isEmpty() ? null : Math.round(both.stream().mapToLong(Participant::incomeAfter).average().orElse(0));
        int decided = (int) participants.stream().filter(p -> p.nextStatus() != null).count();
        int escaped = (int) participants.stream().filter(p -> Boolean.TRUE.equals(p.escapedSince())).count();
        return new Outcomes(both.size(), before, after, decided, escaped);
    }

    private Model withOutcomes(Model m, List<Participant> participants) {
        return new Model(m.id(), m.provinceCode(), m.communeId(), m.communeName(), m.villageId(), m.villageName(), m.name(),
                m.kind(), m.programmeItem(), m.budgetLine(), m.startsOn(), m.endsOn(), m.leadAgency(), m.description(),
                m.version(), m.mix(), outcomes(participants));
    }

    private List<InvalidModelException.Problem> validate(ModelForm f) {
        List<InvalidModelException.Problem> problems = new ArrayList<>();
        if (f.name() == null || f.name().isBlank() || f.name().trim().length() > 300) {
            problems.add(problem("name", "livelihood.problem.name", 300));
        }
        if (f.kind() == null || !ModelRecords.KINDS.contains(f.kind())) {
            problems.add(problem("kind", "livelihood.problem.kind", String.valueOf(f.kind())));
        }
        if (f.startsOn() == null || f.endsOn() == null) {
            problems.add(problem("startsOn", "livelihood.problem.dates-required"));
        } else if (f.endsOn().isBefore(f.startsOn())) {
            problems.add(problem("endsOn", "livelihood.problem.ends-before", f.endsOn(), f.startsOn()));
        }
        if (f.leadAgency() == null || f.leadAgency().isBlank() || f.leadAgency().trim().length() > 300) {
            problems.add(problem("leadAgency", "livelihood.problem.lead-agency", 300));
        }
        if (f.programmeItem() != null && f.programmeItem().length() > 100) {
            problems.add(problem("programmeItem", "livelihood.problem.too-long", 100));
        }
        if (f.budgetLine() != null && f.budgetLine().length() > 200) {
            problems.add(problem("budgetLine", "livelihood.problem.too-long", 200));
        }
        if (f.description() != null && f.description().length() > 4000) {
            problems.add(problem("description", "livelihood.problem.too-long", 4000));
        }
        return problems;
    }

    private Optional<Facts> facts(long householdId, LocalDate on, AccessScope scope) {
        return jdbc.sql(PovertyStatus.sql("""
                        SELECT h.province_code, h.commune_id, h.household_code,
                               (SELECT s.status FROM status_of(h.province_code, h.id, :on) s) AS status,
                               (SELECT max(s.effective_from) FROM decided_status s
                                WHERE s.province_code = h.province_code AND s.household_id = h.id
                                  AND s.effective_from <= :on AND s.previous_status IN ({listed})
                                  AND s.status IN ({average}, {not_poor})) AS escaped_on,
                               coalesce(h.ethnic_minority, EXISTS (SELECT 1 FROM household_member m
                                  WHERE m.province_code = h.province_code AND m.household_id = h.id
                                    AND m.relation = 'head' AND m.ethnicity NOT IN ('Kinh', 'Người nước ngoài'))) AS ethnic
                        FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.id = :id AND\s""" + AreaFilter.of(scope).on("h", "c")))
                .param("id", householdId).param("on", on)
                .params(AreaFilter.of(scope).parameters())
                .query((rs, i) -> new Facts(rs.getString("province_code"), rs.getLong("commune_id"), rs.getString("household_code"),
                        rs.getString("status"), rs.getObject("escaped_on", LocalDate.class), rs.getBoolean("ethnic")))
                .optional();
    }

    private Optional<AdminUnit> commune(long communeId, AccessScope scope) {
        return units.find(communeId, scope).filter(u -> AdminUnit.COMMUNE.equals(u.level()));
    }

    private boolean villageOf(long villageId, long communeId) {
        return jdbc.sql("SELECT count(*) FROM admin_unit WHERE id = :v AND level = 'village' AND parent_id = :c")
                .param("v", villageId).param("c", communeId).query(Long.class).single() > 0;
    }

    /** Communes of the area in use today (for the form). */
    List<CommuneChoice> communes(AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT id, code, full_name FROM admin_unit u WHERE level = 'commune' AND "
                        + area.on("u") + " AND valid_to IS NULL ORDER BY code LIMIT 5000"))
                .query((rs, i) -> new CommuneChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private JdbcClient.StatementSpec scoped(String sql, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(sql.replace("{area}", area.on("m", "c"))));
    }

    private Model map(ResultSet rs, int row) throws SQLException {
        int participants = rs.getInt("participants");
        int targets = rs.getInt("targets");
        TargetShare share = new TargetShare(participants, targets);
        Mix mix = new Mix(participants, rs.getInt("poor"), rs.getInt("near_poor"), rs.getInt("newly_escaped"),
                rs.getInt("ethnic_minority"), targets, share.percent(), share.check(thresholds.current()));
        return new Model(rs.getLong("id"), rs.getString("province_code"), rs.getLong("commune_id"), rs.getString("commune_name"),
                (Long) rs.getObject("village_id"), rs.getString("village_name"), rs.getString("name"), rs.getString("kind"),
                rs.getString("programme_item"), rs.getString("budget_line"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("lead_agency"), rs.getString("description"),
                rs.getInt("version"), mix, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static InvalidModelException.Problem problem(String field, String key, Object... args) {
        return new InvalidModelException.Problem(field, key, List.of(args));
    }

    record CommuneChoice(long id, String code, String fullName) {
    }

    private record Facts(String provinceCode, long communeId, String householdCode, String status, LocalDate escapedOn,
                         boolean ethnicMinority) {
    }
}
