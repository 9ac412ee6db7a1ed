package vn.giamngheo.field.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.household.ConcurrentEditException;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdNotFoundException;
import vn.giamngheo.review.ReviewRound;
import vn.giamngheo.review.ReviewRounds;
import vn.giamngheo.review.RoundNotFoundException;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * Who surveys which villages (issue 25 point 1). A commune officer's (or chair's) assignment is every village of the
 * open rounds of their own commune; a helper's is the villages of a round the commune assigned to them. Everything the
 * field app reads or writes is checked against it: a round or household outside it is not found (404).
 */
@Service
public class FieldAssignments {

    private final ReviewRounds rounds;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    FieldAssignments(ReviewRounds rounds, JdbcClient jdbc, MessageSource messages) {
        this.rounds = rounds;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A village of an assignment with its number of active households. */
    public record Village(long id, String name, long households) {
    }

    /** One round of the user's assignment, in the shape of {@code GET /api/v1/field/assignments}. */
    public record Assignment(long roundId, String roundName, long communeId, String communeName, String standardCode,
                             LocalDate referenceDate, List<Village> villages) {
    }

    /** A round of the user's assignment and the ids of its villages assigned to them. */
    record AssignedRound(ReviewRound round, Set<Long> villageIds) {
    }

    /** The user's assignment: the open rounds and, for each, the villages they survey. */
    @Transactional(readOnly = true)
    public List<Assignment> of(CurrentUser user, Locale locale) {
        List<Assignment> result = new ArrayList<>();
        for (AssignedRound a : assigned(user)) {
            ReviewRound r = a.round();
            Map<Long, Long> counts = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT village_id, count(*) FROM household WHERE province_code = :p AND commune_id = :c
                            AND life_status = 'active' AND village_id IS NOT NULL GROUP BY village_id""")
                    .param("p", r.provinceCode()).param("c", r.communeId())
                    .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
            List<Village> villages = rounds.villages(r.communeId()).stream().filter(v -> a.villageIds().contains(v.id()))
                    .map(v -> new Village(v.id(), v.name(), counts.getOrDefault(v.id(), 0L))).toList();
            result.add(new Assignment(r.id(), roundName(r, locale), r.communeId(), r.communeName(), r.standardCode(),
                    r.referenceDate(), villages));
        }
        return result;
    }

    /** The round's name as the app shows it, e.g. "Rà soát định kỳ 2026". */
    String roundName(ReviewRound r, Locale locale) {
        return messages.getMessage(r.periodic() ? "fieldsync.round.periodic" : "fieldsync.round.monthly",
                new Object[]{r.period()}, r.period(), locale);
    }

    /** The round of the user's assignment, or not found (404) when it is not theirs or no longer open. */
    AssignedRound round(long roundId, CurrentUser user) {
        return assigned(user).stream().filter(a -> a.round().id() == roundId).findFirst()
                .orElseThrow(() -> new RoundNotFoundException("round " + roundId));
    }

    /**
     * The latest open round whose assigned villages hold the household, or not found (404): a household of another
     * village (or of a round not assigned) is not the user's to capture.
     */
    AssignedRound forHousehold(Household h, CurrentUser user) {
        return roundFor(h.communeId(), h.villageId(), user).orElseThrow(() -> new HouseholdNotFoundException(h.id()));
    }

    /** The latest open round of the commune whose assigned villages include the village. */
    Optional<AssignedRound> roundFor(long communeId, Long villageId, CurrentUser user) {
        return assigned(user).stream()
                .filter(a -> a.round().communeId() == communeId && villageId != null && a.villageIds().contains(villageId))
                .max(Comparator.comparingLong(a -> a.round().id()));
    }

    private List<AssignedRound> assigned(CurrentUser user) {
        if (user.isHelper()) {
            Map<Long, Set<Long>> villages = new LinkedHashMap<>();
            jdbc.sql("SELECT round_id, village_id FROM field_assignment WHERE user_id = :u ORDER BY round_id, village_id")
                    .param("u", user.id())
                    .query((rs, n) -> villages.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2)))
                    .list();
            List<AssignedRound> result = new ArrayList<>();
            for (var e : villages.entrySet()) {
                open(e.getKey(), user).ifPresent(r -> result.add(new AssignedRound(r, e.getValue())));
            }
            return result;
        }
        if (!communeStaff(user)) {
            return List.of();
        }
        return rounds.search(user, user.scope().unitId(), null, null).stream()
                .filter(r -> !r.decided() && r.communeId() == user.scope().unitId())
                .sorted(Comparator.comparingLong(ReviewRound::id))
                .map(r -> new AssignedRound(r, new LinkedHashSet<>(rounds.villages(r.communeId()).stream()
                        .map(ReviewRounds.UnitChoice::id).toList())))
                .toList();
    }

    private Optional<ReviewRound> open(long roundId, CurrentUser user) {
        try {
            ReviewRound r = rounds.get(roundId, user);
            return r.decided() ? Optional.empty() : Optional.of(r);
        } catch (RoundNotFoundException e) {
            return Optional.empty();
        }
    }

    /** An officer or chair of a commune (their unit is the commune): the survey of their commune is theirs. */
    private static boolean communeStaff(CurrentUser user) {
        return (user.role() == Role.COMMUNE_OFFICER || user.role() == Role.COMMUNE_CHAIR) && user.scope().unitId() != null;
    }

    // ---- the commune's page: assigning villages of a round to helpers and officers ----

    /** A person of the commune who may be assigned villages. */
    public record Assignee(long userId, String username, String fullName, String role) {
    }

    /** A round's assignment as the page shows it: each village with the people assigned to it, and the version. */
    public record RoundAssignment(ReviewRound round, List<VillageAssignees> villages, List<Assignee> assignees, int version) {
    }

    /** A village of the round and the ids of the users assigned to it. */
    public record VillageAssignees(long villageId, String villageName, Set<Long> userIds) {
    }

    /** The assignment of a round of the user's commune, to read and change (commune staff only). */
    @Transactional(readOnly = true)
    public RoundAssignment roundAssignment(long roundId, CurrentUser user) {
        ReviewRound round = manageable(roundId, user);
        Map<Long, Set<Long>> byVillage = new LinkedHashMap<>();
        jdbc.sql("SELECT village_id, user_id FROM field_assignment WHERE round_id = :r")
                .param("r", roundId)
                .query((rs, n) -> byVillage.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2)))
                .list();
        List<VillageAssignees> villages = rounds.villages(round.communeId()).stream()
                .map(v -> new VillageAssignees(v.id(), v.name(), byVillage.getOrDefault(v.id(), Set.of()))).toList();
        return new RoundAssignment(round, villages, assignees(round), version(roundId));
    }

    /**
     * Replaces the round's assignment (village id → the users assigned to it) when it is still at {@code version};
     * a newer one is refused (409). Audited by the database's triggers. The same assignment as stored stores nothing
     * (the version stays).
     */
    @Transactional
    public RoundAssignment assign(long roundId, Map<Long, Set<Long>> assigned, Integer version, CurrentUser user) {
        ReviewRound round = manageable(roundId, user);
        if (version == null) {
            throw new FieldSyncException("fieldsync.assign.version");
        }
        Set<Long> villages = new LinkedHashSet<>(rounds.villages(round.communeId()).stream().map(ReviewRounds.UnitChoice::id).toList());
        Set<Long> people = new LinkedHashSet<>(assignees(round).stream().map(Assignee::userId).toList());
        for (var e : assigned.entrySet()) {
            if (!villages.contains(e.getKey())) {
                throw new FieldSyncException("fieldsync.assign.village", e.getKey());
            }
            for (Long u : e.getValue()) {
                if (!people.contains(u)) {
                    throw new FieldSyncException("fieldsync.assign.person", u);
                }
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        assigned.forEach((v, us) -> us.forEach(u -> wanted.add(v + ":" + u)));
        List<String> existing = jdbc.sql("SELECT village_id || ':' || user_id FROM field_assignment WHERE round_id = :r")
                .param("r", roundId).query(String.class).list();
        if (wanted.equals(new HashSet<>(existing))) {
            if (version != version(roundId)) {
                throw new AssignmentChangedException(version(roundId));
            }
            return roundAssignment(roundId, user); // saved unchanged: nothing stored, the version stays
        }
        jdbc.sql("INSERT INTO field_assignment_set (round_id, updated_by) VALUES (:r, :u) ON CONFLICT DO NOTHING")
                .param("r", roundId).param("u", user.getUsername()).update();
        int updated = jdbc.sql("""
                        UPDATE field_assignment_set SET version = version + 1, updated_by = :u, updated_at = now()
                        WHERE round_id = :r AND version = :v""")
                .param("r", roundId).param("u", user.getUsername()).param("v", version).update();
        if (updated == 0) {
            throw new AssignmentChangedException(version(roundId));
        }
        for (String key : existing) {
            if (!wanted.contains(key)) {
                String[] parts = key.split(":");
                jdbc.sql("DELETE FROM field_assignment WHERE round_id = :r AND village_id = :v AND user_id = :u")
                        .param("r", roundId).param("v", Long.parseLong(parts[0])).param("u", Long.parseLong(parts[1])).update();
            }
        }
        for (String key : wanted) {
            if (!existing.contains(key)) {
                String[] parts = key.split(":");
                jdbc.sql("""
                                INSERT INTO field_assignment (round_id, province_code, village_id, user_id, assigned_by)
                                VALUES (:r, :p, :v, :u, :by)""")
                        .param("r", roundId).param("p", round.provinceCode()).param("v", Long.parseLong(parts[0]))
                        .param("u", Long.parseLong(parts[1])).param("by", user.getUsername()).update();
            }
        }
        return roundAssignment(roundId, user);
    }

    private int version(long roundId) {
        return jdbc.sql("SELECT version FROM field_assignment_set WHERE round_id = :r").param("r", roundId)
                .query(Integer.class).optional().orElse(0);
    }

    /** The helpers and officers of the round's commune (enabled accounts). */
    private List<Assignee> assignees(ReviewRound round) {
        return jdbc.sql("""
                        SELECT id, username, full_name, role FROM app_user WHERE unit_id = :c AND enabled
                        AND role IN ('HELPER', 'COMMUNE_OFFICER', 'COMMUNE_CHAIR') ORDER BY full_name, username""")
                .param("c", round.communeId())
                .query((rs, n) -> new Assignee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** A round of the user's own commune, for its officers and chair (others: 403; another commune's round: 404). */
    private ReviewRound manageable(long roundId, CurrentUser user) {
        if (!communeStaff(user)) {
            throw new AccessDeniedException("villages are assigned by the commune's officers");
        }
        ReviewRound round = rounds.get(roundId, user);
        if (round.communeId() != user.scope().unitId()) {
            throw new RoundNotFoundException("round " + roundId);
        }
        return round;
    }

    /** The round's assignment was saved by someone else since the page was read. */
    static class AssignmentChangedException extends RuntimeException implements vn.giamngheo.problem.ErrorCoded {
        private final int current;

        AssignmentChangedException(int current) {
            super("the assignment was changed by someone else (now version " + current + ")");
            this.current = current;
        }

        int current() {
            return current;
        }

        @Override
        public vn.giamngheo.problem.ErrorCode errorCode() {
            return vn.giamngheo.problem.ErrorCode.CONFLICT;
        }

        @Override
        public java.util.Map<String, Object> errorMembers(Texts texts) {
            String text = texts.text("fieldsync.assign.changed", null, getMessage());
            return java.util.Map.of("error", text, "message", text, "version", current);
        }
    }
}
