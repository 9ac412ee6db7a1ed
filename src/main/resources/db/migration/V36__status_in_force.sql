-- Issue 18 point 2: the status kernel. One read model of the decided lists: every package reads a household's
-- decided status through these (package vn.giamngheo.status); only the kernel and the review's decision writer
-- name household_status.
--
-- "In force on a day D": the household's rows that are not revoked and took effect on or before D; of those the
-- one with the latest effective_from wins; on the same effective_from the LATER DECISION DATE wins (a later
-- decision supersedes an earlier one, whenever each was recorded); on the same decision date the later row (id).
-- Before this migration the movements ordered by (effective_from, decided_on, id) and every other package by
-- (effective_from, id): the two differ only when a decision dated earlier was recorded after one dated later
-- for the same household and the same effective day (e.g. two communes' periodic lists of a household that moved,
-- both effective 1 January); the legal order is the decision date, so the movements' order is the one kept.
--
-- The functions are LANGUAGE sql, STABLE, not STRICT, not SECURITY DEFINER and without SET: the planner inlines
-- them into the calling query (partition pruning on province_code and the callers' filters work as if written
-- inline; checked with EXPLAIN, docs/status.md).

-- The decision date on every row (the tie-break without a join): filled from the decision on insert.
-- The backfill is the one change the append-only lock (V8) lets through, inside this migration only; it must not
-- refresh the report aggregates (nothing they count changes): giamngheo.bulk silences their triggers (V17, V20).
ALTER TABLE household_status ADD COLUMN decided_on date;
ALTER TABLE household_status DISABLE TRIGGER household_status_locked;
SET LOCAL giamngheo.bulk = 'on';
UPDATE household_status s SET decided_on = d.decided_on FROM review_decision d WHERE d.id = s.decision_id;
SET LOCAL giamngheo.bulk = 'off';
ALTER TABLE household_status ENABLE TRIGGER household_status_locked;
ALTER TABLE household_status ALTER COLUMN decided_on SET NOT NULL;
COMMENT ON COLUMN household_status.decided_on IS
    'The date of the decision (review_decision.decided_on), copied on insert: the tie-break of status_in_force.';

-- The rows in the order of the tie-break: "in force on a day" reads a province in index order without sorting
-- (measured in docs/status.md: the function form is then as fast as the inline SQL it replaced).
CREATE INDEX household_status_in_force_idx
    ON household_status (province_code, household_id, effective_from DESC, decided_on DESC, id DESC) WHERE NOT revoked;

CREATE FUNCTION household_status_decided_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.decided_on IS NULL THEN
        SELECT d.decided_on INTO NEW.decided_on FROM review_decision d WHERE d.id = NEW.decision_id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER household_status_decided_on BEFORE INSERT ON household_status
    FOR EACH ROW EXECUTE FUNCTION household_status_decided_on();

-- Every decided row, revoked rows included (the rows of one decision, a household's history).
CREATE VIEW status_history AS
SELECT s.id, s.province_code, s.household_id, s.commune_id, s.village_id, s.decision_id, s.round_id, s.list_year,
       s.effective_from, s.status, s.previous_status, s.poor_kind, s.deprivation_count, s.deprived, s.standard_code,
       s.standard_version, s.household_code, s.head_name, s.members, s.area, s.ethnic_minority, s.social_protection,
       s.merit, s.causes, s.certificate_no, s.revoked, s.decided_on
  FROM household_status s;
COMMENT ON VIEW status_history IS
    'Every row of household_status (revoked ones included): the history of the decided lists.';

-- The decided rows that count: revoked rows left out.
CREATE VIEW decided_status AS
SELECT * FROM status_history WHERE NOT revoked;
COMMENT ON VIEW decided_status IS
    'The decided lists (household_status) without revoked rows, with the decision date (the tie-break of status_in_force).';

-- The row in force on p_day of every household of one province (the partition key stays an argument).
CREATE FUNCTION status_in_force(p_province text, p_day date) RETURNS SETOF decided_status
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT DISTINCT ON (s.household_id) s.*
      FROM decided_status s
     WHERE s.province_code = p_province AND s.effective_from <= p_day
     ORDER BY s.household_id, s.effective_from DESC, s.decided_on DESC, s.id DESC
$$;
COMMENT ON FUNCTION status_in_force(text, date) IS
    'Per household of the province: its non-revoked household_status row in force on the day (latest effective_from '
    'on or before it; ties: the later decision date, then the later row).';

-- The same for several provinces (a report of a region or of the country).
CREATE FUNCTION status_in_force_in(p_provinces text[], p_day date) RETURNS SETOF decided_status
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT DISTINCT ON (s.province_code, s.household_id) s.*
      FROM decided_status s
     WHERE s.province_code = ANY (p_provinces) AND s.effective_from <= p_day
     ORDER BY s.province_code, s.household_id, s.effective_from DESC, s.decided_on DESC, s.id DESC
$$;
COMMENT ON FUNCTION status_in_force_in(text[], date) IS
    'status_in_force for every province of the array (same tie-break).';

-- The same for the whole country.
CREATE FUNCTION status_in_force_all(p_day date) RETURNS SETOF decided_status
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT DISTINCT ON (s.province_code, s.household_id) s.*
      FROM decided_status s
     WHERE s.effective_from <= p_day
     ORDER BY s.province_code, s.household_id, s.effective_from DESC, s.decided_on DESC, s.id DESC
$$;
COMMENT ON FUNCTION status_in_force_all(date) IS
    'status_in_force for the whole country (same tie-break).';

-- One household's row in force on the day (none: never decided by then). For LATERAL joins and scalar reads.
-- p_without_decision: the status as if that decision had not been taken (the one a decision replaces).
CREATE FUNCTION status_of(p_province text, p_household bigint, p_day date, p_without_decision bigint DEFAULT NULL)
    RETURNS SETOF decided_status
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT s.*
      FROM decided_status s
     WHERE s.province_code = p_province AND s.household_id = p_household AND s.effective_from <= p_day
       AND s.decision_id IS DISTINCT FROM p_without_decision
     ORDER BY s.effective_from DESC, s.decided_on DESC, s.id DESC
     LIMIT 1
$$;
COMMENT ON FUNCTION status_of(text, bigint, date, bigint) IS
    'One household''s non-revoked household_status row in force on the day, optionally leaving one decision out '
    '(same tie-break as status_in_force).';

-- The report aggregates (V20) count the same rows with the same tie-break: their segments read decided_status and
-- order a household's rows by (effective_from, decided_on, id). Same text as V20 otherwise.
CREATE OR REPLACE FUNCTION report_segments_sql(h_filter text, s_filter text, e_filter text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
    WITH st AS (
        SELECT s.province_code, s.household_id, CAST(extract(YEAR FROM s.effective_from) AS integer) AS y,
               CAST(extract(YEAR FROM lead(s.effective_from) OVER w) AS integer) AS next_y,
               row_number() OVER w AS rn,
               s.commune_id, s.village_id, s.area, s.status, s.poor_kind, s.ethnic_minority, s.social_protection,
               s.merit, s.deprived, s.causes
          FROM decided_status s
         WHERE %2$s
        WINDOW w AS (PARTITION BY s.province_code, s.household_id ORDER BY s.effective_from, s.decided_on, s.id)
    ), ev AS (
        SELECT e.province_code, e.household_id, max(e.event_date) AS last_date
          FROM household_event e
         WHERE e.event_type IN ('moved', 'merged_into', 'dissolved') AND %3$s
         GROUP BY 1, 2
    ), hh AS (
        -- the register's households with the last year on whose 31 December they are counted
        SELECT h.province_code, h.id, h.commune_id, h.village_id, h.area,
               CASE WHEN h.life_status = 'active' THEN 2147483647
                    WHEN ev.last_date IS NULL THEN CAST(-2147483648 AS integer)
                    ELSE CAST(extract(YEAR FROM ev.last_date) AS integer) - 1 END AS alive_to
          FROM household h
          LEFT JOIN ev ON ev.province_code = h.province_code AND ev.household_id = h.id
         WHERE %1$s
    )
    -- a status row is in force from its year to the year before the next row's, unless that is the same year
    SELECT hh.province_code, hh.id AS household_id, st.y AS from_year,
           least(coalesce(st.next_y - 1, 2147483647), hh.alive_to) AS to_year, st.commune_id, st.village_id,
           CASE WHEN st.commune_id <> hh.commune_id THEN hh.commune_id END AS register_commune, st.area,
           st.status, st.poor_kind, st.ethnic_minority, st.social_protection, st.merit, st.deprived, st.causes
      FROM hh JOIN st ON st.province_code = hh.province_code AND st.household_id = hh.id
     WHERE st.y <= least(coalesce(st.next_y - 1, 2147483647), hh.alive_to)
    UNION ALL
    -- before its first status row (or always, without one) a household is where the register has it
    SELECT hh.province_code, hh.id, CAST(-2147483648 AS integer), least(coalesce(st.y - 1, 2147483647), hh.alive_to),
           hh.commune_id, hh.village_id, CAST(NULL AS bigint), hh.area,
           NULL, NULL, NULL, NULL, NULL, CAST(NULL AS text[]), CAST(NULL AS text[])
      FROM hh LEFT JOIN st ON st.province_code = hh.province_code AND st.household_id = hh.id AND st.rn = 1
     WHERE least(coalesce(st.y - 1, 2147483647), hh.alive_to) > -2147483648
$q$, h_filter, s_filter, e_filter);
$f$;
