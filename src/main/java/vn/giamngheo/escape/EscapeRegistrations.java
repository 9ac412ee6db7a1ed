package vn.giamngheo.escape;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.household.HouseholdCodes;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/** Registers households to escape poverty, lists and withdraws registrations; always inside the user's area. */
@Service
class EscapeRegistrations {

    static final int GOAL_MAX = 1000;
    static final int SUPPORT_MAX = 2000;

    private static final String SELECT = """
            SELECT r.*, h.household_code, c.full_name AS commune_name, v.name AS village_name, d.number AS decision_number,
                   (SELECT m.full_name FROM household_member m WHERE m.province_code = r.province_code
                      AND m.household_id = r.household_id AND m.relation = 'head') AS head_name
            FROM escape_registration r
            JOIN household h ON h.province_code = r.province_code AND h.id = r.household_id
            JOIN admin_unit c ON c.id = r.commune_id
            LEFT JOIN admin_unit v ON v.id = r.village_id
            LEFT JOIN review_decision d ON d.id = r.closed_by_decision_id
            WHERE {area}
            """;

    private final JdbcClient jdbc;
    private final EscapeHouseholds households;
    private final DecidedStatuses statuses;
    private final Clock clock;

    EscapeRegistrations(JdbcClient jdbc, EscapeHouseholds households, DecidedStatuses statuses, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Transactional
    Registration register(RegistrationForm form, CurrentUser user) {
        if (form.householdId() == null) {
            throw new InvalidEscapeException("householdId", "escape.problem.household-required");
        }
        EscapeHouseholds.HouseholdRef h = households.require(form.householdId(), user.scope());
        LocalDate today = LocalDate.now(clock);
        List<InvalidEscapeException.Problem> problems = new ArrayList<>();
        if (!h.lifeStatus().equals("active")) {
            problems.add(problem("householdId", "escape.problem.household-inactive"));
        }
        LocalDate on = form.registeredOn();
        if (on == null) {
            problems.add(problem("registeredOn", "escape.problem.date-required"));
        } else if (on.isAfter(today)) {
            problems.add(problem("registeredOn", "escape.problem.date-future", on));
        }
        Integer year = form.listYear();
        if (year == null) {
            problems.add(problem("listYear", "escape.problem.year-required"));
        } else if (on != null && (year < on.getYear() || year > on.getYear() + 2)) {
            problems.add(problem("listYear", "escape.problem.year-range", year, on.getYear(), on.getYear() + 2));
        } else if (periodicDecisionExists(h, year)) {
            problems.add(problem("listYear", "escape.problem.year-decided", year));
        }
        if (form.goal() == null || form.goal().isEmpty()) {
            problems.add(problem("goal", "escape.problem.goal-required"));
        } else if (form.goal().length() > GOAL_MAX) {
            problems.add(problem("goal", "escape.problem.too-long", GOAL_MAX));
        }
        for (String cause : form.causes()) {
            if (!HouseholdCodes.CAUSES.contains(cause)) {
                problems.add(problem("causes", "escape.problem.cause-unknown", cause));
            }
        }
        if (form.supportRequested() != null && form.supportRequested().length() > SUPPORT_MAX) {
            problems.add(problem("supportRequested", "escape.problem.too-long", SUPPORT_MAX));
        }
        DecidedStatuses.Decided decided = on == null ? null : statuses.on(h.provinceCode(), h.id(), on).orElse(null);
        if (on != null && (decided == null || !EscapeRule.REGISTRABLE.contains(decided.status()))) {
            problems.add(problem("householdId", "escape.problem.not-poor", h.householdCode(), on));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEscapeException(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO escape_registration (province_code, household_id, commune_id, village_id, list_year,
                                registered_on, registered_status, status_decision_id, goal, causes, support_requested,
                                expected_to_escape, created_by)
                            VALUES (:province, :household, :commune, :village, :year, :on, :status, :decision, :goal,
                                :causes, :support, :expected, :by)
                            RETURNING id""")
                    .param("province", h.provinceCode()).param("household", h.id()).param("commune", h.communeId())
                    .param("village", h.villageId()).param("year", year).param("on", on)
                    .param("status", decided.status()).param("decision", decided.decisionId())
                    .param("goal", form.goal()).param("causes", form.causes().toArray(String[]::new))
                    .param("support", form.supportRequested())
                    .param("expected", form.expectedToEscape() == null || form.expectedToEscape())
                    .param("by", user.getUsername())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidEscapeException("listYear", "escape.problem.already-registered", h.householdCode(), year);
        }
        return get(id, user.scope());
    }

    @Transactional
    Registration withdraw(long id, int version, CurrentUser user) {
        Registration r = get(id, user.scope());
        if (!r.outcome().equals("open")) {
            throw new InvalidEscapeException("outcome", "escape.problem.not-open");
        }
        int changed = jdbc.sql("""
                        UPDATE escape_registration SET outcome = 'withdrawn', closed_on = :today, version = version + 1
                        WHERE id = :id AND version = :version AND outcome = 'open'""")
                .param("today", LocalDate.now(clock)).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw new InvalidEscapeException("version", "escape.problem.changed");
        }
        return get(id, user.scope());
    }

    Registration get(long id, AccessScope scope) {
        return scoped(SELECT + " AND r.id = :id", scope).param("id", id).query(EscapeRegistrations::map).optional()
                .orElseThrow(() -> new EscapeNotFoundException("registration", id));
    }

    List<Registration> ofHousehold(long householdId, AccessScope scope) {
        return scoped(SELECT + " AND r.household_id = :h ORDER BY r.list_year DESC, r.id DESC", scope)
                .param("h", householdId).query(EscapeRegistrations::map).list();
    }

    /** Registrations of the area, optionally of one list year and outcome, in commune and household order. */
    List<Registration> search(Integer listYear, String outcome, AccessScope scope, int limit) {
        return scoped(SELECT + """
                         AND (CAST(:year AS integer) IS NULL OR r.list_year = :year)
                         AND (:outcome = '' OR r.outcome = :outcome)
                        ORDER BY c.code, h.household_code, r.list_year LIMIT :limit""", scope)
                .param("year", listYear).param("outcome", outcome == null ? "" : outcome).param("limit", limit)
                .query(EscapeRegistrations::map).list();
    }

    private boolean periodicDecisionExists(EscapeHouseholds.HouseholdRef h, int year) {
        return jdbc.sql("""
                        SELECT count(*) FROM review_decision d JOIN review_round r ON r.id = d.round_id
                        WHERE d.commune_id = :commune AND d.list_year = :year AND r.kind = 'periodic' AND d.revoked_on IS NULL""")
                .param("commune", h.communeId()).param("year", year).query(Long.class).single() > 0;
    }

    private JdbcClient.StatementSpec scoped(String sql, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(sql.replace("{area}", area.on("r", "c"))));
    }

    private static InvalidEscapeException.Problem problem(String field, String key, Object... args) {
        return new InvalidEscapeException.Problem(field, key, List.of(args));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getString("province_code"), rs.getLong("household_id"),
                rs.getString("household_code"), rs.getString("head_name"), rs.getLong("commune_id"),
                rs.getString("commune_name"), rs.getString("village_name"), rs.getInt("list_year"),
                rs.getObject("registered_on", LocalDate.class), rs.getString("registered_status"), rs.getString("goal"),
                strings(rs, "causes"), rs.getString("support_requested"), rs.getBoolean("expected_to_escape"),
                rs.getString("outcome"), rs.getString("status_after"), (Boolean) rs.getObject("in_decision"),
                (Long) rs.getObject("closed_by_decision_id"), rs.getString("decision_number"),
                rs.getObject("closed_on", LocalDate.class), rs.getInt("version"));
    }
}
