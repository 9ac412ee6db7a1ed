-- Administrator-visible parameters: every rule whose value is uncertain or may change by decree is a row
-- here, shown with its legal source and the confidence of that source (S published, S2 secondary, ? best
-- knowledge; docs/domain.md). Values are text, checked against value_type and the optional bounds.
CREATE TABLE parameter (
    key             text        PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
    value           text        NOT NULL CHECK (length(value) <= 500),
    value_type      text        NOT NULL CHECK (value_type IN ('integer', 'decimal', 'month_day', 'text', 'boolean')),
    min_value       text,
    max_value       text,
    legal_source    text        NOT NULL CHECK (length(legal_source) BETWEEN 1 AND 500),
    confidence      text        NOT NULL CHECK (confidence IN ('S', 'S2', '?')),
    description_vi  text        NOT NULL,
    description_en  text        NOT NULL,
    updated_by      text        NOT NULL DEFAULT 'system',
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER parameter_audit AFTER INSERT OR UPDATE OR DELETE ON parameter
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Government announcements that complement the statutory holidays computed by the application (Labour
-- Code 2019 art. 112): extra days off (a longer Tết, a bridge day), compensatory days, and weekend days
-- declared working days (a swapped Saturday). A working_weekend row makes its date a working day even
-- when the statutory rules would make it a day off.
CREATE TABLE public_holiday (
    holiday_date    date        PRIMARY KEY,
    name_vi         text        NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en         text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    kind            text        NOT NULL CHECK (kind IN ('holiday', 'compensatory', 'working_weekend')),
    source          text        NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER public_holiday_audit AFTER INSERT OR UPDATE OR DELETE ON public_holiday
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('review.periodic.start', '09-01', 'month_day', NULL, NULL,
 'Quyết định 24/2021/QĐ-TTg; Thông tư 07/2021/TT-BLĐTBXH', 'S',
 'Ngày bắt đầu rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm (ngày-tháng).',
 'First day of the yearly periodic review of poor and near-poor households (month-day).'),
('review.periodic.end', '12-14', 'month_day', NULL, NULL,
 'Quyết định 24/2021/QĐ-TTg; Thông tư 07/2021/TT-BLĐTBXH', 'S',
 'Ngày kết thúc rà soát định kỳ hằng năm (ngày-tháng).',
 'Last day of the yearly periodic review (month-day).'),
('review.monthly.start_day', '15', 'integer', '1', '28',
 'Quyết định 24/2021/QĐ-TTg (rà soát thường xuyên)', 'S',
 'Ngày trong tháng bắt đầu rà soát thường xuyên (hằng tháng).',
 'Day of the month on which the monthly (in-year) review starts.'),
('review.monthly.decision_days', '15', 'integer', '1', '60',
 'Quyết định 24/2021/QĐ-TTg (rà soát thường xuyên)', 'S',
 'Số ngày (ngày theo lịch) để UBND xã quyết định và cấp giấy chứng nhận, hoặc trả lời bằng văn bản, kể từ khi nhận đơn.',
 'Calendar days within which the commune decides and certifies, or answers in writing, after an application.'),
('review.posting.working_days', '3', 'integer', '1', '30',
 'Quyết định 24/2021/QĐ-TTg (niêm yết công khai); số ngày chưa được xác nhận (docs/domain.md §3, §7)', '?',
 'Số ngày làm việc niêm yết công khai kết quả rà soát tại thôn và xã.',
 'Working days the review results stay posted publicly at the village and the commune.'),
('review.complaint.working_days', '3', 'integer', '1', '30',
 'Quyết định 24/2021/QĐ-TTg (giải quyết khiếu nại); số ngày chưa được xác nhận (docs/domain.md §3, §7)', '?',
 'Số ngày làm việc để xem xét lại các khiếu nại sau niêm yết.',
 'Working days to re-check complaints after posting.'),
('review.meeting.agreement_threshold', '0.50', 'decimal', '0', '1',
 'Quyết định 24/2021/QĐ-TTg (họp dân thống nhất kết quả)', 'S',
 'Tỷ lệ tối thiểu người dự họp thôn đồng ý với kết quả rà soát (0,50 = từ 50 % trở lên); chưa đạt thì rà soát lại.',
 'Minimum share of village meeting attendees who must agree with the results (0.50 = at least 50 %); otherwise the collection is redone.'),
('movement.newly_escaped.months', '36', 'integer', '1', '120',
 'Chưa xác nhận: thời gian hộ mới thoát nghèo còn được hưởng chính sách (docs/domain.md §4, §7)', '?',
 'Số tháng kể từ khi thoát nghèo mà hộ còn được tính là hộ mới thoát nghèo.',
 'Months after escaping poverty during which a household counts as newly escaped.'),
('review.district_level.until', '2025-06-30', 'text', NULL, NULL,
 'Quyết định 24/2021/QĐ-TTg; chính quyền địa phương hai cấp từ 01/7/2025 (docs/domain.md §3)', 'S',
 'Ngày cuối cùng UBND xã báo cáo kết quả rà soát lên Chủ tịch UBND cấp huyện (từ 01/7/2025 không còn cấp huyện).',
 'Last day on which the commune reported review results to the district chair (districts were abolished on 1 July 2025).');
