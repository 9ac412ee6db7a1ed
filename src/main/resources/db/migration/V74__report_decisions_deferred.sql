-- Decisions at constant cost, deferred (issue 26 point 3; ADR 0014, addenda h23 and h26). V67's statement trigger
-- moved the segments and aggregates of a decision's households inside the decision, about 2.1-2.3x the bare insert
-- on the quiet machine, and by its parts it cannot reach 1.5x (h23). Here the decision only records what it appended;
-- the same work (V67's, over the same rows, judged at the time it runs) is done by a catch-up afterwards, per province:
--
--   1. the insert trigger of household_status records (province, household, status id) of the statement's rows not
--      revoked in report_pending and bumps report_version of the statement's communes (a report cached before the
--      decision is never served after it). The bulk paths (giamngheo.bulk) write nothing and end in report_rebuild.
--   2. report_catch_up(province): one at a time per province (pg_advisory_xact_lock), in the caller's transaction:
--      the province's pending households are locked in report_refresh's order, their pending rows taken (deleted),
--      and judged as V67 judged a statement's rows: a household's only pending row that is its last non-revoked row
--      appends (V67's report_append_segments and report_apply: at most three segment rows moved); every other
--      household is recomputed whole by report_refresh. report_apply bumps the versions again. Rows another
--      transaction records meanwhile wait for the next catch-up.
--   3. nothing applied twice: report_refresh and report_rebuild drop the pending rows of what they recompute (those
--      they saw before recomputing: a row recorded after that is left to the catch-up). Besides, the append path is
--      idempotent: judged after the lock, a household's appended row is its last one, so if its segments already
--      count it (a refresh in between), the segments from its year on are its own segment alone, which the append
--      deletes and inserts again unchanged (the aggregates move by zero).
--   4. every reader catches up first (the application: system.ReportCatchUp, before ReportData reads and before the
--      report cache's version key is read); 5. the application catches up in the background after every decision.
--
-- V67's lock and judgement are moved into report_lock_households and report_append_statuses (the catch-up's steps;
-- V67's trigger function, which inlined them, is dropped: nothing calls it any more).

CREATE TABLE report_pending (
    province_code text   NOT NULL,
    household_id  bigint NOT NULL,
    status_id     bigint NOT NULL,
    PRIMARY KEY (province_code, household_id, status_id)
);
COMMENT ON TABLE report_pending IS
    'Status rows decided but not yet counted in the report aggregates (ADR 0014, h26): recorded by the insert trigger of household_status, taken by report_catch_up';

-- V67's lock: the province's households of the ids, in the order report_refresh locks them (province, id), read by
-- key; returns what the appended segments need of the register (life status, commune), in id order.
CREATE FUNCTION report_lock_households(province text, ids bigint[], OUT hid bigint[], OUT hlife text[],
    OUT hcommune bigint[]) LANGUAGE sql AS $$
    SELECT array_agg(x.id ORDER BY x.id), array_agg(x.life_status ORDER BY x.id), array_agg(x.commune_id ORDER BY x.id)
      FROM (SELECT h.id, h.life_status, h.commune_id FROM household h
             WHERE h.province_code = province AND h.id = ANY (ids)
             ORDER BY h.id
               FOR NO KEY UPDATE OF h) AS x;
$$;

-- V67's judgement and move of one province's rows, the households locked (report_lock_households gives hid, hlife,
-- hcommune): a household's row appends when it is the household's only row of `statuses` not revoked and its last row
-- not revoked (one probe of household_status_in_force_idx); revoked rows count nowhere. The appended rows move the
-- segments at their end (report_append_segments) and the aggregates by the difference (report_apply). Returns the
-- households whose rows do not append, for report_refresh.
CREATE FUNCTION report_append_statuses(prov text, statuses household_status[], hid bigint[], hlife text[],
    hcommune bigint[]) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
    refresh bigint[];
    appended report_segment[];
    old_rows report_segment[];
    new_rows report_segment[];
BEGIN
    -- an appended row is given as the segment it starts: from its year to the last year the household is counted
    -- (alive_to of report_segments_sql), placed where it was recorded, with the register's commune when that differs
    WITH k AS (
        SELECT c.*, count(*) OVER (PARTITION BY c.household_id) AS n
          FROM unnest(statuses) c
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
    IF appended IS NOT NULL THEN
        SELECT m.old_rows, m.new_rows INTO old_rows, new_rows FROM report_append_segments(prov, appended) AS m;
        PERFORM report_apply(old_rows, new_rows);
    END IF;
    RETURN refresh;
END;
$$;

-- The catch-up of one province, in the caller's transaction; returns the pending rows it took. One at a time per
-- province; it first waits for a rebuild (report_segment in ROW EXCLUSIVE mode before any pending row is touched, so
-- that a rebuild dropping the pending rows and a catch-up taking them never wait for each other in turn).
CREATE FUNCTION report_catch_up(province text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    locked record;
    taken bigint[];
    statuses household_status[];
    refresh bigint[];
BEGIN
    IF province IS NULL OR province !~ '^[0-9]{2}$' THEN
        RAISE EXCEPTION 'report_catch_up: % is not a province code', quote_nullable(province)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('report_catch_up'), CAST(province AS integer));
    LOCK TABLE report_segment IN ROW EXCLUSIVE MODE;
    SELECT array_agg(DISTINCT p.household_id ORDER BY p.household_id) INTO ids
      FROM report_pending p WHERE p.province_code = province;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    SELECT * INTO locked FROM report_lock_households(province, ids);
    -- taken after the lock: a refresh that committed meanwhile has dropped the rows it counted
    WITH t AS (
        DELETE FROM report_pending p WHERE p.province_code = province AND p.household_id = ANY (ids)
        RETURNING p.status_id
    )
    SELECT (SELECT array_agg(t.status_id) FROM t),
           (SELECT array_agg(s ORDER BY s.id) FROM household_status s
             WHERE s.province_code = province AND s.id IN (SELECT t.status_id FROM t))
      INTO taken, statuses;
    IF taken IS NULL THEN
        RETURN 0;
    END IF;
    IF statuses IS NOT NULL THEN
        refresh := report_append_statuses(province, statuses, locked.hid, locked.hlife, locked.hcommune);
        IF refresh IS NOT NULL THEN
            PERFORM report_refresh(array_fill(province, ARRAY[cardinality(refresh)]), refresh);
        END IF;
    END IF;
    RETURN cardinality(taken);
END;
$$;

-- 1. the decision's side: record, bump, nothing judged
CREATE FUNCTION report_status_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('giamngheo.bulk', true) IS NOT DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO report_pending (province_code, household_id, status_id)
    SELECT c.province_code, c.household_id, c.id FROM changed_new c WHERE NOT c.revoked;
    INSERT INTO report_version AS v (province_code, commune_id, version)
    SELECT DISTINCT c.province_code, c.commune_id, 1 FROM changed_new c ORDER BY 1, 2
    ON CONFLICT (province_code, commune_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END;
$$;

DROP TRIGGER report_status_inserted ON household_status;
CREATE TRIGGER report_status_inserted AFTER INSERT ON household_status
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_status_pending();
DROP FUNCTION report_status_appended();

-- 3. what recomputes drops the pending rows it counted: the rows pending when it starts (before its lock and its
-- recomputation, which therefore sees them) are deleted after it. V25's report_refresh and V35's report_rebuild are
-- kept under new names, unchanged; the names the triggers and the application call now do this around them.
ALTER FUNCTION report_refresh(text[], bigint[]) RENAME TO report_refresh_households;
CREATE FUNCTION report_refresh(provinces text[], ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    counted bigint[];
BEGIN
    IF cardinality(ids) IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    SELECT array_agg(p.status_id) INTO counted
      FROM report_pending p JOIN unnest(provinces, ids) AS k(province_code, household_id)
        ON p.province_code = k.province_code AND p.household_id = k.household_id;
    PERFORM report_refresh_households(provinces, ids);
    IF counted IS NOT NULL THEN
        DELETE FROM report_pending p USING unnest(provinces, ids) AS k(province_code, household_id)
         WHERE p.province_code = k.province_code AND p.household_id = k.household_id AND p.status_id = ANY (counted);
    END IF;
END;
$$;

ALTER FUNCTION report_rebuild(text) RENAME TO report_rebuild_aggregates;
CREATE FUNCTION report_rebuild(province text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    counted bigint[];
BEGIN
    SELECT array_agg(p.status_id) INTO counted
      FROM report_pending p WHERE province IS NULL OR p.province_code = province;
    PERFORM report_rebuild_aggregates(province);
    IF counted IS NOT NULL THEN
        DELETE FROM report_pending p USING unnest(counted) AS c(status_id)
         WHERE (province IS NULL OR p.province_code = province) AND p.status_id = c.status_id;
    END IF;
END;
$$;
