package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.people.PeopleFigures;
import vn.giamngheo.people.rules.PersonIndicator;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.plan.rules.CoverageTracking;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.standard.StandardRegistry;

/**
 * Per-dimension coverage targets of a plan and their tracking live from the decided lists: the group's households
 * in force (latest non-revoked household_status row, as {@link DecidedCounts}) in the plan unit's subtree, and of
 * them those whose {@code deprived} holds none of the target's indicator codes, on 1 January and on the day. A target of
 * kind {@code people} is about the members of those households ({@link PeopleFigures}): the share of the indicator's
 * base (members, children of school age, members of working age) for whom it holds.
 */
@Service
public class PlanCoverage {

    /** What a target may name: an indicator, or a dimension with its indicators. */
    public record Code(String kind, String code, List<String> indicators) {
        /** Whether the code names a person-level indicator. */
        public boolean people() {
            return PEOPLE.equals(kind);
        }

        /** The value of a form's choice: {@code kind:code}. */
        public String key() {
            return kind + ":" + code;
        }
    }

    /**
     * A target with its progress on a day; for a target amount also the amount reached ({@code actual}, counted from
     * 1 January to the day or the year's end), else null. The progress of an amount is the share of it reached
     * (capped at 100 %), from 0 on 1 January.
     */
    public record Tracked(CoverageTarget target, List<String> indicators, CoverageTracking.Progress progress,
                          BigDecimal actual) {
        public Tracked(CoverageTarget target, List<String> indicators, CoverageTracking.Progress progress) {
            this(target, indicators, progress, null);
        }

        /** The share of the target amount reached, % (may pass 100); null for a share target. */
        public BigDecimal reached() {
            return actual == null ? null : actual.multiply(BigDecimal.valueOf(100))
                    .divide(target.targetAmount(), 2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** The kind of a target about people: the share of the group's members for whom a person-level indicator holds. */
    public static final String PEOPLE = "people";

    /**
     * The kind of a target on policy credit: the share of the group's households with a loan not settled on the day,
     * of one lending programme (code: the programme's code in lower case) or of any ({@value #ALL_PROGRAMMES}).
     */
    public static final String CREDIT = "credit";

    /** The kind of a target amount: workers of the unit departed to work abroad in the plan's year (code {@value #ALL_PROGRAMMES}). */
    public static final String LABOUR_DEPARTED = "labour_departed";

    /** The kind of a target amount: policy loans disbursed in the plan's year, million đồng, of one programme or any. */
    public static final String CREDIT_DISBURSED = "credit_disbursed";

    /** The kinds whose target is an amount ({@code target_amount}), not a share of households. */
    public static final List<String> AMOUNT_KINDS = List.of(LABOUR_DEPARTED, CREDIT_DISBURSED);

    /** The code of a credit target counting a loan of any programme. */
    public static final String ALL_PROGRAMMES = "all";

    private final JdbcClient jdbc;
    private final PeopleFigures people;
    private final PlanService plans;
    private final PlanUnits units;
    private final StandardRegistry standards;
    private final Parameters parameters;
    private final vn.giamngheo.credit.Loans loans;
    private final vn.giamngheo.labour.Workers workers;

    PlanCoverage(JdbcClient jdbc, PlanService plans, PlanUnits units, StandardRegistry standards, Parameters parameters,
                 PeopleFigures people, vn.giamngheo.credit.Loans loans, vn.giamngheo.labour.Workers workers) {
        this.loans = loans;
        this.workers = workers;
        this.jdbc = jdbc;
        this.people = people;
        this.plans = plans;
        this.units = units;
        this.standards = standards;
        this.parameters = parameters;
    }

    /**
     * The codes a target of the plan may name: each indicator of the standard scheduled for the plan year (and
     * province), then each dimension, in the standard's order; code → its indicators.
     */
    public List<Code> codes(Plan plan) {
        List<Code> codes = new ArrayList<>();
        PovertyStandard s;
        try {
            s = standards.standardForList(plan.year(), plan.provinceCode());
        } catch (IllegalStateException e) {
            return peopleCodes(codes);
        }
        Map<String, List<String>> dims = new LinkedHashMap<>();
        for (String i : s.indicators()) {
            codes.add(new Code("indicator", i, List.of(i)));
            String dim = s.parameter("dimension." + i).map(p -> p.value().strip()).orElse(i);
            dims.computeIfAbsent(dim, d -> new ArrayList<>()).add(i);
        }
        dims.forEach((d, is) -> codes.add(new Code("dimension", d, List.copyOf(is))));
        return peopleCodes(codes);
    }

    /**
     * Then the person-level indicators (kind {@code people}; vn.giamngheo.people), whatever the standard; then policy
     * credit (kind {@code credit}): any programme, then each active lending programme of the credit register.
     */
    private List<Code> peopleCodes(List<Code> codes) {
        for (PersonIndicator i : PersonIndicator.values()) {
            codes.add(new Code(PEOPLE, i.code(), List.of()));
        }
        codes.add(new Code(CREDIT, ALL_PROGRAMMES, List.of()));
        for (vn.giamngheo.credit.CreditRecords.Programme p : loans.programmes()) {
            codes.add(new Code(CREDIT, p.code().toLowerCase(java.util.Locale.ROOT), List.of()));
        }
        codes.add(new Code(LABOUR_DEPARTED, ALL_PROGRAMMES, List.of()));
        codes.add(new Code(CREDIT_DISBURSED, ALL_PROGRAMMES, List.of()));
        for (vn.giamngheo.credit.CreditRecords.Programme p : loans.programmes()) {
            codes.add(new Code(CREDIT_DISBURSED, p.code().toLowerCase(java.util.Locale.ROOT), List.of()));
        }
        return codes;
    }

    /** The code named by kind and code; without a kind the indicator of that code, else the dimension. */
    static java.util.Optional<Code> find(List<Code> codes, String kind, String code) {
        return codes.stream().filter(c -> c.code().equals(code) && (kind == null || kind.isBlank() || c.kind().equals(kind)))
                .findFirst();
    }

    public List<CoverageTarget> targets(long planId, CurrentUser user) {
        plans.get(planId, user);
        return jdbc.sql("SELECT * FROM plan_coverage_target WHERE plan_id = :p ORDER BY id").param("p", planId)
                .query((rs, n) -> new CoverageTarget(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"),
                        rs.getString("kind"), rs.getString("target_group"), rs.getBigDecimal("target_share"), rs.getString("note"),
                        rs.getBigDecimal("target_amount")))
                .list();
    }

    /** Sets (adds or replaces) the target of the plan for a code and group, a share (no amount). */
    @Transactional
    public CoverageTarget set(long planId, String kind, String code, String group, BigDecimal share, String note, CurrentUser user) {
        return set(planId, kind, code, group, share, null, note, user);
    }

    /**
     * Sets (adds or replaces) the target of the plan for a code and group: a share of the group's households, or for
     * the kinds {@link #AMOUNT_KINDS} an amount ({@code amount} > 0, required there and refused elsewhere; the share is
     * then 100, the whole amount, and the group is all listed households).
     */
    @Transactional
    public CoverageTarget set(long planId, String kind, String code, String group, BigDecimal share, BigDecimal amount,
                              String note, CurrentUser user) {
        Plan plan = plans.get(planId, user);
        units.editable(plan.unitId(), user);
        if (!plan.state().editable()) {
            throw new InvalidPlanException(PlanProblem.of("state", "plan.error.approved", plan.unitName()));
        }
        List<Code> codes = codes(plan);
        List<PlanProblem> problems = new ArrayList<>();
        String c = code == null ? "" : code.strip();
        java.util.Optional<Code> named = find(codes, kind, c);
        if (named.isEmpty()) {
            problems.add(PlanProblem.of("code", "plan.coverage.error.code", c, String.valueOf(plan.year())));
        }
        boolean amountKind = named.map(n -> AMOUNT_KINDS.contains(n.kind())).orElse(false);
        if (amountKind) {
            group = "poor_near_poor";
            share = share == null ? BigDecimal.valueOf(100) : share;
            if (amount == null) {
                problems.add(PlanProblem.of("amount", "plan.coverage.error.amount-missing"));
            } else if (amount.signum() <= 0 || amount.compareTo(new BigDecimal("999999999999")) > 0
                    || amount.stripTrailingZeros().scale() > 2) {
                problems.add(PlanProblem.of("amount", "plan.coverage.error.amount", amount.toPlainString()));
            }
            if (share.compareTo(BigDecimal.valueOf(100)) != 0) {
                problems.add(PlanProblem.of("share", "plan.coverage.error.amount-share", share.toPlainString()));
            }
        } else if (amount != null) {
            problems.add(PlanProblem.of("amount", "plan.coverage.error.amount-kind", amount.toPlainString()));
        }
        if (group == null || !CoverageTarget.GROUPS.contains(group)) {
            problems.add(PlanProblem.of("group", "plan.coverage.error.group", String.valueOf(group)));
        }
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0
                || share.stripTrailingZeros().scale() > 2) {
            problems.add(PlanProblem.of("share", "plan.coverage.error.share", String.valueOf(share)));
        }
        if (note != null && note.length() > 2000) {
            problems.add(PlanProblem.of("note", "plan.error.reason-long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        String k = named.get().kind();
        String n = note == null || note.isBlank() ? null : note.strip();
        long id = jdbc.sql("""
                        INSERT INTO plan_coverage_target (plan_id, province_code, code, kind, target_group, target_share, note,
                            target_amount, created_by, updated_by)
                        VALUES (:p, :pc, :c, :k, :g, :s, :n, :a, :by, :by)
                        ON CONFLICT (plan_id, kind, code, target_group) DO UPDATE
                            SET target_share = EXCLUDED.target_share, note = EXCLUDED.note,
                                target_amount = EXCLUDED.target_amount, updated_by = EXCLUDED.updated_by,
                                updated_at = now()
                        RETURNING id""")
                .param("p", planId).param("pc", plan.provinceCode()).param("c", c).param("k", k).param("g", group)
                .param("s", share).param("n", n).param("a", amount).param("by", user.getUsername()).query(Long.class).single();
        return new CoverageTarget(id, planId, c, k, group, share.setScale(2, java.math.RoundingMode.UNNECESSARY), n,
                amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    /** Removes a target of a plan not yet approved. */
    @Transactional
    public void remove(long planId, long targetId, CurrentUser user) {
        Plan plan = plans.get(planId, user);
        units.editable(plan.unitId(), user);
        if (!plan.state().editable()) {
            throw new InvalidPlanException(PlanProblem.of("state", "plan.error.approved", plan.unitName()));
        }
        int n = jdbc.sql("DELETE FROM plan_coverage_target WHERE id = :id AND plan_id = :p").param("id", targetId)
                .param("p", planId).update();
        if (n == 0) {
            throw new PlanNotFoundException("no coverage target " + targetId + " in plan " + planId);
        }
    }

    /** Every target of the plan with its share on 1 January and on the day, projected and marked. */
    public List<Tracked> track(long planId, LocalDate asOf, CurrentUser user) {
        Plan plan = plans.get(planId, user);
        PlanUnits.Unit unit = units.visible(plan.unitId(), user);
        List<Code> codes = codes(plan);
        BigDecimal on = parameters.decimalValue(PlanService.ON_TRACK);
        BigDecimal risk = parameters.decimalValue(PlanService.AT_RISK);
        List<Tracked> tracked = new ArrayList<>();
        for (CoverageTarget t : targets(planId, user)) {
            List<String> indicators = find(codes, t.kind(), t.code()).map(Code::indicators).orElse(List.of(t.code()));
            java.util.Optional<PersonIndicator> person = PEOPLE.equals(t.kind()) ? PersonIndicator.ofCode(t.code())
                    : java.util.Optional.empty();
            if (t.amount()) {
                LocalDate from = LocalDate.of(plan.year(), 1, 1);
                LocalDate end = LocalDate.of(plan.year(), 12, 31);
                LocalDate to = asOf.isAfter(end) ? end : asOf;
                BigDecimal actual = to.isBefore(from) ? BigDecimal.ZERO : amount(unit, t, from, to);
                long scaled = t.targetAmount().multiply(BigDecimal.valueOf(100)).longValue();
                long reached = Math.min(scaled, actual.multiply(BigDecimal.valueOf(100)).longValue());
                tracked.add(new Tracked(t, indicators, CoverageTracking.assess(new CoverageTracking.Share(0, scaled),
                        new CoverageTracking.Share(reached, scaled), t.targetShare(), plan.year(), asOf, on, risk), actual));
                continue;
            }
            boolean credit = CREDIT.equals(t.kind());
            CoverageTracking.Share base = credit ? credit(unit, t.statuses(), t.code(), plan.baselineDate())
                    : person.isPresent() ? people(unit, t.statuses(), person.get(), plan.baselineDate())
                    : share(unit, t.statuses(), indicators, plan.baselineDate());
            CoverageTracking.Share now = credit ? credit(unit, t.statuses(), t.code(), asOf)
                    : person.isPresent() ? people(unit, t.statuses(), person.get(), asOf)
                    : share(unit, t.statuses(), indicators, asOf);
            tracked.add(new Tracked(t, indicators, CoverageTracking.assess(base, now, t.targetShare(), plan.year(), asOf, on, risk)));
        }
        return tracked;
    }

    /**
     * The amount a target counts in the unit's subtree from {@code from} to {@code to}: workers departed abroad
     * (vn.giamngheo.labour), or policy loans disbursed in million đồng (vn.giamngheo.credit).
     */
    BigDecimal amount(PlanUnits.Unit unit, CoverageTarget t, LocalDate from, LocalDate to) {
        if (LABOUR_DEPARTED.equals(t.kind())) {
            return BigDecimal.valueOf(workers.departed(unit.area(), from, to));
        }
        long vnd = loans.disbursedAmount(unit.area(), ALL_PROGRAMMES.equals(t.code()) ? null
                : t.code().toUpperCase(java.util.Locale.ROOT), from, to);
        return BigDecimal.valueOf(vnd).divide(BigDecimal.valueOf(1_000_000), 3, java.math.RoundingMode.HALF_UP);
    }

    /** Members of the households of the statuses in force on the day in the unit's subtree: the indicator's base, and those it holds for. */
    CoverageTracking.Share people(PlanUnits.Unit unit, List<String> statuses, PersonIndicator indicator, LocalDate on) {
        PeopleFigures.Share s = people.share(unit.area(), statuses, indicator, on);
        return new CoverageTracking.Share(s.covered(), s.total());
    }

    /**
     * Households of the statuses in force on the day in the unit's subtree, and those with a policy loan of the
     * programme (any for {@value #ALL_PROGRAMMES}) not settled on the day (vn.giamngheo.credit).
     */
    CoverageTracking.Share credit(PlanUnits.Unit unit, List<String> statuses, String code, LocalDate on) {
        long[] s = loans.borrowersAmong(unit.area(), unit.provinceCode(), statuses,
                ALL_PROGRAMMES.equals(code) ? null : code.toUpperCase(java.util.Locale.ROOT), on);
        return new CoverageTracking.Share(s[0], s[1]);
    }

    /** Households of the statuses in force on the day in the unit's subtree, and those deprived on none of the indicators. */
    CoverageTracking.Share share(PlanUnits.Unit unit, List<String> statuses, List<String> indicators, LocalDate on) {
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE NOT (s.deprived && string_to_array(:codes, ','))) AS covered
                        FROM status_in_force(:pc, :on) s
                        JOIN admin_unit c ON c.id = s.commune_id
                        WHERE\s""" + unit.area().on("c") + " AND s.status IN (:statuses)")
                .param("codes", String.join(",", indicators)).param("pc", unit.provinceCode()).param("on", on)
                .params(unit.area().parameters()).param("statuses", statuses)
                .query((rs, n) -> new CoverageTracking.Share(rs.getLong("covered"), rs.getLong("total"))).single();
    }
}
