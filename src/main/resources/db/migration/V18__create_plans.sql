-- Annual poverty-reduction plans (issue 6): per unit and year, a baseline taken from the decided lists in
-- force on 1 January of the plan year and targets for the poor and near-poor. A higher level's target is
-- cascaded to its communes (child plans with parent_plan_id); commune targets move proposed -> adjusted ->
-- approved, or are returned with a reason. Tracking reads household_status live; its thresholds are
-- parameters.

CREATE TABLE plan (
    id                       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code            text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    unit_id                  bigint  NOT NULL REFERENCES admin_unit (id),
    plan_year                integer NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
    parent_plan_id           bigint  REFERENCES plan (id),
    baseline_date            date    NOT NULL,
    households               integer NOT NULL CHECK (households >= 0),
    poor                     integer NOT NULL CHECK (poor >= 0),
    poor_social_protection   integer NOT NULL CHECK (poor_social_protection >= 0 AND poor_social_protection <= poor),
    near_poor                integer NOT NULL CHECK (near_poor >= 0),
    poor_reduction           integer NOT NULL CHECK (poor_reduction >= 0 AND poor_reduction <= poor),
    near_poor_reduction      integer NOT NULL DEFAULT 0 CHECK (near_poor_reduction >= 0 AND near_poor_reduction <= near_poor),
    allocation_basis         text    CHECK (allocation_basis IN ('poor', 'households', 'manual')),
    state                    text    NOT NULL DEFAULT 'proposed'
                             CHECK (state IN ('proposed', 'adjusted', 'approved', 'returned')),
    return_reason            text    CHECK (length(return_reason) <= 2000),
    note                     text    CHECK (length(note) <= 2000),
    created_by               text    NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_by               text    NOT NULL,
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  integer NOT NULL DEFAULT 0,
    UNIQUE (unit_id, plan_year),
    CHECK (state <> 'returned' OR length(return_reason) > 0)
);
CREATE INDEX plan_province_year_idx ON plan (province_code, plan_year);
CREATE INDEX plan_parent_idx ON plan (parent_plan_id);

-- Every move of a plan between states, with the reason of a return.
CREATE TABLE plan_transition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id     bigint NOT NULL REFERENCES plan (id),
    from_state  text,
    to_state    text   NOT NULL,
    reason      text   CHECK (length(reason) <= 2000),
    username    text   NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_transition_plan_idx ON plan_transition (plan_id);

CREATE TRIGGER plan_audit AFTER INSERT OR UPDATE OR DELETE ON plan
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER plan_transition_audit AFTER INSERT OR UPDATE OR DELETE ON plan_transition
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('plan.tracking.on_track_ratio', '0.95', 'decimal', '0', '2',
 'Thực tiễn theo dõi kế hoạch giảm nghèo hằng năm (không có quy định)', '?',
 'Tỷ lệ giữa số hộ nghèo giảm dự kiến đến cuối năm và chỉ tiêu từ đó trở lên thì kế hoạch được đánh giá là đúng tiến độ.',
 'Ratio of the projected year-end reduction to the target at or above which a plan is on track.'),
('plan.tracking.at_risk_ratio', '0.75', 'decimal', '0', '2',
 'Thực tiễn theo dõi kế hoạch giảm nghèo hằng năm (không có quy định)', '?',
 'Tỷ lệ giữa số hộ nghèo giảm dự kiến đến cuối năm và chỉ tiêu từ đó trở lên (nhưng dưới ngưỡng đúng tiến độ) thì kế hoạch có nguy cơ chậm; dưới ngưỡng này là chậm tiến độ.',
 'Ratio of the projected year-end reduction to the target at or above which (but below on-track) a plan is at risk; below it the plan is off track.');
