package vn.giamngheo.monitoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportDeadlines;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;
import vn.giamngheo.monitoring.rules.ReportStatus;
import vn.giamngheo.monitoring.rules.ReportWorkflow;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportDeadlines;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;
import vn.giamngheo.monitoring.rules.ReportStatus;
import vn.giamngheo.monitoring.rules.ReportWorkflow;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * Periodic monitoring reports: periods (data periods from the statistical cut-off) created for a unit and every
 * unit below it with their due dates, filled and submitted by the unit, returned or approved by the level above,
 * consolidated at each level from the approved reports of the units directly below (a unit above the communes
 * starts its entered figures from that consolidation), with completeness, timeliness and overdue lists.
 */
@Service
public class MonitoringReports {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SELECT = """
            SELECT r.id, r.unit_id, u.full_name, u.level, u.path, u.parent_id, r.province_code, r.kind, r.year, r.number,
                   r.period_start, r.period_end, r.due_date, r.ministry_due_date, r.status, r.submitted_by, r.submitted_at,
                   r.first_submitted_at, r.reviewed_by, r.reviewed_at, r.return_reason, r.version
            FROM monitoring_report r JOIN admin_unit u ON u.id = r.unit_id
            """;

    private final JdbcClient jdbc;
    private final ProgrammeUnits units;
    private final MonitoringIndicators indicators;
    private final ReportSchedule schedule;
    private final ValidationRules rules;
    private final Clock clock;

    MonitoringReports(JdbcClient jdbc, ProgrammeUnits units, MonitoringIndicators indicators, ReportSchedule schedule,
                      ValidationRules rules, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.indicators = indicators;
        this.schedule = schedule;
        this.rules = rules;
        this.clock = clock.getIfAvailable(() -> Clock.system(VIETNAM));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** The data period (statistical cut-off from the parameters) of a report kind, year and number. */
    public ReportPeriod periodOf(ReportKind kind, int year, int number) {
        return schedule.cutOff().period(kind, year, number);
    }

    /** The due dates a period's reports get. */
    public Deadlines deadlinesOf(ReportPeriod period) {
        ReportDeadlines d = schedule.deadlines();
        return new Deadlines(d.due(period, schedule.workingDays()), d.ministryDue(period).orElse(null));
    }

    public record Deadlines(LocalDate due, LocalDate ministryDue) {
    }

    /**
     * Creates the reports of a period for the unit and every province, district and commune below it that
     * exists on the last day of the period (existing reports are kept). Province officers and
     * administrators create periods. Returns how many reports were created.
     */
    @Transactional
    public int createPeriod(long unitId, ReportKind kind, int year, int number, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.editable(unitId, user);
        if (!user.isAdmin() && !"province".equals(units.home(user).map(ProgrammeUnits.Unit::level).orElse(""))) {
            throw new AccessDeniedException("only province officers and administrators create report periods");
        }
        List<ProgrammeProblem> problems = new ArrayList<>();
        BudgetLines.checkYear(year, problems);
        if (number < 1 || number > kind.periodsPerYear()) {
            problems.add(ProgrammeProblem.of("number", "programme.problem.period-number", String.valueOf(kind.periodsPerYear())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        ReportPeriod period = periodOf(kind, year, number);
        Deadlines d = deadlinesOf(period);
        return unit.area().bind(jdbc.sql("""
                        INSERT INTO monitoring_report (unit_id, province_code, kind, year, number, period_start, period_end,
                                                       due_date, ministry_due_date, created_by)
                        SELECT u.id, u.province_code, :kind, :year, :number, :start, :end, :due, :ministryDue, :by
                        FROM admin_unit u
                        WHERE\s""" + unit.area().on("u")
                        + " AND u.level IN ('province', 'district', 'commune')" + """

                          AND (u.valid_from IS NULL OR u.valid_from <= :end) AND (u.valid_to IS NULL OR u.valid_to >= :end)
                        ON CONFLICT (unit_id, kind, year, number) DO NOTHING"""))
                .param("kind", kind.code()).param("year", year).param("number", number)
                .param("start", period.start()).param("end", period.end()).param("due", d.due())
                .param("ministryDue", d.ministryDue()).param("by", user.getUsername())
                .update();
    }

    /** The reports in the user's area, optionally of one unit's subtree, year and kind. */
    public List<Report> list(CurrentUser user, Long unitId, Integer year, ReportKind kind) {
        AreaFilter area = unitId == null ? AreaFilter.of(user.scope()) : units.visible(unitId, user).area();
        return area.bind(jdbc.sql(SELECT + " WHERE " + area.on("r", "u") + """

                          AND (CAST(:year AS integer) IS NULL OR r.year = :year)
                          AND (CAST(:kind AS text) IS NULL OR r.kind = :kind)
                        ORDER BY r.period_end DESC, r.kind, u.path"""))
                .param("year", year).param("kind", kind == null ? null : kind.code())
                .query(MonitoringReports::report).list();
    }

    public Report get(long id, CurrentUser user) {
        Report r = jdbc.sql(SELECT + "WHERE r.id = :id").param("id", id).query(MonitoringReports::report).optional()
                .orElseThrow(() -> new ProgrammeNotFoundException("no report " + id));
        if (!user.scope().contains(r.unitPath())) {
            throw new ProgrammeNotFoundException("no report " + id + " in the user's area");
        }
        return r;
    }

    /** How the user stands to a report's unit (the report must be visible to them). */
    public ReportWorkflow.Actor actor(Report r, CurrentUser user) {
        if (!user.canEdit()) {
            return ReportWorkflow.Actor.OTHER;
        }
        if (Objects.equals(user.scope().unitId(), r.unitId())) {
            return ReportWorkflow.Actor.OWNER;
        }
        if (user.isAdmin() || user.scope().contains(r.unitPath())) {
            return ReportWorkflow.Actor.REVIEWER;
        }
        return ReportWorkflow.Actor.OTHER;
    }

    public Map<Long, IndicatorValue> values(long reportId, CurrentUser user) {
        get(reportId, user);
        Map<Long, IndicatorValue> values = new LinkedHashMap<>();
        jdbc.sql("SELECT indicator_id, numerator, denominator FROM monitoring_report_value WHERE report_id = :id ORDER BY indicator_id")
                .param("id", reportId)
                .query((rs, n) -> Map.entry(rs.getLong("indicator_id"), new IndicatorValue(rs.getBigDecimal("numerator"),
                        rs.getBigDecimal("denominator"))))
                .list().forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    /**
     * Fills the report: the entered indicators from {@code entered} (a share as numerator and denominator), the
     * computed ones recalculated now for the report's data period. Above the communes, an entered indicator not
     * given takes the consolidation of the approved reports of the units directly below (which were filled the
     * same way), so that a district carries its communes' figures up to the province. Refused when a validation
     * rule of high importance does not hold for the figures ({@link ValidationRules}); others are shown.
     */
    @Transactional
    public Report fill(long reportId, Map<Long, IndicatorValue> entered, Integer expectedVersion, CurrentUser user) {
        Report r = transition(reportId, ReportWorkflow.Action.FILL, null, expectedVersion, user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        Map<Long, Indicator> byId = new LinkedHashMap<>();
        carried(r).forEach(i -> byId.put(i.id(), i));
        entered.forEach((id, v) -> {
            Indicator i = byId.get(id);
            if (i == null) {
                problems.add(ProgrammeProblem.of("indicator", "programme.problem.indicator-unknown", String.valueOf(id)));
            } else if (!i.computed()) {
                checkValue(i, v, problems);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        Map<Long, IndicatorValue> figures = figures(r, byId.values(), entered);
        long blocking = violations(r, figures).stream().filter(RuleViolation::blocking).count();
        if (blocking > 0) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("rules", "monitoring.problem.rules-blocking",
                    String.valueOf(blocking)));
        }
        store(r, byId.values(), figures);
        jdbc.sql("UPDATE monitoring_report SET version = version + 1 WHERE id = :id").param("id", reportId).update();
        return get(reportId, user);
    }

    /**
     * The indicators a report carries: the national ones and its province's own, computed ones always, entered
     * ones from their level up and in reports of their period type or longer.
     */
    public List<Indicator> carried(Report r) {
        return indicators.indicatorsOf(r.provinceCode()).stream()
                .filter(i -> i.computed() || i.reportedIn(r.unitLevel(), r.kind())).toList();
    }

    /** The violations of the validation rules by the report's figures (indicator id → value). */
    public List<RuleViolation> violations(Report r, Map<Long, IndicatorValue> figures) {
        return rules.check(r.unitId(), r.year(), r.kind().code(), r.number(),
                ValidationRules.byCode(figures, indicators.indicatorsOf(r.provinceCode())));
    }

    /**
     * The figures a report would store: computed ones now, entered ones as given, else (above the communes) the
     * consolidation of the units below.
     */
    public Map<Long, IndicatorValue> figures(Report r, java.util.Collection<Indicator> all, Map<Long, IndicatorValue> entered) {
        ProgrammeUnits.Unit unit = units.find(r.unitId()).orElseThrow();
        Map<Long, IndicatorValue> prefill = prefill(r);
        Map<Long, IndicatorValue> figures = new LinkedHashMap<>();
        Map<Long, IndicatorValue> computed = indicators.computeAll(List.copyOf(all), unit, r.periodStart(), r.periodEnd(),
                r.year());
        for (Indicator i : all) {
            IndicatorValue v = i.computed()
                    ? computed.get(i.id())
                    : entered.containsKey(i.id()) ? entered.get(i.id()) : prefill.get(i.id());
            if (v != null) {
                figures.put(i.id(), v);
            }
        }
        return figures;
    }

    /** The values a unit above the communes starts from: the consolidation of its sub-units' approved reports. */
    public Map<Long, IndicatorValue> prefill(Report r) {
        return "commune".equals(r.unitLevel()) ? Map.of() : sums(r);
    }

    private void store(Report r, java.util.Collection<Indicator> all, Map<Long, IndicatorValue> figures) {
        for (Indicator i : all) {
            IndicatorValue v = figures.get(i.id());
            if (v == null) {
                jdbc.sql("DELETE FROM monitoring_report_value WHERE report_id = :r AND indicator_id = :i")
                        .param("r", r.id()).param("i", i.id()).update();
                continue;
            }
            jdbc.sql("""
                            INSERT INTO monitoring_report_value (report_id, indicator_id, province_code, numerator, denominator)
                            VALUES (:r, :i, :p, :num, :den)
                            ON CONFLICT (report_id, indicator_id) DO UPDATE SET numerator = EXCLUDED.numerator,
                                denominator = EXCLUDED.denominator""")
                    .param("r", r.id()).param("i", i.id()).param("p", r.provinceCode())
                    .param("num", v.numerator()).param("den", v.denominator()).update();
        }
    }

    private static void checkValue(Indicator i, IndicatorValue v, List<ProgrammeProblem> problems) {
        if (v == null) {
            return;
        }
        if (v.numerator() == null || v.numerator().signum() < 0 || v.numerator().compareTo(BudgetLines.MAX_AMOUNT) > 0) {
            problems.add(ProgrammeProblem.of(i.code(), "programme.problem.value", i.code()));
        } else if (i.share() != v.isShare()) {
            problems.add(ProgrammeProblem.of(i.code(), i.share() ? "programme.problem.value-needs-base" : "programme.problem.value-no-base", i.code()));
        } else if (v.isShare() && (v.denominator().signum() < 0 || v.numerator().compareTo(v.denominator()) > 0)) {
            problems.add(ProgrammeProblem.of(i.code(), "programme.problem.value-share", i.code()));
        }
    }

    /**
     * Sends the report up. Refused while its data period has not ended (on its last day too: the day's data are
     * not complete). A report never filled (the API allows submitting directly) gets its computed values, and above
     * the communes the consolidation of the units below, stored first.
     */
    @Transactional
    public Report submit(long reportId, Integer expectedVersion, CurrentUser user) {
        Report r = transition(reportId, ReportWorkflow.Action.SUBMIT, null, expectedVersion, user);
        if (!today().isAfter(r.periodEnd())) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("status", "programme.report.refused.period-not-ended",
                    r.periodEnd().toString()));
        }
        boolean filled = jdbc.sql("SELECT count(*) FROM monitoring_report_value WHERE report_id = :id")
                .param("id", reportId).query(Long.class).single() > 0;
        if (!filled) {
            List<Indicator> carried = carried(r);
            store(r, carried, figures(r, carried, Map.of()));
        }
        jdbc.sql("""
                        UPDATE monitoring_report SET status = 'submitted', submitted_by = :by, submitted_at = :now,
                            first_submitted_at = coalesce(first_submitted_at, :now), version = version + 1
                        WHERE id = :id""")
                .param("by", user.getUsername()).param("now", Timestamp.from(clock.instant())).param("id", reportId).update();
        return get(reportId, user);
    }

    @Transactional
    public Report returnReport(long reportId, String reason, Integer expectedVersion, CurrentUser user) {
        transition(reportId, ReportWorkflow.Action.RETURN, reason, expectedVersion, user);
        if (reason.strip().length() > 2000) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("reason", "programme.problem.text", "2000"));
        }
        jdbc.sql("""
                        UPDATE monitoring_report SET status = 'returned', return_reason = :reason, reviewed_by = :by,
                            reviewed_at = :now, version = version + 1
                        WHERE id = :id""")
                .param("reason", reason.strip()).param("by", user.getUsername()).param("now", Timestamp.from(clock.instant())).param("id", reportId).update();
        return get(reportId, user);
    }

    @Transactional
    public Report approve(long reportId, Integer expectedVersion, CurrentUser user) {
        transition(reportId, ReportWorkflow.Action.APPROVE, null, expectedVersion, user);
        jdbc.sql("""
                        UPDATE monitoring_report SET status = 'approved', reviewed_by = :by, reviewed_at = :now,
                            version = version + 1
                        WHERE id = :id""")
                .param("by", user.getUsername()).param("now", Timestamp.from(clock.instant())).param("id", reportId).update();
        return get(reportId, user);
    }

    private Report transition(long reportId, ReportWorkflow.Action action, String reason, Integer expectedVersion,
                              CurrentUser user) {
        jdbc.sql("SELECT id FROM monitoring_report WHERE id = :id FOR UPDATE").param("id", reportId).query(Long.class).optional();
        Report r = get(reportId, user);
        if (expectedVersion != null && expectedVersion != r.version()) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("version", "programme.problem.report-changed",
                    String.valueOf(r.version())));
        }
        ReportWorkflow.Decision decision = ReportWorkflow.decide(r.status(), actor(r, user), action, reason);
        if (!decision.allowed()) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("status", "programme." + decision.refusal(),
                    r.status().code()));
        }
        return r;
    }

    /** The consolidation of a report: the approved reports of the units directly below, summed. */
    public record Consolidation(int expected, int sent, int approved, Map<Long, IndicatorValue> values) {
    }

    public Consolidation consolidated(long reportId, CurrentUser user) {
        Report r = get(reportId, user);
        List<Report> children = childReports(r);
        return new Consolidation(children.size(), (int) children.stream().filter(c -> c.status().sent()).count(),
                (int) children.stream().filter(c -> c.status() == ReportStatus.APPROVED).count(), sums(r));
    }

    /** The values of the approved reports of the units directly below, summed (shares: Σ parts over Σ bases). */
    private Map<Long, IndicatorValue> sums(Report r) {
        Map<Long, IndicatorValue> sums = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT v.indicator_id, sum(v.numerator) AS num, sum(v.denominator) AS den,
                               bool_and(v.denominator IS NOT NULL) AS share
                        FROM monitoring_report_value v
                        JOIN monitoring_report c ON c.id = v.report_id
                        JOIN admin_unit u ON u.id = c.unit_id
                        WHERE u.parent_id = :unit AND c.kind = :kind AND c.year = :year AND c.number = :number
                          AND c.status = 'approved' AND c.province_code = :province
                        GROUP BY v.indicator_id ORDER BY v.indicator_id""")
                .param("unit", r.unitId()).param("kind", r.kind().code()).param("year", r.year()).param("number", r.number())
                .param("province", r.provinceCode())
                .query((rs, n) -> Map.entry(rs.getLong("indicator_id"), rs.getBoolean("share")
                        ? IndicatorValue.share(rs.getBigDecimal("num"), rs.getBigDecimal("den"))
                        : IndicatorValue.count(rs.getBigDecimal("num"))))
                .list().forEach(e -> sums.put(e.getKey(), e.getValue()));
        return sums;
    }

    /** The reports of the same period of the units directly below the report's unit. */
    public List<Report> childReports(Report r) {
        return jdbc.sql(SELECT + """
                        WHERE u.parent_id = :unit AND r.kind = :kind AND r.year = :year AND r.number = :number
                        ORDER BY u.code""")
                .param("unit", r.unitId()).param("kind", r.kind().code()).param("year", r.year()).param("number", r.number())
                .query(MonitoringReports::report).list();
    }

    /** Completeness and timeliness of the reports directly below one report. */
    public record Completeness(int expected, int sent, int approved, int onTime, int overdue) {
        public BigDecimal completeness() {
            return expected == 0 ? null : BigDecimal.valueOf(sent * 100L).divide(BigDecimal.valueOf(expected), 1, java.math.RoundingMode.HALF_UP);
        }

        public BigDecimal timeliness() {
            return expected == 0 ? null : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(expected), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    public Completeness completeness(long reportId, LocalDate date, CurrentUser user) {
        List<Report> children = childReports(get(reportId, user));
        return new Completeness(children.size(), (int) children.stream().filter(c -> c.status().sent()).count(),
                (int) children.stream().filter(c -> c.status() == ReportStatus.APPROVED).count(),
                (int) children.stream().filter(c -> Boolean.TRUE.equals(c.onTime())).count(),
                (int) children.stream().filter(c -> c.overdueOn(date)).count());
    }

    private static String overdue(AreaFilter area) {
        return " WHERE " + area.on("r", "u") + " AND r.status IN ('draft', 'returned') AND r.due_date < :date ";
    }

    /** Reports of the area not sent (draft or returned) whose due day has passed on {@code date}, oldest due first. */
    public List<Report> overdue(AccessScope scope, LocalDate date) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(SELECT + overdue(area) + "ORDER BY r.due_date, u.path"))
                .param("date", date)
                .query(MonitoringReports::report).list();
    }

    /** The first {@code limit} overdue reports of a unit's subtree (the user's area when null) and how many there are. */
    public record Overdue(List<Report> shown, long total) {
        public boolean more() {
            return total > shown.size();
        }
    }

    /**
     * The overdue reports of the unit's subtree on {@code date}, the first {@code limit} of them (oldest due first)
     * and their number; the unit must lie in the user's area (otherwise not found).
     */
    public Overdue overdue(Long unitId, CurrentUser user, LocalDate date, int limit) {
        AreaFilter area = unitId == null ? AreaFilter.of(user.scope()) : units.inArea(unitId, user)
                .orElseThrow(() -> new ProgrammeNotFoundException("no unit " + unitId + " in the user's area")).area();
        List<Report> shown = area.bind(jdbc.sql(SELECT + overdue(area) + "ORDER BY r.due_date, u.path LIMIT :limit"))
                .param("date", date).param("limit", limit).query(MonitoringReports::report).list();
        long total = area.bind(jdbc.sql("SELECT count(*) FROM monitoring_report r JOIN admin_unit u ON u.id = r.unit_id "
                        + overdue(area)))
                .param("date", date).query(Long.class).single();
        return new Overdue(shown, total);
    }

    private static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("full_name"), rs.getString("level"),
                rs.getString("path"), (Long) rs.getObject("parent_id"), rs.getString("province_code"),
                ReportKind.ofCode(rs.getString("kind")).orElseThrow(), rs.getInt("year"), rs.getInt("number"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getObject("ministry_due_date", LocalDate.class),
                ReportStatus.ofCode(rs.getString("status")).orElseThrow(), rs.getString("submitted_by"),
                instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("first_submitted_at")),
                rs.getString("reviewed_by"), instant(rs.getTimestamp("reviewed_at")), rs.getString("return_reason"),
                rs.getInt("version"));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
