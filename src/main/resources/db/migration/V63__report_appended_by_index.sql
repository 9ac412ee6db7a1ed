-- Decisions at constant cost, continued (issue 26 point 3, ADR 0014). V59 applies an appended status row as a delta
-- on the end of the household's segments, but measured on a province of 1,000,000 households with five years of
-- history (5.9 million segments) its segment statement took 4.0 s of a decision of 8,000 statuses (lock 0.4 s,
-- judgement 0.2 s, report_apply 0.1 s; the insert itself 0.7 s): the statement's rows come from the transition
-- table and the statement as a whole is planned by cost, so the DELETE of the old segments could go by hash over
-- the province's whole segment partition, which grows with the history. Here the same work, in the same order,
-- split so that each statement can only go through the indexes:
--   * the judgement also gives the appended rows as segments (the household read by its key, one probe each);
--   * report_cut_segments deletes the segments from the new row's year on, household by household through
--     report_segment_household_idx: its joins are nested loops (hash and merge joins off for this function only),
--     its outer side the appended rows, a few thousand, never a partition;
--   * the cut copies and the new segments are inserted from those two small sets (joined by hash, as before).
-- What is computed is V59's, row for row (ReportAggregatesTest compares it with the live count, report_rebuild
-- and the untouched earlier segments).

-- The segments of the households of the appended rows from the rows' years on, deleted and returned; one index
-- probe per household (rows: the appended rows as segments, from_year the row's year).
CREATE FUNCTION report_cut_segments(rows report_segment[]) RETURNS report_segment[] LANGUAGE sql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    WITH gone AS (
        DELETE FROM report_segment s USING unnest(rows) AS n
         WHERE s.province_code = n.province_code AND s.household_id = n.household_id AND s.to_year >= n.from_year
        RETURNING s.*
    )
    SELECT array_agg(CAST(ROW(g.*) AS report_segment)) FROM gone AS g;
$$;

CREATE OR REPLACE FUNCTION report_status_appended() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p text[];
    i bigint[];
    appended report_segment[];
    old_rows report_segment[];
    new_rows report_segment[];
BEGIN
    IF current_setting('giamngheo.bulk', true) IS NOT DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    -- the households locked first, in the order report_refresh locks them (a refresh waits for the other)
    PERFORM 1 FROM household h
      JOIN (SELECT DISTINCT province_code, household_id FROM changed_new) AS k
        ON h.province_code = k.province_code AND h.id = k.household_id
     ORDER BY h.province_code, h.id
       FOR NO KEY UPDATE OF h;
    -- a household's row appends when it is the household's only counted row of the statement and its last row
    -- (one probe of household_status_in_force_idx); revoked rows count nowhere. An appended row is given as the
    -- segment it starts: from its year to the last year the household is counted (alive_to of
    -- report_segments_sql), placed where it was recorded, with the register's commune when that differs.
    WITH k AS (
        SELECT c.province_code, c.household_id, count(*) AS n, max(c.id) AS id
          FROM changed_new c
         WHERE NOT c.revoked
         GROUP BY 1, 2
    ), judged AS (
        SELECT k.province_code, k.household_id, k.id, (k.n = 1 AND last.id = k.id) AS appends
          FROM k
          LEFT JOIN LATERAL (SELECT s.id FROM household_status s
                              WHERE s.province_code = k.province_code AND s.household_id = k.household_id
                                AND NOT s.revoked
                              ORDER BY s.effective_from DESC, s.decided_on DESC, s.id DESC LIMIT 1) AS last ON true
    ), n AS (
        SELECT CAST(ROW(c.province_code, c.household_id, CAST(extract(YEAR FROM c.effective_from) AS integer),
                   CASE WHEN h.life_status = 'active' THEN 2147483647
                        ELSE coalesce((SELECT CAST(extract(YEAR FROM max(e.event_date)) AS integer) - 1
                                         FROM household_event e
                                        WHERE e.province_code = h.province_code AND e.household_id = h.id
                                          AND e.event_type IN ('moved', 'merged_into', 'dissolved')),
                                      CAST(-2147483648 AS integer)) END,
                   c.commune_id, c.village_id, CASE WHEN c.commune_id <> h.commune_id THEN h.commune_id END,
                   c.area, c.status, c.poor_kind, c.ethnic_minority, c.social_protection, c.merit, c.deprived, c.causes)
                   AS report_segment) AS segment
          FROM judged j
          JOIN changed_new c ON c.id = j.id AND c.province_code = j.province_code
          -- the household by its key (LIMIT: a probe per row, never a join over the partition)
          CROSS JOIN LATERAL (SELECT x.province_code, x.id, x.life_status, x.commune_id FROM household x
                               WHERE x.province_code = c.province_code AND x.id = c.household_id LIMIT 1) AS h
         WHERE j.appends
    )
    SELECT (SELECT array_agg(province_code ORDER BY province_code, household_id) FROM judged WHERE NOT appends),
           (SELECT array_agg(household_id ORDER BY province_code, household_id) FROM judged WHERE NOT appends),
           (SELECT array_agg(segment) FROM n)
      INTO p, i, appended;
    IF appended IS NOT NULL THEN
        -- the segments from each appended row's year on (at most two: the one in force then, and the household's
        -- last row of that same year when the new row supersedes it)
        old_rows := report_cut_segments(appended);
        -- the one in force before the row's year ends the year before; the row's own segment, when the household
        -- is still counted in its year
        WITH added AS (
            INSERT INTO report_segment (province_code, household_id, from_year, to_year, commune_id, village_id,
                                        register_commune, area, status, poor_kind, ethnic_minority, social_protection,
                                        merit, deprived, causes)
            SELECT o.province_code, o.household_id, o.from_year, n.from_year - 1, o.commune_id, o.village_id,
                   o.register_commune, o.area, o.status, o.poor_kind, o.ethnic_minority, o.social_protection,
                   o.merit, o.deprived, o.causes
              FROM unnest(old_rows) AS o
              JOIN unnest(appended) AS n ON n.province_code = o.province_code AND n.household_id = o.household_id
             WHERE o.from_year < n.from_year
            UNION ALL
            SELECT n.province_code, n.household_id, n.from_year, n.to_year, n.commune_id, n.village_id,
                   n.register_commune, n.area, n.status, n.poor_kind, n.ethnic_minority, n.social_protection,
                   n.merit, n.deprived, n.causes
              FROM unnest(appended) AS n
             WHERE n.from_year <= n.to_year
            RETURNING *
        )
        SELECT array_agg(a) INTO new_rows FROM added AS a;
        PERFORM report_apply(old_rows, new_rows);
    END IF;
    PERFORM report_refresh(p, i);
    RETURN NULL;
END;
$$;
