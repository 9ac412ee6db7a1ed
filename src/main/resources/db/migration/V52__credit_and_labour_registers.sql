-- Registers of policy credit and labour export (issue 24 points 1, 2 and 4).
--
-- lending_programme: the social-policy bank's lending programmes as data (code, names, legal source, the support
-- policy a current loan of the programme counts as in coverage). loan: one loan of a household (household-level,
-- partitioned by the household's province like benefit_record); loan_statement: its balances on dates (outstanding,
-- overdue), a history, never one overwritten number. labour_country: destination countries (ISO 3166-1 alpha-2) with
-- their Vietnamese names; labour_worker: a member of a household working abroad under a contract, with the support
-- received (training, a loan of the credit register, fees) and return or broken contract.

CREATE TABLE lending_programme (
    code                text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_vi             text    NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 300),
    name_en             text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 300),
    legal_source        text    NOT NULL CHECK (length(legal_source) BETWEEN 1 AND 500),
    confidence          text    NOT NULL CHECK (confidence IN ('S', 'S2', '?')),
    -- the support policy (support_policy.code) a loan of this programme with an outstanding balance counts as
    support_policy_code text    CHECK (length(support_policy_code) <= 40),
    sort_order          integer NOT NULL,
    active              boolean NOT NULL DEFAULT true
);

INSERT INTO lending_programme (code, name_vi, name_en, legal_source, confidence, support_policy_code, sort_order) VALUES
('POOR', 'Cho vay hộ nghèo', 'Loans to poor households',
 'Nghị định 78/2002/NĐ-CP; Quyết định 1719/QĐ-TTg; Nghị định 28/2022/NĐ-CP', 'S2', 'CREDIT', 10),
('NEAR_POOR', 'Cho vay hộ cận nghèo', 'Loans to near-poor households', 'Quyết định 15/2013/QĐ-TTg', 'S2', 'CREDIT', 20),
('ESCAPED', 'Cho vay hộ mới thoát nghèo', 'Loans to households just out of poverty',
 'Quyết định 28/2015/QĐ-TTg', 'S2', 'CREDIT', 30),
('JOB_CREATION', 'Cho vay hỗ trợ tạo việc làm, duy trì và mở rộng việc làm', 'Loans for job creation',
 'Nghị định 61/2015/NĐ-CP; Nghị định 74/2019/NĐ-CP; Nghị định 104/2022/NĐ-CP', 'S2', NULL, 40),
('WATER_SANITATION', 'Cho vay nước sạch và vệ sinh môi trường nông thôn', 'Loans for rural clean water and sanitation',
 'Quyết định 62/2004/QĐ-TTg; Quyết định 10/2024/QĐ-TTg', 'S2', NULL, 50),
('HOUSING', 'Cho vay nhà ở (hộ nghèo, nhà ở xã hội)', 'Housing loans (poor households, social housing)',
 'Quyết định 33/2015/QĐ-TTg; Nghị định 100/2015/NĐ-CP', 'S2', NULL, 60),
('STUDENTS', 'Cho vay học sinh, sinh viên có hoàn cảnh khó khăn', 'Loans to students in difficulty',
 'Quyết định 157/2007/QĐ-TTg', 'S2', NULL, 70),
('LABOUR_EXPORT', 'Cho vay người lao động đi làm việc ở nước ngoài theo hợp đồng', 'Loans to workers going abroad under contract',
 'Luật 69/2020/QH14; Nghị định 61/2015/NĐ-CP; Nghị định 74/2019/NĐ-CP', 'S2', NULL, 80),
('ETHNIC_MINORITY', 'Cho vay hộ đồng bào dân tộc thiểu số và miền núi', 'Loans to ethnic-minority and mountain households',
 'Quyết định 1719/QĐ-TTg; Nghị định 28/2022/NĐ-CP', '?', NULL, 90),
('DIFFICULT_AREA_BUSINESS', 'Cho vay hộ sản xuất kinh doanh tại vùng khó khăn', 'Loans to businesses of households in difficult areas',
 'Quyết định 31/2007/QĐ-TTg', 'S2', NULL, 100),
('OTHER', 'Chương trình cho vay khác', 'Other lending programme', 'Ngân hàng Chính sách xã hội', '?', NULL, 999);

CREATE SEQUENCE loan_id_seq;

CREATE TABLE loan (
    id                  bigint  NOT NULL DEFAULT nextval('loan_id_seq'),
    province_code       text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_id        bigint  NOT NULL,
    -- the member who signed (NULL: the household)
    member_no           integer CHECK (member_no BETWEEN 1 AND 99),
    programme_code      text    NOT NULL REFERENCES lending_programme (code),
    -- the bank's contract number (khế ước): unique per province when given
    contract_no         text    CHECK (length(contract_no) BETWEEN 1 AND 60),
    amount_vnd          bigint  NOT NULL CHECK (amount_vnd > 0),
    disbursed_on        date    NOT NULL,
    term_months         integer NOT NULL CHECK (term_months BETWEEN 1 AND 600),
    interest_category   text    NOT NULL CHECK (interest_category IN ('preferential', 'standard', 'interest_free', 'other')),
    settled_on          date,
    note                text    CHECK (length(note) <= 1000),
    source              text    NOT NULL CHECK (source IN ('form', 'import')),
    source_file         text    CHECK (length(source_file) <= 300),
    source_line         integer,
    version             integer NOT NULL DEFAULT 0,
    recorded_by         text    NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, id),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE,
    CHECK (settled_on IS NULL OR settled_on >= disbursed_on)
) PARTITION BY LIST (province_code);
CREATE INDEX loan_household_idx ON loan (province_code, household_id);
CREATE UNIQUE INDEX loan_contract_idx ON loan (province_code, contract_no);

CREATE TABLE loan_statement (
    id                  bigint  NOT NULL DEFAULT nextval('loan_id_seq'),
    province_code       text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    loan_id             bigint  NOT NULL,
    statement_date      date    NOT NULL,
    outstanding_vnd     bigint  NOT NULL CHECK (outstanding_vnd >= 0),
    overdue_vnd         bigint  NOT NULL DEFAULT 0 CHECK (overdue_vnd >= 0),
    source              text    NOT NULL CHECK (source IN ('form', 'import')),
    source_file         text    CHECK (length(source_file) <= 300),
    recorded_by         text    NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, id),
    FOREIGN KEY (province_code, loan_id) REFERENCES loan (province_code, id) ON DELETE CASCADE,
    UNIQUE (province_code, loan_id, statement_date),
    CHECK (overdue_vnd <= outstanding_vnd)
) PARTITION BY LIST (province_code);

CREATE TABLE labour_country (
    code                text    PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name_vi             text    NOT NULL,
    name_en             text    NOT NULL,
    sort_order          integer NOT NULL
);
INSERT INTO labour_country (code, name_vi, name_en, sort_order) VALUES
('JP', 'Nhật Bản', 'Japan', 10), ('TW', 'Đài Loan (Trung Quốc)', 'Taiwan (China)', 20),
('KR', 'Hàn Quốc', 'Republic of Korea', 30), ('CN', 'Trung Quốc', 'China', 40), ('DE', 'Đức', 'Germany', 50),
('RO', 'Ru-ma-ni', 'Romania', 60), ('HU', 'Hung-ga-ri', 'Hungary', 70), ('PL', 'Ba Lan', 'Poland', 80),
('SA', 'Ả Rập Xê Út', 'Saudi Arabia', 90), ('AE', 'Các Tiểu vương quốc Ả Rập Thống nhất', 'United Arab Emirates', 100),
('QA', 'Ca-ta', 'Qatar', 110), ('MY', 'Ma-lai-xi-a', 'Malaysia', 120), ('SG', 'Xin-ga-po', 'Singapore', 130),
('AU', 'Ô-xtrây-li-a', 'Australia', 140), ('RU', 'Liên bang Nga', 'Russian Federation', 150),
('LA', 'Lào', 'Laos', 160), ('MO', 'Ma Cao (Trung Quốc)', 'Macao (China)', 170), ('CZ', 'Séc', 'Czechia', 180),
('SK', 'Xlô-va-ki-a', 'Slovakia', 190), ('BG', 'Bun-ga-ri', 'Bulgaria', 200), ('IL', 'I-xra-en', 'Israel', 210),
('NZ', 'Niu Di-lân', 'New Zealand', 220), ('DZ', 'An-giê-ri', 'Algeria', 230), ('GQ', 'Ghi-nê Xích Đạo', 'Equatorial Guinea', 240);

CREATE SEQUENCE labour_worker_id_seq;

CREATE TABLE labour_worker (
    id                  bigint  NOT NULL DEFAULT nextval('labour_worker_id_seq'),
    province_code       text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_id        bigint  NOT NULL,
    member_no           integer NOT NULL CHECK (member_no BETWEEN 1 AND 99),
    country_code        text    NOT NULL REFERENCES labour_country (code),
    contract_type       text    NOT NULL CHECK (contract_type IN ('enterprise', 'public_programme', 'intern_trainee',
                                'individual', 'other')),
    departed_on         date    NOT NULL,
    contract_months     integer CHECK (contract_months BETWEEN 1 AND 240),
    returned_on         date,
    broke_contract      boolean NOT NULL DEFAULT false,
    training_support    boolean NOT NULL DEFAULT false,
    -- a loan of the credit register (same province)
    loan_id             bigint,
    fees_support_vnd    bigint  CHECK (fees_support_vnd >= 0),
    note                text    CHECK (length(note) <= 1000),
    version             integer NOT NULL DEFAULT 0,
    recorded_by         text    NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, id),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE,
    FOREIGN KEY (province_code, loan_id) REFERENCES loan (province_code, id),
    CHECK (returned_on IS NULL OR returned_on >= departed_on),
    CHECK (NOT broke_contract OR returned_on IS NOT NULL)
) PARTITION BY LIST (province_code);
CREATE INDEX labour_worker_household_idx ON labour_worker (province_code, household_id);

DO $$
DECLARE code text;
BEGIN
    FOREACH code IN ARRAY ARRAY['01','04','08','11','12','14','15','19','20','22','24','25','31','33','37','38','40',
                                '42','44','46','48','51','52','56','66','68','75','79','80','82','86','91','92','96']
    LOOP
        EXECUTE format('CREATE TABLE loan_p%s PARTITION OF loan FOR VALUES IN (%L)', code, code);
        EXECUTE format('CREATE TABLE loan_statement_p%s PARTITION OF loan_statement FOR VALUES IN (%L)', code, code);
        EXECUTE format('CREATE TABLE labour_worker_p%s PARTITION OF labour_worker FOR VALUES IN (%L)', code, code);
    END LOOP;
END;
$$;
CREATE TABLE loan_pdefault PARTITION OF loan DEFAULT;
CREATE TABLE loan_statement_pdefault PARTITION OF loan_statement DEFAULT;
CREATE TABLE labour_worker_pdefault PARTITION OF labour_worker DEFAULT;

CREATE TRIGGER loan_audit AFTER INSERT OR UPDATE OR DELETE ON loan
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER loan_statement_audit AFTER INSERT OR UPDATE OR DELETE ON loan_statement
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER labour_worker_audit AFTER INSERT OR UPDATE OR DELETE ON labour_worker
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- The programme's indicators computed from the registers (the computations are beans of the credit package).
INSERT INTO monitoring_indicator (code, name_vi, name_en, unit_of_measure, direction, computation, legal_source, sort_order, obtained) VALUES
('CREDIT_HOUSEHOLDS', 'Số hộ còn dư nợ vay vốn tín dụng chính sách', 'Households with an outstanding policy loan',
 'households', 'increase', 'credit_households_outstanding', 'Quyết định 90/QĐ-TTg (2022); Nghị định 78/2002/NĐ-CP', 40, 'computed'),
('CREDIT_OUTSTANDING', 'Dư nợ tín dụng chính sách', 'Outstanding policy credit', 'million_vnd', 'increase',
 'credit_outstanding_million', 'Quyết định 90/QĐ-TTg (2022); Nghị định 78/2002/NĐ-CP', 41, 'computed'),
('CREDIT_OVERDUE_SHARE', 'Tỷ lệ nợ quá hạn trên dư nợ tín dụng chính sách', 'Overdue share of outstanding policy credit',
 'percent', 'decrease', 'credit_overdue_share', 'Ngân hàng Chính sách xã hội', 42, 'computed'),
('LABOUR_EXPORT_WORKERS', 'Số người lao động đi làm việc ở nước ngoài theo hợp đồng', 'Workers sent abroad under contract',
 'people', 'increase', 'labour_departed', 'Quyết định 90/QĐ-TTg (2022), Tiểu dự án 2 Dự án 4; Luật 69/2020/QH14', 43, 'computed');
