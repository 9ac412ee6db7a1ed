-- Statistics of the tables just written, at once (issue 26, h21; ADR 0009 addendum, docs/benchmarks.md "h21").
--
-- The demonstration's start, a bulk import or a review's decision writes thousands of rows in one transaction; the
-- autovacuum analyses them only at its next round (autovacuum_naptime, 1 min) and after the tables before them.
-- Meanwhile the planner plans over no statistics at all (a table never analysed) or over a sample taken in the
-- middle of the writing transaction: the indicators page of a commune of 8,000 households took 4–5 s (66–73 s the
-- session before) instead of 0.13 s until the autovacuum came by, 40–60 s after the demonstration was ready.
--
-- analyze_stale_tables() does at once what the autovacuum would do at its next round: ANALYZE of every table of the
-- schema (partitions included; not the partitioned tables themselves, which the autovacuum never analyses either)
--   * that holds pages but was never analysed (pg_class.reltuples < 0: needs no activity counter), or
--   * whose rows changed since its last analysis beyond the autovacuum's own threshold
--     (autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × reltuples, as the server is configured).
-- Unlogged tables (the bulk import's staging, emptied after every import) are left out. SKIP_LOCKED: a table that
-- the autovacuum or another caller is analysing right now is left to them, never waited for.
-- As the owner (SECURITY DEFINER): only the owner may ANALYZE and the application's role owns nothing (ADR 0009). It
-- takes no argument, so it can reach nothing but the statistics of the schema's own tables; it returns the names
-- of the tables it analysed. The application calls it after the commit of the writes (system.TableStatistics): the
-- activity counters count a transaction's changes only once it has committed.
CREATE FUNCTION analyze_stale_tables() RETURNS text[] LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    analysed text[] := '{}';
    threshold float8 := current_setting('autovacuum_analyze_threshold')::float8;
    scale float8 := current_setting('autovacuum_analyze_scale_factor')::float8;
BEGIN
    FOR r IN SELECT c.oid::regclass AS tab, c.relname
               FROM pg_class c
               LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
              WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relpersistence = 'p'
                AND ((c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
                     OR coalesce(s.n_mod_since_analyze, 0) > threshold + scale * greatest(c.reltuples, 0))
              ORDER BY c.relname LOOP
        EXECUTE format('ANALYZE (SKIP_LOCKED) %s', r.tab);
        analysed := analysed || r.relname::text;
    END LOOP;
    RETURN analysed;
END;
$$;
REVOKE ALL ON FUNCTION analyze_stale_tables() FROM PUBLIC;
