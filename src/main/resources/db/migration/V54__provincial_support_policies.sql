-- Provinces' own support policies (issue 24 point 3). A policy belongs to the nation (province_code NULL) or to one
-- province, whose officers create, edit and deactivate it; codes are unique per province (and a province's code may
-- not repeat a national one: the service refuses it, so that a code names one policy wherever a household lives).
-- Entitlement gains a population group (the codes of vn.giamngheo.population.PopulationGroup, decided through that
-- kernel) and an area class held by the household's commune or village on the day (vn.giamngheo.areaclass). The
-- benefit's cost is split across funding sources by effective-dated shares summing to 100 %.

ALTER TABLE support_policy ADD COLUMN province_code text CHECK (province_code ~ '^[0-9]{2}$');
ALTER TABLE support_policy ADD COLUMN population_group text
    CHECK (population_group IN ('ethnic_minority', 'woman_headed', 'with_disability', 'with_elderly', 'with_children'));
ALTER TABLE support_policy ADD COLUMN area_class text REFERENCES area_class (code);
ALTER TABLE support_policy DROP CONSTRAINT support_policy_code_key;
CREATE UNIQUE INDEX support_policy_code_per_province ON support_policy (coalesce(province_code, ''), code);

-- The split of a policy's benefit across funding sources from a day on: the rows of one (policy, valid_from) are one
-- split and sum to 100; the split in force on a day is the one of the latest valid_from on or before it. A change
-- from a later day adds rows and keeps the old ones.
CREATE TABLE support_policy_share (
    id             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    policy_id      bigint  NOT NULL REFERENCES support_policy (id),
    valid_from     date    NOT NULL,
    funding_source text    NOT NULL CHECK (funding_source IN ('central_budget', 'local_budget', 'social_policy_bank',
                           'health_insurance_fund', 'mobilised')),
    share_percent  numeric(5, 2) NOT NULL CHECK (share_percent > 0 AND share_percent <= 100),
    created_by     text    NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (policy_id, valid_from, funding_source)
);

CREATE TRIGGER support_policy_share_audit AFTER INSERT OR UPDATE OR DELETE ON support_policy_share
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- checked at commit, so that a split is replaced row by row inside one transaction
CREATE FUNCTION support_policy_share_sums_to_100() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.policy_id ELSE NEW.policy_id END;
    d date := CASE WHEN TG_OP = 'DELETE' THEN OLD.valid_from ELSE NEW.valid_from END;
    total numeric;
BEGIN
    SELECT sum(share_percent) INTO total FROM support_policy_share WHERE policy_id = p AND valid_from = d;
    IF total IS NOT NULL AND total <> 100 THEN
        RAISE EXCEPTION 'the shares of policy % from % sum to %, not 100', p, d, total;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER support_policy_share_sum AFTER INSERT OR UPDATE OR DELETE ON support_policy_share
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION support_policy_share_sums_to_100();
