-- Households that register to escape poverty (hộ đăng ký thoát nghèo), the organisations and people assigned to
-- help them (phân công giúp đỡ hộ nghèo) with their visits, and the livelihood and poverty-reduction models
-- (mô hình giảm nghèo) with their participating households. Every household-level table carries province_code.

-- A poor or near-poor household (on its decided status) registers to escape at the periodic decision of a list
-- year. The registration stays open until that decision of its commune is published; it is then closed as
-- escaped or not escaped from the decided rows (a registration closed by a decision later revoked is closed
-- again by the decision that replaces it).
CREATE TABLE escape_registration (
    id                  bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code       text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_id        bigint  NOT NULL,
    commune_id          bigint  NOT NULL REFERENCES admin_unit (id),
    village_id          bigint  REFERENCES admin_unit (id),
    list_year           integer NOT NULL CHECK (list_year BETWEEN 2000 AND 2101),
    registered_on       date    NOT NULL,
    registered_status   text    NOT NULL CHECK (registered_status IN ('poor', 'near_poor')),
    status_decision_id  bigint  NOT NULL REFERENCES review_decision (id),
    goal                text    NOT NULL CHECK (length(goal) BETWEEN 1 AND 1000),
    causes              text[]  NOT NULL DEFAULT '{}',
    support_requested   text    CHECK (length(support_requested) <= 2000),
    expected_to_escape  boolean NOT NULL DEFAULT true,
    outcome             text    NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'escaped', 'not_escaped', 'withdrawn')),
    status_after        text    CHECK (status_after IN ('poor', 'near_poor', 'average', 'not_poor')),
    in_decision         boolean,
    closed_by_decision_id bigint REFERENCES review_decision (id),
    closed_on           date,
    created_by          text    NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 0,
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE,
    CHECK ((outcome = 'open') = (closed_on IS NULL)),
    CHECK (outcome NOT IN ('escaped', 'not_escaped') OR (closed_by_decision_id IS NOT NULL AND status_after IS NOT NULL))
);
-- one registration per household and list year (a withdrawn one may be followed by a new one)
CREATE UNIQUE INDEX escape_registration_once ON escape_registration (province_code, household_id, list_year)
    WHERE outcome <> 'withdrawn';
CREATE INDEX escape_registration_commune_idx ON escape_registration (province_code, commune_id, list_year, outcome);

-- The kinds of helping organisations, as data (Women's Union, Farmers' Union, …).
CREATE TABLE helper_organisation_kind (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
    name_vi  text NOT NULL,
    name_en  text NOT NULL,
    position integer NOT NULL
);
INSERT INTO helper_organisation_kind (code, name_vi, name_en, position) VALUES
    ('womens_union',  'Hội Liên hiệp Phụ nữ',     'Women''s Union',            1),
    ('farmers_union', 'Hội Nông dân',             'Farmers'' Union',           2),
    ('youth_union',   'Đoàn Thanh niên',          'Youth Union',               3),
    ('veterans',      'Hội Cựu chiến binh',       'Veterans'' Association',    4),
    ('department',    'Cơ quan, ban, ngành',      'Department or agency',      5),
    ('enterprise',    'Doanh nghiệp',             'Enterprise',                6),
    ('other',         'Tổ chức, cá nhân khác',    'Other organisation',        7);

-- An organisation of a unit (commune, province) that helps households.
CREATE TABLE helper_organisation (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code  text   NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    unit_id        bigint NOT NULL REFERENCES admin_unit (id),
    kind           text   NOT NULL REFERENCES helper_organisation_kind (code),
    name           text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    active         boolean NOT NULL DEFAULT true,
    created_by     text   NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_id, name)
);

-- A household assigned to an organisation and a named person (optionally a user of the application). At most
-- one assignment of a household is current (ended_on NULL); earlier ones are kept with their visits.
CREATE TABLE helper_assignment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code   text   NOT NULL,
    household_id    bigint NOT NULL,
    commune_id      bigint NOT NULL REFERENCES admin_unit (id),
    organisation_id bigint NOT NULL REFERENCES helper_organisation (id),
    helper_name     text   NOT NULL CHECK (length(helper_name) BETWEEN 1 AND 200),
    helper_phone    text   CHECK (helper_phone ~ '^[0-9 +.-]{6,20}$'),
    helper_user_id  bigint REFERENCES app_user (id),
    assigned_on     date   NOT NULL,
    ended_on        date,
    end_reason      text   CHECK (length(end_reason) <= 1000),
    created_by      text   NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE,
    CHECK (ended_on IS NULL OR ended_on >= assigned_on)
);
CREATE UNIQUE INDEX helper_assignment_current ON helper_assignment (province_code, household_id) WHERE ended_on IS NULL;
CREATE INDEX helper_assignment_user_idx ON helper_assignment (helper_user_id) WHERE ended_on IS NULL;
CREATE INDEX helper_assignment_commune_idx ON helper_assignment (province_code, commune_id);

CREATE TABLE helper_visit (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code  text   NOT NULL,
    assignment_id  bigint NOT NULL REFERENCES helper_assignment (id),
    household_id   bigint NOT NULL,
    visited_on     date   NOT NULL,
    note           text   NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
    recorded_by    text   NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX helper_visit_assignment_idx ON helper_visit (assignment_id, visited_on);

-- A livelihood or poverty-reduction model of the programme (Decision 90/QĐ-TTg, Dự án 2). The programme item
-- and the budget line are free text until the programme catalogue exists.
CREATE TABLE livelihood_model (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code   text   NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    commune_id      bigint NOT NULL REFERENCES admin_unit (id),
    village_id      bigint REFERENCES admin_unit (id),
    name            text   NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind            text   NOT NULL CHECK (kind IN ('livestock', 'crops', 'crafts', 'community_tourism', 'start_up', 'other')),
    programme_item  text   CHECK (length(programme_item) <= 100),
    budget_line     text   CHECK (length(budget_line) <= 200),
    starts_on       date   NOT NULL,
    ends_on         date   NOT NULL,
    lead_agency     text   NOT NULL CHECK (length(lead_agency) BETWEEN 1 AND 300),
    description     text   CHECK (length(description) <= 4000),
    created_by      text   NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX livelihood_model_commune_idx ON livelihood_model (province_code, commune_id);

-- A household taking part in a model; its target group is recorded when it joins (from its decided status and
-- flags on that day), its income per capita per month before and after where recorded.
CREATE TABLE livelihood_participant (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id        bigint NOT NULL REFERENCES livelihood_model (id),
    province_code   text   NOT NULL,
    household_id    bigint NOT NULL,
    joined_on       date   NOT NULL,
    status_at_join  text   CHECK (status_at_join IN ('poor', 'near_poor', 'average', 'not_poor')),
    newly_escaped   boolean NOT NULL,
    ethnic_minority boolean NOT NULL,
    target_group    text   CHECK (target_group IN ('poor', 'near_poor', 'newly_escaped', 'ethnic_minority')),
    income_before   bigint CHECK (income_before >= 0),
    income_after    bigint CHECK (income_after >= 0),
    note            text   CHECK (length(note) <= 2000),
    created_by      text   NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE,
    UNIQUE (model_id, household_id)
);
CREATE INDEX livelihood_participant_household_idx ON livelihood_participant (province_code, household_id);

CREATE TRIGGER escape_registration_audit AFTER INSERT OR UPDATE OR DELETE ON escape_registration
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER helper_organisation_kind_audit AFTER INSERT OR UPDATE OR DELETE ON helper_organisation_kind
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER helper_organisation_audit AFTER INSERT OR UPDATE OR DELETE ON helper_organisation
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER helper_assignment_audit AFTER INSERT OR UPDATE OR DELETE ON helper_assignment
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER helper_visit_audit AFTER INSERT OR UPDATE OR DELETE ON helper_visit
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER livelihood_model_audit AFTER INSERT OR UPDATE OR DELETE ON livelihood_model
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER livelihood_participant_audit AFTER INSERT OR UPDATE OR DELETE ON livelihood_participant
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- The thresholds of the models' share of target households and the newly-escaped window, as parameters.
INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('livelihood.target_share.required', '0.50', 'decimal', '0', '1',
 'Quyết định 90/QĐ-TTg ngày 18/01/2022 (Dự án 2, quy định về dự án hỗ trợ phát triển sản xuất, đa dạng hoá sinh kế, nhân rộng mô hình giảm nghèo); tỷ lệ theo văn bản hướng dẫn chưa được đối chiếu nguyên văn', 'S2',
 'Tỷ lệ tối thiểu hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, hộ dân tộc thiểu số trong số hộ tham gia một mô hình giảm nghèo.',
 'Minimum share of poor, near-poor, newly escaped and ethnic-minority households among the participants of a livelihood model.'),
('livelihood.target_share.preferred', '0.70', 'decimal', '0', '1',
 'Quyết định 90/QĐ-TTg ngày 18/01/2022 (Dự án 2: ưu tiên dự án có trên 70 % hộ đối tượng); tỷ lệ theo văn bản hướng dẫn chưa được đối chiếu nguyên văn', 'S2',
 'Tỷ lệ hộ đối tượng từ đó mô hình được ưu tiên.',
 'Share of target households from which a livelihood model is preferred.'),
('livelihood.newly_escaped.months', '36', 'integer', '0', '120',
 'Thời gian hộ mới thoát nghèo tiếp tục được hỗ trợ; thường là 36 tháng, chưa được xác nhận (docs/domain.md §4)', '?',
 'Số tháng sau khi thoát nghèo, thoát cận nghèo mà hộ vẫn được tính là hộ mới thoát nghèo khi tham gia mô hình.',
 'Months after escaping poverty or near-poverty during which a household joining a model counts as newly escaped.');
