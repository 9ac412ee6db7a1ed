-- Decisions at constant cost (issue 26 point 3, ADR 0014). Until now every statement inserting decided statuses
-- refreshed its households whole (report_refresh, V20/V25): their segments were deleted, computed again from all
-- their status rows and events, and inserted again, so a decision cost more the longer the province's history.
-- A decision only appends: each household gets one row that comes after all its rows (in the order of
-- report_segments_sql: effective_from, decided_on, id). For such a row of year Y, with the household counted up to
-- year A (alive_to, as report_segments_sql computes it), the segments change only at their end:
--   * the segments with from_year >= Y are gone (the previous last row of the same year is superseded);
--   * the segment with from_year < Y <= to_year ends at Y - 1;
--   * the new row is in force from Y to A (when Y <= A).
-- That touches at most three segments per household whatever its history, read through the household's index.
-- Rows that do not append (a back-dated row, two rows of one household in one statement) still go through
-- report_refresh. The aggregates move by the difference exactly as report_refresh moves them (report_apply, the
-- second half of V25's report_refresh, unchanged), and the communes' report versions are bumped the same way.
-- ReportAggregatesTest compares the result with the live count and with report_rebuild after decisions,
-- revocations, edits, moves and merges.

-- V25's report_refresh after its segments: moves both aggregates by the signed rows and bumps the versions of the
-- communes whose rows moved, in key order.
CREATE FUNCTION report_apply(old_rows report_segment[], new_rows report_segment[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    count_p text[];
    count_c bigint[];
    code_p text[];
    code_c bigint[];
BEGIN
    IF old_rows IS NULL AND new_rows IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format($q$
        WITH moved AS (
            INSERT INTO report_count AS c %s
            ON CONFLICT ON CONSTRAINT report_count_key DO UPDATE SET
                households = c.households + EXCLUDED.households, poor = c.poor + EXCLUDED.poor,
                near_poor = c.near_poor + EXCLUDED.near_poor, poor_em = c.poor_em + EXCLUDED.poor_em,
                poor_sp = c.poor_sp + EXCLUDED.poor_sp, poor_merit = c.poor_merit + EXCLUDED.poor_merit,
                near_em = c.near_em + EXCLUDED.near_em, near_sp = c.near_sp + EXCLUDED.near_sp,
                near_merit = c.near_merit + EXCLUDED.near_merit, poor_income = c.poor_income + EXCLUDED.poor_income,
                poor_deprivation = c.poor_deprivation + EXCLUDED.poor_deprivation
            RETURNING c.province_code, c.commune_id)
        SELECT array_agg(province_code ORDER BY province_code, commune_id), array_agg(commune_id ORDER BY province_code, commune_id)
          FROM (SELECT DISTINCT province_code, commune_id FROM moved) AS t$q$,
        report_count_sql('(SELECT o.*, -1 AS sign FROM unnest($1) AS o UNION ALL SELECT n.*, 1 FROM unnest($2) AS n)'))
        INTO count_p, count_c
        USING old_rows, new_rows;
    EXECUTE format($q$
        WITH moved AS (
            INSERT INTO report_code_count AS c %s
            ON CONFLICT ON CONSTRAINT report_code_count_key DO UPDATE SET n = c.n + EXCLUDED.n
            RETURNING c.province_code, c.commune_id)
        SELECT array_agg(province_code ORDER BY province_code, commune_id), array_agg(commune_id ORDER BY province_code, commune_id)
          FROM (SELECT DISTINCT province_code, commune_id FROM moved) AS t$q$,
        report_code_count_sql('(SELECT o.*, -1 AS sign FROM unnest($1) AS o UNION ALL SELECT n.*, 1 FROM unnest($2) AS n)'))
        INTO code_p, code_c
        USING old_rows, new_rows;
    INSERT INTO report_version AS v (province_code, commune_id, version)
    SELECT DISTINCT t.province_code, t.commune_id, 1
      FROM unnest(count_p || code_p, count_c || code_c) AS t(province_code, commune_id)
     ORDER BY 1, 2
    ON CONFLICT (province_code, commune_id) DO UPDATE SET version = v.version + 1;
END;
$$;

-- The statement trigger of inserted statuses: appended rows by their delta, the others by report_refresh.
CREATE FUNCTION report_status_appended() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p text[];
    i bigint[];
    appended bigint[];
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
    -- (one probe of household_status_in_force_idx); revoked rows count nowhere
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
    )
    SELECT array_agg(province_code ORDER BY province_code, household_id) FILTER (WHERE NOT appends),
           array_agg(household_id ORDER BY province_code, household_id) FILTER (WHERE NOT appends),
           array_agg(id) FILTER (WHERE appends)
      INTO p, i, appended
      FROM judged;
    IF appended IS NOT NULL THEN
        WITH n AS MATERIALIZED (
            SELECT c.province_code, c.household_id, CAST(extract(YEAR FROM c.effective_from) AS integer) AS y,
                   CASE WHEN h.life_status = 'active' THEN 2147483647
                        ELSE coalesce((SELECT CAST(extract(YEAR FROM max(e.event_date)) AS integer) - 1
                                         FROM household_event e
                                        WHERE e.province_code = h.province_code AND e.household_id = h.id
                                          AND e.event_type IN ('moved', 'merged_into', 'dissolved')),
                                      CAST(-2147483648 AS integer)) END AS alive_to,
                   c.commune_id, c.village_id, CASE WHEN c.commune_id <> h.commune_id THEN h.commune_id END AS register_commune,
                   c.area, c.status, c.poor_kind, c.ethnic_minority, c.social_protection, c.merit, c.deprived, c.causes
              FROM changed_new c
              JOIN unnest(appended) AS a(id) ON a.id = c.id
              JOIN household h ON h.province_code = c.province_code AND h.id = c.household_id
        ), gone AS (
            DELETE FROM report_segment s USING n
             WHERE s.province_code = n.province_code AND s.household_id = n.household_id AND s.to_year >= n.y
            RETURNING s.*
        ), added AS (
            INSERT INTO report_segment (province_code, household_id, from_year, to_year, commune_id, village_id,
                                        register_commune, area, status, poor_kind, ethnic_minority, social_protection,
                                        merit, deprived, causes)
            SELECT o.province_code, o.household_id, o.from_year, n.y - 1, o.commune_id, o.village_id,
                   o.register_commune, o.area, o.status, o.poor_kind, o.ethnic_minority, o.social_protection,
                   o.merit, o.deprived, o.causes
              FROM gone o JOIN n ON n.province_code = o.province_code AND n.household_id = o.household_id
             WHERE o.from_year < n.y
            UNION ALL
            SELECT n.province_code, n.household_id, n.y, n.alive_to, n.commune_id, n.village_id,
                   n.register_commune, n.area, n.status, n.poor_kind, n.ethnic_minority, n.social_protection,
                   n.merit, n.deprived, n.causes
              FROM n
             WHERE n.y <= n.alive_to
            RETURNING *
        )
        SELECT (SELECT array_agg(g) FROM gone AS g), (SELECT array_agg(a) FROM added AS a)
          INTO old_rows, new_rows;
        PERFORM report_apply(old_rows, new_rows);
    END IF;
    PERFORM report_refresh(p, i);
    RETURN NULL;
END;
$$;

DROP TRIGGER report_status_inserted ON household_status;
CREATE TRIGGER report_status_inserted AFTER INSERT ON household_status
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_status_appended();
