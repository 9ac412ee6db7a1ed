-- Benefit records can be voided (a wrong line, a wrong file): the row stays, with who voided it, when and why;
-- coverage and leakage leave voided rows out. The audit trigger of benefit_record records the update.
ALTER TABLE benefit_record
    ADD COLUMN voided_at   timestamptz,
    ADD COLUMN voided_by   text,
    ADD COLUMN void_reason text CHECK (length(void_reason) BETWEEN 1 AND 1000),
    ADD CONSTRAINT benefit_record_void_complete
        CHECK ((voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL));
CREATE INDEX benefit_record_source_file_idx ON benefit_record (province_code, source_file) WHERE source_file IS NOT NULL;

-- A helper (người giúp đỡ): a volunteer of an organisation who sees only the households assigned to them and
-- records their visits. A helper belongs to a commune.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('COMMUNE_OFFICER', 'COMMUNE_CHAIR',
    'PROVINCE_OFFICER', 'MINISTRY_VIEWER', 'ADMINISTRATOR', 'HELPER'));
