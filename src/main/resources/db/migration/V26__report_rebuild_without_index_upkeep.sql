-- report_rebuild (V20, ADR 0006; V25 added the bump of the report cache's versions, kept) at the speed of a
-- bulk load (issue 9: recomputing the report aggregates within 2x of a read-only GROUP BY of the same data).
--
-- Measured at 1,000,000 households (docs/benchmarks.md, "Recomputation"): of V20's rebuild, writing the
-- 1.7 million segments into the indexed partition cost 8 s more than writing them into a table without an
-- index and indexing it afterwards (3 s), and counting them through one MATERIALIZED CTE (which spills the
-- wide rows to disk) cost 8 s against 3 s for two plain GROUP BYs over the freshly written table. So:
--   * one province: its partition is detached, its index dropped, truncated, filled, indexed in one pass and
--     attached again; a CHECK constraint equal to the partition bound lets ATTACH skip its validation scan;
--   * the whole country: the partitioned index is dropped, every partition truncated and filled, and the
--     index created again (one pass per partition);
--   * a province without its own partition (the default partition) keeps V20's delete and insert;
--   * both aggregates are then counted by two statements over the stored segments.
-- The result is the same rows as V20's rebuild (ReportAggregatesTest compares the rebuild with the state the
-- triggers kept). The segments table is taken ACCESS EXCLUSIVE for the transaction (V20: EXCLUSIVE); only
-- report_refresh and the tests read it, and a refresh had to wait for a rebuild before too. Reports read
-- report_count and report_code_count and never wait.
CREATE OR REPLACE FUNCTION report_rebuild(province text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    part regclass;
    idx regclass;
    bound text;
    filter text := CASE WHEN province IS NULL THEN 'true' ELSE 'province_code = $1' END;
BEGIN
    LOCK TABLE report_segment IN ACCESS EXCLUSIVE MODE;
    IF province IS NULL THEN
        TRUNCATE report_segment, report_count, report_code_count;
        DROP INDEX report_segment_household_idx;
        EXECUTE 'INSERT INTO report_segment ' || report_segments_sql('true', 'true', 'true');
        CREATE INDEX report_segment_household_idx ON report_segment (province_code, household_id);
    ELSE
        DELETE FROM report_count WHERE province_code = province;
        DELETE FROM report_code_count WHERE province_code = province;
        part := to_regclass(format('report_segment_p%s', province));
        IF part IS NULL OR NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = part) THEN
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
            -- the index just built matches the partitioned index: ATTACH adopts it instead of building another
            EXECUTE format('ALTER TABLE report_segment ATTACH PARTITION %s FOR VALUES IN (%L)', part, province);
        END IF;
    END IF;
    EXECUTE 'INSERT INTO report_count '
        || report_count_sql(format('(SELECT s.*, 1 AS sign FROM report_segment s WHERE %s)', filter))
        USING province;
    EXECUTE 'INSERT INTO report_code_count '
        || report_code_count_sql(format('(SELECT s.*, 1 AS sign FROM report_segment s WHERE %s)', filter))
        USING province;
    -- V25's last step, unchanged: the report cache's version of every commune of the province is bumped
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
