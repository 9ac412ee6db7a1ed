-- One guard for every append-only table (V3's audit_log, V22's review_transition): the function names the table
-- it fires on (TG_TABLE_NAME), so the two copies of V3 and V22 become one. Same refusal, same error code and
-- message ('<table> is append-only: <operation> is not allowed'); a restore (session_replication_role =
-- replica) is still not stopped, since these are ordinary triggers.
CREATE FUNCTION refuse_change_of_append_only_table() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER audit_log_no_update_delete ON audit_log;
DROP TRIGGER audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_table();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_table();
DROP FUNCTION audit_log_is_append_only();

DROP TRIGGER review_transition_no_update_delete ON review_transition;
DROP TRIGGER review_transition_no_truncate ON review_transition;
CREATE TRIGGER review_transition_no_update_delete BEFORE UPDATE OR DELETE ON review_transition
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_table();
CREATE TRIGGER review_transition_no_truncate BEFORE TRUNCATE ON review_transition
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_table();
DROP FUNCTION review_transition_is_append_only();
