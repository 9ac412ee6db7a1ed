-- The review (rà soát) of Decision 24/2021/QĐ-TTg: periodic and monthly rounds per commune, applications
-- (forms 01 and 04), the households collected with a snapshot of their data, village meetings, public posting
-- and complaints, the commune chair's decision, and approval up the levels. The decided status of every
-- household (the lists) is kept as an append-only history in household_status.

CREATE TABLE review_round (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code    text    NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    commune_id       bigint  NOT NULL REFERENCES admin_unit (id),
    kind             text    NOT NULL CHECK (kind IN ('periodic', 'monthly')),
    review_year      integer NOT NULL CHECK (review_year BETWEEN 2000 AND 2100),
    review_month     integer CHECK (review_month BETWEEN 1 AND 12),
    list_year        integer NOT NULL CHECK (list_year BETWEEN 2000 AND 2101),
    standard_code    text    NOT NULL,
    standard_version integer NOT NULL,
    reference_date   date    NOT NULL,
    opens_on         date    NOT NULL,
    decision_due     date    NOT NULL,
    state            text    NOT NULL DEFAULT 'preparing'
                     CHECK (state IN ('preparing', 'collecting', 'meetings', 'posted', 'decided')),
    posting_started_on date,
    posting_ends_on    date,
    complaints_end_on  date,
    approval_state   text    NOT NULL DEFAULT 'none'
                     CHECK (approval_state IN ('none', 'awaiting_district', 'awaiting_province', 'approved', 'returned')),
    created_by       text    NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0,
    CHECK ((kind = 'periodic' AND review_month IS NULL) OR (kind = 'monthly' AND review_month IS NOT NULL))
);
CREATE UNIQUE INDEX review_round_once ON review_round (commune_id, kind, review_year, coalesce(review_month, 0));
CREATE INDEX review_round_province_idx ON review_round (province_code, list_year);

-- Every move of a round between states, forwards or sent back (with the reason).
CREATE TABLE review_transition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id    bigint NOT NULL REFERENCES review_round (id),
    from_state  text   NOT NULL,
    to_state    text   NOT NULL,
    reason      text   CHECK (length(reason) <= 2000),
    username    text   NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_transition_round_idx ON review_transition (round_id);

-- Form 01 (to be reviewed or added) and form 04 (to be recognised as escaped).
CREATE TABLE review_application (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code  text    NOT NULL,
    commune_id     bigint  NOT NULL REFERENCES admin_unit (id),
    household_id   bigint  NOT NULL,
    form           text    NOT NULL CHECK (form IN ('01', '04')),
    received_on    date    NOT NULL,
    channel        text    NOT NULL CHECK (channel IN ('in_person', 'post', 'online')),
    applicant      text    NOT NULL CHECK (length(applicant) BETWEEN 1 AND 200),
    note           text    CHECK (length(note) <= 2000),
    due_on         date    NOT NULL,
    round_id       bigint  REFERENCES review_round (id),
    status         text    NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_round', 'decided', 'answered')),
    answer         text    CHECK (length(answer) <= 2000),
    answered_on    date,
    created_by     text    NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (province_code, household_id) REFERENCES household (province_code, id) ON UPDATE CASCADE
);
CREATE INDEX review_application_commune_idx ON review_application (province_code, commune_id, status);

-- The households of a round with the snapshot of their data (exchange-format CSV rows) and their result.
CREATE TABLE review_household (
    round_id          bigint  NOT NULL REFERENCES review_round (id),
    province_code     text    NOT NULL,
    household_id      bigint  NOT NULL,
    village_id        bigint  REFERENCES admin_unit (id),
    source            text    NOT NULL CHECK (source IN ('current_list', 'application', 'added')),
    application_id    bigint  REFERENCES review_application (id),
    household_code    text    NOT NULL,
    head_name         text    NOT NULL,
    members           integer NOT NULL,
    area              text    NOT NULL CHECK (area IN ('urban', 'rural')),
    ethnic_minority   boolean NOT NULL,
    social_protection boolean NOT NULL,
    merit             boolean NOT NULL,
    snapshot_households text,
    snapshot_members    text,
    snapshot_at       timestamptz,
    previous_status   text    CHECK (previous_status IN ('poor', 'near_poor', 'average', 'not_poor')),
    status            text    CHECK (status IN ('poor', 'near_poor', 'average', 'not_poor')),
    poor_kind         text,
    deprivation_count smallint,
    deprived          text[]  NOT NULL DEFAULT '{}',
    explanation_vi    text,
    explanation_en    text,
    missing_fact      text,
    reviewer          text,
    reviewed_at       timestamptz,
    meeting_state     text    NOT NULL DEFAULT 'pending' CHECK (meeting_state IN ('pending', 'agreed', 'returned')),
    PRIMARY KEY (round_id, household_id)
);
CREATE INDEX review_household_household_idx ON review_household (province_code, household_id);

CREATE TABLE village_meeting (
    id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id     bigint  NOT NULL REFERENCES review_round (id),
    village_id   bigint  NOT NULL REFERENCES admin_unit (id),
    held_on      date    NOT NULL,
    chair        text    NOT NULL CHECK (length(chair) BETWEEN 1 AND 200),
    secretary    text    CHECK (length(secretary) <= 200),
    supervisor   text    CHECK (length(supervisor) <= 200),
    invited      integer NOT NULL CHECK (invited > 0),
    attendees    integer NOT NULL CHECK (attendees > 0 AND attendees <= invited),
    agreed       integer NOT NULL CHECK (agreed >= 0 AND agreed <= attendees),
    threshold    numeric(5, 4) NOT NULL,
    passed       boolean NOT NULL,
    note         text    CHECK (length(note) <= 2000),
    households   bigint[] NOT NULL,
    recorded_by  text    NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX village_meeting_round_idx ON village_meeting (round_id);

CREATE TABLE review_complaint (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id      bigint NOT NULL REFERENCES review_round (id),
    household_id  bigint,
    complainant   text   NOT NULL CHECK (length(complainant) BETWEEN 1 AND 200),
    received_on   date   NOT NULL,
    content       text   NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
    state         text   NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered')),
    recheck_note  text   CHECK (length(recheck_note) <= 4000),
    answer        text   CHECK (length(answer) <= 4000),
    answered_on   date,
    answered_by   text,
    created_by    text   NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_complaint_round_idx ON review_complaint (round_id, state);

-- The commune chair's decision recognising the lists (form 02). A decision returned by a higher level is
-- revoked (with the reason) and the round decided again by a new decision.
CREATE TABLE review_decision (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id       bigint NOT NULL REFERENCES review_round (id),
    province_code  text   NOT NULL,
    commune_id     bigint NOT NULL REFERENCES admin_unit (id),
    number         text   NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
    decided_on     date   NOT NULL,
    effective_from date   NOT NULL,
    list_year      integer NOT NULL,
    signed_by      text   NOT NULL,
    recorded_by    text   NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    revoked_on     date,
    revoke_reason  text   CHECK (length(revoke_reason) <= 2000),
    UNIQUE (commune_id, number)
);
CREATE INDEX review_decision_round_idx ON review_decision (round_id);

-- The decided status of households: append-only history, one row per household per decision. The lists of
-- a decision: poor (status poor), near-poor (status near_poor), escaped poor (previous poor, now not poor),
-- escaped near-poor (previous near-poor, now neither poor nor near-poor).
CREATE TABLE household_status (
    id                bigint  GENERATED ALWAYS AS IDENTITY,
    province_code     text    NOT NULL,
    household_id      bigint  NOT NULL,
    commune_id        bigint  NOT NULL REFERENCES admin_unit (id),
    village_id        bigint  REFERENCES admin_unit (id),
    decision_id       bigint  NOT NULL REFERENCES review_decision (id),
    round_id          bigint  NOT NULL REFERENCES review_round (id),
    list_year         integer NOT NULL,
    effective_from    date    NOT NULL,
    status            text    NOT NULL CHECK (status IN ('poor', 'near_poor', 'average', 'not_poor')),
    previous_status   text    CHECK (previous_status IN ('poor', 'near_poor', 'average', 'not_poor')),
    poor_kind         text,
    deprivation_count smallint,
    deprived          text[]  NOT NULL DEFAULT '{}',
    standard_code     text    NOT NULL,
    standard_version  integer NOT NULL,
    household_code    text    NOT NULL,
    head_name         text    NOT NULL,
    members           integer NOT NULL,
    area              text    NOT NULL,
    ethnic_minority   boolean NOT NULL,
    social_protection boolean NOT NULL,
    merit             boolean NOT NULL,
    causes            text[]  NOT NULL DEFAULT '{}',
    certificate_no    text,
    revoked           boolean NOT NULL DEFAULT false,
    PRIMARY KEY (province_code, id)
) PARTITION BY LIST (province_code);
CREATE INDEX household_status_household_idx ON household_status (province_code, household_id, effective_from);
CREATE INDEX household_status_commune_idx ON household_status (province_code, commune_id, list_year);
CREATE INDEX household_status_decision_idx ON household_status (decision_id);

DO $$
DECLARE code text;
BEGIN
    FOREACH code IN ARRAY ARRAY['01','04','08','11','12','14','15','19','20','22','24','25','31','33','37','38','40',
                                '42','44','46','48','51','52','56','66','68','75','79','80','82','86','91','92','96']
    LOOP
        EXECUTE format('CREATE TABLE household_status_p%s PARTITION OF household_status FOR VALUES IN (%L)', code, code);
    END LOOP;
END;
$$;
CREATE TABLE household_status_pdefault PARTITION OF household_status DEFAULT;

-- A decided list is never edited: the only change allowed is marking the rows of a revoked decision.
CREATE FUNCTION household_status_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NOT OLD.revoked AND NEW.revoked
       AND (to_jsonb(NEW) - 'revoked') = (to_jsonb(OLD) - 'revoked') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a decided list is locked: % of household % cannot be changed', TG_OP, OLD.household_id
        USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER household_status_locked BEFORE UPDATE OR DELETE ON household_status
    FOR EACH ROW EXECUTE FUNCTION household_status_locked();

-- The households of a decided round are locked too (their snapshot is what was decided).
CREATE FUNCTION review_household_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM review_round r WHERE r.id = OLD.round_id AND r.state = 'decided') THEN
        RAISE EXCEPTION 'round % is decided: its households cannot be changed', OLD.round_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN coalesce(NEW, OLD);
END;
$$;
CREATE TRIGGER review_household_locked BEFORE UPDATE OR DELETE ON review_household
    FOR EACH ROW EXECUTE FUNCTION review_household_locked();

-- Approval or return by the district (rounds decided before 1 July 2025) and the province.
CREATE TABLE review_approval (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id     bigint NOT NULL REFERENCES review_round (id),
    decision_id  bigint NOT NULL REFERENCES review_decision (id),
    level        text   NOT NULL CHECK (level IN ('district', 'province')),
    action       text   NOT NULL CHECK (action IN ('approved', 'returned')),
    reason       text   CHECK (length(reason) <= 2000),
    username     text   NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    CHECK (action = 'approved' OR length(reason) > 0)
);
CREATE INDEX review_approval_round_idx ON review_approval (round_id);

CREATE TRIGGER review_round_audit AFTER INSERT OR UPDATE OR DELETE ON review_round
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER review_application_audit AFTER INSERT OR UPDATE OR DELETE ON review_application
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER village_meeting_audit AFTER INSERT OR UPDATE OR DELETE ON village_meeting
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER review_complaint_audit AFTER INSERT OR UPDATE OR DELETE ON review_complaint
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER review_decision_audit AFTER INSERT OR UPDATE OR DELETE ON review_decision
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER review_approval_audit AFTER INSERT OR UPDATE OR DELETE ON review_approval
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER review_household_audit AFTER INSERT OR UPDATE OR DELETE ON review_household
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
