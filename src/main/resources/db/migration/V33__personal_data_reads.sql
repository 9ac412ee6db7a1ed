-- Reads of personal data (issue 17): who read which household, when, through which route. One row per request of a
-- route that shows personal data (vn.giamngheo.audit.PersonalDataRoutes), written by the application in the
-- request. Partitioned by month (a year of reads of a country is hundreds of millions of rows: old months can be
-- detached and archived whole); a default partition takes any row whose month has no partition yet, so a read is
-- never refused. Append-only, as the audit log.
-- (a sequence, not an identity column: PostgreSQL before 17 has no identity on partitioned tables)
CREATE SEQUENCE personal_data_read_id_seq;
CREATE TABLE personal_data_read (
    id           bigint      NOT NULL DEFAULT nextval('personal_data_read_id_seq'),
    at           timestamptz NOT NULL DEFAULT now(),
    username     text        NOT NULL,
    role         text,
    route        text        NOT NULL,
    path         text        NOT NULL,
    household_id bigint,
    round_id     bigint,
    status       smallint    NOT NULL,
    PRIMARY KEY (at, id)
) PARTITION BY RANGE (at);

ALTER SEQUENCE personal_data_read_id_seq OWNED BY personal_data_read.id;
CREATE TABLE personal_data_read_default PARTITION OF personal_data_read DEFAULT;
CREATE INDEX personal_data_read_household_idx ON personal_data_read (household_id, at) WHERE household_id IS NOT NULL;
CREATE INDEX personal_data_read_user_idx ON personal_data_read (username, at);

-- The partition of the month of `day` (personal_data_read_YYYYMM), created if missing; returns its name. The
-- application calls it before the first read of each month it writes.
CREATE FUNCTION personal_data_read_partition(day date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    first date := date_trunc('month', day)::date;
    name text := 'personal_data_read_' || to_char(first, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN name;
    END IF;
    -- rows of that month already in the default partition (written while no partition existed) stay there
    IF EXISTS (SELECT 1 FROM personal_data_read_default WHERE at >= first AND at < first + interval '1 month') THEN
        RETURN 'personal_data_read_default';
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF personal_data_read FOR VALUES FROM (%L) TO (%L)',
                   name, first::timestamptz, (first + interval '1 month')::timestamptz);
    RETURN name;
EXCEPTION WHEN duplicate_table THEN
    RETURN name; -- created meanwhile by another connection
END;
$$;

SELECT personal_data_read_partition(current_date);
SELECT personal_data_read_partition((current_date + interval '1 month')::date);

CREATE TRIGGER personal_data_read_no_update_delete BEFORE UPDATE OR DELETE ON personal_data_read
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_table();
CREATE TRIGGER personal_data_read_no_truncate BEFORE TRUNCATE ON personal_data_read
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_table();
