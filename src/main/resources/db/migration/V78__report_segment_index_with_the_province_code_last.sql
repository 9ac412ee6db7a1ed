-- The report segments' household index with the province code last (issue 26 point 1, as V77 for the register's keys;
-- docs/benchmarks.md "Lead — issue 26 point 1, the keys' column order").
--
-- report_rebuild builds a province's partition of report_segment_household_idx again after every first load and yearly
-- import (V26, V35). Inside the partition the province code is the same in every row: on one province's 52,794
-- segments of a 1,000,000-household registry the index built in 55–58 ms as (province_code, household_id) and in
-- 15–17 ms as (household_id, province_code). Every statement that uses it names both columns with = (report_refresh,
-- report_append_segments), so it finds the same rows by the same index.
--
-- report_rebuild_aggregates (V35's report_rebuild, renamed by V74) named the columns twice; here it is V35's text
-- with one change: the index is built from the partitioned index's own definition, read before it is dropped (the
-- whole registry) or from the parent (a province's partition), so that the definition lives in one place.
DROP INDEX report_segment_household_idx;
CREATE INDEX report_segment_household_idx ON report_segment (household_id, province_code);

CREATE OR REPLACE FUNCTION report_rebuild_aggregates(province text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    part regclass;
    idx regclass;
    bound text;
    filter text := CASE WHEN province IS NULL THEN 'true' ELSE 'province_code = $1' END;
    -- CREATE INDEX report_segment_household_idx ON ONLY public.report_segment USING btree (...)
    def text := pg_get_indexdef('public.report_segment_household_idx'::regclass);
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
        EXECUTE replace(def, ' ON ONLY ', ' ON ');
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
            EXECUTE regexp_replace(def, '^CREATE INDEX \S+ ON ONLY \S+ ', format('CREATE INDEX ON %s ', part));
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
