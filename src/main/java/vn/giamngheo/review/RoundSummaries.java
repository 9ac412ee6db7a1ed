package vn.giamngheo.review;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.review.rules.DecidedList;
import vn.giamngheo.security.CurrentUser;

/**
 * The summary a decision or an approval is made on ({@link RoundSummary}), read from the round's households. The
 * lists are counted by {@link DecidedList#of} over the pairs (status before, result), the rule the decision itself
 * uses; "re-poor" looks at the household's whole decided history before the round.
 */
@Service
public class RoundSummaries {

    private final RoundRepository rounds;
    private final JdbcClient jdbc;

    RoundSummaries(RoundRepository rounds, JdbcClient jdbc) {
        this.rounds = rounds;
        this.jdbc = jdbc;
    }

    public RoundSummary of(long roundId, CurrentUser user) {
        ReviewRound round = rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        Map<DecidedList, Long> byList = new EnumMap<>(DecidedList.class);
        long[] households = {0};
        jdbc.sql("""
                        SELECT previous_status, status, count(*) AS n FROM review_household
                        WHERE round_id = :r AND province_code = :p AND reviewed_at IS NOT NULL AND status IS NOT NULL
                        GROUP BY previous_status, status""")
                .param("r", round.id()).param("p", round.provinceCode())
                .query(rs -> {
                    long n = rs.getLong("n");
                    for (DecidedList l : DecidedList.of(rs.getString("previous_status"), rs.getString("status"))) {
                        byList.merge(l, n, Long::sum);
                    }
                });
        Map<String, Long> lists = new LinkedHashMap<>();
        for (DecidedList l : DecidedList.values()) {
            lists.put(l.code(), byList.getOrDefault(l, 0L));
        }
        // an earlier decided spell on the list, before the status the household had when it joined the round
        String earlier = """
                EXISTS (SELECT 1 FROM household_status s WHERE s.province_code = rh.province_code
                        AND s.household_id = rh.household_id AND NOT s.revoked AND s.status = '%s'
                        AND (s.round_id IS NULL OR s.round_id <> rh.round_id))""";
        return jdbc.sql("""
                        SELECT count(*) AS households,
                               count(*) FILTER (WHERE collected AND previous_status = 'poor' AND status <> 'poor') AS escaped_poor,
                               count(*) FILTER (WHERE collected AND previous_status = 'near_poor'
                                                  AND status NOT IN ('poor', 'near_poor')) AS escaped_near_poor,
                               count(*) FILTER (WHERE collected AND status = 'poor' AND previous_status IS DISTINCT FROM 'poor'
                                                  AND NOT was_poor) AS newly_poor,
                               count(*) FILTER (WHERE collected AND status = 'poor' AND previous_status IS DISTINCT FROM 'poor'
                                                  AND was_poor) AS re_poor,
                               count(*) FILTER (WHERE collected AND status = 'near_poor'
                                                  AND previous_status IS DISTINCT FROM 'near_poor'
                                                  AND previous_status IS DISTINCT FROM 'poor' AND NOT was_near_poor) AS newly_near_poor,
                               count(*) FILTER (WHERE collected AND status = 'near_poor'
                                                  AND previous_status IS DISTINCT FROM 'near_poor'
                                                  AND previous_status IS DISTINCT FROM 'poor' AND was_near_poor) AS re_near_poor,
                               count(*) FILTER (WHERE NOT collected) AS not_collected,
                               count(*) FILTER (WHERE meeting_state <> 'agreed') AS not_agreed
                        FROM (SELECT rh.previous_status, rh.status, rh.meeting_state,
                                     (rh.reviewed_at IS NOT NULL AND rh.status IS NOT NULL) AS collected,
                                     CASE WHEN rh.status = 'poor' AND rh.previous_status IS DISTINCT FROM 'poor'
                                          THEN %s ELSE false END AS was_poor,
                                     CASE WHEN rh.status = 'near_poor' AND rh.previous_status IS DISTINCT FROM 'near_poor'
                                          THEN %s ELSE false END AS was_near_poor
                              FROM review_household rh WHERE rh.round_id = :r AND rh.province_code = :p) x"""
                        .formatted(earlier.formatted("poor"), earlier.formatted("near_poor")))
                .param("r", round.id()).param("p", round.provinceCode())
                .query((rs, n) -> new RoundSummary(rs.getLong("households"), lists, rs.getLong("escaped_poor"),
                        rs.getLong("escaped_near_poor"), rs.getLong("newly_poor"), rs.getLong("re_poor"),
                        rs.getLong("newly_near_poor"), rs.getLong("re_near_poor"), left(round), rs.getLong("not_collected"),
                        rs.getLong("not_agreed"), complaints(round, false), complaints(round, true)))
                .single();
    }

    /**
     * Households whose last decided status in this commune, before the round, put them on the poor or near-poor
     * list, that have left the commune's register since (moved away, merged, dissolved, or now in another commune)
     * and are not in the round.
     */
    private long left(ReviewRound round) {
        return jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT DISTINCT ON (s.household_id) s.household_id, s.status, s.commune_id
                            FROM household_status s
                            WHERE s.province_code = :p AND s.commune_id = :c AND NOT s.revoked
                              AND (s.round_id IS NULL OR s.round_id <> :r)
                            ORDER BY s.household_id, s.effective_from DESC, s.id DESC) last
                        JOIN household h ON h.province_code = :p AND h.id = last.household_id
                        WHERE last.status IN ('poor', 'near_poor')
                          AND (h.life_status <> 'active' OR h.commune_id <> :c)
                          AND NOT EXISTS (SELECT 1 FROM review_household rh WHERE rh.round_id = :r
                                          AND rh.province_code = :p AND rh.household_id = h.id)""")
                .param("p", round.provinceCode()).param("c", round.communeId()).param("r", round.id())
                .query(Long.class).single();
    }

    private long complaints(ReviewRound round, boolean open) {
        return jdbc.sql("SELECT count(*) FROM review_complaint WHERE round_id = :r" + (open ? " AND state = 'open'" : ""))
                .param("r", round.id()).query(Long.class).single();
    }
}
