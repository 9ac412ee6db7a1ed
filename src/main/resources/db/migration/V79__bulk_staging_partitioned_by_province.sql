-- The bulk import's staging partitioned by province, as the registry is (issue 26 point 1, ADR 0013 amendment
-- "sixth: the staging by province").
--
-- A first load builds each province aside from its staged rows (V73's bulk_build_province, on two connections). To
-- find them, bulk_build_prepare indexed the whole staging on province_code before the builds: one backend, nothing else
-- running, 1.5 s of CPU at 1,000,000 households and about 7 s at 5,000,000, and each build then read its rows through
-- that index. Here the staging is split by province like household and household_member (a partition for each of
-- their partitions, V4, and a default one): COPY routes every row to its province's partition, a build reads its own
-- partition (the filter province_code = $1 prunes the others) and nothing is indexed. The columns, their defaults and
-- the grants are V35's (the application truncates and fills the two partitioned tables; their partitions are unlogged
-- and reached only through them); every statement that reads the staging is unchanged. The import no longer analyses
-- the staging (an ANALYZE of a partitioned table analyses each partition as well: 10 s at 1,000,000 households), and
-- autovacuum is kept off its partitions (emptied after every import, never vacuumed or analysed for anything).
DROP TABLE bulk_stage_household, bulk_stage_member;
CREATE TABLE bulk_stage_household (
    line integer NOT NULL, id bigint NOT NULL, province_code text NOT NULL, commune_id bigint NOT NULL,
    commune_code text NOT NULL, household_code text NOT NULL, village text, area text, address text,
    income_per_capita bigint, b1_score numeric, housing_quality text, floor_area_m2 numeric, water_source text,
    toilet text, internet_use boolean, telephone_use boolean, info_devices text[], loudspeaker_reach boolean,
    waste_treatment boolean, causes text[], ethnic_minority boolean, merit_household boolean,
    social_protection boolean, poverty_status text, deprivation_count smallint, classified_standard text,
    classified_standard_version text) PARTITION BY LIST (province_code);
CREATE TABLE bulk_stage_member (
    line integer NOT NULL, id bigint NOT NULL DEFAULT nextval('household_member_id_seq'),
    household_id bigint NOT NULL, province_code text NOT NULL, member_no integer, full_name text,
    id_number text, birth_date date, birth_year_only boolean, sex text, ethnicity text, relation text,
    employment text, working_capacity boolean, disability text, monthly_social_allowance boolean,
    health_insurance boolean, malnourished boolean, education text, in_school boolean,
    school_level_appropriate boolean, sick_untreated boolean, merit_person boolean) PARTITION BY LIST (province_code);
COMMENT ON TABLE bulk_stage_household IS 'Staging of the bulk import (HouseholdBulkImport): emptied before and after every import';

-- a partition for each province that household has one for (its bound: one code), a default one for the rest
DO $$
DECLARE
    code text;
BEGIN
    FOR code IN SELECT (regexp_match(pg_get_expr(c.relpartbound, c.oid), '^FOR VALUES IN \(''([0-9]{2})''\)$'))[1]
                  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'public.household'::regclass
                   AND pg_get_expr(c.relpartbound, c.oid) ~ '^FOR VALUES IN \(''[0-9]{2}''\)$'
                 ORDER BY 1 LOOP
        EXECUTE format('CREATE UNLOGGED TABLE %I PARTITION OF bulk_stage_household FOR VALUES IN (%L) '
                       'WITH (autovacuum_enabled = false)', 'bulk_stage_household_p' || code, code);
        EXECUTE format('CREATE UNLOGGED TABLE %I PARTITION OF bulk_stage_member FOR VALUES IN (%L) '
                       'WITH (autovacuum_enabled = false)', 'bulk_stage_member_p' || code, code);
    END LOOP;
END;
$$;
CREATE UNLOGGED TABLE bulk_stage_household_pdefault PARTITION OF bulk_stage_household DEFAULT
    WITH (autovacuum_enabled = false);
CREATE UNLOGGED TABLE bulk_stage_member_pdefault PARTITION OF bulk_stage_member DEFAULT WITH (autovacuum_enabled = false);

-- V73's function without the staging's province indexes (the partitions are what they were for); the cleanup still
-- drops indexes that an import of an earlier version left behind
CREATE OR REPLACE FUNCTION bulk_build_prepare() RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT bulk_import_running(true) THEN
        RAISE EXCEPTION 'bulk_build_prepare: only the bulk import holding its lock' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM bulk_build_drop_all();
END;
$$;
