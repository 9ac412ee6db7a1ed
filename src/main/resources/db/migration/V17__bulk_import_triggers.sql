-- Bulk imports (import --bulk, issue 9) store millions of rows with INSERT … SELECT from staging tables in one
-- transaction that sets the transaction-local giamngheo.bulk = 'on'. For that transaction the per-row triggers
-- of the household tables do not fire: the import keeps citizen_identity itself (one set-based INSERT, which
-- fails the whole transaction on a number already taken) and is audited as one IMPORT entry naming the
-- import_batch, whose id every imported household carries (import_id). Every other change is audited per row
-- as before. The setting can only be made by the application's own connection.

DROP TRIGGER household_audit ON household;
CREATE TRIGGER household_audit AFTER INSERT OR UPDATE OR DELETE ON household
    FOR EACH ROW WHEN (current_setting('giamngheo.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION audit_row_change();

DROP TRIGGER household_member_audit ON household_member;
CREATE TRIGGER household_member_audit AFTER INSERT OR UPDATE OR DELETE ON household_member
    FOR EACH ROW WHEN (current_setting('giamngheo.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION audit_row_change();

DROP TRIGGER household_member_identity ON household_member;
CREATE TRIGGER household_member_identity AFTER INSERT OR UPDATE OF id_number OR DELETE ON household_member
    FOR EACH ROW WHEN (current_setting('giamngheo.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION household_member_identity();
