-- The household's and the member's keys with the province code as their last column instead of their first (issue 26
-- point 1; ADR 0013 amendment "…fifth: the keys"; docs/benchmarks.md "Lead — issue 26 point 1, the keys' column order").
--
-- A partitioned table's unique keys must hold its partition key, so V4 began every key with province_code. Inside a
-- partition that column holds one value: a btree sorting or searching by it compares two equal texts first on every
-- row and only then the column that decides. Measured on one province's partitions of a 1,000,000-household registry
-- (52,794 households, 157,974 members; CREATE INDEX on one backend, maintenance_work_mem 256MB, builtin collation):
--   household (province_code, id)                          42 ms   (id, province_code)                        17 ms
--   household (province_code, commune_id, household_code)  56 ms   (commune_id, household_code, province_code) 23 ms
--   member (province_code, id)                            121 ms   (id, province_code)                        41 ms
--   member (province_code, household_id, member_no)       129 ms   (household_id, province_code, member_no)   60 ms
--   member (province_code, household_id) head only         50 ms   (household_id, province_code) head only    28 ms
-- and the member's foreign key to its household validated by a merge join over the new orders in 81 ms against 92.
-- Every key keeps its columns (a key's columns are a set to a foreign key and to ON CONFLICT), so every statement that
-- looked a row up by them still finds it by the same index; household_id_idx (id), which served look-ups by id alone,
-- is now the key's own first column and goes.
--
-- The foreign keys that reference household or its partitions (the nine tables of a household's records, and V19's
-- member-to-household key of each partition) hang on the old keys: they are dropped first and added again after, with
-- their names and definitions unchanged (each validated by one query; on a large registry this migration rebuilds the
-- five keys and revalidates the foreign keys once, at start-up).
CREATE TEMPORARY TABLE v77_foreign_key ON COMMIT DROP AS
SELECT c.conrelid::regclass AS tab, c.conname, pg_get_constraintdef(c.oid) AS def
  FROM pg_constraint c
 WHERE c.contype = 'f' AND c.conparentid = 0
   AND c.confrelid IN (SELECT 'public.household'::regclass
                       UNION ALL SELECT inhrelid FROM pg_inherits WHERE inhparent = 'public.household'::regclass
                       UNION ALL SELECT 'public.household_member'::regclass
                       UNION ALL SELECT inhrelid FROM pg_inherits WHERE inhparent = 'public.household_member'::regclass);

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM v77_foreign_key ORDER BY tab::text, conname LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.conname);
    END LOOP;
END;
$$;

ALTER TABLE household DROP CONSTRAINT household_pkey;
ALTER TABLE household ADD CONSTRAINT household_pkey PRIMARY KEY (id, province_code);
DROP INDEX household_id_idx;
DROP INDEX household_code_in_commune;
CREATE UNIQUE INDEX household_code_in_commune ON household (commune_id, household_code, province_code);

ALTER TABLE household_member DROP CONSTRAINT household_member_pkey;
ALTER TABLE household_member ADD CONSTRAINT household_member_pkey PRIMARY KEY (id, province_code);
ALTER TABLE household_member DROP CONSTRAINT household_member_province_code_household_id_member_no_key;
ALTER TABLE household_member ADD CONSTRAINT household_member_no_in_household UNIQUE (household_id, province_code, member_no);
DROP INDEX household_member_one_head;
CREATE UNIQUE INDEX household_member_one_head ON household_member (household_id, province_code) WHERE relation = 'head';

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM v77_foreign_key ORDER BY tab::text, conname LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tab, r.conname, r.def);
    END LOOP;
    IF (SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.household_member'::regclass)
       <> (SELECT count(*) FROM pg_constraint WHERE conname LIKE 'household\_member\_p%\_household\_fk') THEN
        RAISE EXCEPTION 'V77: a partition of household_member lost its foreign key to its household partition';
    END IF;
END;
$$;
