-- Issue 21 (points 2 and 3): agency officers, the tasks of a plan and the agencies' output reports.

-- An agency officer (cán bộ cơ quan, đơn vị) belongs to an agency (app_user.agency_id, V44) and to a unit (its area):
-- the role needs the agency and no other role has one.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('COMMUNE_OFFICER', 'COMMUNE_CHAIR',
    'PROVINCE_OFFICER', 'MINISTRY_VIEWER', 'ADMINISTRATOR', 'HELPER', 'AGENCY_OFFICER'));
ALTER TABLE app_user ADD CONSTRAINT app_user_agency_of_agency_officer
    CHECK ((role = 'AGENCY_OFFICER') = (agency_id IS NOT NULL) AND (role <> 'AGENCY_OFFICER' OR unit_id IS NOT NULL));

-- A task (nhiệm vụ) of a plan: a programme item, what is to be done, one lead agency (chủ trì), coordinating agencies
-- (phối hợp), a deadline and the periods its lead agency reports in (quarter, 6 months, 9 months, year: the periods
-- and due dates of the monitoring reports).
CREATE TABLE plan_task (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id        bigint      NOT NULL REFERENCES plan (id),
    province_code  text        NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    item_id        bigint      NOT NULL REFERENCES programme_item (id),
    description_vi text        NOT NULL CHECK (length(btrim(description_vi)) BETWEEN 1 AND 2000),
    description_en text        CHECK (length(description_en) <= 2000),
    lead_agency_id bigint      NOT NULL REFERENCES agency (id),
    deadline       date        NOT NULL,
    report_kinds   text[]      NOT NULL DEFAULT '{half_year,year}'
                   CHECK (cardinality(report_kinds) BETWEEN 1 AND 4
                          AND report_kinds <@ ARRAY['quarter', 'half_year', 'nine_months', 'year']::text[]),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 0
);
COMMENT ON TABLE plan_task IS 'Tasks of a plan per programme item with their lead agency, deadline and reporting periods';
CREATE INDEX plan_task_plan ON plan_task (plan_id);
CREATE INDEX plan_task_lead ON plan_task (lead_agency_id);

CREATE TABLE plan_task_partner (
    task_id   bigint NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    agency_id bigint NOT NULL REFERENCES agency (id),
    PRIMARY KEY (task_id, agency_id)
);
COMMENT ON TABLE plan_task_partner IS 'Coordinating agencies (cơ quan phối hợp) of a task';
CREATE INDEX plan_task_partner_agency ON plan_task_partner (agency_id);

-- An output of a task: a monitoring indicator, or a free output with its name and unit of measure; its target for the
-- plan's area, and per commune when it is reported per commune.
CREATE TABLE plan_task_output (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id         bigint        NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    sort_order      integer       NOT NULL DEFAULT 0,
    indicator_id    bigint        REFERENCES monitoring_indicator (id),
    name_vi         text          CHECK (length(btrim(name_vi)) BETWEEN 1 AND 300),
    name_en         text          CHECK (length(btrim(name_en)) BETWEEN 1 AND 300),
    unit_of_measure text          CHECK (length(btrim(unit_of_measure)) BETWEEN 1 AND 40),
    target          numeric(18, 3) CHECK (target >= 0),
    per_commune     boolean       NOT NULL DEFAULT false,
    CHECK ((indicator_id IS NULL) = (name_vi IS NOT NULL AND unit_of_measure IS NOT NULL))
);
COMMENT ON TABLE plan_task_output IS 'Outputs of a task: an indicator or a free output with its unit, and its target';
CREATE INDEX plan_task_output_task ON plan_task_output (task_id, sort_order);

CREATE TABLE plan_task_output_target (
    output_id bigint         NOT NULL REFERENCES plan_task_output (id) ON DELETE CASCADE,
    unit_id   bigint         NOT NULL REFERENCES admin_unit (id),
    target    numeric(18, 3) NOT NULL CHECK (target >= 0),
    PRIMARY KEY (output_id, unit_id)
);
COMMENT ON TABLE plan_task_output_target IS 'Target of an output per commune of the plan''s area';

-- The lead agency's report of a task's outputs for one period: draft -> submitted -> returned (with a reason) |
-- accepted by the plan's level.
CREATE TABLE task_report (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id            bigint      NOT NULL REFERENCES plan_task (id),
    agency_id          bigint      NOT NULL REFERENCES agency (id),
    province_code      text        NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    kind               text        NOT NULL CHECK (kind IN ('quarter', 'half_year', 'nine_months', 'year')),
    year               integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    number             integer     NOT NULL CHECK (number BETWEEN 1 AND 4),
    period_start       date        NOT NULL,
    period_end         date        NOT NULL,
    due_date           date        NOT NULL,
    status             text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    note               text        CHECK (length(note) <= 2000),
    return_reason      text        CHECK (length(return_reason) <= 2000),
    submitted_by       text,
    submitted_at       timestamptz,
    reviewed_by        text,
    reviewed_at        timestamptz,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer     NOT NULL DEFAULT 0,
    UNIQUE (task_id, kind, year, number),
    CHECK (status <> 'returned' OR length(btrim(return_reason)) > 0)
);
COMMENT ON TABLE task_report IS 'Output reports of a task''s lead agency per period, with their workflow';
CREATE INDEX task_report_agency ON task_report (agency_id, status);

CREATE TABLE task_report_value (
    id            bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     bigint         NOT NULL REFERENCES task_report (id) ON DELETE CASCADE,
    output_id     bigint         NOT NULL REFERENCES plan_task_output (id) ON DELETE CASCADE,
    unit_id       bigint         REFERENCES admin_unit (id),
    value         numeric(18, 3) NOT NULL CHECK (value >= 0)
);
COMMENT ON TABLE task_report_value IS 'Value of an output in a report, for the whole area (no unit) or per commune';
CREATE UNIQUE INDEX task_report_value_one ON task_report_value (report_id, output_id, coalesce(unit_id, 0));

CREATE TRIGGER plan_task_audit AFTER INSERT OR UPDATE OR DELETE ON plan_task
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER plan_task_partner_audit AFTER INSERT OR UPDATE OR DELETE ON plan_task_partner
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER plan_task_output_audit AFTER INSERT OR UPDATE OR DELETE ON plan_task_output
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER plan_task_output_target_audit AFTER INSERT OR UPDATE OR DELETE ON plan_task_output_target
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER task_report_audit AFTER INSERT OR UPDATE OR DELETE ON task_report
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER task_report_value_audit AFTER INSERT OR UPDATE OR DELETE ON task_report_value
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
