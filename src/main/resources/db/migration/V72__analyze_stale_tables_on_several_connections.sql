-- Statistics of the tables just written on several connections at once (issue 26 point 1, h24; ADR 0013 amendment
-- h24, docs/benchmarks.md "h24").
--
-- analyze_stale_tables() (V70) analyses every stale table one after the other in one call, on one backend: after a
-- first national load of 1,000,000 households that was 10.8 s with one of the machine's two cores idle. The same work
-- is split here into the list and the analysis of one table, so that the application runs the ANALYZEs of the list
-- over two connections at once (system.TableStatistics); each ANALYZE is its own short transaction either way.
--
-- stale_tables(): the tables V70 picked, by the same rule (one place: analyze_stale_tables() now reads it too),
-- largest first so that two connections end together. Plain, not SECURITY DEFINER: it reads only the catalogue and
-- the activity counters, which every role may read.
-- analyze_stale_table(tab): ANALYZE (SKIP_LOCKED) of one table, as the owner (only the owner may ANALYZE, and the
-- application's role owns nothing: ADR 0009) — and only of a table that stale_tables() lists at the time of the call:
-- any other name (a table of another schema, a partitioned parent, the unlogged staging, a table whose statistics are
-- fresh, one the autovacuum has analysed meanwhile) is refused without analysing anything (returns false), so that
-- the function gives the application's role nothing more than V70's did. EXECUTE on it reaches the application's
-- role as on every SECURITY DEFINER function of the schema (V35's grant_application_privileges; PUBLIC has none).
CREATE FUNCTION stale_tables() RETURNS SETOF regclass LANGUAGE sql STABLE
    SET search_path = public, pg_temp AS $$
    SELECT c.oid::regclass
      FROM pg_class c
      LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relpersistence = 'p'
       AND ((c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
            OR coalesce(s.n_mod_since_analyze, 0) > current_setting('autovacuum_analyze_threshold')::float8
                 + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0))
     ORDER BY pg_relation_size(c.oid) DESC, c.relname
$$;

CREATE FUNCTION analyze_stale_table(tab regclass) RETURNS boolean LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF tab IS NULL OR NOT EXISTS (SELECT 1 FROM stale_tables() t WHERE t = tab) THEN
        RETURN false;
    END IF;
    EXECUTE format('ANALYZE (SKIP_LOCKED) %s', tab);
    RETURN true;
END;
$$;
REVOKE ALL ON FUNCTION analyze_stale_table(regclass) FROM PUBLIC;

CREATE OR REPLACE FUNCTION analyze_stale_tables() RETURNS text[] LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    tab regclass;
    analysed text[] := '{}';
BEGIN
    FOR tab IN SELECT t FROM stale_tables() t ORDER BY t::text LOOP
        EXECUTE format('ANALYZE (SKIP_LOCKED) %s', tab);
        analysed := analysed || tab::text;
    END LOOP;
    RETURN analysed;
END;
$$;
