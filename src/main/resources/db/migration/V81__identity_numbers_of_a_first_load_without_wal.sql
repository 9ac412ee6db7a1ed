-- The identity numbers of a first national load written without WAL (issue 26 point 1; docs/benchmarks.md, lead of
-- the session of 2026-12-07, seventh).
--
-- bulk_insert_identities (V64) inserts every identity number of the file into citizen_identity. Into an empty one (a
-- first national load) it drops the key, inserts the rows and builds the key once. The built provinces' tables (V73) and
-- the report segments' partitions (V78, TRUNCATE) are new files of the move's transactions, which PostgreSQL writes
-- without WAL under wal_level = minimal (the embedded database, ADR 0009) and syncs at commit; citizen_identity was the
-- one large table of a first load still written through the WAL: 169 MB of WAL for 2,202,288 numbers. An empty
-- table's TRUNCATE, under the lock this function already holds, gives it a new file, so that its rows skip the WAL as
-- the others' do (7.5 kB of WAL for the same rows). Under wal_level = replica (an external server) the TRUNCATE changes
-- nothing but the file. Same text as V64 otherwise.
CREATE OR REPLACE FUNCTION bulk_insert_identities() RETURNS bigint LANGUAGE plpgsql
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
    -- empty under the lock: a new file, written without WAL under wal_level = minimal (rolled back with the import)
    TRUNCATE citizen_identity;
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
