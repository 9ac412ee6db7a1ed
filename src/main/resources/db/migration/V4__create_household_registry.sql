-- The household registry (sổ quản lý hộ). Household-level tables are partitioned by province_code
-- (the province of the household's current commune), which every household-level row carries and every
-- household-level query uses: the same key a distributed PostgreSQL (Citus) would distribute on.

CREATE SEQUENCE household_id_seq;
CREATE SEQUENCE household_member_id_seq;

CREATE TABLE household (
    id                 bigint      NOT NULL DEFAULT nextval('household_id_seq'),
    province_code      text        NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    household_code     text        NOT NULL CHECK (length(household_code) BETWEEN 1 AND 40),
    commune_id         bigint      NOT NULL REFERENCES admin_unit (id),
    village_id         bigint      REFERENCES admin_unit (id),
    area               text        CHECK (area IN ('urban', 'rural')),
    address            text        CHECK (length(address) <= 500),
    reference_date     date,
    income_per_capita  bigint      CHECK (income_per_capita >= 0),
    b1_score           numeric(7, 2) CHECK (b1_score >= 0),
    housing_quality    text        NOT NULL CHECK (housing_quality IN ('durable', 'semi_durable', 'less_durable', 'makeshift')),
    floor_area_m2      numeric(9, 2) NOT NULL CHECK (floor_area_m2 >= 0),
    water_source       text        NOT NULL,
    toilet             text        NOT NULL,
    internet_use       boolean     NOT NULL,
    telephone_use      boolean,
    info_devices       text[]      NOT NULL DEFAULT '{}',
    loudspeaker_reach  boolean,
    waste_treatment    boolean,
    causes             text[]      NOT NULL DEFAULT '{}',
    ethnic_minority    boolean,
    merit_household    boolean,
    social_protection  boolean,
    -- the latest classification under the standard of the coming lists (kept fresh on every save)
    poverty_status     text        CHECK (poverty_status IN ('poor', 'near_poor', 'average', 'not_poor')),
    deprivation_count  smallint,
    classified_standard text,
    classified_at      timestamptz,
    life_status        text        NOT NULL DEFAULT 'active' CHECK (life_status IN ('active', 'moved_away', 'merged', 'dissolved')),
    import_id          bigint,
    version            integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (income_per_capita IS NOT NULL OR b1_score IS NOT NULL),
    PRIMARY KEY (province_code, id)
) PARTITION BY LIST (province_code);

CREATE UNIQUE INDEX household_code_in_commune ON household (province_code, commune_id, household_code);
CREATE INDEX household_id_idx ON household (id);
CREATE INDEX household_commune_idx ON household (province_code, commune_id, village_id);

CREATE TABLE household_member (
    id                        bigint  NOT NULL DEFAULT nextval('household_member_id_seq'),
    province_code             text    NOT NULL,
    household_id              bigint  NOT NULL,
    member_no                 integer NOT NULL CHECK (member_no BETWEEN 1 AND 99),
    full_name                 text    NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    id_number                 text    CHECK (id_number ~ '^[0-9]{12}$'),
    birth_date                date    NOT NULL,
    birth_year_only           boolean NOT NULL DEFAULT false,
    sex                       text    NOT NULL CHECK (sex IN ('male', 'female')),
    ethnicity                 text    NOT NULL CHECK (length(ethnicity) BETWEEN 1 AND 60),
    relation                  text    NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other')),
    employment                text    NOT NULL CHECK (employment IN ('wage_with_contract', 'wage_no_contract', 'self_employed', 'unemployed', 'student', 'not_working')),
    working_capacity          boolean NOT NULL,
    disability                text    CHECK (disability IN ('none', 'mild', 'severe', 'very_severe')),
    monthly_social_allowance  boolean,
    health_insurance          boolean NOT NULL,
    malnourished              boolean,
    education                 text    NOT NULL CHECK (education IN ('none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational_elementary', 'vocational_intermediate', 'college', 'university')),
    in_school                 boolean NOT NULL,
    school_level_appropriate  boolean,
    sick_untreated            boolean,
    merit_person              boolean,
    PRIMARY KEY (province_code, id),
    UNIQUE (province_code, household_id, member_no),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id)
        ON UPDATE CASCADE ON DELETE CASCADE
) PARTITION BY LIST (province_code);

CREATE INDEX household_member_household_idx ON household_member (province_code, household_id);
CREATE INDEX household_member_name_idx ON household_member (province_code, lower(full_name) text_pattern_ops);
-- At most one head per household (at least one is checked by the application on every change).
CREATE UNIQUE INDEX household_member_one_head ON household_member (province_code, household_id) WHERE relation = 'head';

-- A citizen identity number is unique across the whole registry; a partitioned table cannot hold a
-- global unique index, so this small unpartitioned table (a reference table in Citus terms) does.
CREATE TABLE citizen_identity (
    id_number      text   PRIMARY KEY CHECK (id_number ~ '^[0-9]{12}$'),
    province_code  text   NOT NULL,
    member_id      bigint NOT NULL
);

CREATE FUNCTION household_member_identity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.id_number IS NOT NULL THEN
        DELETE FROM citizen_identity WHERE id_number = OLD.id_number AND member_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.id_number IS NOT NULL THEN
        INSERT INTO citizen_identity (id_number, province_code, member_id)
        VALUES (NEW.id_number, NEW.province_code, NEW.id);
    END IF;
    RETURN coalesce(NEW, OLD);
END;
$$;

-- Life events of a household: moved, split (a member leaves to found a new household), merged, dissolved.
CREATE TABLE household_event (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code          text   NOT NULL,
    household_id           bigint NOT NULL,
    event_type             text   NOT NULL CHECK (event_type IN ('registered', 'moved', 'split_from', 'split_into', 'merged_into', 'absorbed', 'dissolved')),
    event_date             date   NOT NULL,
    from_commune_id        bigint REFERENCES admin_unit (id),
    to_commune_id          bigint REFERENCES admin_unit (id),
    related_household_id   bigint,
    related_province_code  text,
    note                   text   CHECK (length(note) <= 1000),
    recorded_by            text   NOT NULL,
    recorded_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_event_household_idx ON household_event (household_id);
CREATE INDEX household_event_related_idx ON household_event (related_household_id);

-- One partition per province of today's map, and a default one for anything else.
DO $$
DECLARE code text;
BEGIN
    FOREACH code IN ARRAY ARRAY['01','04','08','11','12','14','15','19','20','22','24','25','31','33','37','38','40',
                                '42','44','46','48','51','52','56','66','68','75','79','80','82','86','91','92','96']
    LOOP
        EXECUTE format('CREATE TABLE household_p%s PARTITION OF household FOR VALUES IN (%L)', code, code);
        EXECUTE format('CREATE TABLE household_member_p%s PARTITION OF household_member FOR VALUES IN (%L)', code, code);
    END LOOP;
END;
$$;
CREATE TABLE household_pdefault PARTITION OF household DEFAULT;
CREATE TABLE household_member_pdefault PARTITION OF household_member DEFAULT;

CREATE TRIGGER household_member_identity AFTER INSERT OR UPDATE OF id_number OR DELETE ON household_member
    FOR EACH ROW EXECUTE FUNCTION household_member_identity();

CREATE TRIGGER household_audit AFTER INSERT OR UPDATE OR DELETE ON household
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER household_member_audit AFTER INSERT OR UPDATE OR DELETE ON household_member
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER household_event_audit AFTER INSERT ON household_event
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE import_batch (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text        NOT NULL,
    list_year      integer     NOT NULL,
    households_file text       NOT NULL,
    members_file   text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('running', 'stored', 'rejected', 'failed')),
    households     integer     NOT NULL DEFAULT 0,
    members        integer     NOT NULL DEFAULT 0,
    problems       integer     NOT NULL DEFAULT 0,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
