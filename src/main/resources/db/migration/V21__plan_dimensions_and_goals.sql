-- Plans (issue 6), continued: per-dimension coverage targets of a plan, and multi-year goals per unit and period.
--
-- A coverage target asks that a share of the plan unit's poor (or near-poor, or both) households be NOT deprived
-- on an indicator (or on any indicator of a dimension) of the standard of the plan year by the end of the year,
-- e.g. 100 % of the poor with health insurance. Tracking counts the decided lists (household_status.deprived) live.
-- A multi-year goal sets, for a unit and a programme period, the poverty rate at the end of a start year, the
-- reduction in points a year and the rate aimed for at the end of the period.

CREATE TABLE plan_coverage_target (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id       bigint  NOT NULL REFERENCES plan (id),
    province_code text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    code          text    NOT NULL CHECK (code ~ '^[a-z0-9_]{1,60}$'),
    kind          text    NOT NULL CHECK (kind IN ('indicator', 'dimension')),
    target_group  text    NOT NULL CHECK (target_group IN ('poor', 'near_poor', 'poor_near_poor')),
    target_share  numeric(5, 2) NOT NULL CHECK (target_share BETWEEN 0 AND 100),
    note          text    CHECK (length(note) <= 2000),
    created_by    text    NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text    NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (plan_id, kind, code, target_group)
);
CREATE INDEX plan_coverage_target_plan_idx ON plan_coverage_target (plan_id);

-- Programme periods, as data (a new period is a row).
CREATE TABLE plan_period (
    id            bigint  GENERATED ALWAYS AS IDENTITY UNIQUE,
    code          text    PRIMARY KEY CHECK (code ~ '^[0-9]{4}_[0-9]{4}$'),
    year_from     integer NOT NULL CHECK (year_from BETWEEN 2000 AND 2100),
    year_to       integer NOT NULL CHECK (year_to BETWEEN 2000 AND 2100),
    legal_basis   text    NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 500),
    confidence    text    NOT NULL CHECK (confidence IN ('S', 'S2', '?')),
    CHECK (year_to >= year_from)
);

INSERT INTO plan_period (code, year_from, year_to, legal_basis, confidence) VALUES
('2021_2025', 2021, 2025, 'Quyết định 90/QĐ-TTg ngày 18/01/2022 (Chương trình MTQG giảm nghèo bền vững 2021–2025)', 'S'),
('2026_2030', 2026, 2030, 'Giai đoạn 2026–2030 (chương trình chưa được phê duyệt khi nhập dữ liệu)', '?');

CREATE TABLE plan_goal (
    id               bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code    text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    unit_id          bigint  NOT NULL REFERENCES admin_unit (id),
    period_code      text    NOT NULL REFERENCES plan_period (code),
    start_year       integer NOT NULL CHECK (start_year BETWEEN 1999 AND 2100),
    start_rate       numeric(5, 2) NOT NULL CHECK (start_rate BETWEEN 0 AND 100),
    yearly_points    numeric(5, 2) NOT NULL CHECK (yearly_points > 0 AND yearly_points <= 100),
    target_end_rate  numeric(5, 2) NOT NULL CHECK (target_end_rate BETWEEN 0 AND 100),
    note             text    CHECK (length(note) <= 2000),
    created_by       text    NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text    NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0,
    UNIQUE (unit_id, period_code),
    CHECK (target_end_rate <= start_rate)
);
CREATE INDEX plan_goal_province_idx ON plan_goal (province_code);

CREATE TRIGGER plan_coverage_target_audit AFTER INSERT OR UPDATE OR DELETE ON plan_coverage_target
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER plan_period_audit AFTER INSERT OR UPDATE OR DELETE ON plan_period
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER plan_goal_audit AFTER INSERT OR UPDATE OR DELETE ON plan_goal
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
