-- Population groups (issue 23 points 2 and 3): the elderly age as a parameter with its legal source, and goals
-- for a population group (the group's own rate: poor households of the group among the group's households).

INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('population.elderly_age', '60', 'integer', '50', '100',
 'Luật Người cao tuổi số 39/2009/QH12, Điều 2: người cao tuổi là công dân Việt Nam từ đủ 60 tuổi trở lên', 'S',
 'Tuổi (đủ, tính vào ngày của báo cáo) từ đó một thành viên được tính là người cao tuổi cho nhóm "hộ có người cao tuổi".',
 'Age (completed, on the report''s day) from which a member counts as elderly for the group "households with an elderly person".');

ALTER TABLE plan_goal ADD COLUMN population_group text NOT NULL DEFAULT 'all'
    CHECK (population_group IN ('all', 'ethnic_minority', 'woman_headed', 'with_disability', 'with_elderly', 'with_children'));
ALTER TABLE plan_goal DROP CONSTRAINT plan_goal_unit_id_period_code_key;
ALTER TABLE plan_goal ADD CONSTRAINT plan_goal_unit_period_group_key UNIQUE (unit_id, period_code, population_group);
