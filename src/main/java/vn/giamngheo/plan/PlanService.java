package vn.giamngheo.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.plan.rules.PlanTracking;
import vn.giamngheo.plan.rules.TargetAllocation;
import vn.giamngheo.plan.rules.PlanTracking;
import vn.giamngheo.plan.rules.TargetAllocation;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;

/**
 * Plans per unit and year: the baseline from the decided lists in force on 1 January, targets, the cascade
 * of a target to the communes, the states of commune targets and tracking against the lists live.
 */
@Service
public class PlanService {

    static final String ON_TRACK = "plan.tracking.on_track_ratio";
    static final String AT_RISK = "plan.tracking.at_risk_ratio";

    private static final String SELECT = """
            SELECT p.*, u.code AS unit_code, u.full_name AS unit_name, u.level AS unit_level
            FROM plan p JOIN admin_unit u ON u.id = p.unit_id
            """;

    /** How a parent's target is shared among its communes. */
    public enum Basis {
        POOR, HOUSEHOLDS, MANUAL;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A plan's progress on a day: poor at the start and on the day, and the mark. */
    public record Tracking(Plan plan, LocalDate asOf, int poorNow, PlanTracking.Progress progress) {
    }

    private final JdbcClient jdbc;
    private final PlanUnits units;
    private final DecidedCounts counts;
    private final Parameters parameters;

    PlanService(JdbcClient jdbc, PlanUnits units, DecidedCounts counts, Parameters parameters) {
        this.jdbc = jdbc;
        this.units = units;
        this.counts = counts;
        this.parameters = parameters;
    }

    /** The baseline of a unit for a year (what a new plan would hold), without storing anything. */
    public DecidedCounts.Counts baseline(long unitId, int year, CurrentUser user) {
        return counts.of(units.visible(unitId, user), LocalDate.of(year, 1, 1));
    }

    /** Creates the plan of a unit for a year with its baseline from the decided lists and its targets. */
    @Transactional
    public Plan create(long unitId, int year, int poorReduction, int nearPoorReduction, String note, CurrentUser user) {
        PlanUnits.Unit unit = units.editable(unitId, user);
        checkYear(year);
        if (findId(unitId, year) != null) {
            throw new InvalidPlanException(PlanProblem.of("year", "plan.error.exists", unit.name(), String.valueOf(year)));
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        DecidedCounts.Counts c = counts.of(unit, start);
        checkTargets(poorReduction, nearPoorReduction, c);
        long id = insert(unit, year, null, start, c, poorReduction, nearPoorReduction, null, note, user);
        return get(id, user);
    }

    public Plan get(long id, CurrentUser user) {
        Plan plan = find(id).orElseThrow(() -> new PlanNotFoundException("no plan " + id));
        units.visible(plan.unitId(), user);
        return plan;
    }

    /** The plans of the user's area for a year, the higher levels first. */
    public List<Plan> list(int year, CurrentUser user) {
        AreaFilter area = AreaFilter.of(user.scope());
        return area.bind(jdbc.sql(SELECT + " WHERE p.plan_year = :y AND " + area.on("u") + """

                         ORDER BY length(u.path), u.code"""))
                .param("y", year).query(PlanService::map).list();
    }

    /** The commune plans cascaded from a plan. */
    public List<Plan> children(long planId, CurrentUser user) {
        get(planId, user);
        return jdbc.sql(SELECT + " WHERE p.parent_plan_id = :id ORDER BY u.code").param("id", planId)
                .query(PlanService::map).list();
    }

    /**
     * Shares the plan's poor-reduction target among the communes of its unit (valid on 1 January), in
     * proportion to their poor at the start or their households (largest remainder, see
     * {@link TargetAllocation}), or by hand ({@code manual}: commune id → households, which must add up to the
     * target). Every commune gets a proposed plan with its own baseline; earlier proposals are replaced, an
     * approved commune target is never overwritten (the cascade is refused).
     */
    @Transactional
    public List<Plan> cascade(long planId, Basis basis, Map<Long, Integer> manual, CurrentUser user) {
        Plan parent = get(planId, user);
        PlanUnits.Unit unit = units.editable(parent.unitId(), user);
        if (unit.level().equals("commune")) {
            throw new InvalidPlanException(PlanProblem.of("unit", "plan.error.cascade-commune", unit.name()));
        }
        List<PlanUnits.Unit> communes = units.communes(unit, parent.baselineDate());
        if (communes.isEmpty()) {
            throw new InvalidPlanException(PlanProblem.of("unit", "plan.error.no-communes", unit.name()));
        }
        Map<Long, DecidedCounts.Counts> byCommune = counts.byCommune(unit, parent.baselineDate());
        Map<Long, Integer> shares = new LinkedHashMap<>();
        if (basis == Basis.MANUAL) {
            shares.putAll(manualShares(parent, communes, byCommune, manual == null ? Map.of() : manual));
        } else {
            List<TargetAllocation.Unit> allocationUnits = new ArrayList<>();
            for (PlanUnits.Unit c : communes) {
                DecidedCounts.Counts k = byCommune.getOrDefault(c.id(), DecidedCounts.Counts.ZERO);
                // the registry may lag the lists: a commune never counts fewer households than its poor
                allocationUnits.add(new TargetAllocation.Unit(c.code(), Math.max(k.households(), k.poor()), k.poor()));
            }
            TargetAllocation.Allocation a;
            try {
                a = TargetAllocation.allocate(parent.poorReduction(),
                        basis == Basis.POOR ? TargetAllocation.Basis.POOR : TargetAllocation.Basis.HOUSEHOLDS, allocationUnits);
            } catch (IllegalArgumentException e) {
                throw new InvalidPlanException(PlanProblem.of("poorReduction", "plan.error.allocation", e.getMessage()));
            }
            communes.forEach(c -> shares.put(c.id(), Math.toIntExact(a.share(c.code()))));
        }
        List<PlanProblem> approved = new ArrayList<>();
        for (PlanUnits.Unit c : communes) {
            Long existing = findId(c.id(), parent.year());
            if (existing != null && find(existing).orElseThrow().state() == PlanState.APPROVED) {
                approved.add(PlanProblem.of("unit", "plan.error.child-approved", c.name()));
            }
        }
        if (!approved.isEmpty()) {
            throw new InvalidPlanException(approved);
        }
        for (PlanUnits.Unit c : communes) {
            DecidedCounts.Counts k = byCommune.getOrDefault(c.id(), DecidedCounts.Counts.ZERO);
            int share = shares.get(c.id());
            Long existing = findId(c.id(), parent.year());
            if (existing == null) {
                long id = insert(c, parent.year(), parent.id(), parent.baselineDate(), k, share, 0, basis.code(), null, user);
                transition(id, null, PlanState.PROPOSED, null, user);
            } else {
                Plan old = find(existing).orElseThrow();
                jdbc.sql("""
                                UPDATE plan SET parent_plan_id = :parent, households = :h, poor = :poor,
                                    poor_social_protection = :sp, near_poor = :np, poor_reduction = :r,
                                    near_poor_reduction = LEAST(near_poor_reduction, :np), allocation_basis = :basis,
                                    state = 'proposed', return_reason = NULL, updated_by = :by, updated_at = now(),
                                    version = version + 1
                                WHERE id = :id""")
                        .param("parent", parent.id()).param("h", k.households()).param("poor", k.poor())
                        .param("sp", k.poorSocialProtection()).param("np", k.nearPoor()).param("r", share)
                        .param("basis", basis.code()).param("by", user.getUsername()).param("id", existing).update();
                transition(existing, old.state(), PlanState.PROPOSED, null, user);
            }
        }
        jdbc.sql("UPDATE plan SET allocation_basis = :b, updated_by = :by, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("b", basis.code()).param("by", user.getUsername()).param("id", parent.id()).update();
        return children(parent.id(), user);
    }

    private Map<Long, Integer> manualShares(Plan parent, List<PlanUnits.Unit> communes, Map<Long, DecidedCounts.Counts> byCommune,
                                            Map<Long, Integer> manual) {
        List<PlanProblem> problems = new ArrayList<>();
        Map<Long, Integer> shares = new LinkedHashMap<>();
        long sum = 0;
        for (Long id : manual.keySet()) {
            if (communes.stream().noneMatch(c -> c.id() == id)) {
                problems.add(PlanProblem.of("share." + id, "plan.error.not-a-commune", String.valueOf(id)));
            }
        }
        for (PlanUnits.Unit c : communes) {
            int share = manual.getOrDefault(c.id(), 0);
            int poor = byCommune.getOrDefault(c.id(), DecidedCounts.Counts.ZERO).poor();
            if (share < 0 || share > poor) {
                problems.add(PlanProblem.of("share." + c.id(), "plan.error.share-range", c.name(), String.valueOf(share), String.valueOf(poor)));
            }
            shares.put(c.id(), share);
            sum += share;
        }
        if (sum != parent.poorReduction()) {
            problems.add(PlanProblem.of("shares", "plan.error.share-sum", String.valueOf(sum), String.valueOf(parent.poorReduction())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return shares;
    }

    /** Changes the targets of a plan not yet approved; a commune target becomes adjusted. */
    @Transactional
    public Plan adjust(long planId, Integer version, int poorReduction, int nearPoorReduction, String note, CurrentUser user) {
        Plan plan = get(planId, user);
        units.editable(plan.unitId(), user);
        if (!plan.state().editable()) {
            throw new InvalidPlanException(PlanProblem.of("state", "plan.error.approved", plan.unitName()));
        }
        if (version == null) {
            throw new InvalidPlanException(PlanProblem.of("version", "plan.error.version-required"));
        }
        if (version != plan.version()) {
            throw new InvalidPlanException(PlanProblem.of("version", "plan.error.stale", plan.unitName(), String.valueOf(plan.version())));
        }
        checkTargets(poorReduction, nearPoorReduction, new DecidedCounts.Counts(plan.households(), plan.poor(),
                plan.poorSocialProtection(), plan.nearPoor()));
        if (poorReduction == plan.poorReduction() && nearPoorReduction == plan.nearPoorReduction()
                && java.util.Objects.equals(blankToNull(note), plan.note())) {
            return plan; // saved unchanged: the target is not adjusted (nor its version moved on)
        }
        PlanState next = plan.parentPlanId() == null ? plan.state() : PlanState.ADJUSTED;
        int updated = jdbc.sql("""
                        UPDATE plan SET poor_reduction = :r, near_poor_reduction = :nr, note = :note, state = :s,
                            updated_by = :by, updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("r", poorReduction).param("nr", nearPoorReduction).param("note", blankToNull(note))
                .param("s", next.code()).param("by", user.getUsername()).param("id", planId).param("version", version)
                .update();
        if (updated == 0) { // changed by another request between the read above and this update
            throw new InvalidPlanException(PlanProblem.of("version", "plan.error.stale", plan.unitName(), String.valueOf(version + 1)));
        }
        if (next != plan.state()) {
            transition(planId, plan.state(), next, null, user);
        }
        return get(planId, user);
    }

    /** The level above approves a commune target (proposed or adjusted); it is then locked. */
    @Transactional
    public Plan approve(long planId, CurrentUser user) {
        Plan plan = decidable(planId, user);
        setState(plan, PlanState.APPROVED, null, user);
        return get(planId, user);
    }

    /** The level above sends a commune target back with a reason. */
    @Transactional
    public Plan returnPlan(long planId, String reason, CurrentUser user) {
        Plan plan = decidable(planId, user);
        if (reason == null || reason.isBlank()) {
            throw new InvalidPlanException(PlanProblem.of("reason", "plan.error.reason-required"));
        }
        if (reason.length() > 2000) {
            throw new InvalidPlanException(PlanProblem.of("reason", "plan.error.reason-long"));
        }
        setState(plan, PlanState.RETURNED, reason.strip(), user);
        return get(planId, user);
    }

    /** Progress of the plan on the day, from the decided lists live. */
    public Tracking track(long planId, LocalDate asOf, CurrentUser user) {
        Plan plan = get(planId, user);
        PlanUnits.Unit unit = units.visible(plan.unitId(), user);
        int poorNow = counts.poor(unit, asOf);
        PlanTracking.Progress p = PlanTracking.assess(plan.poorReduction(), plan.poor() - poorNow, plan.year(), asOf,
                parameters.decimalValue(ON_TRACK), parameters.decimalValue(AT_RISK));
        return new Tracking(plan, asOf, poorNow, p);
    }

    /**
     * For the dashboard: the plans of a unit and of the units directly under it (within the user's area) for a
     * year, each with its progress on the day, furthest behind first (off-track, then at-risk, then on-track; within
     * a mark by the projected shortfall against the target). Plans without a target for the poor are left out.
     * Without a unit: the user's own unit, or for a user of the whole country the provinces' plans.
     */
    public List<Tracking> behindFirst(Long unitId, int year, LocalDate asOf, CurrentUser user) {
        Long unit = unitId != null ? unitId : user.scope().unitId();
        if (unit != null) {
            units.visible(unit, user);
        }
        String near = unit == null ? "u.parent_id IS NULL" : "(u.id = :unit OR u.parent_id = :unit)";
        AreaFilter area = AreaFilter.of(user.scope());
        JdbcClient.StatementSpec spec = area.bind(jdbc.sql(SELECT + " WHERE p.plan_year = :y AND " + near
                        + " AND " + area.on("u") + """

                           AND p.poor_reduction > 0
                         ORDER BY u.code"""))
                .param("y", year);
        if (unit != null) {
            spec = spec.param("unit", unit);
        }
        List<Plan> plans = spec.query(PlanService::map).list();
        return plans.stream().map(p -> track(p.id(), asOf, user))
                .sorted(java.util.Comparator.<Tracking>comparingInt(t -> -t.progress().mark().ordinal())
                        .thenComparingLong(t -> t.progress().projected() - t.progress().target())
                        .thenComparing(t -> t.plan().unitCode()))
                .toList();
    }

    /** The history of states of a plan. */
    public List<Map<String, Object>> transitions(long planId, CurrentUser user) {
        get(planId, user);
        return jdbc.sql("SELECT from_state, to_state, reason, username, at FROM plan_transition WHERE plan_id = :id ORDER BY id")
                .param("id", planId).query().listOfRows();
    }

    private Plan decidable(long planId, CurrentUser user) {
        Plan plan = get(planId, user);
        if (plan.parentPlanId() == null) {
            throw new InvalidPlanException(PlanProblem.of("state", "plan.error.no-parent", plan.unitName()));
        }
        Plan parent = find(plan.parentPlanId()).orElseThrow();
        PlanUnits.Unit parentUnit = units.find(parent.unitId()).orElseThrow();
        if (!user.canEdit() || !user.scope().contains(parentUnit.path())) {
            throw new AccessDeniedException("only the level above approves or returns a commune target");
        }
        if (!plan.state().decidable()) {
            throw new InvalidPlanException(PlanProblem.of("state", "plan.error.state", plan.state().code()));
        }
        return plan;
    }

    private void setState(Plan plan, PlanState next, String reason, CurrentUser user) {
        jdbc.sql("""
                        UPDATE plan SET state = :s, return_reason = :reason, updated_by = :by, updated_at = now(),
                            version = version + 1 WHERE id = :id""")
                .param("s", next.code()).param("reason", reason).param("by", user.getUsername()).param("id", plan.id()).update();
        transition(plan.id(), plan.state(), next, reason, user);
    }

    private void transition(long planId, PlanState from, PlanState to, String reason, CurrentUser user) {
        jdbc.sql("INSERT INTO plan_transition (plan_id, from_state, to_state, reason, username) VALUES (:p, :f, :t, :r, :u)")
                .param("p", planId).param("f", from == null ? null : from.code()).param("t", to.code()).param("r", reason)
                .param("u", user.getUsername()).update();
    }

    long insert(PlanUnits.Unit unit, int year, Long parentId, LocalDate start, DecidedCounts.Counts c, int poorReduction,
                int nearPoorReduction, String basis, String note, CurrentUser user) {
        return jdbc.sql("""
                        INSERT INTO plan (province_code, unit_id, plan_year, parent_plan_id, baseline_date, households, poor,
                            poor_social_protection, near_poor, poor_reduction, near_poor_reduction, allocation_basis, note,
                            created_by, updated_by)
                        VALUES (:pc, :u, :y, :parent, :start, :h, :poor, :sp, :np, :r, :nr, :basis, :note, :by, :by)
                        RETURNING id""")
                .param("pc", unit.provinceCode()).param("u", unit.id()).param("y", year).param("parent", parentId)
                .param("start", start).param("h", c.households()).param("poor", c.poor()).param("sp", c.poorSocialProtection())
                .param("np", c.nearPoor()).param("r", poorReduction).param("nr", nearPoorReduction).param("basis", basis)
                .param("note", blankToNull(note)).param("by", user.getUsername())
                .query(Long.class).single();
    }

    Long findId(long unitId, int year) {
        return jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = :y").param("u", unitId).param("y", year)
                .query(Long.class).optional().orElse(null);
    }

    java.util.Optional<Plan> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PlanService::map).optional();
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidPlanException(PlanProblem.of("year", "plan.error.year", String.valueOf(year)));
        }
    }

    static void checkTargets(int poorReduction, int nearPoorReduction, DecidedCounts.Counts c) {
        List<PlanProblem> problems = new ArrayList<>();
        if (poorReduction < 0 || poorReduction > c.poor()) {
            problems.add(PlanProblem.of("poorReduction", "plan.error.reduction-range", String.valueOf(poorReduction), String.valueOf(c.poor())));
        }
        if (nearPoorReduction < 0 || nearPoorReduction > c.nearPoor()) {
            problems.add(PlanProblem.of("nearPoorReduction", "plan.error.near-poor-range", String.valueOf(nearPoorReduction),
                    String.valueOf(c.nearPoor())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Plan map(ResultSet rs, int n) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("unit_level"), rs.getString("province_code"), rs.getInt("plan_year"),
                (Long) rs.getObject("parent_plan_id"), rs.getObject("baseline_date", LocalDate.class), rs.getInt("households"),
                rs.getInt("poor"), rs.getInt("poor_social_protection"), rs.getInt("near_poor"), rs.getInt("poor_reduction"),
                rs.getInt("near_poor_reduction"), rs.getString("allocation_basis"), PlanState.of(rs.getString("state")),
                rs.getString("return_reason"), rs.getString("note"), rs.getInt("version"));
    }

}
