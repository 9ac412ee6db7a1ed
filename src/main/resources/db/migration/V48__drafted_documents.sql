-- The plan and the 6-month and annual reports drafted from live data (issue 22): the narrative parts written in the
-- page before drafting (one row per plan and kind of document, edited with a version check), and every drafted
-- document kept as it was given out (DOCX and PDF bytes, the figures it printed, who drafted it, when, from which
-- data), so that it can be downloaded again and a later draft can say which figures changed.

CREATE TABLE draft_narrative (
    id            bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    plan_id       bigint      NOT NULL REFERENCES plan (id),
    province_code text        NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    kind       text        NOT NULL CHECK (kind IN ('plan', 'half_year', 'annual')),
    -- section code -> text, e.g. {"situation": "...", "difficulties": "..."}
    sections   jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(sections) = 'object'),
    version    integer     NOT NULL DEFAULT 0,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, kind)
);
COMMENT ON TABLE draft_narrative IS 'Narrative sections of a drafted plan or report, written before drafting (issue 22)';
CREATE TRIGGER draft_narrative_audit AFTER INSERT OR UPDATE OR DELETE ON draft_narrative
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE drafted_document (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id           bigint      NOT NULL REFERENCES plan (id),
    province_code     text        NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    kind              text        NOT NULL CHECK (kind IN ('plan', 'half_year', 'annual')),
    language          text        NOT NULL CHECK (language IN ('vi', 'en')),
    drafted_by        text        NOT NULL,
    drafted_at        timestamptz NOT NULL DEFAULT now(),
    -- the day the figures were read for (the data of the report period, or today when earlier)
    as_of             date        NOT NULL,
    narrative_version integer     NOT NULL,
    -- the plan's version and the report data's version keys when drafted: from which data
    plan_version      integer     NOT NULL,
    data_version      text        NOT NULL,
    -- every figure printed, key -> value in machine format (the before of the next draft's changes)
    figures           jsonb       NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
    findings          integer     NOT NULL CHECK (findings >= 0),
    docx              bytea       NOT NULL,
    pdf               bytea       NOT NULL
);
COMMENT ON TABLE drafted_document IS 'Every drafted plan or report as given out: bytes, figures, who, when (issue 22); append-only';
CREATE INDEX drafted_document_plan ON drafted_document (plan_id, kind, id DESC);

CREATE TRIGGER drafted_document_append_only BEFORE UPDATE OR DELETE ON drafted_document
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_table();

-- audited without the bytes of the files (the figures, who and when are enough to know what was given out)
CREATE FUNCTION audit_drafted_document() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor text := coalesce(nullif(current_setting('giamngheo.username', true), ''), 'system');
BEGIN
    INSERT INTO audit_log (username, action, entity, entity_id, province_code, before_value, after_value)
    VALUES (actor, 'CREATE', 'drafted_document', NEW.id::text, NEW.province_code, NULL,
            to_jsonb(NEW) - 'docx' - 'pdf' || jsonb_build_object('docx_bytes', length(NEW.docx), 'pdf_bytes', length(NEW.pdf)));
    RETURN NEW;
END;
$$;
CREATE TRIGGER drafted_document_audit AFTER INSERT ON drafted_document
    FOR EACH ROW EXECUTE FUNCTION audit_drafted_document();
