package vn.giamngheo.task;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.agency.Agencies;
import vn.giamngheo.agency.Agency;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.monitoring.ReportCalendar;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.PlanNotFoundException;
import vn.giamngheo.plan.PlanProblem;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.task.rules.OutputProgress;

/**
 * The tasks of plans: read within an area (an agency officer: only the tasks their agency leads or coordinates),
 * created and edited by the plan's level (validation, version check; the database audits every row), with their
 * outputs' targets and what the accepted reports have reached; and the late or missing output reports.
 */
@Service
public class PlanTasks {

    static final int MAX_OUTPUTS = 20;

    private static final String SELECT = """
            SELECT t.id, t.plan_id, t.item_id, i.code AS item_code, i.name_vi AS item_name_vi, i.name_en AS item_name_en,
                   t.description_vi, t.description_en, t.lead_agency_id, t.deadline, t.report_kinds, t.version,
                   p.unit_id, p.plan_year, p.province_code, u.full_name AS unit_name, u.level AS unit_level, u.path AS unit_path
            FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN programme_item i ON i.id = t.item_id
                 JOIN admin_unit u ON u.id = p.unit_id
            """;

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final AreaUnits units;
    private final ReportCalendar calendar;
    private final GeographyCatalog catalog;

    PlanTasks(JdbcClient jdbc, Agencies agencies, AreaUnits units, ReportCalendar calendar, GeographyCatalog catalog) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.units = units;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------------------------------------ the API

    /**
     * The tasks of a plan whose unit lies in the scope, in the order they were made.
     *
     * @throws PlanNotFoundException when there is no such plan in the scope
     */
    public List<PlanTask> ofPlan(long planId, AccessScope scope) {
        PlanRef plan = plan(planId, scope);
        return rows(SELECT + " WHERE t.plan_id = :id ORDER BY i.sort_order, i.code, t.id", Map.of("id", plan.id()))
                .stream().map(Task::api).toList();
    }

    /**
     * The output reports of the tasks of plans in the scope that are late on the day: every period a task's lead agency
     * reports in (its kinds, from the plan's year to its deadline's) whose due day has passed without a submitted or
     * accepted report, oldest due first.
     */
    public List<LateOutputReport> late(AccessScope scope, LocalDate day) {
        return late(inArea(AreaFilter.of(scope), null), day);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** A plan's unit and year, if the plan lies in the scope. */
    record PlanRef(long id, long unitId, int year, String provinceCode, String unitName, String unitLevel, String path) {
    }

    PlanRef plan(long planId, AccessScope scope) {
        PlanRef plan = jdbc.sql("""
                        SELECT p.id, p.unit_id, p.plan_year, p.province_code, u.full_name, u.level, u.path
                        FROM plan p JOIN admin_unit u ON u.id = p.unit_id WHERE p.id = :id""")
                .param("id", planId)
                .query((rs, n) -> new PlanRef(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("plan_year"),
                        rs.getString("province_code"), rs.getString("full_name"), rs.getString("level"), rs.getString("path")))
                .optional().orElseThrow(() -> new PlanNotFoundException("no plan " + planId));
        if (units.find(plan.unitId(), scope).isEmpty()) {
            throw new PlanNotFoundException("no plan " + planId + " in the area");
        }
        return plan;
    }

    /** The plan as the user may see it (404 outside their area). */
    PlanRef plan(long planId, CurrentUser user) {
        return plan(planId, user.scope());
    }

    /** The tasks of a plan the user sees: all of them, or an agency officer's agency's. */
    List<Task> tasks(long planId, CurrentUser user) {
        PlanRef plan = plan(planId, user);
        return rows(SELECT + " WHERE t.plan_id = :id" + agencyCondition(user) + " ORDER BY i.sort_order, i.code, t.id",
                params(user, Map.of("id", plan.id())));
    }

    /** A task the user sees (404 outside their area, or not of their agency for an agency officer). */
    Task task(long taskId, CurrentUser user) {
        Task task = rows(SELECT + " WHERE t.id = :id" + agencyCondition(user), params(user, Map.of("id", taskId)))
                .stream().findFirst().orElseThrow(() -> new PlanNotFoundException("no task " + taskId));
        if (units.find(task.unitId(), user.scope()).isEmpty()) {
            throw new PlanNotFoundException("no task " + taskId + " in the area");
        }
        return task;
    }

    /** The tasks of the user's agency in their area (agency officers' home), deadline first. */
    List<Task> mine(CurrentUser user) {
        if (user.agencyId() == null) {
            return List.of();
        }
        return inArea(AreaFilter.of(user.scope()), user.agencyId());
    }

    /** The tasks of plans of an area; with an agency, only those it leads or coordinates. */
    private List<Task> inArea(AreaFilter area, Long agencyId) {
        Map<String, Object> params = new HashMap<>();
        String agency = "";
        if (agencyId != null) {
            agency = " AND (t.lead_agency_id = :agency OR EXISTS (SELECT 1 FROM plan_task_partner x"
                    + " WHERE x.task_id = t.id AND x.agency_id = :agency))";
            params.put("agency", agencyId);
        }
        JdbcClient.StatementSpec spec = area.bind(jdbc.sql(SELECT + " WHERE " + area.on("u") + agency
                + " ORDER BY t.deadline, t.id"));
        for (Map.Entry<String, Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return withOutputs(spec.query(PlanTasks::task).list());
    }

    private static String agencyCondition(CurrentUser user) {
        return user.isAgencyOfficer() ? " AND (t.lead_agency_id = :agency OR EXISTS (SELECT 1 FROM plan_task_partner x"
                + " WHERE x.task_id = t.id AND x.agency_id = :agency))" : "";
    }

    private static Map<String, Object> params(CurrentUser user, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        if (user.isAgencyOfficer()) {
            all.put("agency", Objects.requireNonNull(user.agencyId(), "an agency officer without an agency"));
        }
        return all;
    }

    private List<Task> rows(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return withOutputs(spec.query(PlanTasks::task).list());
    }

    /** Fills in each task's agencies and outputs (with their reached figures), in three queries for all tasks. */
    private List<Task> withOutputs(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        List<Long> ids = tasks.stream().map(Task::id).toList();
        Map<Long, List<Long>> partners = new HashMap<>();
        jdbc.sql("SELECT task_id, agency_id FROM plan_task_partner WHERE task_id IN (:ids) ORDER BY task_id, agency_id")
                .param("ids", ids).query(rs -> {
                    partners.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, List<Output>> outputs = new HashMap<>();
        Map<Long, Output> byId = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.id, o.task_id, o.indicator_id, mi.code, coalesce(o.name_vi, mi.name_vi) AS name_vi,
                               coalesce(o.name_en, mi.name_en) AS name_en, coalesce(o.unit_of_measure, mi.unit_of_measure) AS uom,
                               o.target, o.per_commune
                        FROM plan_task_output o LEFT JOIN monitoring_indicator mi ON mi.id = o.indicator_id
                        WHERE o.task_id IN (:ids) ORDER BY o.task_id, o.sort_order, o.id""")
                .param("ids", ids).query(rs -> {
                    Output o = new Output(rs.getLong("id"), (Long) rs.getObject("indicator_id"), rs.getString("code"),
                            rs.getString("name_vi"), rs.getString("name_en"), rs.getString("uom"), rs.getBigDecimal("target"),
                            rs.getBoolean("per_commune"), new LinkedHashMap<>(), new ArrayList<>());
                    outputs.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(o);
                    byId.put(o.id(), o);
                });
        if (!byId.isEmpty()) {
            jdbc.sql("""
                            SELECT g.output_id, g.unit_id, g.target FROM plan_task_output_target g
                            WHERE g.output_id IN (:ids) ORDER BY g.output_id, g.unit_id""")
                    .param("ids", byId.keySet()).query(rs -> {
                        byId.get(rs.getLong(1)).unitTargets().put(rs.getLong(2), rs.getBigDecimal(3));
                    });
            jdbc.sql("""
                            SELECT v.output_id, r.kind, r.year, r.number, r.period_end, sum(v.value) AS value
                            FROM task_report_value v JOIN task_report r ON r.id = v.report_id
                            WHERE v.output_id IN (:ids) AND r.status = 'accepted'
                            GROUP BY v.output_id, r.kind, r.year, r.number, r.period_end""")
                    .param("ids", byId.keySet()).query(rs -> {
                        byId.get(rs.getLong("output_id")).accepted().add(new OutputProgress.Accepted(rs.getString("kind"),
                                rs.getInt("year"), rs.getInt("number"), rs.getObject("period_end", LocalDate.class),
                                rs.getBigDecimal("value")));
                    });
        }
        Map<Long, Agency> agencyCache = new HashMap<>();
        List<Task> filled = new ArrayList<>();
        for (Task t : tasks) {
            Agency lead = agencyCache.computeIfAbsent(t.leadAgencyId(), agencies::get);
            List<Agency> ps = partners.getOrDefault(t.id(), List.of()).stream()
                    .map(id -> agencyCache.computeIfAbsent(id, agencies::get)).toList();
            filled.add(t.with(lead, ps, outputs.getOrDefault(t.id(), List.of())));
        }
        return filled;
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        Array kinds = rs.getArray("report_kinds");
        return new Task(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("item_id"), rs.getString("item_code"),
                rs.getString("item_name_vi"), rs.getString("item_name_en"), rs.getString("description_vi"),
                rs.getString("description_en"), rs.getLong("lead_agency_id"), null, List.of(),
                rs.getObject("deadline", LocalDate.class), Arrays.asList((String[]) kinds.getArray()), rs.getInt("version"),
                List.of(), rs.getLong("unit_id"), rs.getInt("plan_year"), rs.getString("province_code"),
                rs.getString("unit_name"), rs.getString("unit_level"), rs.getString("unit_path"));
    }

    // ------------------------------------------------------------------------------------------------ late reports

    /** The periods a task's lead agency reports in: its kinds, every period from the plan's year that starts by the deadline. */
    List<ReportCalendar.Period> periods(Task task) {
        return periods(task, new HashMap<>());
    }

    /** The same, with the periods already computed in this request (due dates read the parameters and holidays). */
    private List<ReportCalendar.Period> periods(Task task, Map<String, ReportCalendar.Period> known) {
        List<ReportCalendar.Period> periods = new ArrayList<>();
        for (int year = task.planYear(); year <= Math.max(task.planYear(), task.deadline().getYear()); year++) {
            for (String kind : ReportCalendar.kinds()) {
                if (!task.reportKinds().contains(kind)) {
                    continue;
                }
                int count = ReportCalendar.periodsPerYear(kind).orElse(1);
                for (int number = 1; number <= count; number++) {
                    int y = year;
                    int n = number;
                    ReportCalendar.Period p = known.computeIfAbsent(kind + "/" + y + "/" + n, k -> calendar.period(kind, y, n));
                    if (!p.start().isAfter(task.deadline())) {
                        periods.add(p);
                    }
                }
            }
        }
        periods.sort(java.util.Comparator.comparing(ReportCalendar.Period::end).thenComparing(ReportCalendar.Period::kind));
        return periods;
    }

    /** The late reports of these tasks on the day, oldest due first. */
    List<LateOutputReport> late(List<Task> tasks, LocalDate day) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, String> statuses = new HashMap<>();
        jdbc.sql("SELECT task_id, kind, year, number, status FROM task_report WHERE task_id IN (:ids)")
                .param("ids", tasks.stream().map(Task::id).toList())
                .query(rs -> {
                    statuses.put(rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4), rs.getString(5));
                });
        List<LateOutputReport> late = new ArrayList<>();
        Map<String, ReportCalendar.Period> known = new HashMap<>();
        for (Task t : tasks) {
            for (ReportCalendar.Period p : periods(t, known)) {
                String status = statuses.getOrDefault(t.id() + "/" + p.kind() + "/" + p.year() + "/" + p.number(), "missing");
                boolean sent = "submitted".equals(status) || "accepted".equals(status);
                if (ReportCalendar.overdue(sent, p.due(), day)) {
                    late.add(new LateOutputReport(t.id(), t.lead(), p.kind(), p.year(), p.number(), p.due(), status));
                }
            }
        }
        late.sort(java.util.Comparator.comparing(LateOutputReport::dueDate).thenComparing(LateOutputReport::taskId));
        return late;
    }

    /** The late reports of a plan's tasks (as the user sees them). */
    List<LateOutputReport> lateOfPlan(long planId, CurrentUser user, LocalDate day) {
        return late(tasks(planId, user), day);
    }

    /** The late reports the user's agency owes (agency officers). */
    List<LateOutputReport> lateOfMine(CurrentUser user, LocalDate day) {
        return late(mine(user).stream().filter(t -> Objects.equals(t.leadAgencyId(), user.agencyId())).toList(), day);
    }

    // ------------------------------------------------------------------------------------------------ changes

    /** A task as entered: item, descriptions, lead and coordinating agencies, deadline, report kinds, outputs. */
    public record TaskInput(Long itemId, String descriptionVi, String descriptionEn, Long leadAgencyId, List<Long> partnerAgencyIds,
                     LocalDate deadline, List<String> reportKinds, List<OutputInput> outputs) {
    }

    /**
     * An output as entered: an indicator's code, or a free output's names and unit; its target for the plan's area;
     * whether it is reported per commune, and targets per commune (by commune code).
     */
    public record OutputInput(String indicatorCode, String nameVi, String nameEn, String unitOfMeasure, BigDecimal target,
                       Boolean perCommune, Map<String, BigDecimal> communeTargets) {
    }

    /** Creates a task of a plan (editors of the plan's level); returns its id. */
    @Transactional
    public long create(long planId, TaskInput input, CurrentUser user) {
        PlanRef plan = editablePlan(planId, user);
        Checked c = check(plan, input, user);
        long id = jdbc.sql("""
                        INSERT INTO plan_task (plan_id, province_code, item_id, description_vi, description_en, lead_agency_id,
                                               deadline, report_kinds, created_by, updated_by)
                        VALUES (:plan, :pc, :item, :dvi, :den, :lead, :deadline, :kinds::text[], :by, :by) RETURNING id""")
                .param("plan", plan.id()).param("pc", plan.provinceCode()).param("item", input.itemId())
                .param("dvi", input.descriptionVi().strip()).param("den", blankToNull(input.descriptionEn()))
                .param("lead", input.leadAgencyId()).param("deadline", input.deadline())
                .param("kinds", "{" + String.join(",", c.kinds()) + "}").param("by", user.getUsername())
                .query(Long.class).single();
        writeChildren(id, c);
        return id;
    }

    /** Changes a task read at {@code version} (required; a task changed since is refused). */
    @Transactional
    public void update(long taskId, Integer version, TaskInput input, CurrentUser user) {
        Task task = task(taskId, user);
        PlanRef plan = editablePlan(task.planId(), user);
        if (version == null) {
            throw new InvalidPlanException(PlanProblem.of("version", "task.error.version-required"));
        }
        if (version != task.version()) {
            throw new InvalidPlanException(PlanProblem.of("version", "task.error.stale", String.valueOf(task.version())));
        }
        Checked c = check(plan, input, user);
        Set<Long> reported = new LinkedHashSet<>(jdbc.sql("""
                        SELECT DISTINCT v.output_id FROM task_report_value v JOIN plan_task_output o ON o.id = v.output_id
                        WHERE o.task_id = :id""").param("id", taskId).query(Long.class).list());
        if (!reported.isEmpty()) {
            // outputs already reported on keep their rows: the change may not remove or replace them
            List<Output> kept = task.outputs().stream().filter(o -> reported.contains(o.id())).toList();
            for (Output o : kept) {
                boolean still = c.outputs().stream().anyMatch(n -> Objects.equals(n.indicatorId(), o.indicatorId())
                        && (o.indicatorId() != null || Objects.equals(n.nameVi(), o.nameVi())));
                if (!still) {
                    throw new InvalidPlanException(PlanProblem.of("outputs", "task.error.output-reported", o.nameVi()));
                }
            }
        }
        int updated = jdbc.sql("""
                        UPDATE plan_task SET item_id = :item, description_vi = :dvi, description_en = :den, lead_agency_id = :lead,
                               deadline = :deadline, report_kinds = :kinds::text[], updated_by = :by, updated_at = now(),
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("item", input.itemId()).param("dvi", input.descriptionVi().strip())
                .param("den", blankToNull(input.descriptionEn())).param("lead", input.leadAgencyId())
                .param("deadline", input.deadline()).param("kinds", "{" + String.join(",", c.kinds()) + "}")
                .param("by", user.getUsername()).param("id", taskId).param("version", version).update();
        if (updated == 0) {
            throw new InvalidPlanException(PlanProblem.of("version", "task.error.stale", String.valueOf(version + 1)));
        }
        // partners: only those no longer named go (the others stay, unaudited: a task saved unchanged changes nothing)
        if (c.partners().isEmpty()) {
            jdbc.sql("DELETE FROM plan_task_partner WHERE task_id = :id").param("id", taskId).update();
        } else {
            jdbc.sql("DELETE FROM plan_task_partner WHERE task_id = :id AND agency_id NOT IN (:keep)")
                    .param("id", taskId).param("keep", List.copyOf(c.partners())).update();
        }
        // outputs: update those that match an existing one (same indicator, or same free name), add the others,
        // remove the unmatched ones that were never reported on
        Map<Long, Output> existing = new LinkedHashMap<>();
        task.outputs().forEach(o -> existing.put(o.id(), o));
        List<CheckedOutput> added = new ArrayList<>();
        int order = 0;
        for (CheckedOutput n : c.outputs()) {
            Optional<Output> match = existing.values().stream().filter(o -> Objects.equals(o.indicatorId(), n.indicatorId())
                    && (n.indicatorId() != null || Objects.equals(o.nameVi(), n.nameVi()))).findFirst();
            if (match.isPresent()) {
                existing.remove(match.get().id());
                jdbc.sql("""
                                UPDATE plan_task_output SET sort_order = :o, name_vi = :nvi, name_en = :nen, unit_of_measure = :uom,
                                       target = :target, per_commune = :pc WHERE id = :id""")
                        .param("o", order++).param("nvi", n.nameVi()).param("nen", n.nameEn()).param("uom", n.unitOfMeasure())
                        .param("target", n.target()).param("pc", n.perCommune()).param("id", match.get().id()).update();
                writeUnitTargets(match.get().id(), n);
            } else {
                added.add(n);
            }
        }
        for (Long gone : existing.keySet()) {
            jdbc.sql("DELETE FROM plan_task_output WHERE id = :id").param("id", gone).update();
        }
        writeChildren(taskId, new Checked(c.kinds(), c.partners(), added), order);
    }

    private void writeChildren(long taskId, Checked c) {
        writeChildren(taskId, c, 0);
    }

    private void writeChildren(long taskId, Checked c, int firstOrder) {
        for (Long partner : c.partners()) {
            jdbc.sql("INSERT INTO plan_task_partner (task_id, agency_id) VALUES (:t, :a) ON CONFLICT DO NOTHING")
                    .param("t", taskId).param("a", partner).update();
        }
        int order = firstOrder;
        for (CheckedOutput o : c.outputs()) {
            long id = jdbc.sql("""
                            INSERT INTO plan_task_output (task_id, sort_order, indicator_id, name_vi, name_en, unit_of_measure,
                                                          target, per_commune)
                            VALUES (:t, :o, :ind, :nvi, :nen, :uom, :target, :pc) RETURNING id""")
                    .param("t", taskId).param("o", order++).param("ind", o.indicatorId()).param("nvi", o.nameVi())
                    .param("nen", o.nameEn()).param("uom", o.unitOfMeasure()).param("target", o.target())
                    .param("pc", o.perCommune()).query(Long.class).single();
            writeUnitTargets(id, o);
        }
    }

    private void writeUnitTargets(long outputId, CheckedOutput o) {
        jdbc.sql("DELETE FROM plan_task_output_target WHERE output_id = :id").param("id", outputId).update();
        for (Map.Entry<Long, BigDecimal> e : o.unitTargets().entrySet()) {
            jdbc.sql("INSERT INTO plan_task_output_target (output_id, unit_id, target) VALUES (:o, :u, :t)")
                    .param("o", outputId).param("u", e.getKey()).param("t", e.getValue()).update();
        }
    }

    PlanRef editablePlan(long planId, CurrentUser user) {
        PlanRef plan = plan(planId, user);
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change tasks");
        }
        return plan;
    }

    private record Checked(List<String> kinds, List<Long> partners, List<CheckedOutput> outputs) {
    }

    private record CheckedOutput(Long indicatorId, String nameVi, String nameEn, String unitOfMeasure, BigDecimal target,
                                 boolean perCommune, Map<Long, BigDecimal> unitTargets) {
    }

    /** Checks a task as entered against the plan; every problem at once. */
    private Checked check(PlanRef plan, TaskInput in, CurrentUser user) {
        List<PlanProblem> problems = new ArrayList<>();
        if (in.itemId() == null) {
            problems.add(PlanProblem.of("itemId", "task.error.item"));
        } else if (jdbc.sql("""
                        SELECT count(*) FROM programme_item i JOIN programme_period pp ON pp.code = i.period_code
                        WHERE i.id = :id AND i.active AND :year BETWEEN pp.year_from AND pp.year_to
                          AND (i.province_code IS NULL OR i.province_code = :pc)""")
                .param("id", in.itemId()).param("year", plan.year()).param("pc", plan.provinceCode()).query(Long.class).single() == 0) {
            problems.add(PlanProblem.of("itemId", "task.error.item-period", String.valueOf(plan.year())));
        }
        if (in.descriptionVi() == null || in.descriptionVi().isBlank() || in.descriptionVi().strip().length() > 2000) {
            problems.add(PlanProblem.of("descriptionVi", "task.error.description"));
        }
        if (in.descriptionEn() != null && in.descriptionEn().strip().length() > 2000) {
            problems.add(PlanProblem.of("descriptionEn", "task.error.description"));
        }
        LocalDate yearStart = LocalDate.of(plan.year(), 1, 1);
        if (in.leadAgencyId() == null) {
            problems.add(PlanProblem.of("leadAgencyId", "task.error.lead"));
        } else if (!agencyFits(in.leadAgencyId(), plan, yearStart)) {
            problems.add(PlanProblem.of("leadAgencyId", "task.error.agency", String.valueOf(in.leadAgencyId())));
        }
        List<Long> partners = in.partnerAgencyIds() == null ? List.of()
                : in.partnerAgencyIds().stream().filter(Objects::nonNull).distinct().toList();
        for (Long p : partners) {
            if (p.equals(in.leadAgencyId())) {
                problems.add(PlanProblem.of("partnerAgencyIds", "task.error.partner-lead"));
            } else if (!agencyFits(p, plan, yearStart)) {
                problems.add(PlanProblem.of("partnerAgencyIds", "task.error.agency", String.valueOf(p)));
            }
        }
        if (in.deadline() == null) {
            problems.add(PlanProblem.of("deadline", "task.error.deadline-required"));
        } else if (in.deadline().getYear() < plan.year() || in.deadline().getYear() > plan.year() + 10) {
            problems.add(PlanProblem.of("deadline", "task.error.deadline", String.valueOf(plan.year())));
        }
        List<String> kinds = in.reportKinds() == null ? List.of() : in.reportKinds().stream().filter(Objects::nonNull)
                .map(String::strip).distinct().toList();
        if (kinds.isEmpty()) {
            problems.add(PlanProblem.of("reportKinds", "task.error.kinds"));
        } else if (!ReportCalendar.kinds().containsAll(kinds)) {
            problems.add(PlanProblem.of("reportKinds", "task.error.kind"));
        }
        List<CheckedOutput> outputs = new ArrayList<>();
        List<OutputInput> given = in.outputs() == null ? List.of() : in.outputs().stream().filter(Objects::nonNull)
                .filter(o -> !blank(o.indicatorCode()) || !blank(o.nameVi()) || o.target() != null).toList();
        if (given.size() > MAX_OUTPUTS) {
            problems.add(PlanProblem.of("outputs", "task.error.outputs-many", String.valueOf(MAX_OUTPUTS)));
        }
        Set<String> seen = new java.util.HashSet<>();
        int i = 0;
        for (OutputInput o : given) {
            i++;
            String field = "outputs[" + (i - 1) + "]";
            Long indicatorId = null;
            String nameVi = null;
            String nameEn = null;
            String uom = null;
            if (!blank(o.indicatorCode())) {
                indicatorId = jdbc.sql("SELECT id FROM monitoring_indicator WHERE code = :c").param("c", o.indicatorCode().strip())
                        .query(Long.class).optional().orElse(null);
                if (indicatorId == null) {
                    problems.add(PlanProblem.of(field, "task.error.indicator", o.indicatorCode().strip()));
                }
                if (!seen.add("i:" + o.indicatorCode().strip())) {
                    problems.add(PlanProblem.of(field, "task.error.output-twice", o.indicatorCode().strip()));
                }
            } else {
                nameVi = blankToNull(o.nameVi());
                nameEn = blankToNull(o.nameEn()) == null ? nameVi : o.nameEn().strip();
                uom = blankToNull(o.unitOfMeasure());
                if (nameVi == null || nameVi.length() > 300 || nameEn.length() > 300) {
                    problems.add(PlanProblem.of(field, "task.error.output-name", String.valueOf(i)));
                }
                if (uom == null || uom.length() > 40) {
                    problems.add(PlanProblem.of(field, "task.error.output-unit", String.valueOf(i)));
                }
                if (nameVi != null && !seen.add("n:" + nameVi.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(PlanProblem.of(field, "task.error.output-twice", nameVi));
                }
            }
            if (o.target() != null && (o.target().signum() < 0 || o.target().compareTo(new BigDecimal("1e15")) >= 0)) {
                problems.add(PlanProblem.of(field, "task.error.target", String.valueOf(i)));
            }
            boolean perCommune = Boolean.TRUE.equals(o.perCommune());
            Map<Long, BigDecimal> unitTargets = new LinkedHashMap<>();
            if (o.communeTargets() != null && !o.communeTargets().isEmpty()) {
                if (!perCommune) {
                    problems.add(PlanProblem.of(field, "task.error.commune-targets", String.valueOf(i)));
                }
                Map<String, Long> communes = communeIds(plan);
                for (Map.Entry<String, BigDecimal> e : o.communeTargets().entrySet()) {
                    Long unit = communes.get(e.getKey() == null ? "" : e.getKey().strip());
                    if (unit == null) {
                        problems.add(PlanProblem.of(field, "task.error.commune", String.valueOf(e.getKey())));
                    } else if (e.getValue() == null || e.getValue().signum() < 0) {
                        problems.add(PlanProblem.of(field, "task.error.target", String.valueOf(i)));
                    } else {
                        unitTargets.put(unit, e.getValue());
                    }
                }
            }
            outputs.add(new CheckedOutput(indicatorId, nameVi, nameEn, uom, o.target(), perCommune, unitTargets));
        }
        if (outputs.isEmpty()) {
            problems.add(PlanProblem.of("outputs", "task.error.outputs"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return new Checked(kinds, partners, outputs);
    }

    /** An agency of the plan's area (not a ministry), in being at some time of the plan's year or later. */
    private boolean agencyFits(long agencyId, PlanRef plan, LocalDate yearStart) {
        Optional<Agency> agency = agencies.find(agencyId);
        return agency.isPresent() && !agency.get().national()
                && (agency.get().validTo() == null || !agency.get().validTo().isBefore(yearStart))
                && agencies.visible(agency.get(), scopeOf(plan));
    }

    /** The area of the plan's unit. */
    AccessScope scopeOf(PlanRef plan) {
        return new AccessScope(plan.unitId(), plan.path(), plan.provinceCode());
    }

    /** The communes of the plan's area today, code → id (the plan's unit itself for a commune plan). */
    Map<String, Long> communeIds(PlanRef plan) {
        Map<String, Long> ids = new LinkedHashMap<>();
        communes(plan).forEach(u -> ids.put(u.code(), u.id()));
        return ids;
    }

    /** The communes of the plan's area today (the plan's unit itself for a commune plan). */
    List<AdminUnit> communes(PlanRef plan) {
        if (AdminUnit.COMMUNE.equals(plan.unitLevel())) {
            return catalog.unit(plan.unitId()).stream().toList();
        }
        return catalog.subtree(plan.unitId(), LocalDate.now(vn.giamngheo.format.Formats.VIETNAM)).stream()
                .filter(u -> AdminUnit.COMMUNE.equals(u.level())).toList();
    }

    /** A programme item a task may carry out. */
    record Item(long id, String code, String nameVi, String nameEn, String kind) {
        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** The active programme items of the period that covers the plan's year, in the catalogue's order. */
    List<Item> items(PlanRef plan) {
        return jdbc.sql("""
                        SELECT i.id, i.code, i.name_vi, i.name_en, i.kind
                        FROM programme_item i JOIN programme_period pp ON pp.code = i.period_code
                        WHERE i.active AND :year BETWEEN pp.year_from AND pp.year_to
                          AND (i.province_code IS NULL OR i.province_code = :pc)
                        ORDER BY pp.year_from, i.sort_order, i.code""")
                .param("year", plan.year()).param("pc", plan.provinceCode())
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The agencies a task of the plan may name: of the plan's area (not the ministries), in being in the plan's year. */
    List<Agency> agencyChoices(PlanRef plan) {
        LocalDate start = LocalDate.of(plan.year(), 1, 1);
        LocalDate day = LocalDate.now(vn.giamngheo.format.Formats.VIETNAM);
        LocalDate on = day.isBefore(start) ? start : day.getYear() > plan.year() ? LocalDate.of(plan.year(), 12, 31) : day;
        return agencies.inArea(scopeOf(plan), on).stream().filter(a -> !a.national()).toList();
    }

    /** The agencies proposed for a task of an item: its lead and coordinating agencies resolved to the plan's area. */
    record Proposal(Long leadAgencyId, List<Long> partnerAgencyIds) {
    }

    /**
     * The default agencies of a task of the item: the item's lead and partner agencies (programme catalogue), each
     * function resolved to the plan's province's agency carrying it on the day ({@link Agencies#forFunction}), a
     * named agency kept when it belongs to the plan's area. Empty parts when nothing resolves.
     */
    Proposal proposal(PlanRef plan, long itemId) {
        LocalDate day = LocalDate.of(plan.year(), 1, 1).isAfter(LocalDate.now(vn.giamngheo.format.Formats.VIETNAM))
                ? LocalDate.of(plan.year(), 1, 1) : LocalDate.now(vn.giamngheo.format.Formats.VIETNAM);
        Long lead = null;
        List<Long> partners = new ArrayList<>();
        List<Map<String, Object>> links = jdbc.sql("""
                        SELECT agency_id, function_code, role FROM programme_item_agency
                        WHERE item_id = :id ORDER BY role = 'lead' DESC, sort_order, id""")
                .param("id", itemId).query().listOfRows();
        for (Map<String, Object> link : links) {
            Optional<Agency> agency = Optional.empty();
            if (link.get("function_code") != null) {
                agency = agencies.forFunction((String) link.get("function_code"), plan.provinceCode(), day);
            }
            if (agency.isEmpty() && link.get("agency_id") != null) {
                agency = agencies.find(((Number) link.get("agency_id")).longValue())
                        .filter(a -> !a.national() && agencies.visible(a, scopeOf(plan)));
            }
            if (agency.isEmpty()) {
                continue;
            }
            long id = agency.get().id();
            if ("lead".equals(link.get("role")) && lead == null) {
                lead = id;
            } else if (!Objects.equals(lead, id) && !partners.contains(id)) {
                partners.add(id);
            }
        }
        return new Proposal(lead, partners);
    }

    /** A monitoring indicator an output may be: code and names. */
    record IndicatorChoice(String code, String nameVi, String nameEn, String unitOfMeasure) {
        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** The monitoring indicators, in their order. */
    List<IndicatorChoice> indicators() {
        return jdbc.sql("SELECT code, name_vi, name_en, unit_of_measure FROM monitoring_indicator ORDER BY sort_order, code")
                .query((rs, n) -> new IndicatorChoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------------------------------------ model

    /** An output as stored, with its targets per commune and its accepted reports' figures. */
    record Output(long id, Long indicatorId, String indicatorCode, String nameVi, String nameEn, String unitOfMeasure,
                  BigDecimal target, boolean perCommune, Map<Long, BigDecimal> unitTargets,
                  List<OutputProgress.Accepted> accepted) {

        public BigDecimal reached() {
            return OutputProgress.reached(accepted).orElse(null);
        }

        TaskOutput api() {
            return new TaskOutput(indicatorCode, nameVi, nameEn, unitOfMeasure, target, reached());
        }

        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** A task as stored, with what the pages need beyond {@link PlanTask}. */
    record Task(long id, long planId, long itemId, String itemCode, String itemNameVi, String itemNameEn,
                String descriptionVi, String descriptionEn, long leadAgencyId, Agency lead, List<Agency> partners,
                LocalDate deadline, List<String> reportKinds, int version, List<Output> outputs, long unitId, int planYear,
                String provinceCode, String unitName, String unitLevel, String unitPath) {

        Task with(Agency lead, List<Agency> partners, List<Output> outputs) {
            return new Task(id, planId, itemId, itemCode, itemNameVi, itemNameEn, descriptionVi, descriptionEn, leadAgencyId,
                    lead, partners, deadline, reportKinds, version, outputs, unitId, planYear, provinceCode, unitName,
                    unitLevel, unitPath);
        }

        PlanTask api() {
            return new PlanTask(id, planId, itemId, itemCode, itemNameVi, itemNameEn, descriptionVi, lead, partners, deadline,
                    outputs.stream().map(Output::api).toList());
        }

        public String itemName(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? itemNameEn : itemNameVi;
        }

        public String description(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionVi;
        }

        public List<Long> partnerIds() {
            return partners.stream().map(Agency::id).toList();
        }
    }
}
