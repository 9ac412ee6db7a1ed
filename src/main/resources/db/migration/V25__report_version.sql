-- Report versions: the key that validates the application's cache of computed reports (ReportCache) on every
-- request, so that a cached report is never served once the aggregates it was computed from (report_count,
-- report_code_count, V20) have changed — whatever instance of the application, connection or bulk path made
-- the change.
--
-- One row per (province_code, commune_id) of the aggregates (the province partition of the households, the
-- commune of the segments). Every function that moves the aggregates bumps, in the same transaction, the rows
-- of the communes whose aggregate rows it changed: report_refresh (the triggers) and report_rebuild (bulk
-- import, benchmark loads). Rows are never deleted and versions only grow (enforced below), so for any set of
-- provinces
--     SELECT coalesce(sum(version), 0) FROM report_version WHERE province_code IN (...)
-- (all rows for the whole country) is strictly larger after every committed change of those provinces'
-- aggregates: equal keys mean equal aggregates. One row per commune, not per province, so that decisions of
-- different communes committed at the same time do not wait for each other on one row.
-- report_unit_version does the same for the catalogue of administrative units (the map the reports place on).

CREATE TABLE report_version (
    province_code text   NOT NULL,
    commune_id    bigint NOT NULL,
    version       bigint NOT NULL CHECK (version > 0),
    PRIMARY KEY (province_code, commune_id)
);
COMMENT ON TABLE report_version IS
    'Per province partition and commune, a counter bumped whenever the report aggregates of the commune change (the report cache''s key); rows never deleted, versions only grow';

-- the communes that already have aggregates
INSERT INTO report_version (province_code, commune_id, version)
SELECT province_code, commune_id, 1 FROM report_count
UNION
SELECT province_code, commune_id, 1 FROM report_code_count
ORDER BY 1, 2;

-- The cache relies on the keys only ever growing: refuse deletions and decreases (a restore, which loads with
-- session_replication_role = replica into a new database, is not stopped). For this table and the next.
CREATE FUNCTION report_version_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.version > OLD.version AND (to_jsonb(NEW) - 'version') = (to_jsonb(OLD) - 'version') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are never deleted and their versions only grow (%)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER report_version_only_grows BEFORE UPDATE OR DELETE ON report_version
    FOR EACH ROW EXECUTE FUNCTION report_version_only_grows();
CREATE TRIGGER report_version_not_truncated BEFORE TRUNCATE ON report_version
    FOR EACH STATEMENT EXECUTE FUNCTION report_version_only_grows();

-- The same for the catalogue of administrative units, which the reports hold in memory (ReportUnits) and check
-- on every request: every statement that writes admin_unit, admin_unit_change or unit_succession (a village
-- created, a later reform, an edit in place) bumps one of 64 counters, chosen at random so that a long
-- transaction creating villages (a bulk import) does not make every other village creation wait for it. The
-- sum of the counters grows with every committed change: one cheap read replaces counting the catalogue.
CREATE TABLE report_unit_version (
    slot    integer PRIMARY KEY CHECK (slot >= 0 AND slot < 64),
    version bigint  NOT NULL CHECK (version >= 0)
);
COMMENT ON TABLE report_unit_version IS
    'Counters bumped by every statement writing the catalogue of administrative units; their sum is the report cache''s key of the unit map';
INSERT INTO report_unit_version (slot, version) SELECT g, 0 FROM generate_series(0, 63) AS g;
CREATE TRIGGER report_unit_version_only_grows BEFORE UPDATE OR DELETE ON report_unit_version
    FOR EACH ROW EXECUTE FUNCTION report_version_only_grows();
CREATE TRIGGER report_unit_version_not_truncated BEFORE TRUNCATE ON report_unit_version
    FOR EACH STATEMENT EXECUTE FUNCTION report_version_only_grows();

CREATE FUNCTION report_units_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    chosen integer := floor(random() * 64);
BEGIN
    UPDATE report_unit_version SET version = version + 1 WHERE slot = chosen;
    RETURN NULL;
END;
$$;
CREATE TRIGGER admin_unit_report_units AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit
    FOR EACH STATEMENT EXECUTE FUNCTION report_units_changed();
CREATE TRIGGER admin_unit_change_report_units AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit_change
    FOR EACH STATEMENT EXECUTE FUNCTION report_units_changed();
CREATE TRIGGER unit_succession_report_units AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_succession
    FOR EACH STATEMENT EXECUTE FUNCTION report_units_changed();

-- V20's report_refresh, unchanged, but for the last step: the (province, commune) of every aggregate row it
-- moved are collected from the upserts (RETURNING) and bumped, in key order (two transactions bump their
-- communes in the same order, so they wait for each other instead of deadlocking). A refresh that leaves the
-- aggregates as they were (e.g. a household whose segments came out the same) bumps nothing.
CREATE OR REPLACE FUNCTION report_refresh(provinces text[], ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    old_rows report_segment[];
    new_rows report_segment[];
    count_p text[];
    count_c bigint[];
    code_p text[];
    code_c bigint[];
BEGIN
    IF cardinality(ids) IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM household h
      JOIN unnest(provinces, ids) AS k(province_code, household_id)
        ON h.province_code = k.province_code AND h.id = k.household_id
     ORDER BY h.province_code, h.id
       FOR NO KEY UPDATE OF h;
    EXECUTE format($q$
        WITH k AS (SELECT DISTINCT province_code, household_id FROM unnest($1, $2) AS k(province_code, household_id)),
        old AS (
            DELETE FROM report_segment s USING k
             WHERE s.province_code = k.province_code AND s.household_id = k.household_id
            RETURNING s.*
        ), new AS (
            INSERT INTO report_segment %s
            RETURNING *
        )
        SELECT (SELECT array_agg(old) FROM old), (SELECT array_agg(new) FROM new)$q$,
        report_segments_sql(
            '(h.province_code, h.id) IN (SELECT province_code, household_id FROM k)',
            '(s.province_code, s.household_id) IN (SELECT province_code, household_id FROM k)',
            '(e.province_code, e.household_id) IN (SELECT province_code, household_id FROM k)'))
        INTO old_rows, new_rows
        USING provinces, ids;
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

-- V20's report_rebuild, unchanged, but for the last step: every version row of the province (of every province
-- for null) is bumped — also those of communes whose aggregates the rebuild dropped — and the communes the
-- rebuilt aggregates have without one get one. A rebuild runs after writes made with the triggers off
-- (giamngheo.bulk, V17), which bump nothing themselves.
CREATE OR REPLACE FUNCTION report_rebuild(province text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    part regclass;
BEGIN
    LOCK TABLE report_segment IN EXCLUSIVE MODE;
    IF province IS NULL THEN
        TRUNCATE report_segment, report_count, report_code_count;
    ELSE
        part := to_regclass(format('report_segment_p%s', province));
        IF part IS NOT NULL THEN
            EXECUTE format('TRUNCATE %s', part);
        ELSE
            DELETE FROM report_segment WHERE province_code = province;
        END IF;
        DELETE FROM report_count WHERE province_code = province;
        DELETE FROM report_code_count WHERE province_code = province;
    END IF;
    EXECUTE format('INSERT INTO report_segment %s',
        report_segments_sql(CASE WHEN province IS NULL THEN 'true' ELSE 'h.province_code = $1' END,
                            CASE WHEN province IS NULL THEN 'true' ELSE 's.province_code = $1' END,
                            CASE WHEN province IS NULL THEN 'true' ELSE 'e.province_code = $1' END))
        USING province;
    EXECUTE format($q$
        WITH signed AS MATERIALIZED (SELECT s.*, 1 AS sign FROM report_segment s WHERE %s),
        counts AS (
            INSERT INTO report_count %s
        )
        INSERT INTO report_code_count %s$q$,
        CASE WHEN province IS NULL THEN 'true' ELSE 's.province_code = $1' END,
        report_count_sql('signed'), report_code_count_sql('signed'))
        USING province;
    INSERT INTO report_version AS v (province_code, commune_id, version)
    SELECT t.province_code, t.commune_id, 1
      FROM (SELECT r.province_code, r.commune_id FROM report_version r WHERE province IS NULL OR r.province_code = province
            UNION
            SELECT c.province_code, c.commune_id FROM report_count c WHERE province IS NULL OR c.province_code = province
            UNION
            SELECT c.province_code, c.commune_id FROM report_code_count c WHERE province IS NULL OR c.province_code = province) AS t
     ORDER BY 1, 2
    ON CONFLICT (province_code, commune_id) DO UPDATE SET version = v.version + 1;
END;
$$;
