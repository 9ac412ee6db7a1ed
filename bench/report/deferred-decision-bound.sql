-- NOT a migration (ADR 0014, addendum h23): the decision side of a deferred design, as a lower bound, with
--   TriggerProfile compare province=08 decide=8000 rounds=6 versions=67 candidate=bench/report/deferred-decision-bound.sql
-- The statement trigger only records the appended rows in a pending table (one set-based insert, WAL-logged, one
-- index) and bumps the decided communes' report versions, as a deferred design's trigger would; the segments and
-- aggregates are NOT moved (compare's md5s: the aggregates' differ from V67's, the report versions' are V67's). The table is made by the
-- function itself on its first call in the transaction (TriggerProfile runs each decision in a savepoint rolled back
-- after it, so the creation, a few ms, is timed in every run).
CREATE OR REPLACE FUNCTION report_status_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('giamngheo.bulk', true) IS NOT DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    CREATE TABLE IF NOT EXISTS report_pending_probe (province_code text NOT NULL, household_id bigint NOT NULL,
        status_id bigint NOT NULL, PRIMARY KEY (province_code, household_id, status_id));
    INSERT INTO report_pending_probe (province_code, household_id, status_id)
    SELECT c.province_code, c.household_id, c.id FROM changed_new c;
    INSERT INTO report_version AS v (province_code, commune_id, version)
    SELECT DISTINCT c.province_code, c.commune_id, 1 FROM changed_new c ORDER BY 1, 2
    ON CONFLICT (province_code, commune_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END;
$$;
