-- Credit and labour export counted where agencies report and in plans (issue 21 point 4's gap, issue 24 points 1-2).
--
-- Two indicators the agencies enter (the social-policy bank's "lượt hộ được vay vốn", the labour office's "lao động
-- đi làm việc ở nước ngoài"), each checked against the register by a computation of the credit package: an output of
-- a task bound to one of them shows the register's figure of the same period and area beside the agency's entry, and
-- a difference above monitoring.check.tolerance_percent is flagged (monitoring's comparison). And the amount the bank
-- disbursed in a period, computed from the register.
INSERT INTO monitoring_indicator (code, name_vi, name_en, unit_of_measure, direction, computation, legal_source,
                                  sort_order, level, period_type, obtained, check_computation) VALUES
('CREDIT_HOUSEHOLDS_LENT', 'Lượt hộ được vay vốn tín dụng chính sách', 'Household loans disbursed (policy credit)',
 'households', 'increase', NULL, 'Quyết định 90/QĐ-TTg (2022); Nghị định 78/2002/NĐ-CP', 44, 'province', 'quarter',
 'entered_by_agencies', 'credit_loans_disbursed'),
('LABOUR_EXPORT_REPORTED', 'Số lao động đi làm việc ở nước ngoài theo hợp đồng (cơ quan báo cáo)',
 'Workers sent abroad under contract (reported by the agency)', 'people', 'increase', NULL,
 'Quyết định 90/QĐ-TTg (2022), Tiểu dự án 2 Dự án 4; Luật 69/2020/QH14', 45, 'province', 'quarter',
 'entered_by_agencies', 'labour_departed'),
('CREDIT_DISBURSED', 'Doanh số cho vay tín dụng chính sách trong kỳ', 'Policy credit disbursed in the period',
 'million_vnd', 'increase', 'credit_disbursed_million', 'Ngân hàng Chính sách xã hội', 46, 'commune', 'quarter',
 'computed', NULL);

-- A plan's coverage target on policy credit: the share of the group's households with a loan not settled on the day,
-- of one lending programme (code: the programme's code in lower case) or of any ('all'), from the credit register.
ALTER TABLE plan_coverage_target DROP CONSTRAINT plan_coverage_target_kind_check;
ALTER TABLE plan_coverage_target ADD CONSTRAINT plan_coverage_target_kind_check
    CHECK (kind IN ('indicator', 'dimension', 'people', 'credit'));
