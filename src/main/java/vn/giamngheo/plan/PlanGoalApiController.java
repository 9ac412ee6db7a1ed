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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of multi-year goals: periods, goals of the area, set a goal, yearly progress on either map, XLSX. */
@RestController
@RequestMapping("/api/v1/plans/goals")
class PlanGoalApiController {

    record NewGoal(long unitId, String period, int startYear, BigDecimal startRate, BigDecimal yearlyPoints,
                   BigDecimal targetEndRate, String note, String group) {
    }

    private final PlanGoals goals;
    private final PlanExports exports;
    private final AuditLog audit;

    PlanGoalApiController(PlanGoals goals, PlanExports exports, AuditLog audit) {
        this.goals = goals;
        this.exports = exports;
        this.audit = audit;
    }

    /**
     * The periods of multi-year goals (e.g. 2026–2030) with their years.
     */
    @GetMapping("/periods")
    List<PlanGoals.Period> periods() {
        CurrentUsers.require();
        return goals.periods();
    }

    /**
     * The multi-year goals of the units of the caller's area.
     */
    @GetMapping
    List<PlanGoal> list() {
        return goals.list(CurrentUsers.require());
    }

    /**
     * Sets a unit's multi-year goal.
     * The rate of poor households at the start, the points it should fall each year and the rate aimed at in the period's
     * last year; a goal set again for the same unit, period and group replaces the earlier one (audited). With a
     * {@code group} (ethnic_minority, woman_headed, with_disability, with_elderly, with_children; default all) the
     * rates are the group's own: its poor households among its households.
     * @param g the unit, period, start year, start rate, yearly points, target end rate (percent), a note and the
     *          population group
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanGoal set(@RequestBody NewGoal g) {
        return goals.set(g.unitId(), g.period(), g.group(), g.startYear(), g.startRate(), g.yearlyPoints(), g.targetEndRate(),
                g.note(), CurrentUsers.require());
    }

    /**
     * One multi-year goal.
     * @param id id of the goal (of the caller's area)
     */
    @GetMapping("/{id}")
    PlanGoal get(@PathVariable long id) {
        return goals.get(id, CurrentUsers.require());
    }

    /**
     * A goal's progress year by year.
     * For each year of the period: the rate the goal aims at, the households and poor households on the recognised lists,
     * the actual rate, the points achieved and a mark (on track or not).
     * @param id id of the goal
     * @param boundaries own: each year on its own map; today (default): on today's map
     */
    @GetMapping("/{id}/progress")
    Map<String, Object> progress(@PathVariable long id, @RequestParam(required = false) String boundaries) {
        PlanGoals.Progress p = goals.progress(id, boundaries, CurrentUsers.require());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goal", p.goal());
        body.put("boundaries", p.boundaries());
        body.put("years", p.years().stream().map(y -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.year());
            m.put("goalRate", y.goalRate());
            GoalTrajectory.Actual a = y.actual();
            m.put("households", a == null ? null : a.households());
            m.put("poor", a == null ? null : a.poor());
            m.put("actualRate", y.actualRate());
            m.put("achievedPoints", y.achievedPoints());
            m.put("mark", y.mark());
            return m;
        }).toList());
        return body;
    }

    /**
     * A goal's progress as an XLSX workbook (audited as an export).
     * @param id id of the goal
     * @param boundaries own: each year on its own map; today (default): on today's map
     */
    @GetMapping("/{id}/progress.xlsx")
    ResponseEntity<byte[]> progressXlsx(@PathVariable long id, @RequestParam(required = false) String boundaries) {
        CurrentUser user = CurrentUsers.require();
        PlanGoal g = goals.get(id, user);
        byte[] xlsx = exports.goalXlsx(id, boundaries, user, LocaleContextHolder.getLocale());
        audit.record("EXPORT", "plan_goal", String.valueOf(id), g.provinceCode(), "multi-year goal " + g.periodCode() + " xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"muc-tieu-" + g.unitCode() + "-" + g.periodCode() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
