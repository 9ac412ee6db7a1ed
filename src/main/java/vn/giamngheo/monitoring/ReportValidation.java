package vn.giamngheo.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.monitoring.rules.CheckDifference;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;

/**
 * The checks of reported figures: the validation rules' violations and, for an entered indicator that names a
 * check computation, the figure computed from the register beside the entered one, flagged beyond the tolerance
 * ({@value #TOLERANCE}); for one report (its form) and for every report of an area and period (the validation
 * report).
 */
@Service
public class ReportValidation {

    static final String TOLERANCE = "monitoring.check.tolerance_percent";

    /** An entered figure beside the one computed by the indicator's check computation. */
    public record CheckFigure(Indicator indicator, BigDecimal entered, BigDecimal computed, boolean flagged) {
    }

    /** The findings of one report: rules violated and figures that differ from the register. */
    public record Findings(Report report, List<RuleViolation> violations, List<CheckFigure> checks) {
        public List<CheckFigure> flagged() {
            return checks.stream().filter(CheckFigure::flagged).toList();
        }

        public boolean clean() {
            return violations.isEmpty() && flagged().isEmpty();
        }
    }

    /** The validation report of an area and period: the reports looked at and those with findings. */
    public record AreaFindings(ProgrammeUnits.Unit unit, ReportKind kind, int year, int number, int reports,
                               BigDecimal tolerance, List<Findings> findings) {
    }

    private final JdbcClient jdbc;
    private final MonitoringReports reports;
    private final MonitoringIndicators indicators;
    private final ProgrammeUnits units;
    private final Parameters parameters;

    ReportValidation(JdbcClient jdbc, MonitoringReports reports, MonitoringIndicators indicators, ProgrammeUnits units,
                     Parameters parameters) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.indicators = indicators;
        this.units = units;
        this.parameters = parameters;
    }

    public BigDecimal tolerance() {
        return parameters.decimalValue(TOLERANCE);
    }

    /** The checks of a report's figures (indicator id → value) by the check computations of its entered indicators. */
    public List<CheckFigure> checks(Report r, Map<Long, IndicatorValue> figures) {
        return checks(r, figures, reports.carried(r), tolerance());
    }

    private List<CheckFigure> checks(Report r, Map<Long, IndicatorValue> figures, List<Indicator> carried, BigDecimal tolerance) {
        List<CheckFigure> checks = new ArrayList<>();
        ProgrammeUnits.Unit unit = null;
        for (Indicator i : carried) {
            if (i.computed() || i.checkComputation() == null) {
                continue;
            }
            Optional<BigDecimal> entered = Optional.ofNullable(figures.get(i.id())).flatMap(IndicatorValue::shown);
            Optional<IndicatorComputation> computation = indicators.computation(i.checkComputation());
            if (entered.isEmpty() || computation.isEmpty()) {
                continue;
            }
            if (unit == null) {
                unit = units.find(r.unitId()).orElseThrow();
            }
            Optional<BigDecimal> computed = computation.get().compute(unit, r.periodStart(), r.periodEnd(), r.year())
                    .flatMap(IndicatorValue::shown);
            computed.ifPresent(c -> checks.add(new CheckFigure(i, entered.get(), c,
                    CheckDifference.flagged(entered.get(), c, tolerance))));
        }
        return checks;
    }

    /**
     * The register's figure beside an agency's or a unit's entry of the indicator of that code, for the unit's subtree
     * over {@code from}–{@code to}: the indicator's check computation, flagged beyond the tolerance as every other check
     * (one comparison for monitoring's reports and the tasks' outputs). Empty when the indicator names no check
     * computation or it cannot be computed there; {@code entered} null: the register's figure alone, not flagged.
     */
    public Optional<CheckFigure> check(String indicatorCode, long unitId, java.time.LocalDate from, java.time.LocalDate to,
                                       int year, BigDecimal entered) {
        Optional<Indicator> indicator = indicators.indicators().stream()
                .filter(i -> i.code().equals(indicatorCode) && !i.computed() && i.checkComputation() != null).findFirst();
        Optional<IndicatorComputation> computation = indicator.flatMap(i -> indicators.computation(i.checkComputation()));
        Optional<ProgrammeUnits.Unit> unit = units.find(unitId);
        if (computation.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        return computation.get().compute(unit.get(), from, to, year).flatMap(IndicatorValue::shown)
                .map(c -> new CheckFigure(indicator.get(), entered, c,
                        entered != null && CheckDifference.flagged(entered, c, tolerance())));
    }

    /** The register's figure of a check beside another entry (e.g. each agency's of the same period and area), flagged as above. */
    public CheckFigure compare(CheckFigure register, BigDecimal entered) {
        return new CheckFigure(register.indicator(), entered, register.computed(),
                entered != null && CheckDifference.flagged(entered, register.computed(), tolerance()));
    }

    /**
     * The validation report: every report of the unit's subtree (in the user's area) for the period, its stored
     * figures checked by the rules and the check computations; only reports with findings are listed.
     */
    public AreaFindings area(long unitId, ReportKind kind, int year, int number, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.visible(unitId, user);
        if (number < 1 || number > kind.periodsPerYear()) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("number", "programme.problem.period-number",
                    String.valueOf(kind.periodsPerYear())));
        }
        List<Report> all = reports.list(user, unitId, year, kind).stream().filter(r -> r.number() == number).toList();
        Map<Long, Map<Long, IndicatorValue>> values = values(all);
        BigDecimal tolerance = tolerance();
        Map<String, List<Indicator>> carriedByShape = new HashMap<>();
        List<Findings> findings = new ArrayList<>();
        for (Report r : all) {
            Map<Long, IndicatorValue> figures = values.getOrDefault(r.id(), Map.of());
            if (figures.isEmpty()) {
                continue;
            }
            List<Indicator> carried = carriedByShape.computeIfAbsent(r.provinceCode() + "/" + r.unitLevel(), k -> reports.carried(r));
            Findings f = new Findings(r, reports.violations(r, figures), checks(r, figures, carried, tolerance));
            if (!f.clean()) {
                findings.add(f);
            }
        }
        return new AreaFindings(unit, kind, year, number, all.size(), tolerance, findings);
    }

    /** The stored values of the reports, in one query. */
    private Map<Long, Map<Long, IndicatorValue>> values(List<Report> all) {
        Map<Long, Map<Long, IndicatorValue>> values = new LinkedHashMap<>();
        if (all.isEmpty()) {
            return values;
        }
        jdbc.sql("""
                        SELECT report_id, indicator_id, numerator, denominator FROM monitoring_report_value
                        WHERE report_id IN (:ids) ORDER BY report_id, indicator_id""")
                .param("ids", all.stream().map(Report::id).toList())
                .query((rs, n) -> {
                    values.computeIfAbsent(rs.getLong("report_id"), k -> new LinkedHashMap<>()).put(rs.getLong("indicator_id"),
                            new IndicatorValue(rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator")));
                    return null;
                }).list();
        return values;
    }
}
