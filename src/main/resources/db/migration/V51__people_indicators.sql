-- People as well as households (issue 23 point 4): the parameters of the person-level indicators, and coverage
-- targets of a plan about people (kind 'people': the code names a person-level indicator of vn.giamngheo.people,
-- e.g. trained_workers, children_in_school, health_insurance).
INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('people.age_bands', '6,16,60', 'text', NULL, NULL,
 'Nhóm tuổi thường dùng trong thống kê dân số (Tổng cục Thống kê); người cao tuổi từ đủ 60 tuổi: Luật Người cao tuổi 2009, Điều 2; docs/domain.md "People as well as households"', 'S2',
 'Các mốc tuổi (năm tròn) chia thành viên hộ theo nhóm tuổi, cách nhau bằng dấu phẩy, tăng dần: 6,16,60 cho các nhóm 0–5, 6–15, 16–59 và từ 60 tuổi trở lên.',
 'Ages (whole years) that split household members into age bands, separated by commas, increasing: 6,16,60 gives 0–5, 6–15, 16–59 and 60 or over.'),
('people.working_age_min', '15', 'integer', '10', '20',
 'Bộ luật Lao động 2019, Điều 3 (người lao động là người làm việc từ đủ 15 tuổi); docs/domain.md "People as well as households"', 'S2',
 'Tuổi bắt đầu độ tuổi lao động (năm tròn) khi đếm thành viên trong độ tuổi lao động.',
 'Age (whole years) from which a member counts as of working age.'),
('people.retirement_male', '723,3,744', 'text', NULL, NULL,
 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP: nam 60 tuổi 3 tháng năm 2021, mỗi năm thêm 3 tháng đến 62 tuổi', 'S2',
 'Tuổi nghỉ hưu của nam, tính bằng tháng: tuổi năm 2021, số tháng tăng mỗi năm, tuổi tối đa (723,3,744 = 60 tuổi 3 tháng, +3 tháng/năm, tối đa 62 tuổi). Thành viên từ tuổi này trở lên không còn trong độ tuổi lao động.',
 'Retirement age of men in months: the age in 2021, the months added each year, the highest age (723,3,744 = 60 years 3 months, +3 months a year, up to 62). Members of this age or older are no longer of working age.'),
('people.retirement_female', '664,4,720', 'text', NULL, NULL,
 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP: nữ 55 tuổi 4 tháng năm 2021, mỗi năm thêm 4 tháng đến 60 tuổi', 'S2',
 'Tuổi nghỉ hưu của nữ, tính bằng tháng: tuổi năm 2021, số tháng tăng mỗi năm, tuổi tối đa (664,4,720 = 55 tuổi 4 tháng, +4 tháng/năm, tối đa 60 tuổi).',
 'Retirement age of women in months: the age in 2021, the months added each year, the highest age (664,4,720 = 55 years 4 months, +4 months a year, up to 60).'),
('people.school_age_min', '6', 'integer', '3', '18',
 'Luật Giáo dục 2019, Điều 28 (tuổi vào lớp 1 là 6 tuổi); docs/domain.md "People as well as households"', 'S2',
 'Tuổi nhỏ nhất (năm tròn) của trẻ em trong độ tuổi đi học khi đếm trẻ em đi học.',
 'Youngest age (whole years) of a child of school age, when counting children in school.'),
('people.school_age_max', '15', 'integer', '6', '25',
 'Trẻ em dưới 16 tuổi (Luật Trẻ em 2016, Điều 1); chỉ số tình trạng đi học trẻ em của Nghị định 07/2021/NĐ-CP đếm trẻ dưới 16 tuổi', 'S2',
 'Tuổi lớn nhất (năm tròn) của trẻ em trong độ tuổi đi học khi đếm trẻ em đi học.',
 'Oldest age (whole years) of a child of school age, when counting children in school.');

ALTER TABLE plan_coverage_target DROP CONSTRAINT plan_coverage_target_kind_check;
ALTER TABLE plan_coverage_target ADD CONSTRAINT plan_coverage_target_kind_check
    CHECK (kind IN ('indicator', 'dimension', 'people'));
