package vn.giamngheo.review;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.review.rules.DecidedList;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The summary a decision or an approval is made on ({@link RoundSummary}), read from the round's households in one
 * grouped query: the lists are counted by {@link DecidedList#of} over the pairs (status before, result), the rule the
 * decision itself uses, and the changes by {@link #change}; "again" looks at the household's whole decided history
 * before the round.
 */
@Service
public class RoundSummaries {

    /** A household's change against its status before the round (null: none of these). */
    enum Change { ESCAPED_POOR, ESCAPED_NEAR_POOR, NEWLY_POOR, RE_POOR, NEWLY_NEAR_POOR, RE_NEAR_POOR }

    private final RoundRepository rounds;
    private final JdbcClient jdbc;

    RoundSummaries(RoundRepository rounds, JdbcClient jdbc) {
        this.rounds = rounds;
        this.jdbc = jdbc;
    }

    public RoundSummary of(long roundId, CurrentUser user) {
        return of(rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId)));
    }

    /**
     * The change of a collected household: escaped when it leaves the list it was on (poor → anything else, near-poor →
     * neither poor nor near-poor), newly poor or near-poor when it enters a list it was not on, "again" when its
     * decided history had an earlier spell on that list. Poor → near-poor counts as escaped poverty only.
     */
    static Change change(String previous, String status, boolean wasPoor, boolean wasNearPoor) {
        if (PovertyStatus.POOR.is(status)) {
            return PovertyStatus.POOR.is(previous) ? null : wasPoor ? Change.RE_POOR : Change.NEWLY_POOR;
        }
        if (PovertyStatus.POOR.is(previous)) {
            return Change.ESCAPED_POOR;
        }
        if (PovertyStatus.NEAR_POOR.is(status)) {
            return PovertyStatus.NEAR_POOR.is(previous) ? null : wasNearPoor ? Change.RE_NEAR_POOR : Change.NEWLY_NEAR_POOR;
        }
        return PovertyStatus.NEAR_POOR.is(previous) ? Change.ESCAPED_NEAR_POOR : null;
    }

    RoundSummary of(ReviewRound round) {
        Map<DecidedList, Long> byList = new EnumMap<>(DecidedList.class);
        Map<Change, Long> changes = new EnumMap<>(Change.class);
        long[] n = new long[3]; // households, not collected, not agreed
        jdbc.sql(PovertyStatus.sql("""
                        SELECT previous_status, status, collected, agreed, was_poor, was_near_poor, count(*) AS n
                        FROM (SELECT rh.previous_status, rh.status, rh.meeting_state = 'agreed' AS agreed,
                                     (rh.reviewed_at IS NOT NULL AND rh.status IS NOT NULL) AS collected,
                                     coalesce(e.poor, false) AS was_poor, coalesce(e.near_poor, false) AS was_near_poor
                              FROM review_household rh
                              LEFT JOIN (SELECT s.household_id, bool_or(s.status = {poor}) AS poor,
                                                bool_or(s.status = {near_poor}) AS near_poor
                                         FROM decided_status s
                                         WHERE s.province_code = :p AND s.round_id <> :r
                                           AND s.status IN ({listed})
                                           AND s.household_id IN (SELECT household_id FROM review_household
                                                                  WHERE round_id = :r AND province_code = :p)
                                         GROUP BY s.household_id) e ON e.household_id = rh.household_id
                              WHERE rh.round_id = :r AND rh.province_code = :p) x
                        GROUP BY previous_status, status, collected, agreed, was_poor, was_near_poor"""))
                .param("r", round.id()).param("p", round.provinceCode())
                .query(rs -> {
                    long count = rs.getLong("n");
                    n[0] += count;
                    if (!rs.getBoolean("agreed")) {
                        n[2] += count;
                    }
                    if (!rs.getBoolean("collected")) {
                        n[1] += count;
                        return;
                    }
                    String previous = rs.getString("previous_status");
                    String status = rs.getString("status");
                    for (DecidedList l : DecidedList.of(previous, status)) {
                        byList.merge(l, count, Long::sum);
                    }
                    Change c = change(previous, status, rs.getBoolean("was_poor"), rs.getBoolean("was_near_poor"));
                    if (c != null) {
                        changes.merge(c, count, Long::sum);
                    }
                });
        Map<String, Long> lists = new LinkedHashMap<>();
        for (DecidedList l : DecidedList.values()) {
            lists.put(l.code(), byList.getOrDefault(l, 0L));
        }
        long[] complaints = jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE state = 'open') FROM review_complaint WHERE round_id = :r""")
                .param("r", round.id()).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new RoundSummary(n[0], lists, get(changes, Change.ESCAPED_POOR), get(changes, Change.ESCAPED_NEAR_POOR),
                get(changes, Change.NEWLY_POOR), get(changes, Change.RE_POOR), get(changes, Change.NEWLY_NEAR_POOR),
                get(changes, Change.RE_NEAR_POOR), left(round), n[1], n[2], complaints[0], complaints[1]);
    }

    /**
     * The lists of form 02 as a decision recognised them (its rows of the status history, with the status each
     * household had before it), counted without loading the households.
     */
    Map<String, Long> decidedLists(ReviewRound round, long decisionId) {
        Map<DecidedList, Long> byList = new EnumMap<>(DecidedList.class);
        jdbc.sql("""
                        SELECT previous_status, status, count(*) AS n FROM status_history
                        WHERE province_code = :p AND decision_id = :d GROUP BY previous_status, status""")
                .param("p", round.provinceCode()).param("d", decisionId)
                .query(rs -> {
                    for (DecidedList l : DecidedList.of(rs.getString("previous_status"), rs.getString("status"))) {
                        byList.merge(l, rs.getLong("n"), Long::sum);
                    }
                });
        Map<String, Long> lists = new LinkedHashMap<>();
        for (DecidedList l : DecidedList.values()) {
            lists.put(l.code(), byList.getOrDefault(l, 0L));
        }
        return lists;
    }

    private static long get(Map<Change, Long> m, Change c) {
        return m.getOrDefault(c, 0L);
    }

    /**
     * Households whose last decided status in this commune, before the round, put them on the poor or near-poor
     * list, that have left the commune's register since (moved away, merged, dissolved, or now in another commune)
     * and are not in the round.
     */
    private long left(ReviewRound round) {
        return jdbc.sql(PovertyStatus.sql("""
                        SELECT count(*) FROM (
                            SELECT DISTINCT ON (s.household_id) s.household_id, s.status
                            FROM decided_status s
                            WHERE s.province_code = :p AND s.commune_id = :c AND s.round_id <> :r
                            ORDER BY s.household_id, s.effective_from DESC, s.decided_on DESC, s.id DESC) last
                        JOIN household h ON h.province_code = :p AND h.id = last.household_id
                        WHERE last.status IN ({listed})
                          AND (h.life_status <> 'active' OR h.commune_id <> :c)
                          AND NOT EXISTS (SELECT 1 FROM review_household rh WHERE rh.round_id = :r
                                          AND rh.province_code = :p AND rh.household_id = h.id)"""))
                .param("p", round.provinceCode()).param("c", round.communeId()).param("r", round.id())
                .query(Long.class).single();
    }
}
