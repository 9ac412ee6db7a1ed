-- The first load and the yearly import without statistics they do not need (issue 26 points 1–2, ADR 0013).
--
-- 1. bulk_load_empty_province (V58) no longer analyses the two partitions it has loaded inside the import's
--    transaction. Measured on 200,000 households over 34 provinces (docs/benchmarks.md, h14): the two ANALYZEs
--    were 6.1 s of the function's 15.5 s (the members' partition alone 4.4 s: 22 columns and the lower(full_name)
--    expression index over every row). The foreign keys are validated by one query each before, CREATE INDEX has
--    already recorded the partitions' row and page counts, and autovacuum analyses the partitions after the commit
--    as it does any table that received rows. Everything else is as in V58.
-- 2. analyze_imported_partitions(target, provinces): the ordinary move (a province that already holds households)
--    analysed the whole of household (every partition of the country, then the parent's sample) before moving
--    the members, so that their foreign-key checks look each household up by its key (issue 9); only the
--    partitions of the provinces being imported need it (the checks read household_pNN, V19). At 200,000
--    households that ANALYZE was 9.8 s of a yearly import's 26.2 s; at 27,000,000 it would read every province.

CREATE OR REPLACE FUNCTION bulk_load_empty_province(province text, import bigint) RETURNS boolean LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    hpart regclass;
    mpart regclass;
    r record;
    keys text[] := '{}';
    fks text[] := '{}';
    stmt text;
BEGIN
    IF province IS NULL OR province !~ '^[0-9]{2}$' THEN
        RAISE EXCEPTION 'bulk_load_empty_province: % is not a province code', quote_nullable(province)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF import IS NULL OR NOT EXISTS (SELECT 1 FROM import_batch WHERE id = import) THEN
        RAISE EXCEPTION 'bulk_load_empty_province: no import batch %', quote_nullable(import)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    hpart := to_regclass(format('public.%I', 'household_p' || province));
    mpart := to_regclass(format('public.%I', 'household_member_p' || province));
    IF hpart IS NULL OR mpart IS NULL
       OR NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = hpart AND inhparent = 'public.household'::regclass)
       OR NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = mpart AND inhparent = 'public.household_member'::regclass) THEN
        RETURN false;
    END IF;
    LOCK TABLE household, household_member IN ACCESS EXCLUSIVE MODE;
    IF (SELECT EXISTS (SELECT 1 FROM household WHERE province_code = province)
               OR EXISTS (SELECT 1 FROM household_member WHERE province_code = province)) THEN
        RETURN false;
    END IF;

    EXECUTE format('ALTER TABLE household_member DETACH PARTITION %s', mpart);
    EXECUTE format('ALTER TABLE household DETACH PARTITION %s', hpart);

    -- foreign keys of both tables (the member's to its household partition, the household's to admin_unit)
    FOR r IN SELECT c.conrelid::regclass AS rel, c.conname, pg_get_constraintdef(c.oid) AS def
               FROM pg_constraint c
              WHERE c.conrelid IN (hpart, mpart) AND c.contype = 'f'
              ORDER BY c.conrelid = mpart DESC, c.conname LOOP
        fks := fks || format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.rel, r.conname, r.def);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
    END LOOP;
    -- keys and indexes: a key is dropped and added again as a constraint, any other index by its own definition
    FOR r IN SELECT i.indrelid::regclass AS rel, i.indexrelid::regclass AS idx, c.conname,
                    pg_get_constraintdef(c.oid) AS cdef, pg_get_indexdef(i.indexrelid) AS idef
               FROM pg_index i
               LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
              WHERE i.indrelid IN (hpart, mpart)
              ORDER BY i.indrelid = hpart DESC, c.conname IS NULL, i.indexrelid LOOP
        IF r.conname IS NOT NULL THEN
            keys := keys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.rel, r.conname, r.cdef);
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
        ELSE
            keys := keys || r.idef;
            EXECUTE format('DROP INDEX %s', r.idx);
        END IF;
    END LOOP;
    -- the partition bounds as CHECKs (kept after ATTACH, as report_rebuild keeps report_segment's)
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = hpart AND conname = format('household_p%s_bound', province)) THEN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (province_code = %L)', hpart,
                       format('household_p%s_bound', province), province);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = mpart AND conname = format('household_member_p%s_bound', province)) THEN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (province_code = %L)', mpart,
                       format('household_member_p%s_bound', province), province);
    END IF;

    -- the same rows as the import's INSERT … SELECT into the partitioned tables (HouseholdBulkImport.store)
    EXECUTE format($sql$
        INSERT INTO %s (id, province_code, household_code, commune_id, village_id, area, address,
            income_per_capita, b1_score, housing_quality, floor_area_m2, water_source, toilet, internet_use,
            telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority,
            merit_household, social_protection, poverty_status, deprivation_count, classified_standard,
            classified_standard_version, classified_at, import_id)
        SELECT s.id, s.province_code, s.household_code, s.commune_id, v.village_id, s.area, s.address,
            s.income_per_capita, s.b1_score, s.housing_quality, s.floor_area_m2, s.water_source, s.toilet,
            s.internet_use, s.telephone_use, s.info_devices, s.loudspeaker_reach, s.waste_treatment, s.causes,
            s.ethnic_minority, s.merit_household, s.social_protection, s.poverty_status, s.deprivation_count,
            s.classified_standard, s.classified_standard_version, now(), $2
        FROM bulk_stage_household s
        LEFT JOIN bulk_stage_village v ON v.commune_id = s.commune_id AND v.name = s.village
        WHERE s.province_code = $1$sql$, hpart) USING province, import;
    EXECUTE format($sql$
        INSERT INTO %s (id, province_code, household_id, member_no, full_name, id_number,
            birth_date, birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
            monthly_social_allowance, health_insurance, malnourished, education, in_school,
            school_level_appropriate, sick_untreated, merit_person)
        SELECT id, province_code, household_id, member_no, full_name, id_number, birth_date, birth_year_only,
            sex, ethnicity, relation, employment, working_capacity, disability, monthly_social_allowance,
            health_insurance, malnourished, education, in_school, school_level_appropriate, sick_untreated,
            merit_person
        FROM bulk_stage_member WHERE province_code = $1$sql$, mpart) USING province;

    FOREACH stmt IN ARRAY keys LOOP
        EXECUTE stmt;
    END LOOP;
    FOREACH stmt IN ARRAY fks LOOP
        EXECUTE stmt;
    END LOOP;
    -- no ANALYZE here (V64): the foreign keys were validated above by one query each, and nothing later in the
    -- import's transaction needs the partitions' column statistics (each CREATE INDEX has set their row and page
    -- counts); autovacuum analyses both partitions once the import has committed (every row counts as inserted)
    EXECUTE format('ALTER TABLE household ATTACH PARTITION %s FOR VALUES IN (%L)', hpart, province);
    EXECUTE format('ALTER TABLE household_member ATTACH PARTITION %s FOR VALUES IN (%L)', mpart, province);
    RETURN true;
END;
$$;
REVOKE ALL ON FUNCTION bulk_load_empty_province(text, bigint) FROM PUBLIC;

-- 1b. bulk_load_empty_provinces (V58) no longer analyses the staging tables a second time: HouseholdBulkImport has
--     analysed them (analyze_imported) before its checks across the file and has not changed them since; the
--     province indexes created here are on a plain column (1.2–1.3 s at 200,000 households, logged).
CREATE OR REPLACE FUNCTION bulk_load_empty_provinces(provinces text[], import bigint) RETURNS text[] LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    province text;
    loaded text[] := '{}';
BEGIN
    IF provinces IS NULL OR cardinality(provinces) = 0 THEN
        RETURN loaded;
    END IF;
    FOREACH province IN ARRAY provinces LOOP
        IF province IS NULL OR province !~ '^[0-9]{2}$' THEN
            RAISE EXCEPTION 'bulk_load_empty_provinces: % is not a province code', quote_nullable(province)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;
    CREATE INDEX bulk_stage_household_province ON bulk_stage_household (province_code);
    CREATE INDEX bulk_stage_member_province ON bulk_stage_member (province_code);
    -- (no ANALYZE of the staging tables here, V64: the import has analysed both, unchanged since, before its checks
    -- across the file; an index on a plain column needs no statistics of its own)
    FOREACH province IN ARRAY provinces LOOP
        IF bulk_load_empty_province(province, import) THEN
            loaded := loaded || province;
        END IF;
    END LOOP;
    DROP INDEX bulk_stage_household_province;
    DROP INDEX bulk_stage_member_province;
    RETURN loaded;
END;
$$;
REVOKE ALL ON FUNCTION bulk_load_empty_provinces(text[], bigint) FROM PUBLIC;

-- The partitions of the given provinces of household or household_member analysed (as the owner: ANALYZE needs it
-- in PostgreSQL 15); a province without a partition of its own is in the default partition, analysed then.
CREATE FUNCTION analyze_imported_partitions(target text, provinces text[]) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    province text;
    part regclass;
    done regclass[] := '{}';
BEGIN
    IF target IS NULL OR target NOT IN ('household', 'household_member') THEN
        RAISE EXCEPTION 'analyze_imported_partitions: % is not a table of the import', quote_nullable(target)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF provinces IS NULL THEN
        RAISE EXCEPTION 'analyze_imported_partitions: no provinces' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH province IN ARRAY provinces LOOP
        IF province IS NULL OR province !~ '^[0-9]{2}$' THEN
            RAISE EXCEPTION 'analyze_imported_partitions: % is not a province code', quote_nullable(province)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;
    FOREACH province IN ARRAY provinces LOOP
        part := to_regclass(format('public.%I', target || '_p' || province));
        IF part IS NULL OR NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = part
                                                                  AND inhparent = format('public.%I', target)::regclass) THEN
            part := format('public.%I', target || '_pdefault')::regclass;
        END IF;
        IF NOT part = ANY (done) THEN
            EXECUTE format('ANALYZE %s', part);
            done := done || part;
        END IF;
    END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION analyze_imported_partitions(text, text[]) FROM PUBLIC;

-- 3. The identity numbers of a bulk import (HouseholdBulkImport.store), as the owner: into an empty citizen_identity
--    (the first load of the country) the primary key is dropped, the staged numbers inserted and the key built
--    again in one sort (same name, same definition), under an ACCESS EXCLUSIVE lock until the import commits, as
--    the first load's partitions are; into a citizen_identity that holds numbers, the rows go through the key as
--    before (in key order: the key grows at its right edge), with no lock beyond the insert's: a yearly import
--    blocks no one who saves a household meanwhile. Either way every number of the file is inserted or
--    the transaction fails (a number twice violates the key when it is built again). Returns the rows inserted.
CREATE FUNCTION bulk_insert_identities() RETURNS bigint LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    key_name name;
    key_def text;
    inserted bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM citizen_identity) THEN
        LOCK TABLE citizen_identity IN ACCESS EXCLUSIVE MODE;
    END IF;
    -- (again under the lock: a number saved between the two statements sends the import the ordinary way)
    IF EXISTS (SELECT 1 FROM citizen_identity) THEN
        INSERT INTO citizen_identity (id_number, province_code, member_id)
        SELECT id_number, province_code, id FROM bulk_stage_member WHERE id_number IS NOT NULL ORDER BY id_number;
        GET DIAGNOSTICS inserted = ROW_COUNT;
        RETURN inserted;
    END IF;
    SELECT c.conname, pg_get_constraintdef(c.oid) INTO key_name, key_def
      FROM pg_constraint c WHERE c.conrelid = 'public.citizen_identity'::regclass AND c.contype = 'p';
    IF key_name IS NOT NULL THEN
        EXECUTE format('ALTER TABLE citizen_identity DROP CONSTRAINT %I', key_name);
    END IF;
    INSERT INTO citizen_identity (id_number, province_code, member_id)
    SELECT id_number, province_code, id FROM bulk_stage_member WHERE id_number IS NOT NULL;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    IF key_name IS NOT NULL THEN
        EXECUTE format('ALTER TABLE citizen_identity ADD CONSTRAINT %I %s', key_name, key_def);
    END IF;
    RETURN inserted;
END;
$$;
REVOKE ALL ON FUNCTION bulk_insert_identities() FROM PUBLIC;
