-- Poverty standards (chuẩn nghèo) as versioned data. A standard is known by its code (QD59_2015, ND07_2021,
-- DNAI_2022…); each change of a parameter creates a new version of it, and a version once written is never
-- changed or removed (the database refuses it), so a result decided with an earlier version can always be
-- explained with the parameters it was decided with. The schedule says which standard applies to the lists
-- of which years, nationally and (overriding it) per province. Seeded by V5_1__load_poverty_standards.

CREATE TABLE poverty_standard (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text        NOT NULL CHECK (code ~ '^[A-Z0-9_]{3,30}$'),
    version        integer     NOT NULL CHECK (version >= 1),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind           text        NOT NULL CHECK (kind IN ('national', 'provincial')),
    -- the standard this one was derived from (provincial standards), with the version it was derived from
    base_code      text,
    base_version   integer,
    province_code  text        CHECK (province_code ~ '^[0-9]{2}$'),
    valid_from     date        NOT NULL,
    valid_to       date        NOT NULL,
    legal_basis    text        NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 500),
    -- what this version changed, with its legal source (empty for a first version)
    change_note    text        NOT NULL DEFAULT '' CHECK (length(change_note) <= 1000),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (code, version),
    CHECK (valid_to >= valid_from),
    CHECK ((kind = 'provincial') = (province_code IS NOT NULL)),
    CHECK (kind = 'national' OR base_code IS NOT NULL),
    CHECK ((base_code IS NULL) = (base_version IS NULL)),
    FOREIGN KEY (base_code, base_version) REFERENCES poverty_standard (code, version)
);
CREATE INDEX poverty_standard_province_idx ON poverty_standard (province_code);

CREATE TABLE poverty_standard_parameter (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    standard_id   bigint  NOT NULL REFERENCES poverty_standard (id),
    name          text    NOT NULL CHECK (name ~ '^[a-z0-9_.]{1,80}$'),
    value         text    NOT NULL CHECK (length(value) <= 2000),
    unit          text    NOT NULL DEFAULT '' CHECK (length(unit) <= 60),
    legal_source  text    NOT NULL DEFAULT '' CHECK (length(legal_source) <= 500),
    confidence    text    NOT NULL CHECK (confidence IN ('S', 'S2', '?')),
    note          text    NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    UNIQUE (standard_id, name)
);

-- A version of a standard and its parameters are written once: UPDATE and DELETE are refused.
CREATE FUNCTION poverty_standard_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: a poverty standard version never changes; change a parameter to create a new version',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER poverty_standard_immutable BEFORE UPDATE OR DELETE ON poverty_standard
    FOR EACH ROW EXECUTE FUNCTION poverty_standard_is_immutable();
CREATE TRIGGER poverty_standard_parameter_immutable BEFORE UPDATE OR DELETE ON poverty_standard_parameter
    FOR EACH ROW EXECUTE FUNCTION poverty_standard_is_immutable();

-- Which standard applies to the lists of a year range: national rows (province_code NULL) and provincial rows
-- that override them for one province. Ranges of the same province (or of the national schedule) never overlap.
CREATE TABLE poverty_standard_schedule (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year_from      integer     NOT NULL CHECK (year_from BETWEEN 2000 AND 2100),
    year_to        integer     NOT NULL CHECK (year_to BETWEEN 2000 AND 2100),
    province_code  text        CHECK (province_code ~ '^[0-9]{2}$'),
    standard_code  text        NOT NULL CHECK (standard_code ~ '^[A-Z0-9_]{3,30}$'),
    legal_basis    text        NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 500),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (year_to >= year_from),
    EXCLUDE USING gist ((coalesce(province_code, '')) WITH =, int4range(year_from, year_to, '[]') WITH &&)
);

CREATE TRIGGER poverty_standard_audit AFTER INSERT OR UPDATE OR DELETE ON poverty_standard
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER poverty_standard_parameter_audit AFTER INSERT OR UPDATE OR DELETE ON poverty_standard_parameter
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER poverty_standard_schedule_audit AFTER INSERT OR UPDATE OR DELETE ON poverty_standard_schedule
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
