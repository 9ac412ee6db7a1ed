package vn.giamngheo.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.monitoring.rules.Direction;
import vn.giamngheo.monitoring.rules.IndicatorLevel;
import vn.giamngheo.monitoring.rules.Indicators;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.security.CurrentUser;

/**
 * Indicators as data: administrators add and change the national indicators, province officers their province's
 * own; a province sees the national ones and its own. The code of an indicator does not change once added
 * (reports, targets and rules refer to it). A computed indicator names a computation bean ({@link
 * IndicatorComputation}); an entered one may name a computation that checks its figure.
 */
@Service
public class IndicatorCatalogue {

    /** The units of measure an indicator may have (as the database checks them). */
    public static final List<String> UNITS_OF_MEASURE = List.of("percent", "households", "people", "million_vnd", "count");

    /** What a form or the API gives for an indicator (trimmed; blanks are null). */
    public record IndicatorForm(String code, String nameVi, String nameEn, String unitOfMeasure, String direction,
                                String level, String periodType, String obtained, String computation,
                                String checkComputation, String legalSource, Integer sortOrder, boolean active) {
    }

    private final JdbcClient jdbc;
    private final MonitoringIndicators indicators;

    IndicatorCatalogue(JdbcClient jdbc, MonitoringIndicators indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    /** Every indicator the user sees, active or not: all for a national user, else national and their province's. */
    public List<Indicator> list(CurrentUser user) {
        String own = user.scope().provinceCode();
        return own == null
                ? jdbc.sql(MonitoringIndicators.INDICATOR_COLUMNS + " ORDER BY province_code NULLS FIRST, sort_order, code")
                        .query(MonitoringIndicators::indicator).list()
                : jdbc.sql(MonitoringIndicators.INDICATOR_COLUMNS + """
                                 WHERE province_code IS NULL OR province_code = :own
                                ORDER BY province_code NULLS FIRST, sort_order, code""")
                        .param("own", own).query(MonitoringIndicators::indicator).list();
    }

    public Indicator get(long id, CurrentUser user) {
        Indicator i = jdbc.sql(MonitoringIndicators.INDICATOR_COLUMNS + " WHERE id = :id").param("id", id)
                .query(MonitoringIndicators::indicator).optional()
                .orElseThrow(() -> new ProgrammeNotFoundException("no indicator " + id));
        CatalogueOwner.checkSees(i.provinceCode(), user, "indicator");
        return i;
    }

    /** Whether the user may add indicators and rules. */
    public boolean mayAdd(CurrentUser user) {
        return CatalogueOwner.mayAdd(user);
    }

    /** Whether the user may change the indicator. */
    public boolean mayEdit(Indicator i, CurrentUser user) {
        return CatalogueOwner.mayEdit(i.provinceCode(), user);
    }

    /** The names of the computations offered (the beans'). */
    public List<String> computationNames() {
        return indicators.computationNames();
    }

    /** Adds an indicator: national for an administrator, the province's own for a province officer. */
    @Transactional
    public Indicator create(IndicatorForm form, CurrentUser user) {
        String province = CatalogueOwner.newItemProvince(user);
        check(form, null);
        long id = jdbc.sql("""
                        INSERT INTO monitoring_indicator (code, province_code, name_vi, name_en, unit_of_measure, direction,
                            level, period_type, obtained, computation, check_computation, legal_source, sort_order, active,
                            updated_by, updated_at)
                        VALUES (:code, :province, :nameVi, :nameEn, :uom, :direction, :level, :periodType, :obtained,
                            :computation, :checkComputation, :legalSource, :sortOrder, :active, :by, now())
                        RETURNING id""")
                .param("code", form.code()).param("province", province).params(params(form))
                .param("by", user.getUsername()).query(Long.class).single();
        return get(id, user);
    }

    /** Changes an indicator as read at {@code version} (refused when it changed since); the code stays. */
    @Transactional
    public Indicator update(long id, IndicatorForm form, Integer version, CurrentUser user) {
        jdbc.sql("SELECT id FROM monitoring_indicator WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        Indicator i = get(id, user);
        CatalogueOwner.checkMayEdit(i.provinceCode(), user, "indicator");
        if (version == null || version != i.version()) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("version", "monitoring.problem.changed",
                    String.valueOf(i.version())));
        }
        check(form, i);
        jdbc.sql("""
                        UPDATE monitoring_indicator SET name_vi = :nameVi, name_en = :nameEn, unit_of_measure = :uom,
                            direction = :direction, level = :level, period_type = :periodType, obtained = :obtained,
                            computation = :computation, check_computation = :checkComputation, legal_source = :legalSource,
                            sort_order = :sortOrder, active = :active, version = version + 1, updated_by = :by,
                            updated_at = now()
                        WHERE id = :id""")
                .params(params(form)).param("by", user.getUsername()).param("id", id).update();
        return get(id, user);
    }

    private static java.util.Map<String, Object> params(IndicatorForm f) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        boolean computed = Indicator.COMPUTED.equals(f.obtained());
        p.put("nameVi", f.nameVi());
        p.put("nameEn", f.nameEn());
        p.put("uom", f.unitOfMeasure());
        p.put("direction", f.direction());
        p.put("level", f.level());
        p.put("periodType", f.periodType());
        p.put("obtained", f.obtained());
        p.put("computation", computed ? f.computation() : null);
        p.put("checkComputation", computed ? null : f.checkComputation());
        p.put("legalSource", f.legalSource());
        p.put("sortOrder", f.sortOrder() == null ? 100 : f.sortOrder());
        p.put("active", f.active());
        return p;
    }

    private void check(IndicatorForm f, Indicator existing) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (existing == null) {
            if (f.code() == null || !Indicators.CODE.matcher(f.code()).matches()) {
                problems.add(ProgrammeProblem.of("code", "monitoring.problem.code", String.valueOf(f.code())));
            } else if (jdbc.sql("SELECT count(*) FROM monitoring_indicator WHERE code = :c").param("c", f.code()).query(Long.class).single() > 0) {
                problems.add(ProgrammeProblem.of("code", "monitoring.problem.code-taken", f.code()));
            }
        }
        text(f.nameVi(), "nameVi", 500, true, problems);
        text(f.nameEn(), "nameEn", 500, true, problems);
        text(f.legalSource(), "legalSource", 500, false, problems);
        choice(f.unitOfMeasure(), f.unitOfMeasure() != null && UNITS_OF_MEASURE.contains(f.unitOfMeasure()), "unitOfMeasure", problems);
        choice(f.direction(), f.direction() != null && Direction.ofCode(f.direction()).isPresent(), "direction", problems);
        choice(f.level(), f.level() != null && IndicatorLevel.ofCode(f.level()).isPresent(), "level", problems);
        choice(f.periodType(), f.periodType() != null && ReportKind.ofCode(f.periodType()).isPresent(), "periodType", problems);
        choice(f.obtained(), f.obtained() != null && Indicator.OBTAINED.contains(f.obtained()), "obtained", problems);
        List<String> names = indicators.computationNames();
        if (Indicator.COMPUTED.equals(f.obtained())) {
            if (f.computation() == null) {
                problems.add(ProgrammeProblem.of("computation", "monitoring.problem.computation-required"));
            } else if (!names.contains(f.computation())) {
                problems.add(ProgrammeProblem.of("computation", "monitoring.problem.computation-unknown", f.computation()));
            }
        } else if (f.checkComputation() != null && !names.contains(f.checkComputation())) {
            problems.add(ProgrammeProblem.of("checkComputation", "monitoring.problem.computation-unknown", f.checkComputation()));
        }
        if (f.sortOrder() != null && (f.sortOrder() < 0 || f.sortOrder() > 9999)) {
            problems.add(ProgrammeProblem.of("sortOrder", "monitoring.problem.sort-order", String.valueOf(f.sortOrder())));
        }
        if (existing != null && !existing.unitOfMeasure().equals(f.unitOfMeasure()) && hasValues(existing.id())) {
            problems.add(ProgrammeProblem.of("unitOfMeasure", "monitoring.problem.unit-of-measure-used", existing.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
    }

    private boolean hasValues(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_report_value WHERE indicator_id = :i)"
                        + " OR EXISTS (SELECT 1 FROM monitoring_target WHERE indicator_id = :i)")
                .param("i", id).query(Boolean.class).single();
    }

    private static void choice(String value, boolean valid, String field, List<ProgrammeProblem> problems) {
        if (!valid) {
            problems.add(ProgrammeProblem.of(field, "monitoring.problem.choice", String.valueOf(value)));
        }
    }

    /** A text field: required or not, at most {@code max} characters. */
    static void text(String value, String field, int max, boolean required, List<ProgrammeProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(ProgrammeProblem.of(field, "monitoring.problem.required"));
            }
        } else if (value.length() > max) {
            problems.add(ProgrammeProblem.of(field, "programme.problem.text", String.valueOf(max)));
        }
    }
}
