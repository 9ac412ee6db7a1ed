package vn.giamngheo.movement;

import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The SQL of movements, over the decided lists (the status kernel's view {@code decided_status}) and the life
 * events ({@code household_event}). Parameters: those of the unit's and the user's {@link AreaFilter} (the unit's
 * province is the partition key; absent for the whole country),
 * {@code :from} and {@code :to}. A household's place on a date is the commune of its latest decided row on or
 * before it, replaced by the destination of a later move (decided before, moved after); a household dissolved
 * or merged into another on or before a date is nowhere on it.
 */
import vn.giamngheo.geography.AreaFilter;

final class MovementSql {

    /**
     * The destination of a household's latest move after its row's decision and on or before a date, read from
     * the base table through its index on the household (a join of two materialised CTEs is planned badly).
     */
    private static final String LATEST_MOVE = """
            SELECT e.to_commune_id FROM household_event e
            WHERE e.household_id = {hh} AND e.event_type = 'moved' AND e.event_date > {after} AND e.event_date <= {until}
            ORDER BY e.event_date DESC, e.id DESC LIMIT 1""";

    /** The households concerned, their own decided rows (also from provinces they moved from) and events. */
    private static final String COMMON = """
            WITH RECURSIVE
            uc AS (
                SELECT id FROM admin_unit u WHERE level = 'commune' AND {uc.area}
            ),
            cand AS (
                SELECT s.household_id AS hh FROM decided_status s
                WHERE {s.province} AND s.effective_from <= :to AND s.commune_id IN (SELECT id FROM uc)
                UNION
                SELECT e.household_id FROM household_event e
                WHERE e.event_type = 'moved' AND e.event_date <= :to AND e.to_commune_id IN (SELECT id FROM uc)
            ),
            origin AS (
                SELECT DISTINCT e.province_code, e.household_id AS hh FROM household_event e JOIN cand c ON c.hh = e.household_id
                WHERE e.event_type = 'moved' AND {e.otherProvince}
            ),
            own AS (
                SELECT s.household_id AS hh, s.id, s.province_code, s.commune_id, s.village_id, s.status, s.effective_from,
                       s.decided_on, s.household_code, s.head_name
                FROM decided_status s
                WHERE {s.province} AND s.effective_from <= :to AND s.household_id IN (SELECT hh FROM cand)
                UNION ALL
                SELECT s.household_id, s.id, s.province_code, s.commune_id, s.village_id, s.status, s.effective_from,
                       s.decided_on, s.household_code, s.head_name
                FROM decided_status s JOIN origin o ON s.province_code = o.province_code AND s.household_id = o.hh
                WHERE s.effective_from <= :to
            ),
            gone AS (
                SELECT e.household_id AS hh, min(e.event_date) AS gone_on,
                       (array_agg(e.event_type ORDER BY e.event_date, e.id))[1] AS how
                FROM household_event e JOIN cand c ON c.hh = e.household_id
                WHERE e.event_type IN ('dissolved', 'merged_into') AND e.event_date <= :to
                GROUP BY e.household_id
            )""";

    /**
     * One row per household: its own status at the start and where it was, the status it brings (its own or,
     * split off since, the one of the household it split from), its own status at the end and where it is, when
     * it ceased to exist, its earlier statuses, its latest escape from poverty.
     */
    private static final String FACTS = COMMON + PovertyStatus.sql("""
            ,
            lineage (hh, ancestor, ancestor_province, split_on, depth) AS (
                SELECT e.household_id, e.related_household_id, coalesce(e.related_province_code, e.province_code),
                       e.event_date, 1
                FROM household_event e JOIN cand c ON c.hh = e.household_id
                WHERE e.event_type = 'split_from' AND e.event_date <= :to
                UNION ALL
                SELECT l.hh, e.related_household_id, coalesce(e.related_province_code, e.province_code),
                       least(l.split_on, e.event_date), l.depth + 1
                FROM lineage l JOIN household_event e ON e.household_id = l.ancestor
                WHERE e.event_type = 'split_from' AND e.event_date <= l.split_on AND l.depth < 20
            ),
            hist AS (
                SELECT hh, id, status, effective_from, decided_on FROM own
                UNION ALL
                SELECT l.hh, s.id, s.status, s.effective_from, s.decided_on
                FROM lineage l
                JOIN decided_status s ON s.province_code = l.ancestor_province AND s.household_id = l.ancestor
                WHERE s.effective_from <= l.split_on
            ),
            start_own AS (
                SELECT DISTINCT ON (hh) hh, commune_id, decided_on, status FROM own WHERE effective_from <= :from
                ORDER BY hh, effective_from DESC, decided_on DESC, id DESC
            ),
            end_own AS (
                SELECT DISTINCT ON (hh) hh, id, commune_id, village_id, decided_on, effective_from, status,
                       household_code, head_name
                FROM own ORDER BY hh, effective_from DESC, decided_on DESC, id DESC
            ),
            start_hist AS (
                SELECT DISTINCT ON (hh) hh, status FROM hist WHERE effective_from <= :from
                ORDER BY hh, effective_from DESC, decided_on DESC, id DESC
            ),
            earlier AS (
                SELECT h.hh, array_agg(DISTINCT h.status) AS statuses
                FROM hist h JOIN end_own e ON e.hh = h.hh
                WHERE h.effective_from < e.effective_from
                GROUP BY h.hh
            ),
            escapes AS (
                SELECT hh, max(effective_from) AS escaped_on FROM (
                    SELECT hh, status, effective_from,
                           lag(status) OVER (PARTITION BY hh ORDER BY effective_from, decided_on, id) AS before
                    FROM hist) x
                WHERE before = {poor} AND status <> {poor}
                GROUP BY hh
            ),
            splits AS (
                SELECT hh, min(split_on) AS split_on FROM lineage WHERE depth = 1 GROUP BY hh
            ),
            start_move AS (
                SELECT so.hh, mv.to_commune_id FROM start_own so
                CROSS JOIN LATERAL ({startMove}) mv
            ),
            end_move AS (
                SELECT eo.hh, mv.to_commune_id FROM end_own eo
                CROSS JOIN LATERAL ({endMove}) mv
            )
            SELECT c.hh, so.status AS own_start_status, sh.status AS start_status,
                   coalesce(sm.to_commune_id, so.commune_id) AS start_commune,
                   eo.status AS end_status, coalesce(em.to_commune_id, eo.commune_id) AS end_commune,
                   g.gone_on, g.how, sp.split_on, er.statuses AS earlier, es.escaped_on,
                   eo.household_code, eo.head_name, v.name AS village_name
            FROM cand c
            LEFT JOIN start_own so ON so.hh = c.hh
            LEFT JOIN start_move sm ON sm.hh = c.hh
            LEFT JOIN start_hist sh ON sh.hh = c.hh
            LEFT JOIN end_own eo ON eo.hh = c.hh
            LEFT JOIN end_move em ON em.hh = c.hh
            LEFT JOIN gone g ON g.hh = c.hh
            LEFT JOIN splits sp ON sp.hh = c.hh
            LEFT JOIN earlier er ON er.hh = c.hh
            LEFT JOIN escapes es ON es.hh = c.hh
            LEFT JOIN admin_unit v ON v.id = eo.village_id
            ORDER BY eo.household_code, c.hh""");

    /**
     * The stocks at the start and at the end, counted from the decided rows in force on each date: every row of
     * a household's latest decision date counts (two decisions of the same date listing one household count
     * twice), placed by its commune or a later move, without households dissolved or merged away by then.
     */
    private static final String STOCKS = COMMON + PovertyStatus.sql("""
            ,
            at (day, which) AS (VALUES (CAST(:from AS date), 'start'), (CAST(:to AS date), 'end')),
            inforce AS (
                SELECT * FROM (
                    SELECT at.which, at.day, o.hh, o.commune_id, o.status, o.decided_on,
                           rank() OVER (PARTITION BY at.which, o.hh ORDER BY o.effective_from DESC) AS r
                    FROM at JOIN own o ON o.effective_from <= at.day) x
                WHERE r = 1 AND status IN ({listed})
            )
            SELECT i.which, coalesce(mv.to_commune_id, i.commune_id) AS commune_id, i.status, count(*) AS households
            FROM inforce i
            LEFT JOIN LATERAL ({stockMove}) mv ON true
            LEFT JOIN gone g ON g.hh = i.hh AND g.gone_on <= i.day
            WHERE g.hh IS NULL
            GROUP BY 1, 2, 3""");

    private MovementSql() {
    }

    static String facts(AreaFilter area, AreaFilter scope) {
        return bind(FACTS, area, scope);
    }

    static String stocks(AreaFilter area, AreaFilter scope) {
        return bind(STOCKS, area, scope);
    }

    private static String bind(String sql, AreaFilter area, AreaFilter scope) {
        return sql.replace("{uc.area}", area.on("u") + " AND " + scope.on("u"))
                .replace("{s.province}", area.partition("s"))
                .replace("{e.otherProvince}", area.otherPartitions("e"))
                .replace("{startMove}", move("so.hh", "so.decided_on", ":from"))
                .replace("{endMove}", move("eo.hh", "eo.decided_on", ":to"))
                .replace("{stockMove}", move("i.hh", "i.decided_on", "i.day"));
    }

    private static String move(String household, String after, String until) {
        return LATEST_MOVE.replace("{hh}", household).replace("{after}", after).replace("{until}", until);
    }
}
