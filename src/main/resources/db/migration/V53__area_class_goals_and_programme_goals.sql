-- Goals for area classes and the programme's poverty goals as data (issue 23 point 3 and point 2's last sentence).
-- Sources and confidence: docs/domain.md, sections "Poverty goals 2026–2030" and "Area-class goals and the
-- programme's goals (h1)".

-- ------------------------------------------------------------------------------------------- plan goals by class
-- unit_rate (every goal before V53, unchanged): the unit's own rate falls by N points a year;
-- each_unit: every commune of the unit holding the class(es) falls by N points a year on its own (start and end
--            rates are each commune's own: none on the goal);
-- class_ceiling: the rate over the households of the units holding the class(es) falls from the start rate to
--            below the ceiling (target_end_rate) by the period's last year.
ALTER TABLE plan_goal ADD COLUMN goal_kind text NOT NULL DEFAULT 'unit_rate'
    CHECK (goal_kind IN ('unit_rate', 'each_unit', 'class_ceiling'));
-- one or several codes of area_class, comma-separated, in the catalogue's order
ALTER TABLE plan_goal ADD COLUMN area_class text CHECK (area_class ~ '^[a-z0-9_]{1,40}(,[a-z0-9_]{1,40}){0,9}$');
ALTER TABLE plan_goal ADD CONSTRAINT plan_goal_kind_class CHECK ((goal_kind = 'unit_rate') = (area_class IS NULL));
ALTER TABLE plan_goal ALTER COLUMN start_rate DROP NOT NULL;
ALTER TABLE plan_goal ALTER COLUMN target_end_rate DROP NOT NULL;
ALTER TABLE plan_goal ADD CONSTRAINT plan_goal_rates_of_kind
    CHECK (goal_kind = 'each_unit' OR (start_rate IS NOT NULL AND target_end_rate IS NOT NULL));
ALTER TABLE plan_goal DROP CONSTRAINT plan_goal_unit_period_group_key;
CREATE UNIQUE INDEX plan_goal_unit_period_group_key ON plan_goal (unit_id, period_code, population_group)
    WHERE goal_kind = 'unit_rate';
CREATE UNIQUE INDEX plan_goal_unit_class_key ON plan_goal (unit_id, period_code, population_group, goal_kind, area_class)
    WHERE goal_kind <> 'unit_rate';

-- --------------------------------------------------------------------------------------- the programme's goals
CREATE TABLE programme_goal (
    id               bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_code      text    NOT NULL REFERENCES programme_period (code),
    code             text    NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
    -- rate_fall: the province's rate (of a group) falls by at least min_points a year (max_points: the upper end of
    --            a range such as 1–1.5, shown, not checked);
    -- each_unit_fall: every commune holding the class falls by at least min_points a year;
    -- class_ceiling: the rate over the class's households below the ceiling by the target year;
    -- class_exit: no commune holds the class at the end of the target year
    kind             text    NOT NULL CHECK (kind IN ('rate_fall', 'each_unit_fall', 'class_ceiling', 'class_exit')),
    population_group text    NOT NULL DEFAULT 'all'
        CHECK (population_group IN ('all', 'ethnic_minority', 'woman_headed', 'with_disability', 'with_elderly', 'with_children')),
    area_class       text    CHECK (area_class ~ '^[a-z0-9_]{1,40}(,[a-z0-9_]{1,40}){0,9}$'),
    min_points       numeric(5, 2) CHECK (min_points > 0 AND min_points <= 100),
    max_points       numeric(5, 2) CHECK (max_points > 0 AND max_points <= 100),
    ceiling          numeric(5, 2) CHECK (ceiling >= 0 AND ceiling <= 100),
    target_year      integer CHECK (target_year BETWEEN 2000 AND 2100),
    text_vi          text    NOT NULL CHECK (length(btrim(text_vi)) BETWEEN 1 AND 500),
    text_en          text    NOT NULL CHECK (length(btrim(text_en)) BETWEEN 1 AND 500),
    legal_source     text    NOT NULL CHECK (length(btrim(legal_source)) BETWEEN 1 AND 500),
    confidence       text    NOT NULL CHECK (confidence IN ('S', 'S2', '?')),
    sort_order       integer NOT NULL DEFAULT 0,
    active           boolean NOT NULL DEFAULT true,
    version          integer NOT NULL DEFAULT 0,
    updated_by       text    NOT NULL DEFAULT 'system',
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (period_code, code),
    CHECK (max_points IS NULL OR min_points IS NULL OR max_points >= min_points),
    CHECK (kind NOT IN ('rate_fall', 'each_unit_fall') OR min_points IS NOT NULL),
    CHECK (kind = 'rate_fall' OR area_class IS NOT NULL),
    CHECK (kind <> 'rate_fall' OR area_class IS NULL),
    CHECK (kind <> 'class_ceiling' OR (ceiling IS NOT NULL AND target_year IS NOT NULL)),
    CHECK (kind <> 'class_exit' OR target_year IS NOT NULL)
);
COMMENT ON TABLE programme_goal IS 'The poverty goals of a programme period, each with its legal source and confidence';
CREATE TRIGGER programme_goal_audit AFTER INSERT OR UPDATE OR DELETE ON programme_goal
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

INSERT INTO programme_goal (period_code, code, kind, population_group, area_class, min_points, max_points, ceiling,
                            target_year, text_vi, text_en, legal_source, confidence, sort_order) VALUES
('2026-2030', 'overall_fall', 'rate_fall', 'all', NULL, 1.00, 1.50, NULL, NULL,
 'Tỷ lệ hộ nghèo đa chiều giảm bình quân 1–1,5 điểm phần trăm mỗi năm',
 'The multidimensional poverty rate falls by 1–1.5 percentage points a year',
 'Nghị quyết của Quốc hội ngày 11/12/2025 về Chương trình MTQG giai đoạn 2026–2035 (số hiệu chưa xác minh); báo chí', 'S2', 10),
('2026-2030', 'ethnic_minority_fall', 'rate_fall', 'ethnic_minority', NULL, 3.00, NULL, NULL, NULL,
 'Tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 3 điểm phần trăm mỗi năm',
 'The ethnic-minority poverty rate falls by more than 3 percentage points a year',
 'Quyết định 90/QĐ-TTg ngày 18/01/2022 (mục tiêu giai đoạn 2021–2025) và kế hoạch của các tỉnh (Sơn La); chưa thấy trong văn bản 2026–2030', '?', 20),
('2026-2030', 'poor_commune_fall', 'each_unit_fall', 'all', 'poor_commune', 3.00, NULL, NULL, NULL,
 'Tỷ lệ nghèo đa chiều ở mỗi xã nghèo giảm ít nhất 3 điểm phần trăm mỗi năm',
 'The multidimensional poverty rate of each poor commune falls by at least 3 percentage points a year',
 'Nghị quyết của Quốc hội ngày 11/12/2025 về Chương trình MTQG giai đoạn 2026–2035 (số hiệu chưa xác minh); báo chí', 'S2', 30),
('2026-2030', 'region_ceiling', 'class_ceiling', 'all', 'region_1,region_2,region_3', NULL, NULL, 10.00, 2030,
 'Tỷ lệ hộ nghèo ở vùng đồng bào dân tộc thiểu số và miền núi dưới 10 % vào năm 2030',
 'The poverty rate in the ethnic-minority and mountain region below 10 % by 2030',
 'Nghị quyết của Quốc hội ngày 11/12/2025 về Chương trình MTQG giai đoạn 2026–2035 (số hiệu chưa xác minh); báo chí', 'S2', 40),
('2026-2030', 'poor_commune_exit', 'class_exit', 'all', 'poor_commune', NULL, NULL, NULL, 2030,
 'Các xã nghèo thoát khỏi tình trạng nghèo vào năm 2030',
 'Every poor commune out of poverty by 2030',
 'Nghị quyết của Quốc hội ngày 11/12/2025 về Chương trình MTQG giai đoạn 2026–2035 (số hiệu chưa xác minh); báo chí; "thoát nghèo" đọc là không còn thuộc danh sách xã nghèo (?)', 'S2', 50);
