-- The first load's swap without a deadlock against the autovacuum (issue 26 point 1; found in the session of
-- 2026-12-07, seventh; docs/benchmarks.md).
--
-- The provinces' tables are built on their own connections and committed (V73); the move's transaction swaps them in
-- later. Between the two, the autovacuum may start a VACUUM ANALYZE of a built table (a new table of a million rows).
-- bulk_swap_provinces first changed the table's catalogue rows (the foreign keys, the grants) and then asked for the
-- table's ACCESS EXCLUSIVE lock (renaming its keys) - and waited for the autovacuum. The autovacuum, at its end, updates
-- the table's pg_class row in place and, since PostgreSQL 17.1 (and the minor releases of 12-16 of the same day), waits
-- for the transaction that changed that row: the move's. PostgreSQL reported the deadlock and the first load was rolled
-- back: 6 first loads of 1,000,000 households out of 6 this evening, on a machine slow enough for the swap to fall on
-- the autovacuum's second round (none in the afternoon's runs).
--
-- Now the swap locks every built table before it changes any: an autovacuum holding one is the only blocker, and
-- PostgreSQL cancels it after deadlock_timeout (1 s), as it cancels any autovacuum that blocks a lock. V73's text
-- otherwise (the variables hname and mbuilt serve the new loop before their own use below).
CREATE OR REPLACE FUNCTION bulk_swap_provinces(provinces text[], import bigint) RETURNS text[] LANGUAGE plpgsql
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
    -- every built table locked before any of them is changed (V84): an autovacuum that started on one after its build
    -- committed is then cancelled (deadlock_timeout) instead of waiting, at its end, for this transaction's change of
    -- the table's pg_class row while this transaction waits for it
    FOREACH province IN ARRAY provinces LOOP
        FOREACH hname IN ARRAY ARRAY['household_member_p', 'household_p'] LOOP
            mbuilt := to_regclass(format('public.%I', bulk_built_name(hname || province)));
            IF mbuilt IS NOT NULL THEN
                EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', mbuilt);
            END IF;
        END LOOP;
    END LOOP;
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
