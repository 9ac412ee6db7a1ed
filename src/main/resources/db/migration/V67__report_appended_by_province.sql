-- Decisions at constant cost, continued (issue 26 point 3, ADR 0014, addendum h17). V63 computes an appended
-- status row's delta through the indexes, but each of its per-household probes named the province by the row
-- (k.province_code, c.province_code, n.province_code): the partitioned tables were then scanned through an Append
-- of all 35 partitions whose run-time pruning is done again for every outer row, and measured (EXPLAIN ANALYZE)
-- that pruning cost as much as the probe itself; the lock read the households by a hash join over the province's
-- whole household partition; and the register's row of each household was read twice (the lock, then a probe).
-- Here the same work, row for row, done one province of the statement at a time (a decision has one) with the
-- province as a value of the statement, so that each partitioned table is pruned to its one partition once:
--   * the statement's households are locked in the order report_refresh locks them (province, id), through the
--     household's key for the sorted ids (= ANY), and the lock returns what the segments need of the register
--     (life status, commune): no second read of the household;
--   * the judgement counts a household's rows of the statement with a window (no GROUP BY joined back to the
--     transition table) and probes its last row in the province's partition of household_status_in_force_idx;
--   * report_append_segments deletes the segments from each appended row's year on through the province's
--     partition of report_segment_household_idx (nested loops over the appended rows: never a scan of the
--     partition) and inserts the cut copies and the new segments in the same statement (V63 returned the deleted
--     rows to the trigger and joined them back to the appended rows in a second statement);
--   * the aggregates are moved by report_apply, as in V63.
-- What is computed is V63's (ReportAggregatesTest compares it with the live count, report_rebuild and the untouched
-- earlier segments, and runs V63's trigger and this one on the same statements, comparing the segments, the
-- aggregates and the report versions row for row).

-- The segments of the appended rows' households of one province moved at their end, in one statement: those from
-- each row's year on deleted (RETURNING gives the row's year beside each, so no join back to the appended rows), the
-- one in force before that year inserted again ending the year before, and the row's own segment inserted when the
-- household is still counted in its year. Returns the deleted and the inserted segments (what report_apply signs).
-- One index probe per household in the province's partition: hash and merge joins and sequential scans off for this
-- function only (its outer side is the appended rows, a few thousand, never a partition).
CREATE FUNCTION report_append_segments(province text, appended report_segment[], OUT old_rows report_segment[],
    OUT new_rows report_segment[])
    LANGUAGE sql SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
    WITH n AS MATERIALIZED (
        SELECT * FROM unnest(appended)
    ), gone AS (
        DELETE FROM report_segment s USING n
         WHERE s.province_code = province AND s.household_id = n.household_id AND s.to_year >= n.from_year
        RETURNING s.*, n.from_year AS y
    ), added AS (
        INSERT INTO report_segment (province_code, household_id, from_year, to_year, commune_id, village_id,
                                    register_commune, area, status, poor_kind, ethnic_minority, social_protection,
                                    merit, deprived, causes)
        SELECT o.province_code, o.household_id, o.from_year, o.y - 1, o.commune_id, o.village_id,
               o.register_commune, o.area, o.status, o.poor_kind, o.ethnic_minority, o.social_protection,
               o.merit, o.deprived, o.causes
          FROM gone AS o
         WHERE o.from_year < o.y
        UNION ALL
        SELECT n.province_code, n.household_id, n.from_year, n.to_year, n.commune_id, n.village_id,
               n.register_commune, n.area, n.status, n.poor_kind, n.ethnic_minority, n.social_protection,
               n.merit, n.deprived, n.causes
          FROM n
         WHERE n.from_year <= n.to_year
        RETURNING *
    )
    SELECT (SELECT array_agg(CAST(ROW(o.province_code, o.household_id, o.from_year, o.to_year, o.commune_id,
                                      o.village_id, o.register_commune, o.area, o.status, o.poor_kind,
                                      o.ethnic_minority, o.social_protection, o.merit, o.deprived, o.causes)
                                  AS report_segment))
              FROM gone AS o),
           (SELECT array_agg(CAST(ROW(a.*) AS report_segment)) FROM added AS a);
$$;

CREATE OR REPLACE FUNCTION report_status_appended() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prov text;
    ids bigint[];
    hid bigint[];
    hlife text[];
    hcommune bigint[];
    p text[];
    i bigint[];
    refresh bigint[];
    appended report_segment[];
    old_rows report_segment[];
    new_rows report_segment[];
BEGIN
    IF current_setting('giamngheo.bulk', true) IS NOT DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    FOR prov IN SELECT DISTINCT c.province_code FROM changed_new c ORDER BY 1 LOOP
        -- the province's households of the statement locked first, in the order report_refresh locks them (a
        -- refresh waits for the other); the locked rows are the latest, and give the register's life status and
        -- commune
        SELECT array_agg(DISTINCT c.household_id ORDER BY c.household_id) INTO ids
          FROM changed_new c WHERE c.province_code = prov;
        SELECT array_agg(x.id ORDER BY x.id), array_agg(x.life_status ORDER BY x.id),
               array_agg(x.commune_id ORDER BY x.id)
          INTO hid, hlife, hcommune
          FROM (SELECT h.id, h.life_status, h.commune_id FROM household h
                 WHERE h.province_code = prov AND h.id = ANY (ids)
                 ORDER BY h.id
                   FOR NO KEY UPDATE OF h) AS x;
        -- a household's row appends when it is the household's only counted row of the statement and its last
        -- row (one probe of household_status_in_force_idx); revoked rows count nowhere. An appended row is given
        -- as the segment it starts: from its year to the last year the household is counted (alive_to of
        -- report_segments_sql), placed where it was recorded, with the register's commune when that differs.
        WITH k AS (
            SELECT c.*, count(*) OVER (PARTITION BY c.household_id) AS n
              FROM changed_new c
             WHERE c.province_code = prov AND NOT c.revoked
        ), judged AS (
            SELECT k.*, (k.n = 1 AND last.id = k.id) AS appends
              FROM k
              LEFT JOIN LATERAL (SELECT s.id FROM household_status s
                                  WHERE s.province_code = prov AND s.household_id = k.household_id
                                    AND NOT s.revoked
                                  ORDER BY s.effective_from DESC, s.decided_on DESC, s.id DESC LIMIT 1) AS last ON true
        )
        SELECT (SELECT array_agg(DISTINCT j.household_id ORDER BY j.household_id) FROM judged j WHERE NOT j.appends),
               (SELECT array_agg(CAST(ROW(prov, j.household_id, CAST(extract(YEAR FROM j.effective_from) AS integer),
                       CASE WHEN h.life_status = 'active' THEN 2147483647
                            ELSE coalesce((SELECT CAST(extract(YEAR FROM max(e.event_date)) AS integer) - 1
                                             FROM household_event e
                                            WHERE e.province_code = prov AND e.household_id = j.household_id
                                              AND e.event_type IN ('moved', 'merged_into', 'dissolved')),
                                          CAST(-2147483648 AS integer)) END,
                       j.commune_id, j.village_id, CASE WHEN j.commune_id <> h.commune_id THEN h.commune_id END,
                       j.area, j.status, j.poor_kind, j.ethnic_minority, j.social_protection, j.merit, j.deprived,
                       j.causes) AS report_segment))
                  FROM judged j
                  JOIN unnest(hid, hlife, hcommune) AS h(id, life_status, commune_id) ON h.id = j.household_id
                 WHERE j.appends)
          INTO refresh, appended;
        IF refresh IS NOT NULL THEN
            p := p || array_fill(prov, ARRAY[cardinality(refresh)]);
            i := i || refresh;
        END IF;
        IF appended IS NOT NULL THEN
            -- the segments from each appended row's year on go (at most two: the one in force then, and the
            -- household's last row of that same year when the new row supersedes it); the one in force before the
            -- row's year ends the year before; the row's own segment, when the household is still counted then
            SELECT m.old_rows, m.new_rows INTO old_rows, new_rows FROM report_append_segments(prov, appended) AS m;
            PERFORM report_apply(old_rows, new_rows);
        END IF;
    END LOOP;
    PERFORM report_refresh(p, i);
    RETURN NULL;
END;
$$;
