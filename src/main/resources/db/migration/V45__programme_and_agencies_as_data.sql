-- Issue 21 (points 1 and 2's data): the programme tree editable, the merged 2026–2035 programme seeded as far as it
-- is known, agencies seeded (effective-dated) and programme items linked to their lead and coordinating agencies.
-- Sources and confidence: docs/domain.md, section "Programmes and agencies as data".

-- ------------------------------------------------------------------------------------------------------ periods
ALTER TABLE programme_period
    ADD COLUMN confidence               text           NOT NULL DEFAULT 'S' CHECK (confidence IN ('S', 'S2', '?')),
    ADD COLUMN note                     text           CHECK (length(note) <= 1000),
    -- the national budget envelope of the period by source, billion đồng (null: not known)
    ADD COLUMN envelope_central_investment numeric(18, 3) CHECK (envelope_central_investment >= 0),
    ADD COLUMN envelope_central_recurrent  numeric(18, 3) CHECK (envelope_central_recurrent >= 0),
    ADD COLUMN envelope_local           numeric(18, 3) CHECK (envelope_local >= 0),
    ADD COLUMN envelope_credit          numeric(18, 3) CHECK (envelope_credit >= 0),
    ADD COLUMN version                  integer        NOT NULL DEFAULT 0,
    ADD COLUMN updated_by               text           NOT NULL DEFAULT 'system',
    ADD COLUMN updated_at               timestamptz    NOT NULL DEFAULT now();

-- ------------------------------------------------------------------------------------------------------- items
-- Kinds: component (hợp phần / nội dung thành phần) above projects; any depth component → project → sub-project.
-- A province's own item (province_code set) is seen and edited by that province only; national items have none.
ALTER TABLE programme_item DROP CONSTRAINT programme_item_kind_check;
ALTER TABLE programme_item DROP CONSTRAINT programme_item_check;
ALTER TABLE programme_item DROP CONSTRAINT programme_item_period_code_code_key;
ALTER TABLE programme_item DROP CONSTRAINT programme_item_short_name_vi_check;
ALTER TABLE programme_item
    ADD CONSTRAINT programme_item_kind_check CHECK (kind IN ('component', 'policy', 'project', 'sub_project')),
    ADD CONSTRAINT programme_item_parent_by_kind CHECK (
        (kind <> 'sub_project' OR parent_id IS NOT NULL) AND (kind <> 'component' OR parent_id IS NULL)),
    ADD CONSTRAINT programme_item_short_name_vi_check CHECK (length(short_name_vi) <= 80),
    ADD COLUMN province_code text        CHECK (province_code ~ '^[0-9]{2}$'),
    ADD COLUMN note          text        CHECK (length(note) <= 1000),
    ADD COLUMN version       integer     NOT NULL DEFAULT 0,
    ADD COLUMN updated_by    text        NOT NULL DEFAULT 'system',
    ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX programme_item_code ON programme_item (period_code, code, coalesce(province_code, ''));
CREATE INDEX programme_item_parent ON programme_item (parent_id);
COMMENT ON COLUMN programme_item.province_code IS 'a province''s own item (its provincial programme), null for national items';

-- --------------------------------------------------------------------------------------- item ↔ agency links
-- The lead and coordinating agencies of an item: a named agency and/or a function code that resolves, for a
-- province on a day, to the province's agency carrying that function (Agencies.forFunction).
CREATE TABLE programme_item_agency (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id       bigint      NOT NULL REFERENCES programme_item (id),
    agency_id     bigint      REFERENCES agency (id),
    function_code text        CHECK (function_code ~ '^[a-z][a-z0-9_]{1,39}$'),
    role          text        NOT NULL CHECK (role IN ('lead', 'partner')),
    sort_order    integer     NOT NULL DEFAULT 0,
    updated_by    text        NOT NULL DEFAULT 'system',
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (agency_id IS NOT NULL OR function_code IS NOT NULL)
);
COMMENT ON TABLE programme_item_agency IS 'Lead and coordinating agencies of a programme item: an agency and/or a function resolved per province';
CREATE INDEX programme_item_agency_item ON programme_item_agency (item_id, role, sort_order);
CREATE INDEX programme_item_agency_agency ON programme_item_agency (agency_id);
CREATE UNIQUE INDEX programme_item_agency_once ON programme_item_agency (item_id, role, coalesce(agency_id, 0), coalesce(function_code, ''));
CREATE TRIGGER programme_item_agency_audit AFTER INSERT OR UPDATE OR DELETE ON programme_item_agency
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- ---------------------------------------------------------------------------------------- national agencies
-- valid_from 2016-01-01 = "existing when the catalogue starts" (the first period), not a founding date.
INSERT INTO agency (code, level, kind, function_code, name_vi, name_en, short_name_vi, valid_from, valid_to, legal_source, confidence) VALUES
('BNNMT', 'national', 'ministry', 'poverty_reduction', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', 'Bộ NN&MT', '2025-03-01', NULL, 'Nghị quyết 176/2025/QH15; Nghị định 35/2025/NĐ-CP', 'S2'),
('BDTTG', 'national', 'ministry', 'ethnic_affairs', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs', 'Bộ DT&TG', '2025-03-01', NULL, 'Nghị quyết 176/2025/QH15', 'S2'),
('BGDDT', 'national', 'ministry', 'vocational_training', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', 'Bộ GD&ĐT', '2016-01-01', NULL, 'giáo dục nghề nghiệp chuyển về Bộ GD&ĐT từ 01/3/2025', 'S2'),
('BYT', 'national', 'ministry', 'social_protection', 'Bộ Y tế', 'Ministry of Health', 'Bộ Y tế', '2016-01-01', NULL, 'bảo trợ xã hội chuyển về Bộ Y tế từ 01/3/2025', 'S2'),
('BNV', 'national', 'ministry', 'labour', 'Bộ Nội vụ', 'Ministry of Home Affairs', 'Bộ Nội vụ', '2016-01-01', NULL, 'lao động, việc làm chuyển về Bộ Nội vụ từ 01/3/2025', 'S2'),
('BTC', 'national', 'ministry', 'finance', 'Bộ Tài chính', 'Ministry of Finance', 'Bộ Tài chính', '2016-01-01', NULL, 'hợp nhất với Bộ Kế hoạch và Đầu tư từ 01/3/2025', 'S2'),
('BVHTTDL', 'national', 'ministry', 'information', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', 'Bộ VHTTDL', '2016-01-01', NULL, 'thông tin cơ sở, báo chí chuyển về từ Bộ TT&TT (chức năng "information": chưa chắc chắn)', '?'),
('BKHCN', 'national', 'ministry', NULL, 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'Bộ KH&CN', '2016-01-01', NULL, 'hợp nhất với Bộ Thông tin và Truyền thông từ 01/3/2025', 'S2'),
('BXD', 'national', 'ministry', 'housing', 'Bộ Xây dựng', 'Ministry of Construction', 'Bộ Xây dựng', '2016-01-01', NULL, NULL, 'S2'),
('BCT', 'national', 'ministry', NULL, 'Bộ Công Thương', 'Ministry of Industry and Trade', 'Bộ Công Thương', '2016-01-01', NULL, NULL, 'S2'),
('BTP', 'national', 'ministry', NULL, 'Bộ Tư pháp', 'Ministry of Justice', 'Bộ Tư pháp', '2016-01-01', NULL, NULL, 'S2'),
('NHCSXH', 'national', 'bank', 'policy_credit', 'Ngân hàng Chính sách xã hội', 'Vietnam Bank for Social Policies', 'NHCSXH', '2016-01-01', NULL, NULL, 'S'),
('BHXHVN', 'national', 'other', 'social_insurance', 'Bảo hiểm xã hội Việt Nam', 'Viet Nam Social Security', 'BHXH VN', '2016-01-01', NULL, NULL, 'S2'),
('MTTQVN', 'national', 'front', 'front', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'Central Committee of the Viet Nam Fatherland Front', 'UBTƯ MTTQ VN', '2016-01-01', NULL, NULL, 'S'),
('HLHPNVN', 'national', 'mass_organisation', 'women_union', 'Hội Liên hiệp Phụ nữ Việt Nam', 'Viet Nam Women''s Union', 'Hội LHPN VN', '2016-01-01', NULL, NULL, 'S2'),
('HNDVN', 'national', 'mass_organisation', 'farmers_union', 'Hội Nông dân Việt Nam', 'Viet Nam Farmers'' Union', 'Hội ND VN', '2016-01-01', NULL, NULL, 'S2'),
('TWDOAN', 'national', 'mass_organisation', 'youth_union', 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Central Ho Chi Minh Communist Youth Union', 'TƯ Đoàn', '2016-01-01', NULL, NULL, 'S2'),
('HCCBVN', 'national', 'mass_organisation', 'veterans', 'Hội Cựu chiến binh Việt Nam', 'Viet Nam Veterans'' Association', 'Hội CCB VN', '2016-01-01', NULL, NULL, 'S2');

-- dissolved or merged on 01/03/2025; they keep their names for the old periods
INSERT INTO agency (code, level, kind, function_code, name_vi, name_en, short_name_vi, valid_from, valid_to, successor_id, legal_source, confidence)
SELECT c.code, 'national', 'ministry', c.fn, c.vi, c.en, c.short, '2016-01-01', '2025-02-28', s.id, c.src, 'S2'
FROM (VALUES
  ('BLDTBXH', 'labour_social_affairs', 'Bộ Lao động - Thương binh và Xã hội', 'Ministry of Labour, Invalids and Social Affairs', 'Bộ LĐTBXH', 'BNV', 'Nghị quyết 176/2025/QH15: giảm nghèo sang Bộ NN&MT, giáo dục nghề nghiệp sang Bộ GD&ĐT, bảo trợ xã hội sang Bộ Y tế, còn lại hợp nhất vào Bộ Nội vụ'),
  ('BTTTT', 'information', 'Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications', 'Bộ TT&TT', 'BKHCN', 'Nghị quyết 176/2025/QH15: hợp nhất vào Bộ KH&CN; thông tin cơ sở, báo chí sang Bộ VHTTDL'),
  ('BNNPTNT', 'agriculture', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Ministry of Agriculture and Rural Development', 'Bộ NN&PTNT', 'BNNMT', 'Nghị quyết 176/2025/QH15: hợp nhất với Bộ TN&MT thành Bộ NN&MT'),
  ('BTNMT', NULL, 'Bộ Tài nguyên và Môi trường', 'Ministry of Natural Resources and Environment', 'Bộ TN&MT', 'BNNMT', 'Nghị quyết 176/2025/QH15'),
  ('UBDT', 'ethnic_affairs', 'Ủy ban Dân tộc', 'Committee for Ethnic Minority Affairs', 'UBDT', 'BDTTG', 'Nghị quyết 176/2025/QH15: thành Bộ Dân tộc và Tôn giáo'),
  ('BKHDT', 'planning', 'Bộ Kế hoạch và Đầu tư', 'Ministry of Planning and Investment', 'Bộ KH&ĐT', 'BTC', 'Nghị quyết 176/2025/QH15: hợp nhất vào Bộ Tài chính')
) AS c (code, fn, vi, en, short, successor, src)
JOIN agency s ON s.code = c.successor;

-- ------------------------------------------------------------------------- the 34 provinces' departments
-- Bound to the provinces of the 2025 reform (valid from 01/07/2025, when those units begin). The 63 former
-- provinces' departments between 01/03/2025 and 30/06/2025 are not seeded (docs/domain.md).
INSERT INTO agency (code, level, kind, function_code, unit_id, province_code, name_vi, name_en, short_name_vi, valid_from, legal_source, confidence)
SELECT 'P' || p.code || '.' || d.suffix, 'province', d.kind, d.fn, p.id, p.province_code,
       d.vi || ' ' || lower(substr(p.full_name, 1, 1)) || substr(p.full_name, 2),
       d.en || ' of ' || coalesce(p.name_en, p.name), d.short, '2025-07-01', d.src, d.confidence
FROM admin_unit p
CROSS JOIN (VALUES
  ('UBND', 'people_committee', NULL, 'Ủy ban nhân dân', 'People''s Committee', 'UBND tỉnh', NULL, 'S'),
  ('SNNMT', 'department', 'poverty_reduction', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', 'Sở NN&MT', 'cơ quan thường trực giảm nghèo từ 2025', 'S2'),
  ('SGDDT', 'department', 'vocational_training', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'Sở GD&ĐT', 'giáo dục nghề nghiệp từ 2025', 'S2'),
  ('SYT', 'department', 'social_protection', 'Sở Y tế', 'Department of Health', 'Sở Y tế', 'bảo trợ xã hội từ 2025', 'S2'),
  ('SNV', 'department', 'labour', 'Sở Nội vụ', 'Department of Home Affairs', 'Sở Nội vụ', 'lao động, việc làm từ 2025', 'S2'),
  ('SDTTG', 'department', 'ethnic_affairs', 'Sở Dân tộc và Tôn giáo', 'Department of Ethnic and Religious Affairs', 'Sở DT&TG', 'chưa xác minh tỉnh nào lập Sở Dân tộc và Tôn giáo; nơi không có, chức năng thuộc Sở Nội vụ', '?'),
  ('STC', 'department', 'finance', 'Sở Tài chính', 'Department of Finance', 'Sở Tài chính', NULL, 'S2'),
  ('SVHTTDL', 'department', 'information', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism', 'Sở VHTTDL', 'thông tin cơ sở từ 2025: chưa chắc chắn', '?'),
  ('SXD', 'department', 'housing', 'Sở Xây dựng', 'Department of Construction', 'Sở Xây dựng', NULL, 'S2'),
  ('NHCSXH', 'bank', 'policy_credit', 'Chi nhánh Ngân hàng Chính sách xã hội', 'Branch of the Vietnam Bank for Social Policies', 'NHCSXH chi nhánh', NULL, 'S2'),
  ('MTTQ', 'front', 'front', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Fatherland Front Committee', 'UBMTTQ tỉnh', NULL, 'S2'),
  ('HLHPN', 'mass_organisation', 'women_union', 'Hội Liên hiệp Phụ nữ', 'Women''s Union', 'Hội LHPN tỉnh', 'từ 2025 trực thuộc Mặt trận Tổ quốc', 'S2'),
  ('HND', 'mass_organisation', 'farmers_union', 'Hội Nông dân', 'Farmers'' Union', 'Hội ND tỉnh', 'từ 2025 trực thuộc Mặt trận Tổ quốc', 'S2'),
  ('DOAN', 'mass_organisation', 'youth_union', 'Tỉnh đoàn', 'Provincial Youth Union', 'Tỉnh đoàn', 'từ 2025 trực thuộc Mặt trận Tổ quốc', 'S2'),
  ('HCCB', 'mass_organisation', 'veterans', 'Hội Cựu chiến binh', 'Veterans'' Association', 'Hội CCB tỉnh', 'từ 2025 trực thuộc Mặt trận Tổ quốc', 'S2')
) AS d (suffix, kind, fn, vi, en, short, src, confidence)
WHERE p.level = 'province' AND p.valid_from = DATE '2025-07-01';

-- The former provinces' departments dissolved on 01/03/2025, kept for the old periods: successor = the department of
-- the 2025 province that took the former province over and carries the function since.
INSERT INTO agency (code, level, kind, function_code, unit_id, province_code, name_vi, name_en, short_name_vi, valid_from, valid_to, successor_id, legal_source, confidence)
SELECT 'P' || o.code || '.' || d.suffix, 'province', 'department', d.fn, o.id, o.province_code,
       d.vi || ' ' || lower(substr(o.full_name, 1, 1)) || substr(o.full_name, 2),
       d.en || ' of ' || coalesce(o.name_en, o.name), d.short, '2016-01-01', '2025-02-28',
       (SELECT a.id FROM unit_succession s JOIN admin_unit n ON n.id = s.successor_id AND n.level = 'province'
          JOIN agency a ON a.unit_id = n.id AND a.code = 'P' || n.code || '.' || d.successor
         WHERE s.predecessor_id = o.id ORDER BY s.relation = 'whole' DESC, n.code LIMIT 1),
       d.src, 'S2'
FROM admin_unit o
CROSS JOIN (VALUES
  ('SLDTBXH', 'labour_social_affairs', 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs', 'Sở LĐTBXH', 'SNNMT', 'giải thể 01/3/2025: giảm nghèo sang Sở NN&MT, giáo dục nghề nghiệp sang Sở GD&ĐT, bảo trợ xã hội sang Sở Y tế, lao động sang Sở Nội vụ'),
  ('STTTT', 'information', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications', 'Sở TT&TT', 'SVHTTDL', 'giải thể 01/3/2025: hợp nhất vào Sở KH&CN; thông tin cơ sở sang Sở VHTTDL')
) AS d (suffix, fn, vi, en, short, successor, src)
WHERE o.level = 'province' AND o.valid_to = DATE '2025-06-30'
  AND NOT EXISTS (SELECT 1 FROM agency x WHERE x.code = 'P' || o.code || '.' || d.suffix);

-- ----------------------------------------------------------------------------------------------- periods
UPDATE programme_period SET
    name_vi = 'Chương trình MTQG xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026–2035, giai đoạn I (2026–2030)',
    name_en = 'National Target Programme for New Rural Development, Sustainable Poverty Reduction and Socio-economic Development of Ethnic Minority and Mountain Areas 2026–2035, phase I (2026–2030)',
    legal_basis = 'Nghị quyết của Quốc hội ngày 11/12/2025 phê duyệt chủ trương đầu tư (số hiệu chưa xác minh)',
    confidence = 'S2',
    note = 'Theo báo chí đưa tin kỳ họp Quốc hội 12/2025; chờ văn bản chính thức. Ngân sách nhà nước của giai đoạn: xem các cột nguồn vốn của giai đoạn (tỷ đồng).',
    envelope_central_investment = 70000, envelope_central_recurrent = 30000, envelope_local = 300000, envelope_credit = 23000,
    updated_by = 'V45'
WHERE code = '2026-2030';

INSERT INTO programme_period (code, year_from, year_to, name_vi, name_en, legal_basis, confidence, note, updated_by) VALUES
('2031-2035', 2031, 2035,
 'Chương trình MTQG xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026–2035, giai đoạn II (2031–2035)',
 'National Target Programme for New Rural Development, Sustainable Poverty Reduction and Socio-economic Development of Ethnic Minority and Mountain Areas 2026–2035, phase II (2031–2035)',
 'Nghị quyết của Quốc hội ngày 11/12/2025 phê duyệt chủ trương đầu tư (số hiệu chưa xác minh)', 'S2',
 'Giai đoạn II: nội dung và ngân sách chưa công bố.', 'V45')
ON CONFLICT (code) DO NOTHING;

-- ------------------------------------------------------------------------------------ items of 2026–2035
INSERT INTO programme_item (period_code, code, kind, sort_order, short_name_vi, name_vi, name_en, legal_source, confidence, note, updated_by)
SELECT p.period, c.code, 'component', c.ord, c.short, c.vi, c.en,
       'Nghị quyết của Quốc hội ngày 11/12/2025 (số hiệu chưa xác minh)', 'S2', NULL, 'V45'
FROM (VALUES ('2026-2030'), ('2031-2035')) AS p (period)
CROSS JOIN (VALUES
  (201, 'TP1', 'Hợp phần 1', 'Xây dựng nông thôn mới và giảm nghèo bền vững', 'New rural development and sustainable poverty reduction'),
  (202, 'TP2', 'Hợp phần 2', 'Phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi', 'Socio-economic development of ethnic minority and mountain areas')
) AS c (ord, code, short, vi, en)
ON CONFLICT DO NOTHING;

INSERT INTO programme_item (period_code, code, parent_id, kind, sort_order, short_name_vi, name_vi, name_en, legal_source, confidence, note, updated_by)
SELECT p.period, 'TP1.' || c.code, t.id, 'project', c.ord, c.short, c.vi, c.en,
       'dự kiến theo Quyết định 90/QĐ-TTg (2021–2025)', '?',
       'nội dung dự kiến theo các dự án 2021–2025; chờ văn bản hướng dẫn', 'V45'
FROM (VALUES ('2026-2030'), ('2031-2035')) AS p (period)
CROSS JOIN (VALUES
  (211, 'DA1', 'Nội dung 1', 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 'Livelihood diversification and poverty-reduction models'),
  (212, 'DA2', 'Nội dung 2', 'Hỗ trợ phát triển sản xuất', 'Production support'),
  (213, 'DA3', 'Nội dung 3', 'Phát triển giáo dục nghề nghiệp, việc làm bền vững', 'Vocational education and sustainable jobs'),
  (214, 'DA4', 'Nội dung 4', 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng', 'Working abroad under contract'),
  (215, 'DA5', 'Nội dung 5', 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', 'Housing for poor and near-poor households'),
  (216, 'DA6', 'Nội dung 6', 'Truyền thông và giảm nghèo về thông tin', 'Communication and information poverty'),
  (217, 'DA7', 'Nội dung 7', 'Nâng cao năng lực và giám sát, đánh giá', 'Capacity building, monitoring and evaluation')
) AS c (ord, code, short, vi, en)
JOIN programme_item t ON t.period_code = p.period AND t.code = 'TP1' AND t.province_code IS NULL
ON CONFLICT DO NOTHING;

-- the general policies continue (confidence S2: the policies exist in law, their place in the new programme is not read)
INSERT INTO programme_item (period_code, code, kind, sort_order, name_vi, name_en, legal_source, confidence, updated_by)
SELECT p.period, c.code, 'policy', c.sort_order, c.name_vi, c.name_en, 'chính sách giảm nghèo chung (tiếp tục)', 'S2', 'V45'
FROM (VALUES ('2026-2030'), ('2031-2035')) AS p (period)
CROSS JOIN (SELECT code, sort_order, name_vi, name_en FROM programme_item WHERE period_code = '2021-2025' AND kind = 'policy') AS c
ON CONFLICT DO NOTHING;

-- --------------------------------------------------------------------------------------------- links
-- 2026–2035: components and contents by function (resolved per province) and national lead.
INSERT INTO programme_item_agency (item_id, agency_id, function_code, role, sort_order, updated_by)
SELECT i.id, a.id, l.fn, l.role, l.ord, 'V45'
FROM (VALUES
  ('TP1', 'BNNMT', 'poverty_reduction', 'lead', 0),
  ('TP2', 'BDTTG', 'ethnic_affairs', 'lead', 0),
  ('TP1.DA1', 'BNNMT', 'poverty_reduction', 'lead', 0),
  ('TP1.DA2', 'BNNMT', 'poverty_reduction', 'lead', 0),
  ('TP1.DA3', 'BGDDT', 'vocational_training', 'lead', 0),
  ('TP1.DA3', 'BNV', 'labour', 'partner', 1),
  ('TP1.DA4', 'BNV', 'labour', 'lead', 0),
  ('TP1.DA5', 'BXD', 'housing', 'lead', 0),
  ('TP1.DA5', 'NHCSXH', 'policy_credit', 'partner', 1),
  ('TP1.DA6', 'BVHTTDL', 'information', 'lead', 0),
  ('TP1.DA6', 'BNNMT', 'poverty_reduction', 'partner', 1),
  ('TP1.DA7', 'BNNMT', 'poverty_reduction', 'lead', 0),
  ('CS_TD', 'NHCSXH', 'policy_credit', 'lead', 0),
  ('CS_TD', 'MTTQVN', 'front', 'partner', 1),
  ('CS_YT', 'BYT', 'social_protection', 'lead', 0),
  ('CS_YT', 'BHXHVN', NULL, 'partner', 1),
  ('CS_GD', 'BGDDT', 'vocational_training', 'lead', 0),
  ('CS_NO', 'BXD', 'housing', 'lead', 0),
  ('CS_NO', 'NHCSXH', 'policy_credit', 'partner', 1),
  ('CS_TDIEN', 'BCT', NULL, 'lead', 0),
  ('CS_TDIEN', 'BYT', 'social_protection', 'partner', 1),
  ('CS_DN', 'BGDDT', 'vocational_training', 'lead', 0),
  ('CS_DN', 'BNV', 'labour', 'partner', 1),
  ('CS_TGPL', 'BTP', NULL, 'lead', 0),
  ('CS_TT', 'BVHTTDL', 'information', 'lead', 0)
) AS l (item, agency, fn, role, ord)
JOIN programme_item i ON i.code = l.item AND i.period_code IN ('2026-2030', '2031-2035') AND i.province_code IS NULL
JOIN agency a ON a.code = l.agency;

-- 2016–2020 and 2021–2025: the free text of V10 as links to the agencies of that time (the old text stays readable).
INSERT INTO programme_item_agency (item_id, agency_id, function_code, role, sort_order, updated_by)
SELECT i.id, a.id, m.fn, r.role, r.ord, 'V45'
FROM programme_item i
CROSS JOIN LATERAL (
    SELECT 'lead' AS role, 0 AS ord, btrim(i.lead_agency) AS name WHERE i.lead_agency IS NOT NULL
    UNION ALL
    SELECT 'partner', n.ord::int, btrim(n.name)
      FROM regexp_split_to_table(coalesce(i.partner_agencies, ''), ';') WITH ORDINALITY AS n (name, ord)
     WHERE btrim(n.name) <> ''
) AS r
JOIN (VALUES
  ('Lao động - Thương binh và Xã hội', 'BLDTBXH', 'labour_social_affairs'),
  ('Thông tin và Truyền thông', 'BTTTT', 'information'),
  ('Nông nghiệp và Phát triển nông thôn', 'BNNPTNT', 'agriculture'),
  ('Dân tộc', 'UBDT', 'ethnic_affairs'),
  ('Y tế', 'BYT', 'social_protection'),
  ('Giáo dục và Đào tạo', 'BGDDT', NULL),
  ('Xây dựng', 'BXD', 'housing'),
  ('Công Thương', 'BCT', NULL),
  ('Tư pháp', 'BTP', NULL),
  ('Kế hoạch và Đầu tư', 'BKHDT', 'planning'),
  ('Tài chính', 'BTC', 'finance'),
  ('Ngân hàng Chính sách xã hội', 'NHCSXH', 'policy_credit'),
  ('Bảo hiểm xã hội', 'BHXHVN', NULL)
) AS m (name, agency, fn) ON m.name = r.name
JOIN agency a ON a.code = m.agency
WHERE i.period_code IN ('2016-2020', '2021-2025')
ON CONFLICT DO NOTHING;
