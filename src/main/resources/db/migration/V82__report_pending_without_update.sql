-- Least privilege for the queue of statuses not yet counted (issue 17's rule, ADR 0009; a leftover noted in the
-- closing notes since the session of 2026-12-07 third): report_pending (V74) gets rows from the trigger on
-- household_status and loses them when report_catch_up or report_refresh counts them; nothing ever changes one. grant_application_privileges (V35)
-- gave it SELECT, INSERT, UPDATE and DELETE as to every table that is neither append-only nor a view; the application's
-- role now gets SELECT, INSERT and DELETE on it (the list `queues`). V35's text otherwise; the application runs the
-- function after every migration (ApplicationGrants), so the grant changes at the next start.
CREATE OR REPLACE FUNCTION grant_application_privileges(app name) RETURNS void LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    -- rows added and taken away, never changed: the statuses not yet counted into the report aggregates (V74)
    queues text[] := ARRAY['report_pending'];
BEGIN
    IF app IS NULL OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'grant_application_privileges: no role %', quote_nullable(app);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app AND (rolsuper OR rolname = current_user)) THEN
        RAISE EXCEPTION 'grant_application_privileges: % is a superuser or the owner, not an application role', app;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    FOR r IN SELECT c.oid, c.relname, c.relkind, c.relispartition,
                    EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                             WHERE t.tgrelid = c.oid AND p.proname IN ('refuse_change_of_append_only_table',
                                   'household_status_locked', 'report_version_only_grows', 'poverty_standard_is_immutable')
                               AND p.pronamespace = 'public'::regnamespace) AS append_only
               FROM pg_class c
              WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              ORDER BY c.relname LOOP
        EXECUTE format('REVOKE ALL ON TABLE public.%I FROM %I', r.relname, app);
        IF r.relispartition THEN
            CONTINUE;
        ELSIF r.relkind IN ('v', 'm') OR r.relname = 'flyway_schema_history' THEN
            EXECUTE format('GRANT SELECT ON TABLE public.%I TO %I', r.relname, app);
        ELSIF r.append_only THEN
            EXECUTE format('GRANT SELECT, INSERT ON TABLE public.%I TO %I', r.relname, app);
        ELSIF r.relname = ANY (queues) THEN
            EXECUTE format('GRANT SELECT, INSERT, DELETE ON TABLE public.%I TO %I', r.relname, app);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO %I', r.relname, app);
            IF r.relname IN ('bulk_stage_household', 'bulk_stage_member', 'bulk_stage_village') THEN
                EXECUTE format('GRANT TRUNCATE ON TABLE public.%I TO %I', r.relname, app);
            END IF;
        END IF;
    END LOOP;
    -- the flags the application changes on append-only tables (and nothing else of them)
    EXECUTE format('GRANT UPDATE (revoked) ON TABLE public.household_status TO %I', app);
    EXECUTE format('GRANT UPDATE (version) ON TABLE public.report_version TO %I', app);
    EXECUTE format('GRANT UPDATE (version) ON TABLE public.report_unit_version TO %I', app);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
              WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', r.f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', r.f, app);
    END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION grant_application_privileges(name) FROM PUBLIC;
