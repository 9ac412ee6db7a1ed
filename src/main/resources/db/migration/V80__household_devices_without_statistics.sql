-- No column statistics for the household's information devices (issue 26 point 1, ADR 0013 amendment "sixth").
--
-- After a first load every province's household partition is analysed before the first page plans over it (V70, V72).
-- Of the 33 columns, info_devices (an array of device codes) cost the most by far: an array column is also analysed
-- element by element (most common elements, a histogram of distinct elements per row). Analysing one province's
-- partition of a 1,000,000-household registry (52,794 households) took 67 ms for that column alone against 15–30 ms
-- for any other, and 245 ms for the whole table. No statement filters, joins, groups or sorts on it: it is written, read
-- back for the form, the register's export and the classifier, and compared in memory, so no plan can use its
-- statistics. Its statistics target becomes 0 (ANALYZE skips it), on household and every partition.
ALTER TABLE household ALTER COLUMN info_devices SET STATISTICS 0;

-- V73's bulk_built_table, with one addition: the partition's per-column statistics targets on the built table
-- (CREATE TABLE … LIKE copies none of them), so that the table swapped in for a partition keeps them
CREATE OR REPLACE FUNCTION bulk_built_table(part regclass, province text) RETURNS regclass LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = part);
    options text[] := (SELECT reloptions FROM pg_class WHERE oid = part);
    tab regclass;
    r record;
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
    -- (PostgreSQL 17 records the default target as null, 15 and 16 as -1)
    FOR r IN SELECT attname, attstattarget FROM pg_attribute
              WHERE attrelid = part AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0 LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS %s', tab, r.attname, r.attstattarget);
    END LOOP;
    PERFORM bulk_built_grants(part, tab);
    RETURN tab;
END;
$$;
