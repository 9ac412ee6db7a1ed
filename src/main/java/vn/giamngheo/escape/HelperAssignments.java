package vn.giamngheo.escape;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.escape.HelperRecords.Assignment;
import vn.giamngheo.escape.HelperRecords.AssignmentForm;
import vn.giamngheo.escape.HelperRecords.EndForm;
import vn.giamngheo.escape.HelperRecords.Organisation;
import vn.giamngheo.escape.HelperRecords.OrganisationForm;
import vn.giamngheo.escape.HelperRecords.OrganisationKind;
import vn.giamngheo.escape.HelperRecords.Unassigned;
import vn.giamngheo.escape.HelperRecords.Visit;
import vn.giamngheo.escape.HelperRecords.VisitForm;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Assignments of households to helping organisations and named people (phân công giúp đỡ), with their visits;
 * the households a helper user follows; the households of an area without a helper.
 */
@Service
class HelperAssignments {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 4000;
    static final Set<String> UNASSIGNED_STATUSES = Set.of(PovertyStatus.POOR.code(), PovertyStatus.NEAR_POOR.code());

    private static final String ASSIGNMENT_SELECT = """
            SELECT a.*, h.household_code, c.full_name AS commune_name, v.name AS village_name,
                   o.name AS organisation_name, o.kind AS organisation_kind, u.username AS helper_username,
                   (SELECT m.full_name FROM household_member m WHERE m.province_code = a.province_code
                      AND m.household_id = a.household_id AND m.relation = 'head') AS head_name,
                   (SELECT max(x.visited_on) FROM helper_visit x WHERE x.assignment_id = a.id) AS last_visit,
            """ + DecidedStatuses.STATUS_ON + """
             AS decided_status
            FROM helper_assignment a
            JOIN household h ON h.province_code = a.province_code AND h.id = a.household_id
            JOIN admin_unit c ON c.id = h.commune_id
            LEFT JOIN admin_unit v ON v.id = h.village_id
            JOIN helper_organisation o ON o.id = a.organisation_id
            LEFT JOIN app_user u ON u.id = a.helper_user_id
            WHERE {area}
            """;

    private final JdbcClient jdbc;
    private final AreaUnits units;
    private final EscapeHouseholds households;
    private final Clock clock;

    HelperAssignments(JdbcClient jdbc, EscapeHouseholds households, Clock clock, AreaUnits units) {
        this.units = units;
        this.jdbc = jdbc;
        this.households = households;
        this.clock = clock;
    }

    List<OrganisationKind> kinds() {
        return jdbc.sql("SELECT code, name_vi, name_en FROM helper_organisation_kind ORDER BY position")
                .query((rs, i) -> new OrganisationKind(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Organisations of units inside the area and of the units above it (a province department helps communes). */
    List<Organisation> organisations(AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("""
                        SELECT o.*, u.full_name AS unit_name, u.path AS unit_path
                        FROM helper_organisation o JOIN admin_unit u ON u.id = o.unit_id
                        WHERE\s""" + area.on("u") + " OR " + (scope.national() ? "FALSE" : AreaFilter.ancestorOf("unitPath", "u"))
                        + " ORDER BY u.path, o.kind, o.name LIMIT 2000"))
                .param("unitPath", scope.unitPath())
                .query((rs, i) -> new Organisation(rs.getLong("id"), rs.getString("province_code"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("kind"), rs.getString("name"), rs.getBoolean("active"),
                        rs.getString("unit_path")))
                .list();
    }

    /**
     * Deactivates an organisation (no new assignments; current ones continue until they are ended) or activates it
     * again. Only an organisation of a unit inside the user's area (an organisation of the province is not the
     * commune's to close): 404 otherwise.
     */
    @Transactional
    Organisation setActive(long organisationId, boolean active, CurrentUser user) {
        Organisation o = jdbc.sql("""
                        SELECT o.id, u.path FROM helper_organisation o JOIN admin_unit u ON u.id = o.unit_id WHERE o.id = :id""")
                .param("id", organisationId)
                .query((rs, i) -> user.scope().contains(rs.getString("path")) ? rs.getLong("id") : null).optional()
                .flatMap(id -> organisations(user.scope()).stream().filter(x -> x.id() == id).findFirst())
                .orElseThrow(() -> new EscapeNotFoundException("organisation", organisationId));
        if (o.active() == active) {
            throw new InvalidEscapeException("active", active ? "helper.problem.already-active" : "helper.problem.already-inactive");
        }
        jdbc.sql("UPDATE helper_organisation SET active = :a WHERE id = :id").param("a", active).param("id", o.id()).update();
        return organisations(user.scope()).stream().filter(x -> x.id() == o.id()).findFirst().orElseThrow();
    }

    @Transactional
    Organisation createOrganisation(OrganisationForm form, CurrentUser user) {
        List<InvalidEscapeException.Problem> problems = new ArrayList<>();
        if (form.kind() == null || kinds().stream().noneMatch(k -> k.code().equals(form.kind()))) {
            problems.add(problem("kind", "helper.problem.kind-unknown", String.valueOf(form.kind())));
        }
        String name = form.name() == null ? "" : form.name().trim();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            problems.add(problem("name", "helper.problem.name-length", NAME_MAX));
        }
        Long unitId = form.unitId() != null ? form.unitId() : user.scope().unitId();
        AdminUnit unit = unitId == null ? null : units.find(unitId, user).orElse(null);
        if (unit == null) {
            problems.add(problem("unitId", "helper.problem.unit-outside", String.valueOf(unitId)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEscapeException(problems);
        }
        try {
            long id = jdbc.sql("""
                            INSERT INTO helper_organisation (province_code, unit_id, kind, name, created_by)
                            VALUES (:p, :u, :k, :n, :by) RETURNING id""")
                    .param("p", unit.provinceCode()).param("u", unit.id()).param("k", form.kind()).param("n", name)
                    .param("by", user.getUsername()).query(Long.class).single();
            return organisations(user.scope()).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new InvalidEscapeException("name", "helper.problem.name-taken", name);
        }
    }

    /** Assigns a household; a current assignment of the household ends the day before (reason: reassigned). */
    @Transactional
    Assignment assign(AssignmentForm form, CurrentUser user) {
        if (form.householdId() == null) {
            throw new InvalidEscapeException("householdId", "escape.problem.household-required");
        }
        EscapeHouseholds.HouseholdRef h = households.require(form.householdId(), user.scope());
        List<InvalidEscapeException.Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (form.organisationId() == null
                || organisations(user.scope()).stream().noneMatch(o -> o.id() == form.organisationId() && o.active())) {
            problems.add(problem("organisationId", "helper.problem.organisation-unknown"));
        }
        String name = form.helperName() == null ? "" : form.helperName().trim();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            problems.add(problem("helperName", "helper.problem.name-length", NAME_MAX));
        }
        String phone = form.helperPhone() == null || form.helperPhone().isBlank() ? null : form.helperPhone().trim();
        if (phone != null && !phone.matches("[0-9 +.-]{6,20}")) {
            problems.add(problem("helperPhone", "helper.problem.phone", phone));
        }
        LocalDate on = form.assignedOn() == null ? today : form.assignedOn();
        if (on.isAfter(today)) {
            problems.add(problem("assignedOn", "escape.problem.date-future", on));
        }
        if (form.helperUserId() != null && !userSees(form.helperUserId(), h.communePath())) {
            problems.add(problem("helperUserId", "helper.problem.user-outside", form.helperUserId()));
        }
        Assignment current = current(h.id(), user.scope());
        if (current != null && !on.isAfter(current.assignedOn())) {
            problems.add(problem("assignedOn", "helper.problem.before-current", current.assignedOn()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEscapeException(problems);
        }
        if (current != null) {
            jdbc.sql("UPDATE helper_assignment SET ended_on = :d, end_reason = 'reassigned' WHERE id = :id")
                    .param("d", on.minusDays(1)).param("id", current.id()).update();
        }
        long id = jdbc.sql("""
                        INSERT INTO helper_assignment (province_code, household_id, commune_id, organisation_id, helper_name,
                            helper_phone, helper_user_id, assigned_on, created_by)
                        VALUES (:p, :h, :c, :o, :n, :phone, :u, :on, :by) RETURNING id""")
                .param("p", h.provinceCode()).param("h", h.id()).param("c", h.communeId())
                .param("o", form.organisationId()).param("n", name).param("phone", phone)
                .param("u", form.helperUserId()).param("on", on).param("by", user.getUsername())
                .query(Long.class).single();
        return get(id, user.scope());
    }

    /**
     * Who may record a visit on an assignment: editors of the area, and the helper the assignment names while it is
     * current. Anyone else: refused (403).
     */
    static boolean mayRecordVisit(Assignment a, CurrentUser user) {
        return user.canEdit() || user.isHelper() && a.isCurrent() && java.util.Objects.equals(a.helperUserId(), user.id());
    }

    /**
     * A helper reaches a household only while it is assigned to them (404 otherwise, as for a household outside the
     * area); other users pass.
     */
    void requireHelperOf(long householdId, CurrentUser user) {
        if (user.isHelper() && mine(user).stream().noneMatch(a -> a.householdId() == householdId)) {
            throw new EscapeNotFoundException("household", householdId);
        }
    }

    /**
     * The assignment inside the area; for a helper only a current one of their own (404 otherwise: an ended
     * assignment is closed to its helper as an unassigned household is).
     */
    Assignment get(long id, CurrentUser user) {
        Assignment a = get(id, user.scope());
        if (user.isHelper() && (!java.util.Objects.equals(a.helperUserId(), user.id()) || !a.isCurrent())) {
            throw new EscapeNotFoundException("assignment", id);
        }
        return a;
    }

    @Transactional
    Visit recordVisit(long assignmentId, VisitForm form, CurrentUser user) {
        Assignment a = get(assignmentId, user);
        if (!mayRecordVisit(a, user)) {
            throw new org.springframework.security.access.AccessDeniedException("only editors of the area or the helper "
                    + "of this assignment record its visits");
        }
        List<InvalidEscapeException.Problem> problems = new ArrayList<>();
        LocalDate on = form.visitedOn();
        if (on == null) {
            problems.add(problem("visitedOn", "escape.problem.date-required"));
        } else if (on.isAfter(LocalDate.now(clock))) {
            problems.add(problem("visitedOn", "escape.problem.date-future", on));
        } else if (on.isBefore(a.assignedOn()) || (a.endedOn() != null && on.isAfter(a.endedOn()))) {
            problems.add(problem("visitedOn", "helper.problem.visit-outside", on));
        }
        String note = form.note() == null ? "" : form.note().trim();
        if (note.isEmpty() || note.length() > NOTE_MAX) {
            problems.add(problem("note", "helper.problem.note-length", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEscapeException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO helper_visit (province_code, assignment_id, household_id, visited_on, note, recorded_by)
                        VALUES (:p, :a, :h, :d, :n, :by) RETURNING id""")
                .param("p", a.provinceCode()).param("a", a.id()).param("h", a.householdId()).param("d", on)
                .param("n", note).param("by", user.getUsername()).query(Long.class).single();
        return new Visit(id, on, note, user.getUsername());
    }

    @Transactional
    Assignment end(long assignmentId, EndForm form, CurrentUser user) {
        Assignment a = get(assignmentId, user.scope());
        LocalDate on = form.endedOn() == null ? LocalDate.now(clock) : form.endedOn();
        if (!a.isCurrent()) {
            throw new InvalidEscapeException("endedOn", "helper.problem.ended");
        }
        if (on.isBefore(a.assignedOn()) || on.isAfter(LocalDate.now(clock))) {
            throw new InvalidEscapeException("endedOn", "helper.problem.end-date", on);
        }
        String reason = form.reason() == null || form.reason().isBlank() ? null : form.reason().trim();
        if (reason != null && reason.length() > 1000) {
            throw new InvalidEscapeException("reason", "escape.problem.too-long", 1000);
        }
        jdbc.sql("UPDATE helper_assignment SET ended_on = :d, end_reason = :r WHERE id = :id")
                .param("d", on).param("r", reason).param("id", a.id()).update();
        return get(a.id(), user.scope());
    }

    Assignment get(long id, AccessScope scope) {
        return select(ASSIGNMENT_SELECT + " AND a.id = :id", scope).param("id", id).query(HelperAssignments::map).optional()
                .map(this::withVisits).orElseThrow(() -> new EscapeNotFoundException("assignment", id));
    }

    /** The household's assignments, current first, each with its visits. */
    List<Assignment> ofHousehold(long householdId, AccessScope scope) {
        return select(ASSIGNMENT_SELECT + " AND a.household_id = :h ORDER BY a.ended_on DESC NULLS FIRST, a.id DESC", scope)
                .param("h", householdId).query(HelperAssignments::map).list().stream().map(this::withVisits).toList();
    }

    /** The households currently assigned to this user as their helper. */
    List<Assignment> mine(CurrentUser user) {
        return select(ASSIGNMENT_SELECT + " AND a.helper_user_id = :u AND a.ended_on IS NULL ORDER BY c.code, h.household_code",
                user.scope()).param("u", user.id()).query(HelperAssignments::map).list();
    }

    /**
     * Active households of the area whose decided status today is one of {@code statuses} and that have no helper.
     * The status is read once per household (the kernel's {@code status_of}, one index probe), the head's name only
     * for the rows kept: reading both for every household of the area and the status twice (in the filter and in the
     * row) took 1.8 s for a commune of 10,000 households (issue 26).
     */
    List<Unassigned> unassigned(AccessScope scope, Set<String> statuses, int limit) {
        return jdbc.sql("""
                        SELECT x.*, (SELECT m.full_name FROM household_member m WHERE m.province_code = x.province_code
                                       AND m.household_id = x.id AND m.relation = 'head') AS head_name
                        FROM (
                            SELECT h.id, h.province_code, h.household_code, c.code AS commune_code, c.full_name AS commune_name,
                                   v.name AS village_name, s.status AS decided_status
                            FROM household h
                            JOIN admin_unit c ON c.id = h.commune_id
                            LEFT JOIN admin_unit v ON v.id = h.village_id
                            CROSS JOIN LATERAL (""" + DecidedStatuses.STATUS_OF + """
                        ) s
                            WHERE\s""" + AreaFilter.of(scope).on("h", "c") + """

                              AND h.life_status = 'active'
                              AND NOT EXISTS (SELECT 1 FROM helper_assignment a WHERE a.province_code = h.province_code
                                              AND a.household_id = h.id AND a.ended_on IS NULL)
                              AND s.status = ANY (:statuses)
                            ORDER BY c.code, h.household_code LIMIT :limit
                        ) x ORDER BY commune_code, household_code""")
                .params(AreaFilter.of(scope).parameters())
                .param("onDate", LocalDate.now(clock)).param("statuses", statuses.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, i) -> new Unassigned(rs.getLong("id"), rs.getString("province_code"), rs.getString("household_code"),
                        rs.getString("head_name"), rs.getString("commune_code"), rs.getString("commune_name"),
                        rs.getString("village_name"), rs.getString("decided_status")))
                .list();
    }

    /** The id of an enabled user by name (for the assignment form); null for no name, refused for an unknown one. */
    Long userId(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u AND enabled").param("u", username.trim())
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidEscapeException("helperUserId", "helper.problem.user-unknown", username.trim()));
    }

    private Assignment current(long householdId, AccessScope scope) {
        return ofHousehold(householdId, scope).stream().filter(Assignment::isCurrent).findFirst().orElse(null);
    }

    private boolean userSees(long userId, String communePath) {
        return jdbc.sql("""
                        SELECT u.enabled, au.path FROM app_user u LEFT JOIN admin_unit au ON au.id = u.unit_id
                        WHERE u.id = :id""")
                .param("id", userId)
                .query((rs, i) -> rs.getBoolean(1) && (rs.getString(2) == null || communePath.startsWith(rs.getString(2))))
                .optional().orElse(false);
    }

    private Assignment withVisits(Assignment a) {
        return a.withVisits(jdbc.sql("""
                        SELECT id, visited_on, note, recorded_by FROM helper_visit WHERE assignment_id = :a
                        ORDER BY visited_on DESC, id DESC""")
                .param("a", a.id())
                .query((rs, i) -> new Visit(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                .list());
    }

    private JdbcClient.StatementSpec select(String sql, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(sql.replace("{area}", area.on("a", "c")))).param("onDate", LocalDate.now(clock));
    }

    private static InvalidEscapeException.Problem problem(String field, String key, Object... args) {
        return new InvalidEscapeException.Problem(field, key, List.of(args));
    }

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getLong("id"), rs.getString("province_code"), rs.getLong("household_id"),
                rs.getString("household_code"), rs.getString("head_name"), rs.getString("commune_name"),
                rs.getString("village_name"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
                rs.getString("organisation_kind"), rs.getString("helper_name"), rs.getString("helper_phone"),
                (Long) rs.getObject("helper_user_id"), rs.getString("helper_username"),
                rs.getObject("assigned_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("end_reason"), rs.getString("decided_status"), rs.getObject("last_visit", LocalDate.class),
                List.of());
    }
}
