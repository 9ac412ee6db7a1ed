-- Monitoring reports: the data period of each report kind (statistical cut-off) as parameters, and indicators
-- computed from the other modules (support benefit records, livelihood models) as of a report's data end.

-- 1. Data periods. Decree 09/2019/NĐ-CP Art. 12 [?]: a quarter from the 15th of the last month of the previous
-- quarter to the 14th of the quarter's last month; 6 months from 15 December of the previous year to 14 June;
-- the year from 15 December to 14 December. The 9-month period (15 December – 14 September) is inferred from the
-- same scheme. The 6-month, 9-month and annual periods start the day after the previous year's annual end.
-- The bounds keep the ends in order (6 months < 9 months < year).
INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('monitoring.report.data_end.quarter_day', '14', 'integer', '1', '31',
 'Nghị định 09/2019/NĐ-CP, Điều 12 (thời gian chốt số liệu báo cáo định kỳ); chưa đối chiếu văn bản gốc', '?',
 'Ngày chốt số liệu báo cáo quý trong tháng cuối quý (14: từ ngày 15 tháng cuối quý trước đến ngày 14 tháng cuối quý; 31: theo quý dương lịch).',
 'Day of the quarter''s last month on which a quarterly report''s data end (14: from the 15th of the previous quarter''s last month to the 14th; 31: calendar quarters).'),
('monitoring.report.data_end.half_year', '06-14', 'month_day', '05-01', '07-31',
 'Nghị định 09/2019/NĐ-CP, Điều 12; chưa đối chiếu văn bản gốc', '?',
 'Ngày chốt số liệu báo cáo 6 tháng (tháng-ngày); kỳ số liệu bắt đầu từ ngày sau ngày chốt số liệu năm của năm trước (15/12).',
 'Last day of a 6-month report''s data (month-day); the data start the day after the previous year''s annual end (15 December).'),
('monitoring.report.data_end.nine_months', '09-14', 'month_day', '08-01', '10-31',
 'Suy ra theo cách chốt số liệu của Nghị định 09/2019/NĐ-CP, Điều 12 (Điều 12 không nêu báo cáo 9 tháng)', '?',
 'Ngày chốt số liệu báo cáo 9 tháng (tháng-ngày); kỳ số liệu bắt đầu từ ngày sau ngày chốt số liệu năm của năm trước.',
 'Last day of a 9-month report''s data (month-day); the data start the day after the previous year''s annual end.'),
('monitoring.report.data_end.year', '12-14', 'month_day', '11-01', '12-31',
 'Nghị định 09/2019/NĐ-CP, Điều 12; chưa đối chiếu văn bản gốc', '?',
 'Ngày chốt số liệu báo cáo năm (tháng-ngày): từ ngày sau ngày này của năm trước đến ngày này (12-31: theo năm dương lịch).',
 'Last day of an annual report''s data (month-day): from the day after it in the previous year to it (12-31: calendar years).'),
('monitoring.health_insurance.card_months', '12', 'integer', '1', '60',
 'Chưa xác nhận: thời hạn sử dụng thẻ bảo hiểm y tế cấp cho người thuộc hộ nghèo, cận nghèo (docs/domain.md §5)', '?',
 'Số tháng một lần cấp/hỗ trợ bảo hiểm y tế (bản ghi hưởng chính sách BHYT_*) còn được tính là có bảo hiểm y tế.',
 'Months during which a health-insurance benefit record (BHYT_* policies) counts as being insured.');

-- 2. Computations fed by other modules.
ALTER TABLE monitoring_indicator DROP CONSTRAINT monitoring_indicator_computation_check;
ALTER TABLE monitoring_indicator ADD CONSTRAINT monitoring_indicator_computation_check
    CHECK (computation IN ('poor_rate', 'near_poor_rate', 'poor_households',
                           'poor_insured_share', 'poor_near_poor_insured_share',
                           'poor_bhyt_record_share', 'poor_near_poor_bhyt_record_share',
                           'disbursement_rate', 'houses_supported', 'workers_trained', 'models'));

INSERT INTO monitoring_indicator (code, name_vi, name_en, unit_of_measure, direction, computation, legal_source, sort_order) VALUES
('POOR_BHYT_RECORDED', 'Tỷ lệ người thuộc hộ nghèo được cấp/hỗ trợ bảo hiểm y tế (theo hồ sơ hưởng chính sách)',
 'Share of people in poor households with a health-insurance benefit record', 'percent', 'increase',
 'poor_bhyt_record_share', 'Thông tư 10/2022/TT-BLĐTBXH', 4),
('POOR_NEAR_POOR_BHYT_RECORDED', 'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo được cấp/hỗ trợ bảo hiểm y tế (theo hồ sơ hưởng chính sách)',
 'Share of people in poor and near-poor households with a health-insurance benefit record', 'percent', 'increase',
 'poor_near_poor_bhyt_record_share', 'Thông tư 10/2022/TT-BLĐTBXH', 5),
('CAPACITY_TRAINED', 'Số lượt cán bộ làm công tác giảm nghèo được tập huấn, nâng cao năng lực',
 'Poverty-reduction staff trained (capacity building)', 'people', 'increase', NULL,
 'Quyết định 90/QĐ-TTg (Dự án 7, Tiểu dự án 1)', 10);

UPDATE monitoring_indicator SET computation = 'workers_trained' WHERE code = 'WORKERS_TRAINED';
UPDATE monitoring_indicator SET computation = 'houses_supported' WHERE code = 'HOUSES_SUPPORTED';
UPDATE monitoring_indicator SET computation = 'models' WHERE code = 'MODELS';
