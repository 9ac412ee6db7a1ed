-- Users, roles and the append-only audit log.

CREATE TABLE app_user (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
    password_hash   text        NOT NULL,
    full_name       text        NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    role            text        NOT NULL CHECK (role IN ('COMMUNE_OFFICER', 'COMMUNE_CHAIR', 'PROVINCE_OFFICER',
                                                         'MINISTRY_VIEWER', 'ADMINISTRATOR')),
    -- NULL unit = the whole country (ministry viewers and administrators)
    unit_id         bigint      REFERENCES admin_unit (id),
    enabled         boolean     NOT NULL DEFAULT true,
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (role IN ('MINISTRY_VIEWER', 'ADMINISTRATOR') OR unit_id IS NOT NULL)
);

-- Every change to audited tables (and exports of personal data, logins, imports) leaves a row here.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    username      text        NOT NULL,
    action        text        NOT NULL,
    entity        text        NOT NULL,
    entity_id     text,
    province_code text,
    before_value  jsonb,
    after_value   jsonb,
    detail        text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- The database itself keeps the log append-only: UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Generic row-change trigger: who is taken from the transaction-local setting giamngheo.username,
-- set by the application at the start of every writing transaction.
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor text := coalesce(nullif(current_setting('giamngheo.username', true), ''), 'system');
    old_row jsonb;
    new_row jsonb;
    row_id text;
    province text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN old_row := to_jsonb(OLD) - 'password_hash'; END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN new_row := to_jsonb(NEW) - 'password_hash'; END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN RETURN NEW; END IF;
    row_id := coalesce(new_row ->> 'id', old_row ->> 'id');
    province := coalesce(new_row ->> 'province_code', old_row ->> 'province_code');
    INSERT INTO audit_log (username, action, entity, entity_id, province_code, before_value, after_value)
    VALUES (actor,
            CASE TG_OP WHEN 'INSERT' THEN 'CREATE' WHEN 'UPDATE' THEN 'UPDATE' ELSE 'DELETE' END,
            regexp_replace(TG_TABLE_NAME, '_p([0-9]{2}|default)$', ''), row_id, province, old_row, new_row);
    RETURN coalesce(NEW, OLD);
END;
$$;

CREATE TRIGGER app_user_audit AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
