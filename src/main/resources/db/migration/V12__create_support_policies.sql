-- Support policies (chính sách hỗ trợ) as data, and the benefits households and persons received. A policy says
-- who is entitled (decided statuses on the date, newly escaped within a window, group and area filters, an age
-- band for person-level policies, a period of validity), what is given (kind, amount or share), who pays and
-- under which programme item, with its legal source and the confidence of what is known. Administrators edit
-- policies (audited); officers record benefits in their area (audited). Seeded by V12_1.

CREATE TABLE support_policy (
    id                  bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text    NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
    name_vi             text    NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 300),
    name_en             text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 300),
    beneficiary         text    NOT NULL CHECK (beneficiary IN ('household', 'person')),
    statuses            text[]  NOT NULL CHECK (cardinality(statuses) > 0 AND statuses <@
                                ARRAY['poor', 'near_poor', 'average', 'escaped_poor', 'escaped_near_poor']),
    escape_window_months integer CHECK (escape_window_months BETWEEN 1 AND 120),
    -- NULL: either; true / false: the household must (not) be in the group on its decided row
    ethnic_minority     boolean,
    social_protection   boolean,
    merit               boolean,
    area                text    CHECK (area IN ('urban', 'rural')),
    -- completed years on the date, both ends included (person-level policies only)
    min_age             integer CHECK (min_age BETWEEN 0 AND 150),
    max_age             integer CHECK (max_age BETWEEN 0 AND 150),
    valid_from          date    NOT NULL,
    valid_to            date,
    benefit_kind        text    NOT NULL CHECK (benefit_kind IN ('cash', 'in_kind', 'card', 'credit', 'service')),
    amount_vnd          bigint  CHECK (amount_vnd >= 0),
    amount_unit         text    NOT NULL DEFAULT '' CHECK (length(amount_unit) <= 60),
    share_percent       numeric(5, 2) CHECK (share_percent BETWEEN 0 AND 100),
    funding_source      text    NOT NULL CHECK (funding_source IN ('central_budget', 'local_budget', 'social_policy_bank',
                                'health_insurance_fund', 'mobilised', 'mixed')),
    programme_item      text    NOT NULL DEFAULT '' CHECK (length(programme_item) <= 100),
    legal_source        text    NOT NULL CHECK (length(legal_source) BETWEEN 1 AND 500),
    confidence          text    NOT NULL CHECK (confidence IN ('S', 'S2', '?')),
    note                text    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    active              boolean NOT NULL DEFAULT true,
    version             integer NOT NULL DEFAULT 0,
    updated_by          text    NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT (statuses && ARRAY['escaped_poor', 'escaped_near_poor']) OR escape_window_months IS NOT NULL),
    CHECK (beneficiary = 'person' OR (min_age IS NULL AND max_age IS NULL)),
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TRIGGER support_policy_audit AFTER INSERT OR UPDATE OR DELETE ON support_policy
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- A benefit received by a household (member_no NULL) or one of its members. Household-level like the register:
-- partitioned by the household's province, and every query filters on it.
CREATE TABLE benefit_record (
    id             bigint  GENERATED ALWAYS AS IDENTITY,
    province_code  text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_id   bigint  NOT NULL,
    member_no      integer CHECK (member_no BETWEEN 1 AND 99),
    policy_id      bigint  NOT NULL REFERENCES support_policy (id),
    benefit_date   date    NOT NULL,
    amount_vnd     bigint  CHECK (amount_vnd >= 0),
    reference_no   text    CHECK (length(reference_no) <= 60),
    note           text    CHECK (length(note) <= 1000),
    source         text    NOT NULL CHECK (source IN ('form', 'import')),
    source_file    text    CHECK (length(source_file) <= 300),
    source_line    integer,
    recorded_by    text    NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, id),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE
) PARTITION BY LIST (province_code);
CREATE INDEX benefit_record_household_idx ON benefit_record (province_code, household_id);
CREATE INDEX benefit_record_policy_idx ON benefit_record (province_code, policy_id, benefit_date);

DO $$
DECLARE code text;
BEGIN
    FOREACH code IN ARRAY ARRAY['01','04','08','11','12','14','15','19','20','22','24','25','31','33','37','38','40',
                                '42','44','46','48','51','52','56','66','68','75','79','80','82','86','91','92','96']
    LOOP
        EXECUTE format('CREATE TABLE benefit_record_p%s PARTITION OF benefit_record FOR VALUES IN (%L)', code, code);
    END LOOP;
END;
$$;
CREATE TABLE benefit_record_pdefault PARTITION OF benefit_record DEFAULT;

CREATE TRIGGER benefit_record_audit AFTER INSERT OR UPDATE OR DELETE ON benefit_record
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
