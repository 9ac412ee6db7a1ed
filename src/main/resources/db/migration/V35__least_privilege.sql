-- Least privilege in PostgreSQL (issue 17, ADR 0009). The migrations run as the owner role, which owns the schema
-- and every object; the application connects as a separate login role without superuser and without ownership,
-- holding only the grants that grant_application_privileges (below) gives it. That function is run by the
-- application as the owner after every migration (system.DatabaseRoles), so the tables of later migrations are
-- granted too: one repeatable step instead of ALTER DEFAULT PRIVILEGES, because the grant of a table depends on
-- whether it is append-only (which the catalogue tells) and because partitions created at run time get nothing.
--
-- What needed ownership at run time moves into the functions of this migration, each SECURITY DEFINER with a fixed
-- search_path, refusing every argument but the ones the application passes:
--   * report_rebuild(province): detaches, truncates, indexes and attaches a partition of report_segment;
--   * personal_data_read_partition(day): creates the partition of a month;
--   * analyze_imported(table): ANALYZE of the registry and the bulk import's staging tables.
-- The bulk import's staging tables are created here once (the application only truncates and fills them).

-- ---------------------------------------------------------------------------------- bulk import staging tables
-- (formerly created and dropped by every bulk import; a killed import may have left them behind)
DROP TABLE IF EXISTS bulk_stage_household, bulk_stage_member, bulk_stage_village;
CREATE UNLOGGED TABLE bulk_stage_household (
    line integer NOT NULL, id bigint NOT NULL, province_code text NOT NULL, commune_id bigint NOT NULL,
    commune_code text NOT NULL, household_code text NOT NULL, village text, area text, address text,
    income_per_capita bigint, b1_score numeric, housing_quality text, floor_area_m2 numeric, water_source text,
    toilet text, internet_use boolean, telephone_use boolean, info_devices text[], loudspeaker_reach boolean,
    waste_treatment boolean, causes text[], ethnic_minority boolean, merit_household boolean,
    social_protection boolean, poverty_status text, deprivation_count smallint, classified_standard text,
    classified_standard_version text);
CREATE UNLOGGED TABLE bulk_stage_member (
    line integer NOT NULL, id bigint NOT NULL DEFAULT nextval('household_member_id_seq'),
    household_id bigint NOT NULL, province_code text NOT NULL, member_no integer, full_name text,
    id_number text, birth_date date, birth_year_only boolean, sex text, ethnicity text, relation text,
    employment text, working_capacity boolean, disability text, monthly_social_allowance boolean,
    health_insurance boolean, malnourished boolean, education text, in_school boolean,
    school_level_appropriate boolean, sick_untreated boolean, merit_person boolean);
CREATE UNLOGGED TABLE bulk_stage_village (commune_id bigint NOT NULL, name text NOT NULL, village_id bigint NOT NULL,
    PRIMARY KEY (commune_id, name));
COMMENT ON TABLE bulk_stage_household IS 'Staging of the bulk import (HouseholdBulkImport): emptied before and after every import';

-- ---------------------------------------------------------------------------------- report_rebuild as the owner
-- V26's function, unchanged in what it computes; now SECURITY DEFINER (DETACH/ATTACH PARTITION, DROP/CREATE INDEX
-- and TRUNCATE need the owner of report_segment). The province must be a province code (two digits, V4) and
-- the partition it names must be a partition of report_segment: no other table can be reached through it.
CREATE OR REPLACE FUNCTION report_rebuild(province text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    part regclass;
    idx regclass;
    bound text;
    filter text := CASE WHEN province IS NULL THEN 'true' ELSE 'province_code = $1' END;
BEGIN
    IF province IS NOT NULL AND province !~ '^[0-9]{2}$' THEN
        RAISE EXCEPTION 'report_rebuild: % is not a province code', quote_literal(province)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    LOCK TABLE report_segment IN ACCESS EXCLUSIVE MODE;
    IF province IS NULL THEN
        TRUNCATE report_segment, report_count, report_code_count;
        DROP INDEX report_segment_household_idx;
        EXECUTE 'INSERT INTO report_segment ' || report_segments_sql('true', 'true', 'true');
        CREATE INDEX report_segment_household_idx ON report_segment (province_code, household_id);
    ELSE
        DELETE FROM report_count WHERE province_code = province;
        DELETE FROM report_code_count WHERE province_code = province;
        part := to_regclass(format('public.%I', 'report_segment_p' || province));
        IF part IS NULL OR NOT EXISTS (SELECT 1 FROM pg_inherits
                                        WHERE inhrelid = part AND inhparent = 'public.report_segment'::regclass) THEN
            DELETE FROM report_segment WHERE province_code = province;
            EXECUTE 'INSERT INTO report_segment '
                || report_segments_sql('h.province_code = $1', 's.province_code = $1', 'e.province_code = $1')
                USING province;
        ELSE
            EXECUTE format('ALTER TABLE report_segment DETACH PARTITION %s', part);
            FOR idx IN SELECT indexrelid::regclass FROM pg_index WHERE indrelid = part LOOP
                EXECUTE format('DROP INDEX %s', idx);
            END LOOP;
            EXECUTE format('TRUNCATE %s', part);
            bound := format('report_segment_p%s_bound', province);
            IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = part AND conname = bound) THEN
                EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (province_code = %L)', part, bound, province);
            END IF;
            EXECUTE format('INSERT INTO %s ', part)
                || report_segments_sql('h.province_code = $1', 's.province_code = $1', 'e.province_code = $1')
                USING province;
            EXECUTE format('CREATE INDEX ON %s (province_code, household_id)', part);
            EXECUTE format('ALTER TABLE report_segment ATTACH PARTITION %s FOR VALUES IN (%L)', part, province);
        END IF;
    END IF;
    EXECUTE 'INSERT INTO report_count '
        || report_count_sql(format('(SELECT s.*, 1 AS sign FROM report_segment s WHERE %s)', filter))
        USING province;
    EXECUTE 'INSERT INTO report_code_count '
        || report_code_count_sql(format('(SELECT s.*, 1 AS sign FROM report_segment s WHERE %s)', filter))
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

-- ---------------------------------------------------------------------------------- partitions of the read log
-- V33's function, now SECURITY DEFINER (creating a partition needs the owner of personal_data_read). Its argument
-- is a date: the partition name is computed from it, never taken from the caller. The partition gets no grant:
-- the application reads and writes through personal_data_read, whose guards the partition inherits.
CREATE OR REPLACE FUNCTION personal_data_read_partition(day date) RETURNS text LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first date := date_trunc('month', day)::date;
    name text := 'personal_data_read_' || to_char(first, 'YYYYMM');
BEGIN
    IF day IS NULL OR first < date '2000-01-01' OR first > date '2999-12-01' THEN
        RAISE EXCEPTION 'personal_data_read_partition: no partition for %', day USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF to_regclass(name) IS NOT NULL THEN
        RETURN name;
    END IF;
    IF EXISTS (SELECT 1 FROM personal_data_read_default WHERE at >= first AND at < first + interval '1 month') THEN
        RETURN 'personal_data_read_default';
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF personal_data_read FOR VALUES FROM (%L) TO (%L)',
                   name, first::timestamptz, (first + interval '1 month')::timestamptz);
    RETURN name;
EXCEPTION WHEN duplicate_table THEN
    RETURN name;
END;
$$;

-- ---------------------------------------------------------------------------------- statistics during imports
-- ANALYZE needs the owner (PostgreSQL 15; 17's MAINTAIN privilege would also allow VACUUM, CLUSTER and REINDEX).
-- Only the tables the bulk import and its benchmark analyse inside their transactions.
CREATE FUNCTION analyze_imported(target text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF target IS NULL OR target NOT IN ('household', 'household_member', 'bulk_stage_household', 'bulk_stage_member') THEN
        RAISE EXCEPTION 'analyze_imported: % is not a table of the import', quote_nullable(target)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ANALYZE public.%I', target);
END;
$$;

-- ---------------------------------------------------------------------------------- the application's grants
-- Run as the owner after every migration with the application's role (system.DatabaseRoles). Idempotent: every
-- grant is first revoked, then given again from the catalogue:
--   * append-only tables (a BEFORE trigger of one of the guards below): SELECT and INSERT, plus UPDATE of the one
--     column the application changes (household_status.revoked; the version counters of the report cache);
--   * Flyway's history: SELECT (the backup copies it, the restore compares its version);
--   * every other table: SELECT, INSERT, UPDATE, DELETE; the staging tables of the bulk import also TRUNCATE;
--   * views: SELECT; partitions: nothing (reached through their partitioned table);
--   * sequences: USAGE and SELECT; the SECURITY DEFINER functions: EXECUTE (PUBLIC has none).
CREATE FUNCTION grant_application_privileges(app name) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    r record;
BEGIN
    IF app IS NULL OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'grant_application_privileges: no role %', quote_nullable(app);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app AND (rolsuper OR rolname = current_user)) THEN
        RAISE EXCEPTION 'grant_application_privileges: % is a superuser or the owner, not an application role', app;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    FOR r IN SELECT c.oid, c.relname, c.relkind, c.relispartition,
                    EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                             WHERE t.tgrelid = c.oid AND p.proname IN ('refuse_change_of_append_only_table',
                                   'household_status_locked', 'report_version_only_grows', 'poverty_standard_is_immutable')
                               AND p.pronamespace = 'public'::regnamespace) AS append_only
               FROM pg_class c
              WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              ORDER BY c.relname LOOP
        EXECUTE format('REVOKE ALL ON TABLE public.%I FROM %I', r.relname, app);
        IF r.relispartition THEN
            CONTINUE;
        ELSIF r.relkind IN ('v', 'm') OR r.relname = 'flyway_schema_history' THEN
            EXECUTE format('GRANT SELECT ON TABLE public.%I TO %I', r.relname, app);
        ELSIF r.append_only THEN
            EXECUTE format('GRANT SELECT, INSERT ON TABLE public.%I TO %I', r.relname, app);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO %I', r.relname, app);
            IF r.relname IN ('bulk_stage_household', 'bulk_stage_member', 'bulk_stage_village') THEN
                EXECUTE format('GRANT TRUNCATE ON TABLE public.%I TO %I', r.relname, app);
            END IF;
        END IF;
    END LOOP;
    -- the flags the application changes on append-only tables (and nothing else of them)
    EXECUTE format('GRANT UPDATE (revoked) ON TABLE public.household_status TO %I', app);
    EXECUTE format('GRANT UPDATE (version) ON TABLE public.report_version TO %I', app);
    EXECUTE format('GRANT UPDATE (version) ON TABLE public.report_unit_version TO %I', app);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
              WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', r.f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', r.f, app);
    END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION grant_application_privileges(name) FROM PUBLIC;
REVOKE ALL ON FUNCTION report_rebuild(text), personal_data_read_partition(date), analyze_imported(text) FROM PUBLIC;
