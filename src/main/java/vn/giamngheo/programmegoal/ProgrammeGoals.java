package vn.giamngheo.programmegoal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.plan.rules.ClassGoalRules;
import vn.giamngheo.plan.rules.ClassGoalRules.Outcome;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.report.ClassRates;
import vn.giamngheo.report.UnitRates;
import vn.giamngheo.security.CurrentUser;

/**
 * The programme's poverty goals as data and their check for a province and a year: the figures come from the
 * reports' services ({@link UnitRates} for a province's or a group's rate, {@link ClassRates} for the holders of area
 * classes and their rates), judged by {@link ClassGoalRules}. A year Y is measured on the lists decided at its end
 * (in force on 1 January of Y + 1) against the end of Y − 1, both on today's map; the goals "by a year" start from the
 * end of the year before the period.
 */
@Service
public class ProgrammeGoals {

    /** A province the user may check. */
    public record Province(long id, String code, String name) {
    }

    /** A figure of a check: a rate in percent ({@code RATE}) or a number of communes ({@code COMMUNES}). */
    public enum Unit { RATE, COMMUNES }

    /**
     * One goal checked: the base (the end of the year before, or of the base year), the actual (the end of the year)
     * and the required figure, the outcome, and the reason in words as a message key with its arguments
     * (BigDecimal rates and points, Long counts, Integer years: the page formats them).
     */
    public record Check(ProgrammeGoal goal, Unit unit, BigDecimal base, BigDecimal actual, BigDecimal required,
                        Outcome outcome, String reasonKey, List<Object> reasonArgs) {
    }

    /** The checks of a province in a year. */
    public record Checks(Province province, int year, String periodCode, List<Check> checks) {
    }

    private static final String SELECT = """
            SELECT g.*, p.year_from, p.year_to FROM programme_goal g JOIN programme_period p ON p.code = g.period_code
            """;

    private final JdbcClient jdbc;
    private final UnitRates unitRates;
    private final ClassRates classRates;
    private final Clock clock;

    ProgrammeGoals(JdbcClient jdbc, UnitRates unitRates, ClassRates classRates, Clock clock) {
        this.jdbc = jdbc;
        this.unitRates = unitRates;
        this.classRates = classRates;
        this.clock = clock;
    }

    /** The codes of the periods that have goals, oldest first. */
    public List<String> periods() {
        return jdbc.sql("SELECT DISTINCT g.period_code, p.year_from FROM programme_goal g"
                        + " JOIN programme_period p ON p.code = g.period_code ORDER BY p.year_from")
                .query((rs, n) -> rs.getString(1)).list();
    }

    /** The goals of a period (active and not), in their order. */
    public List<ProgrammeGoal> list(String periodCode) {
        return jdbc.sql(SELECT + " WHERE g.period_code = :p ORDER BY g.sort_order, g.code").param("p", periodCode)
                .query(ProgrammeGoals::map).list();
    }

    public ProgrammeGoal get(long id) {
        return jdbc.sql(SELECT + " WHERE g.id = :id").param("id", id).query(ProgrammeGoals::map).optional()
                .orElseThrow(() -> new ProgrammeGoalNotFoundException("no programme goal " + id));
    }

    /** What an administrator may change on a goal. */
    public record Change(Integer version, BigDecimal minPoints, BigDecimal maxPoints, BigDecimal ceiling, Integer targetYear,
                         String textVi, String textEn, String legalSource, String confidence, Boolean active) {
    }

    /** Changes a goal read at {@code c.version()} (administrators only; audited by the table's trigger). */
    @Transactional
    public ProgrammeGoal edit(long id, Change c, CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("only administrators change the programme's goals");
        }
        ProgrammeGoal g = get(id);
        if (c.version() == null) {
            throw new InvalidPlanException(PlanProblem.of("version", "programmegoal.error.version-required"));
        }
        if (c.version() != g.version()) {
            throw new InvalidPlanException(PlanProblem.of("version", "programmegoal.error.stale", g.code(),
                    String.valueOf(g.version())));
        }
        List<PlanProblem> problems = new ArrayList<>();
        boolean falls = ProgrammeGoal.RATE_FALL.equals(g.kind()) || ProgrammeGoal.EACH_UNIT_FALL.equals(g.kind());
        if (falls && !points(c.minPoints())) {
            problems.add(PlanProblem.of("minPoints", "programmegoal.error.points", String.valueOf(c.minPoints())));
        }
        if (c.maxPoints() != null && (!points(c.maxPoints()) || (c.minPoints() != null && c.maxPoints().compareTo(c.minPoints()) < 0))) {
            problems.add(PlanProblem.of("maxPoints", "programmegoal.error.max-points", String.valueOf(c.maxPoints())));
        }
        if (ProgrammeGoal.CLASS_CEILING.equals(g.kind()) && (c.ceiling() == null || c.ceiling().signum() < 0
                || c.ceiling().compareTo(BigDecimal.valueOf(100)) > 0 || c.ceiling().stripTrailingZeros().scale() > 2)) {
            problems.add(PlanProblem.of("ceiling", "programmegoal.error.ceiling", String.valueOf(c.ceiling())));
        }
        boolean byYear = ProgrammeGoal.CLASS_CEILING.equals(g.kind()) || ProgrammeGoal.CLASS_EXIT.equals(g.kind());
        if (byYear && (c.targetYear() == null || c.targetYear() <= g.baseYear() || c.targetYear() > 2100)) {
            problems.add(PlanProblem.of("targetYear", "programmegoal.error.target-year", String.valueOf(c.targetYear()),
                    String.valueOf(g.baseYear() + 1)));
        }
        text(problems, "textVi", c.textVi());
        text(problems, "textEn", c.textEn());
        text(problems, "legalSource", c.legalSource());
        if (c.confidence() == null || !Set.of("S", "S2", "?").contains(c.confidence())) {
            problems.add(PlanProblem.of("confidence", "programmegoal.error.confidence", String.valueOf(c.confidence())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        int changed = jdbc.sql("""
                        UPDATE programme_goal SET min_points = :min, max_points = :max, ceiling = :ceiling, target_year = :ty,
                            text_vi = :vi, text_en = :en, legal_source = :src, confidence = :conf, active = :active,
                            version = version + 1, updated_by = :by, updated_at = now()
                        WHERE id = :id AND version = :v""")
                .param("min", falls ? c.minPoints() : null).param("max", falls ? c.maxPoints() : null)
                .param("ceiling", ProgrammeGoal.CLASS_CEILING.equals(g.kind()) ? c.ceiling() : null)
                .param("ty", byYear ? c.targetYear() : null).param("vi", c.textVi().strip()).param("en", c.textEn().strip())
                .param("src", c.legalSource().strip()).param("conf", c.confidence())
                .param("active", c.active() == null || c.active()).param("by", user.getUsername())
                .param("id", id).param("v", c.version()).update();
        if (changed == 0) {
            throw new InvalidPlanException(PlanProblem.of("version", "programmegoal.error.stale", g.code(),
                    String.valueOf(c.version() + 1)));
        }
        return get(id);
    }

    /** The provinces of the user's area valid today (every province for national users, their own for others). */
    public List<Province> provinces(CurrentUser user) {
        AreaFilter area = AreaFilter.of(user.scope());
        return area.bind(jdbc.sql("SELECT u.id, u.province_code, u.full_name FROM admin_unit u WHERE u.level = 'province'"
                        + " AND (u.valid_from IS NULL OR u.valid_from <= :today) AND (u.valid_to IS NULL OR u.valid_to >= :today)"
                        + " AND " + area.on("u") + " ORDER BY u.province_code"))
                .param("today", today()).query((rs, n) -> new Province(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The province with this code among the user's, else 404 (another province is as unknown as a missing one). */
    public Province province(String code, CurrentUser user) {
        List<Province> mine = provinces(user);
        if (code == null || code.isBlank()) {
            if (mine.size() == 1) {
                return mine.get(0);
            }
            throw new InvalidPlanException(PlanProblem.of("province", "programmegoal.error.province-required"));
        }
        return mine.stream().filter(p -> p.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> new ProgrammeGoalNotFoundException("no province " + code + " in the user's area"));
    }

    /** The last year whose lists are decided (the year before today's). */
    public int lastEndedYear() {
        return today().getYear() - 1;
    }

    /** Every active goal of the period holding {@code year} (else the latest period) checked for the province in that year. */
    public Checks check(String provinceCode, Integer year, CurrentUser user) {
        Province province = province(provinceCode, user);
        int y = year == null ? lastEndedYear() : year;
        if (y < 2000 || y > today().getYear() + 10) {
            throw new InvalidPlanException(PlanProblem.of("year", "programmegoal.error.year", String.valueOf(y)));
        }
        List<String> periods = periods();
        String period = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        for (String p : periods) {
            List<ProgrammeGoal> goals = list(p);
            if (!goals.isEmpty() && goals.get(0).yearFrom() <= y && y <= goals.get(0).yearTo()) {
                period = p;
            }
        }
        List<Check> checks = new ArrayList<>();
        if (period != null) {
            for (ProgrammeGoal g : list(period)) {
                if (g.active()) {
                    checks.add(check(g, province, y, user));
                }
            }
        }
        return new Checks(province, y, period, checks);
    }

    private Check check(ProgrammeGoal g, Province p, int y, CurrentUser user) {
        try {
            return switch (g.kind()) {
                case ProgrammeGoal.RATE_FALL -> rateFall(g, p, y, user);
                case ProgrammeGoal.EACH_UNIT_FALL -> eachUnit(g, p, y, user);
                case ProgrammeGoal.CLASS_CEILING -> ceiling(g, p, y, user);
                case ProgrammeGoal.CLASS_EXIT -> exit(g, p, y, user);
                default -> throw new IllegalStateException("unknown kind of programme goal " + g.kind());
            };
        } catch (NoSuchElementException e) {
            throw new ProgrammeGoalNotFoundException(e.getMessage());
        }
    }

    private Check rateFall(ProgrammeGoal g, Province p, int y, CurrentUser user) {
        List<UnitRates.YearEnd> ends = unitRates.yearEnds(p.id(), y - 1, y, "today", g.group(), user);
        ClassGoalRules.Counts before = ClassGoalRules.Counts.of(ends.get(0).poor(), ends.get(0).households());
        ClassGoalRules.Counts after = ClassGoalRules.Counts.of(ends.get(1).poor(), ends.get(1).households());
        ClassGoalRules.Fall f = ClassGoalRules.fall(before, after, g.minPoints());
        BigDecimal required = before == null ? null : before.rate().subtract(g.minPoints()).max(BigDecimal.ZERO);
        if (f.outcome() == Outcome.NOT_MEASURABLE) {
            return new Check(g, Unit.RATE, f.before(), f.after(), required, f.outcome(), notMeasurable(y),
                    List.of(y - 1, y));
        }
        return new Check(g, Unit.RATE, f.before(), f.after(), required, f.outcome(),
                f.outcome() == Outcome.MET ? "programmegoal.reason.fall.met" : "programmegoal.reason.fall.not-met",
                List.of(f.points(), f.before(), y - 1, f.after(), y, g.minPoints()));
    }

    private Check eachUnit(ProgrammeGoal g, Province p, int y, CurrentUser user) {
        ClassRates.ClassYear year = classRates.years(p.id(), g.classes(), y, y, g.group(), true, user).get(0);
        if (!year.ended()) {
            return new Check(g, Unit.COMMUNES, null, null, null, Outcome.NOT_MEASURABLE, notMeasurable(y), List.of(y - 1, y));
        }
        List<Outcome> outcomes = year.communes().stream().map(h -> ClassGoalRules.fall(
                ClassGoalRules.Counts.of(h.poorBefore(), h.householdsBefore()), ClassGoalRules.Counts.of(h.poor(), h.households()),
                g.minPoints()).outcome()).toList();
        ClassGoalRules.Tally t = ClassGoalRules.Tally.of(outcomes);
        if (t.holders() == 0) {
            return new Check(g, Unit.COMMUNES, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Outcome.NOT_MEASURABLE,
                    "programmegoal.reason.each.none", List.of(y));
        }
        String key = switch (t.outcome()) {
            case MET -> "programmegoal.reason.each.met";
            case NOT_MET -> "programmegoal.reason.each.not-met";
            case NOT_MEASURABLE -> "programmegoal.reason.each.not-measurable";
        };
        return new Check(g, Unit.COMMUNES, BigDecimal.valueOf(t.holders()), BigDecimal.valueOf(t.met()),
                BigDecimal.valueOf(t.holders()), t.outcome(), key,
                List.of((long) t.met(), (long) t.holders(), g.minPoints(), y, (long) t.notMeasurable()));
    }

    private Check ceiling(ProgrammeGoal g, Province p, int y, CurrentUser user) {
        int base = g.baseYear();
        ClassRates.ClassYear b = classRates.years(p.id(), g.classes(), base, base, g.group(), false, user).get(0);
        ClassRates.ClassYear a = classRates.years(p.id(), g.classes(), y, y, g.group(), false, user).get(0);
        ClassGoalRules.Counts baseCounts = ClassGoalRules.Counts.of(b.poor(), b.households());
        ClassGoalRules.Counts actual = ClassGoalRules.Counts.of(a.poor(), a.households());
        BigDecimal baseRate = baseCounts == null ? null : baseCounts.rate();
        ClassGoalRules.Ceiling c = ClassGoalRules.ceiling(base, baseRate, g.targetYear(), g.ceiling(), y, actual);
        if (c.outcome() == Outcome.NOT_MEASURABLE) {
            return new Check(g, Unit.RATE, baseRate, c.actual(), c.allowed(), c.outcome(),
                    actual == null ? notMeasurable(y) : "programmegoal.reason.ceiling.no-base", List.of(base, y));
        }
        return new Check(g, Unit.RATE, baseRate, c.actual(), c.allowed(), c.outcome(),
                c.outcome() == Outcome.MET ? "programmegoal.reason.ceiling.met" : "programmegoal.reason.ceiling.not-met",
                List.of(c.actual(), y, c.allowed(), baseRate == null ? g.ceiling() : baseRate, base, g.ceiling(), g.targetYear()));
    }

    private Check exit(ProgrammeGoal g, Province p, int y, CurrentUser user) {
        int base = g.baseYear();
        LocalDate baseDay = LocalDate.of(base, 12, 31);
        LocalDate day = LocalDate.of(y, 12, 31);
        Long baseHolders = baseDay.isAfter(today()) ? null
                : (long) classRates.communesHolding(p.id(), g.classes(), baseDay, user).size();
        Long holders = day.isAfter(today()) ? null : (long) classRates.communesHolding(p.id(), g.classes(), day, user).size();
        Outcome o = ClassGoalRules.exit(base, baseHolders, g.targetYear(), y, holders);
        BigDecimal required = baseHolders == null ? null
                : BigDecimal.valueOf(ClassGoalRules.exitAllowed(base, baseHolders, g.targetYear(), y));
        if (o == Outcome.NOT_MEASURABLE) {
            return new Check(g, Unit.COMMUNES, big(baseHolders), big(holders), required, o, "programmegoal.reason.exit.not-ended",
                    List.of(y));
        }
        return new Check(g, Unit.COMMUNES, big(baseHolders), big(holders), required, o,
                o == Outcome.MET ? "programmegoal.reason.exit.met" : "programmegoal.reason.exit.not-met",
                List.of(holders, y, baseHolders, base, required.longValue(), g.targetYear()));
    }

    private String notMeasurable(int y) {
        return LocalDate.of(y + 1, 1, 1).isAfter(today()) ? "programmegoal.reason.not-ended" : "programmegoal.reason.no-lists";
    }

    private static BigDecimal big(Long v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }

    private static boolean points(BigDecimal p) {
        return p != null && p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0 && p.stripTrailingZeros().scale() <= 2;
    }

    private static void text(List<PlanProblem> problems, String field, String text) {
        if (text == null || text.isBlank() || text.strip().length() > 500) {
            problems.add(PlanProblem.of(field, "programmegoal.error.text"));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static ProgrammeGoal map(ResultSet rs, int n) throws SQLException {
        return new ProgrammeGoal(rs.getLong("id"), rs.getString("period_code"), rs.getInt("year_from"), rs.getInt("year_to"),
                rs.getString("code"), rs.getString("kind"), rs.getString("population_group"), rs.getString("area_class"),
                rs.getBigDecimal("min_points"), rs.getBigDecimal("max_points"), rs.getBigDecimal("ceiling"),
                (Integer) rs.getObject("target_year"), rs.getString("text_vi"), rs.getString("text_en"),
                rs.getString("legal_source"), rs.getString("confidence"), rs.getInt("sort_order"), rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
