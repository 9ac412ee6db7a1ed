package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.plan.rules.ClassGoalRules;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of goals set on area classes: set, change (with its version), tracking year by year, a commune's trajectory, XLSX. */
@RestController
@RequestMapping("/api/v1/plans/goals")
class PlanClassGoalApiController {

    record NewClassGoal(long unitId, String period, String kind, List<String> classes, String group, int startYear,
                        BigDecimal startRate, BigDecimal yearlyPoints, BigDecimal ceiling, String note) {
    }

    record ClassGoalChange(Integer version, int startYear, BigDecimal startRate, BigDecimal yearlyPoints, BigDecimal ceiling,
                           String note) {
    }

    private final PlanClassGoals classGoals;
    private final PlanGoals goals;
    private final PlanClassGoalExports exports;
    private final AuditLog audit;

    PlanClassGoalApiController(PlanClassGoals classGoals, PlanGoals goals, PlanClassGoalExports exports, AuditLog audit) {
        this.classGoals = classGoals;
        this.goals = goals;
        this.exports = exports;
        this.audit = audit;
    }

    /**
     * Sets a goal on area classes for a unit and period.
     * Kind {@code each_unit}: every commune under the unit holding the class(es) falls by {@code yearlyPoints} a year on
     * its own ("each poor commune −3 points a year"); kind {@code class_ceiling}: the rate over the households of the
     * holders falls from {@code startRate} (empty: the actual rate at the end of the start year) to below
     * {@code ceiling} by the period's last year. Refused when the unit already holds such a goal (change it instead).
     * @param g the unit, period, kind, area-class codes, population group (default all), start year, start rate,
     *          points a year (each_unit), ceiling (class_ceiling) and a note
     */
    @PostMapping("/classes")
    @ResponseStatus(HttpStatus.CREATED)
    PlanGoal set(@RequestBody NewClassGoal g) {
        return classGoals.set(g.unitId(), g.period(), new PlanClassGoals.Input(g.kind(), g.classes(), g.group(), g.startYear(),
                g.startRate(), g.yearlyPoints(), g.ceiling(), g.note()), CurrentUsers.require());
    }

    /**
     * Changes a goal set on area classes, read at {@code version}.
     * Its start year, start rate, points a year or ceiling and note change; a stale version is refused.
     * @param id id of the goal
     * @param c the version it was read at and the new values
     */
    @PutMapping("/{id}")
    PlanGoal change(@PathVariable long id, @RequestBody ClassGoalChange c) {
        return classGoals.edit(id, c.version(), new PlanClassGoals.Input(null, null, null, c.startYear(), c.startRate(),
                c.yearlyPoints(), c.ceiling(), c.note()), CurrentUsers.require());
    }

    /**
     * The tracking of a goal set on area classes, year by year.
     * each_unit: for each year every commune holding the class on 31 December, its rate at the end of the year before
     * and of the year (same map), its fall, the outcome (MET, NOT_MET, NOT_MEASURABLE) and the count of communes met;
     * class_ceiling: the rate the trajectory allows, the class's households, poor and rate, and the outcome.
     * @param id id of the goal
     */
    @GetMapping("/{id}/tracking")
    Map<String, Object> tracking(@PathVariable long id) {
        PlanClassGoals.Tracking t = classGoals.track(id, CurrentUsers.require());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goal", t.goal());
        body.put("years", PlanGoal.EACH_UNIT.equals(t.goal().goalKind())
                ? t.eachUnit().stream().map(y -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("year", y.year());
                    m.put("ended", y.ended());
                    m.put("communes", y.communes().stream().map(c -> {
                        Map<String, Object> cm = new LinkedHashMap<>();
                        cm.put("unitId", c.unitId());
                        cm.put("code", c.code());
                        cm.put("name", c.name());
                        cm.put("householdsBefore", c.before() == null ? null : c.before().households());
                        cm.put("poorBefore", c.before() == null ? null : c.before().poor());
                        cm.put("rateBefore", c.fall().before());
                        cm.put("households", c.after() == null ? null : c.after().households());
                        cm.put("poor", c.after() == null ? null : c.after().poor());
                        cm.put("rate", c.fall().after());
                        cm.put("fall", c.fall().points());
                        cm.put("outcome", c.fall().outcome());
                        return cm;
                    }).toList());
                    m.put("met", y.tally().met());
                    m.put("holders", y.tally().holders());
                    m.put("outcome", y.tally().outcome());
                    return m;
                }).toList()
                : t.ceiling().stream().map(y -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    ClassGoalRules.Counts a = y.actual();
                    m.put("year", y.year());
                    m.put("ended", y.ended());
                    m.put("allowedRate", y.check().allowed());
                    m.put("households", a == null ? null : a.households());
                    m.put("poor", a == null ? null : a.poor());
                    m.put("actualRate", y.check().actual());
                    m.put("outcome", y.check().outcome());
                    return m;
                }).toList());
        return body;
    }

    /**
     * One commune's own trajectory under an each-unit goal.
     * Its rate at each year end on today's map against its start rate falling by the goal's points a year.
     * @param id id of the goal
     * @param communeId id of a commune under the goal's unit
     */
    @GetMapping("/{id}/communes/{communeId}")
    Map<String, Object> commune(@PathVariable long id, @PathVariable long communeId) {
        PlanGoals.Progress p = classGoals.commune(id, communeId, CurrentUsers.require());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goal", p.goal());
        body.put("years", p.years().stream().map(y -> {
            Map<String, Object> m = new LinkedHashMap<>();
            GoalTrajectory.Actual a = y.actual();
            m.put("year", y.year());
            m.put("goalRate", y.goalRate());
            m.put("households", a == null ? null : a.households());
            m.put("poor", a == null ? null : a.poor());
            m.put("actualRate", y.actualRate());
            m.put("mark", y.mark());
            return m;
        }).toList());
        return body;
    }

    /**
     * The tracking of a goal set on area classes as an XLSX workbook (audited as an export).
     * @param id id of the goal
     */
    @GetMapping("/{id}/tracking.xlsx")
    ResponseEntity<byte[]> trackingXlsx(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        PlanGoal g = goals.get(id, user);
        byte[] xlsx = exports.trackingXlsx(id, user, LocaleContextHolder.getLocale());
        audit.record("EXPORT", "plan_goal", String.valueOf(id), g.provinceCode(), "area-class goal " + g.periodCode() + " xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"muc-tieu-vung-" + g.unitCode() + "-"
                        + g.periodCode() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
