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

-- Every decided row with its decision's date, revoked rows included (the rows of one decision, a household's
-- history). LEFT JOIN on the decision's key: the planner drops the join when decided_on is not read.
CREATE VIEW status_history AS
SELECT s.id, s.province_code, s.household_id, s.commune_id, s.village_id, s.decision_id, s.round_id, s.list_year,
       s.effective_from, s.status, s.previous_status, s.poor_kind, s.deprivation_count, s.deprived, s.standard_code,
       s.standard_version, s.household_code, s.head_name, s.members, s.area, s.ethnic_minority, s.social_protection,
       s.merit, s.causes, s.certificate_no, s.revoked, d.decided_on
  FROM household_status s LEFT JOIN review_decision d ON d.id = s.decision_id;
COMMENT ON VIEW status_history IS
    'Every row of household_status (revoked ones included) with its decision date: the history of the decided lists.';

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
