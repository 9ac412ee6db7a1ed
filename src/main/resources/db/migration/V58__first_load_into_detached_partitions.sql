-- The first load of a province without per-row index upkeep (issue 26 point 1, ADR 0013).
--
-- The bulk import (HouseholdBulkImport, ADR 0005) moves its staged rows with INSERT … SELECT into the partitioned
-- tables: every household row updates three indexes and every member row five, plus a foreign-key check per
-- member. On 200,000 households that move cost about ten times a plain COPY of the same files. When a province's
-- partitions are still empty (the first load of a province or of the country), this function loads them as
-- report_rebuild (V26/V35) loads report_segment:
--   * household_pNN and household_member_pNN are detached (the parents are locked ACCESS EXCLUSIVE until the
--     import's transaction ends: a first load is not a working day's change);
--   * the definitions of their indexes, keys and foreign keys are read from the catalogue and the objects dropped;
--   * a CHECK equal to the partition bound is added (so that ATTACH skips its validation scan);
--   * the staged rows of the province are inserted (households with their village, members);
--   * the indexes and keys are built again, each in one pass, from the saved definitions (same names), then the
--     foreign keys added again, each validated by one query;
--   * both partitions are analysed and attached again; ATTACH adopts the rebuilt indexes and foreign keys, which
--     match the parents' (no second index and no second check).
-- Uniqueness is still guaranteed by the rebuilt unique indexes (a duplicate would fail the whole transaction);
-- the import has already reported every duplicate by file, line and field from its staging tables before this
-- runs. Everything happens inside the caller's transaction: an error anywhere leaves the partitions as they were.
-- Returns false, changing nothing, when the province has no partitions of its own or they hold any row: the
-- caller then takes the ordinary INSERT … SELECT.
CREATE FUNCTION bulk_load_empty_province(province text, import bigint) RETURNS boolean LANGUAGE plpgsql
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
    EXECUTE format('ANALYZE %s', hpart);
    EXECUTE format('ANALYZE %s', mpart);
    EXECUTE format('ALTER TABLE household ATTACH PARTITION %s FOR VALUES IN (%L)', hpart, province);
    EXECUTE format('ALTER TABLE household_member ATTACH PARTITION %s FOR VALUES IN (%L)', mpart, province);
    RETURN true;
END;
$$;
REVOKE ALL ON FUNCTION bulk_load_empty_province(text, bigint) FROM PUBLIC;

-- All the empty provinces of an import in one call: the staging tables get an index on the province for the
-- duration (each province's INSERT then reads its own rows, not the whole staging table once per province; the
-- index is dropped at the end, inside the same transaction). Returns the provinces loaded.
CREATE FUNCTION bulk_load_empty_provinces(provinces text[], import bigint) RETURNS text[] LANGUAGE plpgsql
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
    ANALYZE bulk_stage_household;
    ANALYZE bulk_stage_member;
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
