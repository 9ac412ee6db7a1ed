-- Changes to administrative units made in the application (villages created by users, later reforms)
-- are audited like every other change. The initial load (V2) happened before this trigger existed.
CREATE TRIGGER admin_unit_audit AFTER INSERT OR UPDATE OR DELETE ON admin_unit
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER unit_succession_audit AFTER INSERT OR UPDATE OR DELETE ON unit_succession
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER admin_unit_change_audit AFTER INSERT OR UPDATE OR DELETE ON admin_unit_change
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER import_batch_audit AFTER INSERT OR UPDATE OR DELETE ON import_batch
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
