package vn.giamngheo.monitoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.monitoring.rules.Indicators;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.RuleExpression;
import vn.giamngheo.monitoring.rules.RuleImportance;
import vn.giamngheo.monitoring.rules.RuleOperator;
import vn.giamngheo.monitoring.rules.ValidationRule;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;
import vn.giamngheo.security.CurrentUser;

/**
 * Validation rules as data (DHIS2's shape): {@code left operator right} over indicator codes, with importance
 * (high blocks saving an entry), the shortest period type they apply to and how missing values count. National
 * rules (administrators) and each province's own (its officers); a unit is checked against the national rules
 * and its province's. Run on entry of the monitoring reports, in the validation report, and by any module that
 * stores indicator values ({@link #check}).
 */
@Service
public class ValidationRules {

    /** A rule as stored, with the version it was read at. */
    public record Rule(long id, String code, String provinceCode, String nameVi, String nameEn, String left,
                       String operator, String right, String importance, String periodType, String missingValue,
                       String instructionVi, String instructionEn, String legalSource, boolean active, int version) {

        public boolean national() {
            return provinceCode == null;
        }
    }

    /** What a form or the API gives for a rule (trimmed; blanks are null). */
    public record RuleForm(String code, String nameVi, String nameEn, String left, String operator, String right,
                           String importance, String periodType, String missingValue, String instructionVi,
                           String instructionEn, String legalSource, boolean active) {
    }

    private static final String SELECT = """
            SELECT id, code, province_code, name_vi, name_en, left_side, operator, right_side, importance, period_type,
                   missing_value, instruction_vi, instruction_en, legal_source, active, version
            FROM validation_rule""";

    private final JdbcClient jdbc;
    private final ProgrammeUnits units;
    private final MonitoringIndicators indicators;

    ValidationRules(JdbcClient jdbc, ProgrammeUnits units, MonitoringIndicators indicators) {
        this.jdbc = jdbc;
        this.units = units;
        this.indicators = indicators;
    }

    /**
     * The violations of the active rules that apply to the unit (national and its province's) and to the period
     * kind, over the values by indicator code (a share as its figure in percent). A rule whose side has a missing
     * value is skipped or counts it as 0 as the rule says. The caller checks that the user may see the unit.
     */
    public List<RuleViolation> check(long unitId, int year, String periodKind, int number,
                                     Map<String, BigDecimal> valuesByIndicatorCode) {
        ProgrammeUnits.Unit unit = units.find(unitId).orElseThrow(() -> new ProgrammeNotFoundException("no unit " + unitId));
        ReportKind kind = ReportKind.ofCode(periodKind).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("kind", "programme.problem.report-kind", String.valueOf(periodKind))));
        List<RuleViolation> violations = new ArrayList<>();
        for (Rule r : rulesOf(unit.provinceCode())) {
            if (!r.active() || !ValidationRule.applies(ReportKind.ofCode(r.periodType()).orElseThrow(), kind)) {
                continue;
            }
            ValidationRule rule;
            try {
                rule = parsed(r);
            } catch (RuntimeException e) {
                continue; // stored rules are checked when saved; one edited in the database is not run
            }
            rule.check(valuesByIndicatorCode).filter(o -> !o.holds()).ifPresent(o -> violations.add(
                    new RuleViolation(r.code(), r.nameVi(), r.nameEn(), r.importance(), o.left(), r.operator(), o.right())));
        }
        return violations;
    }

    static ValidationRule parsed(Rule r) {
        return new ValidationRule(r.code(), RuleExpression.parse(r.left()), RuleOperator.ofSymbol(r.operator()).orElseThrow(),
                RuleExpression.parse(r.right()), RuleImportance.ofCode(r.importance()).orElseThrow(),
                RuleExpression.MissingValue.ofCode(r.missingValue()).orElseThrow());
    }

    /** The rules that apply in a province: the national ones and the province's own. */
    List<Rule> rulesOf(String provinceCode) {
        return jdbc.sql(SELECT + " WHERE province_code IS NULL OR province_code = :own ORDER BY province_code NULLS FIRST, code")
                .param("own", provinceCode).query(ValidationRules::rule).list();
    }

    /** The rules the user sees: all for a national user, else the national ones and their province's. */
    public List<Rule> list(CurrentUser user) {
        String own = user.scope().provinceCode();
        return own == null ? jdbc.sql(SELECT + " ORDER BY province_code NULLS FIRST, code").query(ValidationRules::rule).list()
                : rulesOf(own);
    }

    public Rule get(long id, CurrentUser user) {
        Rule r = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ValidationRules::rule).optional()
                .orElseThrow(() -> new ProgrammeNotFoundException("no validation rule " + id));
        CatalogueOwner.checkSees(r.provinceCode(), user, "validation rule");
        return r;
    }

    /** Whether the user may change the rule. */
    public boolean mayEdit(Rule r, CurrentUser user) {
        return CatalogueOwner.mayEdit(r.provinceCode(), user);
    }

    /** Adds a rule: national for an administrator, the province's own for a province officer. */
    @Transactional
    public Rule create(RuleForm form, CurrentUser user) {
        String province = CatalogueOwner.newItemProvince(user);
        check(form, province, null);
        long id = jdbc.sql("""
                        INSERT INTO validation_rule (code, province_code, name_vi, name_en, left_side, operator, right_side,
                            importance, period_type, missing_value, instruction_vi, instruction_en, legal_source, active,
                            updated_by, updated_at)
                        VALUES (:code, :province, :nameVi, :nameEn, :left, :operator, :right, :importance, :periodType,
                            :missing, :instructionVi, :instructionEn, :legalSource, :active, :by, now())
                        RETURNING id""")
                .param("code", form.code()).param("province", province).params(params(form))
                .param("by", user.getUsername()).query(Long.class).single();
        return get(id, user);
    }

    /** Changes a rule as read at {@code version} (refused when it changed since); the code stays. */
    @Transactional
    public Rule update(long id, RuleForm form, Integer version, CurrentUser user) {
        jdbc.sql("SELECT id FROM validation_rule WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        Rule r = get(id, user);
        CatalogueOwner.checkMayEdit(r.provinceCode(), user, "validation rule");
        if (version == null || version != r.version()) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("version", "monitoring.problem.changed",
                    String.valueOf(r.version())));
        }
        check(form, r.provinceCode(), r);
        jdbc.sql("""
                        UPDATE validation_rule SET name_vi = :nameVi, name_en = :nameEn, left_side = :left, operator = :operator,
                            right_side = :right, importance = :importance, period_type = :periodType, missing_value = :missing,
                            instruction_vi = :instructionVi, instruction_en = :instructionEn, legal_source = :legalSource,
                            active = :active, version = version + 1, updated_by = :by, updated_at = now()
                        WHERE id = :id""")
                .params(params(form)).param("by", user.getUsername()).param("id", id).update();
        return get(id, user);
    }

    private static Map<String, Object> params(RuleForm f) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("nameVi", f.nameVi());
        p.put("nameEn", f.nameEn());
        p.put("left", f.left());
        p.put("operator", f.operator());
        p.put("right", f.right());
        p.put("importance", f.importance());
        p.put("periodType", f.periodType());
        p.put("missing", f.missingValue());
        p.put("instructionVi", f.instructionVi());
        p.put("instructionEn", f.instructionEn());
        p.put("legalSource", f.legalSource());
        p.put("active", f.active());
        return p;
    }

    /** The form's problems: code (new rules), names, both sides (parse, known indicators), choices, lengths. */
    private void check(RuleForm f, String province, Rule existing) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (existing == null) {
            if (f.code() == null || !Indicators.CODE.matcher(f.code()).matches()) {
                problems.add(ProgrammeProblem.of("code", "monitoring.problem.code", String.valueOf(f.code())));
            } else if (jdbc.sql("SELECT count(*) FROM validation_rule WHERE code = :c").param("c", f.code()).query(Long.class).single() > 0) {
                problems.add(ProgrammeProblem.of("code", "monitoring.problem.code-taken", f.code()));
            }
        }
        IndicatorCatalogue.text(f.nameVi(), "nameVi", 300, true, problems);
        IndicatorCatalogue.text(f.nameEn(), "nameEn", 300, true, problems);
        IndicatorCatalogue.text(f.instructionVi(), "instructionVi", 1000, false, problems);
        IndicatorCatalogue.text(f.instructionEn(), "instructionEn", 1000, false, problems);
        IndicatorCatalogue.text(f.legalSource(), "legalSource", 500, false, problems);
        Set<String> known = indicators.indicatorsOf(province).stream()
                .filter(i -> province != null || i.national()).map(Indicator::code).collect(Collectors.toSet());
        expression(f.left(), "left", known, problems);
        expression(f.right(), "right", known, problems);
        if (f.operator() == null || RuleOperator.ofSymbol(f.operator()).isEmpty()) {
            problems.add(ProgrammeProblem.of("operator", "monitoring.problem.choice", String.valueOf(f.operator())));
        }
        if (f.importance() == null || RuleImportance.ofCode(f.importance()).isEmpty()) {
            problems.add(ProgrammeProblem.of("importance", "monitoring.problem.choice", String.valueOf(f.importance())));
        }
        if (f.periodType() == null || ReportKind.ofCode(f.periodType()).isEmpty()) {
            problems.add(ProgrammeProblem.of("periodType", "monitoring.problem.choice", String.valueOf(f.periodType())));
        }
        if (f.missingValue() == null || RuleExpression.MissingValue.ofCode(f.missingValue()).isEmpty()) {
            problems.add(ProgrammeProblem.of("missingValue", "monitoring.problem.choice", String.valueOf(f.missingValue())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
    }

    private static void expression(String text, String field, Set<String> known, List<ProgrammeProblem> problems) {
        try {
            RuleExpression e = RuleExpression.parse(text);
            for (String code : e.indicatorCodes()) {
                if (!known.contains(code)) {
                    problems.add(ProgrammeProblem.of(field, "monitoring.problem.expression-code", code));
                }
            }
        } catch (RuleExpression.ParseException e) {
            problems.add(ProgrammeProblem.of(field, "monitoring.expression." + e.error().code(), String.valueOf(e.position())));
        }
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        return new Rule(rs.getLong("id"), rs.getString("code"), rs.getString("province_code"), rs.getString("name_vi"),
                rs.getString("name_en"), rs.getString("left_side"), rs.getString("operator"), rs.getString("right_side"),
                rs.getString("importance"), rs.getString("period_type"), rs.getString("missing_value"),
                rs.getString("instruction_vi"), rs.getString("instruction_en"), rs.getString("legal_source"),
                rs.getBoolean("active"), rs.getInt("version"));
    }

    /** The values of a report by indicator code, as rules see them: counts, and shares as their figure in percent. */
    static Map<String, BigDecimal> byCode(Map<Long, vn.giamngheo.monitoring.rules.IndicatorValue> values, List<Indicator> all) {
        Map<String, BigDecimal> byCode = new java.util.LinkedHashMap<>();
        for (Indicator i : all) {
            Optional.ofNullable(values.get(i.id())).flatMap(vn.giamngheo.monitoring.rules.IndicatorValue::shown)
                    .ifPresent(v -> byCode.put(i.code(), v));
        }
        return byCode;
    }
}
