-- The field app's sync on the server (issue 25 points 1–3).
--
-- field_assignment: the villages of a review round assigned to a helper or an officer for the field survey (a commune
-- officer's own assignment is every village of their commune's open rounds and needs no row). field_assignment_set:
-- the version of a round's assignment, read by the assignment page and checked when it is saved.
-- field_change: every change a device sent (idempotent by change_id), with its outcome and payload; a conflict keeps
-- both sides until the officer resolves it. household_position / household_photo: the GPS position and the photo of
-- the house, household-level and partitioned by the household's province like the register.
-- audit_row_change: audit rows written while a field change is applied carry the change and its capture time in
-- audit_log.detail (the session setting giamngheo.capture, local to the applying transaction).

CREATE TABLE field_assignment_set (
    round_id        bigint  PRIMARY KEY REFERENCES review_round (id),
    version         integer NOT NULL DEFAULT 0,
    updated_by      text    NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER field_assignment_set_audit AFTER INSERT OR UPDATE OR DELETE ON field_assignment_set
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE field_assignment (
    id              bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id        bigint  NOT NULL REFERENCES review_round (id),
    province_code   text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    village_id      bigint  NOT NULL REFERENCES admin_unit (id),
    user_id         bigint  NOT NULL REFERENCES app_user (id),
    assigned_by     text    NOT NULL,
    assigned_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (round_id, village_id, user_id)
);
CREATE INDEX field_assignment_user_idx ON field_assignment (user_id, round_id);
CREATE TRIGGER field_assignment_audit AFTER INSERT OR UPDATE OR DELETE ON field_assignment
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE field_change (
    change_id       uuid    PRIMARY KEY,
    username        text    NOT NULL,
    device_id       text    NOT NULL CHECK (length(device_id) BETWEEN 1 AND 100),
    kind            text    NOT NULL CHECK (kind IN ('household.update', 'household.create', 'meeting.record',
                                'household.position', 'household.photo')),
    province_code   text    CHECK (province_code ~ '^[0-9]{2}$'),
    household_id    bigint,
    round_id        bigint,
    base_version    integer,
    captured_at     timestamptz,
    received_at     timestamptz NOT NULL DEFAULT now(),
    outcome         text    NOT NULL CHECK (outcome IN ('applied', 'conflict', 'rejected')),
    payload         jsonb   NOT NULL,
    -- the answer given (repeated for a change sent again)
    result          jsonb   NOT NULL,
    -- a conflict: the household on the server when the change arrived (household JSON), and its version
    server_data     jsonb,
    server_version  integer,
    -- a conflict resolved: 'mine', 'theirs' or 'merged', by whom and when
    resolution      text    CHECK (resolution IN ('mine', 'theirs', 'merged')),
    resolved_by     text,
    resolved_at     timestamptz,
    version         integer NOT NULL DEFAULT 0
);
CREATE INDEX field_change_open_conflicts_idx ON field_change (username, received_at) WHERE outcome = 'conflict' AND resolution IS NULL;
CREATE INDEX field_change_household_idx ON field_change (province_code, household_id);
CREATE TRIGGER field_change_audit AFTER UPDATE OR DELETE ON field_change
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE household_position (
    province_code   text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_id    bigint  NOT NULL,
    latitude        numeric(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       numeric(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    accuracy_m      numeric(8, 1) CHECK (accuracy_m >= 0),
    captured_at     timestamptz NOT NULL,
    change_id       uuid,
    recorded_by     text    NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, household_id),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE ON DELETE CASCADE
) PARTITION BY LIST (province_code);

CREATE TABLE household_photo (
    province_code   text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_id    bigint  NOT NULL,
    content_type    text    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    content         bytea   NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 307200),
    captured_at     timestamptz NOT NULL,
    change_id       uuid,
    recorded_by     text    NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, household_id),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE ON DELETE CASCADE
) PARTITION BY LIST (province_code);

DO $$
DECLARE code text;
BEGIN
    FOREACH code IN ARRAY ARRAY['01','04','08','11','12','14','15','19','20','22','24','25','31','33','37','38','40',
                                '42','44','46','48','51','52','56','66','68','75','79','80','82','86','91','92','96']
    LOOP
        EXECUTE format('CREATE TABLE household_position_p%s PARTITION OF household_position FOR VALUES IN (%L)', code, code);
        EXECUTE format('CREATE TABLE household_photo_p%s PARTITION OF household_photo FOR VALUES IN (%L)', code, code);
    END LOOP;
END;
$$;
CREATE TABLE household_position_pdefault PARTITION OF household_position DEFAULT;
CREATE TABLE household_photo_pdefault PARTITION OF household_photo DEFAULT;

CREATE TRIGGER household_position_audit AFTER INSERT OR UPDATE OR DELETE ON household_position
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- The photo's bytes stay out of the audit log (its size and type are recorded).
CREATE FUNCTION household_photo_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor text := coalesce(nullif(current_setting('giamngheo.username', true), ''), 'system');
    old_row jsonb;
    new_row jsonb;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_row := to_jsonb(OLD) - 'content' || jsonb_build_object('bytes', octet_length(OLD.content));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_row := to_jsonb(NEW) - 'content' || jsonb_build_object('bytes', octet_length(NEW.content));
    END IF;
    INSERT INTO audit_log (username, action, entity, entity_id, province_code, before_value, after_value, detail)
    VALUES (actor, CASE TG_OP WHEN 'INSERT' THEN 'CREATE' WHEN 'UPDATE' THEN 'UPDATE' ELSE 'DELETE' END,
            'household_photo', coalesce(new_row ->> 'household_id', old_row ->> 'household_id'),
            coalesce(new_row ->> 'province_code', old_row ->> 'province_code'), old_row, new_row,
            nullif(current_setting('giamngheo.capture', true), ''));
    RETURN coalesce(NEW, OLD);
END;
$$;
CREATE TRIGGER household_photo_audit AFTER INSERT OR UPDATE OR DELETE ON household_photo
    FOR EACH ROW EXECUTE FUNCTION household_photo_audit();

-- The audit trigger records the field change being applied (its id and capture time) in detail.
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO audit_log (username, action, entity, entity_id, province_code, before_value, after_value, detail)
    VALUES (actor,
            CASE TG_OP WHEN 'INSERT' THEN 'CREATE' WHEN 'UPDATE' THEN 'UPDATE' ELSE 'DELETE' END,
            regexp_replace(TG_TABLE_NAME, '_p([0-9]{2}|default)$', ''), row_id, province, old_row, new_row,
            nullif(current_setting('giamngheo.capture', true), ''));
    RETURN coalesce(NEW, OLD);
END;
$$;

INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('field.retention_days', '14', 'integer', '1', '90',
 'Quy tắc của dự án về dữ liệu cá nhân trên thiết bị (docs/domain.md, mục đồng bộ thực địa); chưa có văn bản quy định', '?',
 'Số ngày dữ liệu đã đồng bộ được giữ trên điện thoại, máy tính bảng của cán bộ thực địa; các thay đổi chưa đồng bộ không bao giờ bị xoá.',
 'Days synced data stays on a field officer''s phone or tablet; changes not yet synced are never removed.');
