-- The first load of the provinces built as separate tables on several connections, swapped in by the move's one
-- transaction (issue 26 point 1, ADR 0013 amendment h25).
--
-- V58/V64's bulk_load_empty_province loads each province into its detached partitions inside the move's transaction,
-- one province after the other on ONE backend while the JVM and the second core wait (28.4 s of the 64.1 s first load
-- at 1,000,000 households on the quiet machine). Here the same work is split in two:
--
-- 1. bulk_build_province(province, import), on worker connections (each call its own transaction, several at once):
--    tables shaped exactly like the province's partitions (bulk_built_household_pNN, bulk_built_household_member_pNN,
--    the owner's: columns, defaults, CHECKs, the bound CHECK, the partitions' grants — none for the application),
--    filled from the staging tables with the same SELECT as V64, keys and indexes built once from the partitions' own
--    definitions (under temporary names, index names being unique in the schema, each carrying its real name as its
--    comment), the member's foreign key to the NEW household table validated once.
--    The foreign keys to other tables (admin_unit: a village the file names may be created by the move's still
--    uncommitted transaction, which holds its rows) are added by the swap, each validated by one query.
-- 2. bulk_swap_provinces(provinces, import), inside the move's transaction: under the ACCESS EXCLUSIVE lock of
--    household and household_member, for each province whose built tables are there for this import and whose
--    partitions are still empty: add the foreign keys to other tables, detach and drop the empty partitions, rename the
--    built tables, their keys and indexes to the partitions' names, give them the partitions' grants again (a
--    grant_application_privileges run meanwhile would have granted them as tables), attach them (ATTACH adopts the
--    indexes and keys, finds the bound in the CHECK, clones the parents' row triggers and the foreign keys of the
--    tables that reference household). A province that got a household meanwhile has its built tables dropped and
--    takes the ordinary move.
-- 3. bulk_build_cleanup(): drops every built table (a crash, a failed import, a province not swapped) and the
--    staging's province indexes; bulk_build_prepare() creates the indexes (after a cleanup) before the builds.
--
-- All or nothing: until the swap commits with the rest of the move, the registry is untouched; the built tables are
-- the owner's, left out of backups (bulk_built_tables(), DatabaseBackup), and dropped by the next import's cleanup.
-- Least privilege (ADR 0009): each function is SECURITY DEFINER, refuses anything but a province code and an import
-- id, and works only while a bulk import holds its advisory lock (HouseholdBulkImport.LOCK).

-- The tables built aside by a first load (one place for their names): a backup leaves them out (DatabaseBackup), the
-- cleanup drops them. Readable by the application's role (it reads pg_class only).
CREATE FUNCTION bulk_built_tables() RETURNS SETOF regclass LANGUAGE sql STABLE
    SET search_path = public, pg_temp AS $$
    SELECT c.oid::regclass FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
       AND c.relname ~ '^bulk_built_household(_member)?_p[0-9]{2}$'
$$;

-- The name of the table built aside for a partition.
CREATE FUNCTION bulk_built_name(part text) RETURNS text LANGUAGE sql IMMUTABLE
    SET search_path = public, pg_temp AS $$
    SELECT 'bulk_built_' || part
$$;

-- Whether a bulk import is running: it holds the advisory lock 0x6769616d4e676865 (HouseholdBulkImport.LOCK) on
-- one of its connections (own: on the caller's).
CREATE FUNCTION bulk_import_running(own boolean) RETURNS boolean LANGUAGE sql STABLE
    SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (
                       SELECT oid FROM pg_database WHERE datname = current_database())
                     AND classid = x'6769616d'::int::oid AND objid = x'4e676865'::int::oid AND objsubid = 1
                     AND (NOT own OR pid = pg_backend_pid()))
$$;

-- Every table built aside dropped (in one statement: the member's foreign key references the household's).
CREATE FUNCTION bulk_build_drop_all() RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    tables text := (SELECT string_agg(t::text, ', ') FROM bulk_built_tables() t);
BEGIN
    IF tables IS NOT NULL THEN
        EXECUTE 'DROP TABLE ' || tables;
    END IF;
END;
$$;

CREATE FUNCTION bulk_build_cleanup() RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT bulk_import_running(true) THEN
        RAISE EXCEPTION 'bulk_build_cleanup: only the bulk import holding its lock' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM bulk_build_drop_all();
    DROP INDEX IF EXISTS bulk_stage_household_province;
    DROP INDEX IF EXISTS bulk_stage_member_province;
END;
$$;
REVOKE ALL ON FUNCTION bulk_build_cleanup() FROM PUBLIC;

CREATE FUNCTION bulk_build_prepare() RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT bulk_import_running(true) THEN
        RAISE EXCEPTION 'bulk_build_prepare: only the bulk import holding its lock' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM bulk_build_drop_all();
    -- (no DROP INDEX here: it would wait for the move's transaction, which has read the staging; the import's cleanup
    -- before the staging has dropped any left over, and CREATE INDEX takes only a SHARE lock)
    CREATE INDEX IF NOT EXISTS bulk_stage_household_province ON bulk_stage_household (province_code);
    CREATE INDEX IF NOT EXISTS bulk_stage_member_province ON bulk_stage_member (province_code);
END;
$$;
REVOKE ALL ON FUNCTION bulk_build_prepare() FROM PUBLIC;

-- The partition's table-level and column-level grants, and only those, on the built table (its owner's are implicit).
CREATE FUNCTION bulk_built_grants(part regclass, built regclass) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    owner oid := (SELECT relowner FROM pg_class WHERE oid = part);
BEGIN
    FOR r IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = built AND a.grantee <> owner
             UNION
             SELECT DISTINCT a.grantee FROM pg_attribute t, aclexplode(t.attacl) a
              WHERE t.attrelid = built AND t.attnum > 0 AND a.grantee <> owner LOOP
        EXECUTE format('REVOKE ALL ON TABLE %s FROM %s', built,
                       CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.grantee)) END);
    END LOOP;
    IF (SELECT relacl FROM pg_class WHERE oid = part) IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON TABLE %s FROM PUBLIC', built); -- the ACL written out, as the partition's is
    END IF;
    -- the table's grants (column null) and its columns'
    FOR r IN SELECT NULL::name AS col, a.grantee, a.privilege_type, a.is_grantable
               FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = part AND a.grantee <> owner
             UNION ALL
             SELECT t.attname, a.grantee, a.privilege_type, a.is_grantable
               FROM pg_attribute t, aclexplode(t.attacl) a
              WHERE t.attrelid = part AND t.attnum > 0 AND NOT t.attisdropped AND a.grantee <> owner LOOP
        EXECUTE format('GRANT %s%s ON TABLE %s TO %s%s', r.privilege_type,
                       CASE WHEN r.col IS NULL THEN '' ELSE format(' (%I)', r.col) END, built,
                       CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.grantee)) END,
                       CASE WHEN r.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
    END LOOP;
END;
$$;

-- bulk_built_<the partition's name>, shaped like the partition (columns, defaults, NOT NULLs, CHECKs, storage,
-- compression, options, grants), empty, without keys, indexes or foreign keys; the bound as a CHECK (named as V58
-- names it) if the partition has none yet.
CREATE FUNCTION bulk_built_table(part regclass, province text) RETURNS regclass LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = part);
    options text[] := (SELECT reloptions FROM pg_class WHERE oid = part);
    tab regclass;
BEGIN
    EXECUTE format('CREATE TABLE %I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE '
                   'INCLUDING COMPRESSION INCLUDING GENERATED)', bulk_built_name(name), part);
    tab := format('public.%I', bulk_built_name(name))::regclass;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = tab AND conname = name || '_bound') THEN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (province_code = %L)', tab, name || '_bound', province);
    END IF;
    IF options IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s SET (%s)', tab, array_to_string(options, ', '));
    END IF;
    PERFORM bulk_built_grants(part, tab);
    RETURN tab;
END;
$$;

-- The partition's keys and indexes built on the built table from their definitions, each under a temporary name
-- (index names are unique in the schema: <built table>_iN) that carries its real name as its comment.
CREATE FUNCTION bulk_built_indexes(part regclass, built regclass) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    n integer := 0;
    tmp text;
BEGIN
    FOR r IN SELECT x.relname AS idxname, c.conname, pg_get_constraintdef(c.oid) AS cdef,
                    pg_get_indexdef(i.indexrelid) AS idef
               FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
               LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
              WHERE i.indrelid = part
              ORDER BY c.conname IS NULL, x.relname LOOP
        n := n + 1;
        tmp := format('%s_i%s', (SELECT relname FROM pg_class WHERE oid = built), n);
        IF r.conname IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', built, tmp, r.cdef);
            EXECUTE format('COMMENT ON CONSTRAINT %I ON %s IS %L', tmp, built, r.conname);
        ELSE
            EXECUTE regexp_replace(r.idef, '^CREATE (UNIQUE )?INDEX \S+ ON \S+ ',
                                   format('CREATE \1INDEX %I ON %s ', tmp, built));
            EXECUTE format('COMMENT ON INDEX %I IS %L', tmp, r.idxname);
        END IF;
    END LOOP;
END;
$$;

-- The built table renamed to the partition's name, its keys and indexes to the names their comments carry.
CREATE FUNCTION bulk_built_rename(built regclass, name text) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.conname, obj_description(c.oid, 'pg_constraint') AS real FROM pg_constraint c
              WHERE c.conrelid = built AND c.contype IN ('p', 'u', 'x') LOOP
        EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', built, r.conname, r.real);
        EXECUTE format('COMMENT ON CONSTRAINT %I ON %s IS NULL', r.real, built);
    END LOOP;
    FOR r IN SELECT i.indexrelid::regclass AS idx, obj_description(i.indexrelid, 'pg_class') AS real FROM pg_index i
              WHERE i.indrelid = built AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                                                       AND c.conrelid = built) LOOP
        EXECUTE format('ALTER INDEX %s RENAME TO %I', r.idx, r.real);
        EXECUTE format('COMMENT ON INDEX %s IS NULL', r.idx);
    END LOOP;
    EXECUTE format('COMMENT ON TABLE %s IS NULL', built);
    EXECUTE format('ALTER TABLE %s RENAME TO %I', built, name);
END;
$$;

-- The partition's foreign keys on the built table, same names, validated by one query each: with to_household the one
-- that references the household partition (the member's), now referencing the built household table (built on the
-- worker); without, every other one (admin_unit's: added by the swap, inside the move's transaction, which may have
-- created villages the file names, and whose row locks on admin_unit a worker's ADD FOREIGN KEY would wait for).
CREATE FUNCTION bulk_built_foreign_keys(part regclass, built regclass, hpart regclass, hbuilt regclass,
                                        to_household boolean) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.conname, pg_get_constraintdef(c.oid) AS def
               FROM pg_constraint c WHERE c.conrelid = part AND c.contype = 'f' AND (c.confrelid = hpart) = to_household
              ORDER BY c.conname LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', built, r.conname, CASE WHEN to_household
                       THEN regexp_replace(r.def, ' REFERENCES \S+\(', format(' REFERENCES %s(', hbuilt)) ELSE r.def END);
    END LOOP;
END;
$$;

-- The province's partitions, if both are attached partitions of household and household_member (else null).
CREATE FUNCTION bulk_province_partitions(province text, OUT hpart regclass, OUT mpart regclass) LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp AS $$
BEGIN
    hpart := to_regclass(format('public.%I', 'household_p' || province));
    mpart := to_regclass(format('public.%I', 'household_member_p' || province));
    IF hpart IS NULL OR mpart IS NULL
       OR NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = hpart AND inhparent = 'public.household'::regclass)
       OR NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = mpart AND inhparent = 'public.household_member'::regclass) THEN
        hpart := NULL;
        mpart := NULL;
    END IF;
END;
$$;

CREATE FUNCTION bulk_check_province(fn text, province text, import bigint) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
BEGIN
    IF province IS NULL OR province !~ '^[0-9]{2}$' THEN
        RAISE EXCEPTION '%: % is not a province code', fn, quote_nullable(province) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF import IS NULL OR import <= 0 THEN
        RAISE EXCEPTION '%: % is not an import batch', fn, quote_nullable(import) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT bulk_import_running(false) THEN
        RAISE EXCEPTION '%: no bulk import is running', fn USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

-- Step 1, on a worker connection: the province's tables built; false (nothing built) if the province has no
-- partitions of its own or they already hold rows.
CREATE FUNCTION bulk_build_province(province text, import bigint) RETURNS boolean LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p record;
    hbuilt regclass;
    mbuilt regclass;
BEGIN
    PERFORM bulk_check_province('bulk_build_province', province, import);
    SELECT * INTO p FROM bulk_province_partitions(province);
    IF p.hpart IS NULL OR EXISTS (SELECT 1 FROM household WHERE province_code = province)
       OR EXISTS (SELECT 1 FROM household_member WHERE province_code = province) THEN
        RETURN false;
    END IF;
    EXECUTE format('DROP TABLE IF EXISTS %I, %I', bulk_built_name('household_member_p' || province),
                   bulk_built_name('household_p' || province));
    hbuilt := bulk_built_table(p.hpart, province);
    mbuilt := bulk_built_table(p.mpart, province);
    EXECUTE format('COMMENT ON TABLE %s IS %L', hbuilt, 'import ' || import);
    EXECUTE format('COMMENT ON TABLE %s IS %L', mbuilt, 'import ' || import);

    -- the same rows as V64's bulk_load_empty_province and the ordinary move (HouseholdBulkImport.store)
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
        WHERE s.province_code = $1$sql$, hbuilt) USING province, import;
    EXECUTE format($sql$
        INSERT INTO %s (id, province_code, household_id, member_no, full_name, id_number,
            birth_date, birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
            monthly_social_allowance, health_insurance, malnourished, education, in_school,
            school_level_appropriate, sick_untreated, merit_person)
        SELECT id, province_code, household_id, member_no, full_name, id_number, birth_date, birth_year_only,
            sex, ethnicity, relation, employment, working_capacity, disability, monthly_social_allowance,
            health_insurance, malnourished, education, in_school, school_level_appropriate, sick_untreated,
            merit_person
        FROM bulk_stage_member WHERE province_code = $1$sql$, mbuilt) USING province;

    PERFORM bulk_built_indexes(p.hpart, hbuilt);
    PERFORM bulk_built_indexes(p.mpart, mbuilt);
    PERFORM bulk_built_foreign_keys(p.mpart, mbuilt, p.hpart, hbuilt, true);
    RETURN true;
END;
$$;
REVOKE ALL ON FUNCTION bulk_build_province(text, bigint) FROM PUBLIC;

-- Step 2, in the move's transaction: the provinces whose built tables were swapped in for their partitions.
CREATE FUNCTION bulk_swap_provinces(provinces text[], import bigint) RETURNS text[] LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    province text;
    p record;
    hbuilt regclass;
    mbuilt regclass;
    hname text;
    mname text;
    swapped text[] := '{}';
BEGIN
    IF provinces IS NULL THEN
        RAISE EXCEPTION 'bulk_swap_provinces: no provinces' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH province IN ARRAY provinces LOOP
        PERFORM bulk_check_province('bulk_swap_provinces', province, import);
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM import_batch WHERE id = import) THEN
        RAISE EXCEPTION 'bulk_swap_provinces: no import batch %', import USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(provinces) = 0 THEN
        RETURN swapped;
    END IF;
    LOCK TABLE household, household_member IN ACCESS EXCLUSIVE MODE;
    FOREACH province IN ARRAY provinces LOOP
        hbuilt := to_regclass(format('public.%I', bulk_built_name('household_p' || province)));
        mbuilt := to_regclass(format('public.%I', bulk_built_name('household_member_p' || province)));
        IF hbuilt IS NULL OR mbuilt IS NULL THEN
            CONTINUE;
        END IF;
        SELECT * INTO p FROM bulk_province_partitions(province);
        -- built for this import, and the partitions still empty under the lock; else the ordinary move
        IF p.hpart IS NULL OR obj_description(hbuilt, 'pg_class') IS DISTINCT FROM 'import ' || import
           OR obj_description(mbuilt, 'pg_class') IS DISTINCT FROM 'import ' || import
           OR EXISTS (SELECT 1 FROM household WHERE province_code = province)
           OR EXISTS (SELECT 1 FROM household_member WHERE province_code = province) THEN
            EXECUTE format('DROP TABLE %s, %s', mbuilt, hbuilt);
            CONTINUE;
        END IF;
        PERFORM bulk_built_foreign_keys(p.hpart, hbuilt, p.hpart, hbuilt, false);
        PERFORM bulk_built_foreign_keys(p.mpart, mbuilt, p.hpart, hbuilt, false);
        PERFORM bulk_built_grants(p.hpart, hbuilt);
        PERFORM bulk_built_grants(p.mpart, mbuilt);
        hname := (SELECT relname FROM pg_class WHERE oid = p.hpart);
        mname := (SELECT relname FROM pg_class WHERE oid = p.mpart);
        EXECUTE format('ALTER TABLE household_member DETACH PARTITION %s', p.mpart);
        EXECUTE format('ALTER TABLE household DETACH PARTITION %s', p.hpart);
        EXECUTE format('DROP TABLE %s, %s', p.mpart, p.hpart);
        PERFORM bulk_built_rename(hbuilt, hname);
        PERFORM bulk_built_rename(mbuilt, mname);
        EXECUTE format('ALTER TABLE household ATTACH PARTITION %s FOR VALUES IN (%L)', hbuilt, province);
        EXECUTE format('ALTER TABLE household_member ATTACH PARTITION %s FOR VALUES IN (%L)', mbuilt, province);
        swapped := swapped || province;
    END LOOP;
    RETURN swapped;
END;
$$;
REVOKE ALL ON FUNCTION bulk_swap_provinces(text[], bigint) FROM PUBLIC;

-- the helpers run only inside the functions above (as the owner)
REVOKE ALL ON FUNCTION bulk_import_running(boolean), bulk_build_drop_all(), bulk_built_grants(regclass, regclass),
    bulk_built_table(regclass, text), bulk_built_indexes(regclass, regclass), bulk_built_rename(regclass, text),
    bulk_built_foreign_keys(regclass, regclass, regclass, regclass, boolean), bulk_province_partitions(text),
    bulk_check_province(text, text, bigint) FROM PUBLIC;
