-- Reports (issue 5): the bands of poverty rate for "communes by band" as an administrator-visible
-- parameter, and an index that finds the list years of a province without reading its status history.
INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('report.rate_bands', '1,2,3,5,10', 'text', NULL, NULL,
 'Kế hoạch giảm nghèo của các tỉnh (bảng số xã theo tỷ lệ hộ nghèo); docs/domain.md §5', 'S2',
 'Các ngưỡng (%) chia nhóm xã theo tỷ lệ hộ nghèo, cách nhau bằng dấu phẩy: 1,2,3,5,10 cho các nhóm dưới 1 %, 1–2 %, 2–3 %, 3–5 %, 5–10 % và từ 10 % trở lên.',
 'Bounds (per cent) of the bands of communes by poverty rate, separated by commas: 1,2,3,5,10 gives below 1 %, 1–2 %, 2–3 %, 3–5 %, 5–10 % and 10 % or more.');

CREATE INDEX household_status_year_idx ON household_status (province_code, list_year);
