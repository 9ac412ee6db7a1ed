-- Area classes (issue 23 point 1): the catalogue's classes with their legal sources, the merged-commune rule as
-- an editable setting, and the imports of official lists. Tables area_class and unit_area_class come from V44.
-- Sources and their confidence: docs/domain.md, section "Area classes".

INSERT INTO area_class (code, applies_to, name_vi, name_en, legal_source, sort_order) VALUES
('poor_commune', 'commune', 'Xã nghèo', 'Poor commune',
 'Quyết định 353/QĐ-TTg ngày 15/3/2022 (danh sách huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo giai đoạn 2021–2025)', 10),
('difficult_commune', 'commune', 'Xã đặc biệt khó khăn', 'Especially difficult commune',
 'Quyết định 861/QĐ-TTg ngày 04/6/2021 (xã khu vực III là xã đặc biệt khó khăn)', 20),
('difficult_village', 'village', 'Thôn đặc biệt khó khăn', 'Especially difficult village',
 'Quyết định 612/QĐ-UBDT ngày 16/9/2021 (danh sách thôn đặc biệt khó khăn vùng đồng bào DTTS và miền núi giai đoạn 2021–2025)', 30),
('region_1', 'commune', 'Xã khu vực I vùng đồng bào DTTS và miền núi', 'Region I commune (ethnic-minority and mountain area)',
 'Quyết định 861/QĐ-TTg ngày 04/6/2021', 40),
('region_2', 'commune', 'Xã khu vực II vùng đồng bào DTTS và miền núi', 'Region II commune (ethnic-minority and mountain area)',
 'Quyết định 861/QĐ-TTg ngày 04/6/2021', 50),
('region_3', 'commune', 'Xã khu vực III vùng đồng bào DTTS và miền núi', 'Region III commune (ethnic-minority and mountain area)',
 'Quyết định 861/QĐ-TTg ngày 04/6/2021', 60),
('coastal_island', 'commune', 'Xã bãi ngang ven biển và hải đảo', 'Coastal lowland or island commune',
 'Quyết định 353/QĐ-TTg ngày 15/3/2022', 70),
('safety_zone', 'commune', 'Xã an toàn khu', 'Safety-zone commune (an toàn khu)',
 'Danh sách xã an toàn khu do Thủ tướng Chính phủ công nhận theo từng tỉnh (nguồn chưa xác minh)', 80);

-- Who added a class and when (the catalogue's first classes come with the system).
ALTER TABLE area_class ADD COLUMN created_by text NOT NULL DEFAULT 'system';

-- The merged-commune rule: until a list of a class names a unit of the map in force in its province, a unit of
-- that map holds the class by the rule from its predecessors (crosswalk). One row, edited by administrators
-- with its version.
CREATE TABLE area_class_rule (
    id           integer     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    rule         text        NOT NULL CHECK (rule IN ('majority_households', 'any_predecessor', 'all_predecessors')),
    source       text        NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 500),
    version      integer     NOT NULL DEFAULT 0,
    updated_by   text        NOT NULL DEFAULT 'system',
    updated_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE area_class_rule IS 'How a unit of the current map inherits a class from its predecessors until a list names it';
INSERT INTO area_class_rule (rule, source) VALUES
('majority_households', 'Quy tắc của hệ thống, chờ danh sách mới (system rule pending new lists)');

CREATE TRIGGER area_class_rule_audit AFTER INSERT OR UPDATE OR DELETE ON area_class_rule
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- One import of an official list: the file, who, when, how many rows.
CREATE TABLE area_class_import (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name    text        NOT NULL CHECK (length(file_name) <= 300),
    row_count    integer     NOT NULL CHECK (row_count >= 0),
    scope_code   text        CHECK (scope_code ~ '^[0-9]{2}$'),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE area_class_import IS 'Imports of official lists of area classes (rows in unit_area_class.import_id)';
ALTER TABLE unit_area_class ADD CONSTRAINT unit_area_class_import FOREIGN KEY (import_id) REFERENCES area_class_import (id);
CREATE INDEX unit_area_class_day ON unit_area_class (class_code, valid_from, valid_to);

CREATE TRIGGER area_class_import_audit AFTER INSERT OR UPDATE OR DELETE ON area_class_import
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
