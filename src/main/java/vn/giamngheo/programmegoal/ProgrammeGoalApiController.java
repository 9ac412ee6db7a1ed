package vn.giamngheo.programmegoal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the programme's poverty goals: the goals of a period, a change by an administrator, the check for a province. */
@RestController
@RequestMapping("/api/v1/programme/goals")
class ProgrammeGoalApiController {

    private final ProgrammeGoals goals;
    private final ProgrammeGoalTexts texts;
    private final ProgrammeGoalExports exports;
    private final AuditLog audit;

    ProgrammeGoalApiController(ProgrammeGoals goals, ProgrammeGoalTexts texts, ProgrammeGoalExports exports, AuditLog audit) {
        this.goals = goals;
        this.texts = texts;
        this.exports = exports;
        this.audit = audit;
    }

    /**
     * The programme's poverty goals of a period, each with its legal source and confidence.
     * @param period code of the programme period (e.g. 2026-2030; default: the latest with goals)
     */
    @GetMapping
    List<ProgrammeGoal> list(@RequestParam(required = false) String period) {
        CurrentUsers.require();
        List<String> periods = goals.periods();
        String p = period == null || period.isBlank() ? (periods.isEmpty() ? "" : periods.get(periods.size() - 1)) : period.strip();
        return goals.list(p);
    }

    /**
     * One programme goal.
     * @param id id of the goal
     */
    @GetMapping("/{id}")
    ProgrammeGoal get(@PathVariable long id) {
        CurrentUsers.require();
        return goals.get(id);
    }

    /**
     * Changes a programme goal (administrators only), read at {@code version}.
     * Its points, ceiling, target year, words, legal source, confidence (S, S2 or ?) and whether it is checked; a stale
     * version is refused; audited.
     * @param id id of the goal
     * @param change the version it was read at and the new values
     */
    @PutMapping("/{id}")
    ProgrammeGoal change(@PathVariable long id, @RequestBody ProgrammeGoals.Change change) {
        return goals.edit(id, change, CurrentUsers.require());
    }

    /**
     * The programme's goals checked for a province in a year.
     * For each active goal of the period holding the year: the base, actual and required figures (rates in percent or
     * numbers of communes), the outcome (MET, NOT_MET, NOT_MEASURABLE) and the reason in words.
     * @param province code of a province of the caller's area (optional for a province officer)
     * @param year the year whose end is measured (default: last year)
     */
    @GetMapping("/check")
    Map<String, Object> check(@RequestParam(required = false) String province, @RequestParam(required = false) Integer year) {
        ProgrammeGoals.Checks checks = goals.check(province, year, CurrentUsers.require());
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("province", checks.province());
        body.put("year", checks.year());
        body.put("period", checks.periodCode());
        body.put("goals", checks.checks().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.goal().id());
            m.put("code", c.goal().code());
            m.put("goal", c.goal().text(locale));
            m.put("unit", c.unit());
            m.put("base", c.base());
            m.put("actual", c.actual());
            m.put("required", c.required());
            m.put("outcome", c.outcome());
            m.put("reason", texts.reason(c, locale));
            m.put("legalSource", c.goal().legalSource());
            m.put("confidence", c.goal().confidence());
            return m;
        }).toList());
        return body;
    }

    /**
     * The programme's goals checked for a province in a year as an XLSX workbook (audited as an export).
     * @param province code of a province of the caller's area (optional for a province officer)
     * @param year the year whose end is measured (default: last year)
     */
    @GetMapping("/check.xlsx")
    ResponseEntity<byte[]> checkXlsx(@RequestParam(required = false) String province, @RequestParam(required = false) Integer year) {
        CurrentUser user = CurrentUsers.require();
        ProgrammeGoals.Checks checks = goals.check(province, year, user);
        byte[] xlsx = exports.xlsx(checks.province().code(), checks.year(), user, LocaleContextHolder.getLocale());
        audit.record("EXPORT", "programme_goal", checks.province().code(), checks.province().code(),
                "programme goals checked for " + checks.year() + " xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"muc-tieu-chuong-trinh-" + checks.province().code()
                        + "-" + checks.year() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
