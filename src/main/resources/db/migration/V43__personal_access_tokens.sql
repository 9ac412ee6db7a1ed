-- Issue 20 point 6: personal access tokens for machine clients of the API. A user creates a token (a name, an expiry
-- of at most a year) and sees it once; only its SHA-256 hash is kept. A request with "Authorization: Bearer gnp_…"
-- acts as the token's user, with the user's role and area (security.AccessTokens, security.BearerTokenFilter).
-- Creation, revocation and use (last_used_at, written at the first use of each day) are row changes: audited by the
-- trigger below, which leaves the hash out of the log as audit_row_change leaves out password hashes.
CREATE TABLE access_token (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name          text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    token_hash    bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    text,
    CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days'),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX access_token_user_idx ON access_token (user_id, created_at DESC);
COMMENT ON TABLE access_token IS 'Personal access tokens (gnp_…): SHA-256 hash only; issue 20 point 6';

CREATE FUNCTION audit_access_token_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor text := coalesce(nullif(current_setting('giamngheo.username', true), ''), 'system');
    old_row jsonb;
    new_row jsonb;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN old_row := to_jsonb(OLD) - 'token_hash'; END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN new_row := to_jsonb(NEW) - 'token_hash'; END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN RETURN NEW; END IF;
    INSERT INTO audit_log (username, action, entity, entity_id, before_value, after_value)
    VALUES (actor, CASE TG_OP WHEN 'INSERT' THEN 'CREATE' WHEN 'UPDATE' THEN 'UPDATE' ELSE 'DELETE' END,
            'access_token', coalesce(new_row ->> 'id', old_row ->> 'id'), old_row, new_row);
    RETURN coalesce(NEW, OLD);
END;
$$;
CREATE TRIGGER access_token_audit AFTER INSERT OR UPDATE OR DELETE ON access_token
    FOR EACH ROW EXECUTE FUNCTION audit_access_token_change();
