-- The history of a review round's moves (review_transition) is evidence, like the audit log: rows are only ever
-- added. UPDATE, DELETE and TRUNCATE are refused by the database itself, and every insert is written to the audit
-- log with the user who made it. (A restore runs with session_replication_role = replica, so it is not stopped.)
CREATE FUNCTION review_transition_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'review_transition is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER review_transition_no_update_delete BEFORE UPDATE OR DELETE ON review_transition
    FOR EACH ROW EXECUTE FUNCTION review_transition_is_append_only();
CREATE TRIGGER review_transition_no_truncate BEFORE TRUNCATE ON review_transition
    FOR EACH STATEMENT EXECUTE FUNCTION review_transition_is_append_only();

CREATE TRIGGER review_transition_audit AFTER INSERT OR UPDATE OR DELETE ON review_transition
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
