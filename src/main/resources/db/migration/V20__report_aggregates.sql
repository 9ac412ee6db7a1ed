-- Report aggregates (issues 5 and 9, ADR 0006): the reports count from small tables kept by triggers in the
-- same transaction as every change, instead of reading every household's status history.
--
-- Reports are always taken on 31 December of a list year, so a household's contribution is constant over
-- runs of years. report_segment holds, per household, the runs of years [from_year, to_year] in which it is
-- counted, with what it is counted as on 31 December of each of those years (the same rules as the live
-- query, kept in the tests as the oracle):
--   * its status on 31 December Y is its latest household_status row not revoked with effective_from on or
--     before that day (ties by id): the row with the greatest (effective_from, id) whose year is <= Y;
--   * it is counted when it is active, or has a moved / merged_into / dissolved event dated after that day
--     (Y <= year of its latest such event - 1);
--   * it is placed at its status row's commune / village / area, or without one at the register's;
--     register_commune is the register's commune when the status row's commune differs.
-- from_year -2147483648 and to_year 2147483647 mean "without bound".
-- report_count (by recorded place and area) and report_code_count (deprivation sets and causes of poor and
-- near-poor households) sum the segments by (from_year, to_year) and place: a report for year Y adds the rows
-- with from_year <= Y <= to_year. Rows whose count fell to zero may remain (reports ignore them; a rebuild
-- drops them).

CREATE TABLE report_segment (
    province_code     text    NOT NULL,
    household_id      bigint  NOT NULL,
    from_year         integer NOT NULL,
    to_year           integer NOT NULL,
    commune_id        bigint  NOT NULL,
    village_id        bigint,
    register_commune  bigint,
    area              text,
    status            text,
    poor_kind         text,
    ethnic_minority   boolean,
    social_protection boolean,
    merit             boolean,
    deprived          text[],
    causes            text[],
    CHECK (from_year <= to_year)
) PARTITION BY LIST (province_code);
CREATE INDEX report_segment_household_idx ON report_segment (province_code, household_id);

DO $$
DECLARE code text;
BEGIN
    FOREACH code IN ARRAY ARRAY['01','04','08','11','12','14','15','19','20','22','24','25','31','33','37','38','40',
                                '42','44','46','48','51','52','56','66','68','75','79','80','82','86','91','92','96']
    LOOP
        EXECUTE format('CREATE TABLE report_segment_p%s PARTITION OF report_segment FOR VALUES IN (%L)', code, code);
    END LOOP;
END;
$$;
CREATE TABLE report_segment_pdefault PARTITION OF report_segment DEFAULT;

CREATE TABLE report_count (
    province_code     text    NOT NULL,
    from_year         integer NOT NULL,
    to_year           integer NOT NULL,
    commune_id        bigint  NOT NULL,
    village_id        bigint,
    register_commune  bigint,
    area              text,
    households        bigint  NOT NULL,
    poor              bigint  NOT NULL,
    near_poor         bigint  NOT NULL,
    poor_em           bigint  NOT NULL,
    poor_sp           bigint  NOT NULL,
    poor_merit        bigint  NOT NULL,
    near_em           bigint  NOT NULL,
    near_sp           bigint  NOT NULL,
    near_merit        bigint  NOT NULL,
    poor_income       bigint  NOT NULL,
    poor_deprivation  bigint  NOT NULL,
    CONSTRAINT report_count_key UNIQUE NULLS NOT DISTINCT
        (province_code, from_year, to_year, commune_id, village_id, register_commune, area)
);

CREATE TABLE report_code_count (
    province_code     text    NOT NULL,
    kind              text    NOT NULL CHECK (kind IN ('deprived', 'cause')),
    from_year         integer NOT NULL,
    to_year           integer NOT NULL,
    commune_id        bigint  NOT NULL,
    village_id        bigint,
    register_commune  bigint,
    status            text    NOT NULL,
    codes             text[]  NOT NULL,
    n                 bigint  NOT NULL,
    CONSTRAINT report_code_count_key UNIQUE NULLS NOT DISTINCT
        (province_code, kind, from_year, to_year, commune_id, village_id, register_commune, status, codes)
);

-- The segments of the households chosen by the three filters (%1$s on household h, %2$s on household_status s,
-- %3$s on household_event e); parameters $1 (provinces, text[]) and $2 (household ids, bigint[]) are given to
-- every use. One text for the rebuild and the refresh, so that both compute the same thing.
CREATE FUNCTION report_segments_sql(h_filter text, s_filter text, e_filter text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
    WITH st AS (
        SELECT s.province_code, s.household_id, CAST(extract(YEAR FROM s.effective_from) AS integer) AS y,
               CAST(extract(YEAR FROM lead(s.effective_from) OVER w) AS integer) AS next_y,
               row_number() OVER w AS rn,
               s.commune_id, s.village_id, s.area, s.status, s.poor_kind, s.ethnic_minority, s.social_protection,
               s.merit, s.deprived, s.causes
          FROM household_status s
         WHERE NOT s.revoked AND %2$s
        WINDOW w AS (PARTITION BY s.province_code, s.household_id ORDER BY s.effective_from, s.id)
    ), ev AS (
        SELECT e.province_code, e.household_id, max(e.event_date) AS last_date
          FROM household_event e
         WHERE e.event_type IN ('moved', 'merged_into', 'dissolved') AND %3$s
         GROUP BY 1, 2
    ), hh AS (
        -- the register's households with the last year on whose 31 December they are counted
        SELECT h.province_code, h.id, h.commune_id, h.village_id, h.area,
               CASE WHEN h.life_status = 'active' THEN 2147483647
                    WHEN ev.last_date IS NULL THEN CAST(-2147483648 AS integer)
                    ELSE CAST(extract(YEAR FROM ev.last_date) AS integer) - 1 END AS alive_to
          FROM household h
          LEFT JOIN ev ON ev.province_code = h.province_code AND ev.household_id = h.id
         WHERE %1$s
    )
    -- a status row is in force from its year to the year before the next row's, unless that is the same year
    SELECT hh.province_code, hh.id AS household_id, st.y AS from_year,
           least(coalesce(st.next_y - 1, 2147483647), hh.alive_to) AS to_year, st.commune_id, st.village_id,
           CASE WHEN st.commune_id <> hh.commune_id THEN hh.commune_id END AS register_commune, st.area,
           st.status, st.poor_kind, st.ethnic_minority, st.social_protection, st.merit, st.deprived, st.causes
      FROM hh JOIN st ON st.province_code = hh.province_code AND st.household_id = hh.id
     WHERE st.y <= least(coalesce(st.next_y - 1, 2147483647), hh.alive_to)
    UNION ALL
    -- before its first status row (or always, without one) a household is where the register has it
    SELECT hh.province_code, hh.id, CAST(-2147483648 AS integer), least(coalesce(st.y - 1, 2147483647), hh.alive_to),
           hh.commune_id, hh.village_id, CAST(NULL AS bigint), hh.area,
           NULL, NULL, NULL, NULL, NULL, CAST(NULL AS text[]), CAST(NULL AS text[])
      FROM hh LEFT JOIN st ON st.province_code = hh.province_code AND st.household_id = hh.id AND st.rn = 1
     WHERE least(coalesce(st.y - 1, 2147483647), hh.alive_to) > -2147483648
$q$, h_filter, s_filter, e_filter);
$f$;

-- The counts of a set of signed segments (sign +1 added, -1 removed), grouped by the keys of the two tables.
CREATE FUNCTION report_count_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
    SELECT * FROM (
    SELECT province_code, from_year, to_year, commune_id, village_id, register_commune, area,
           sum(sign) AS households,
           sum(CASE WHEN status = 'poor' THEN sign ELSE 0 END) AS poor,
           sum(CASE WHEN status = 'near_poor' THEN sign ELSE 0 END) AS near_poor,
           sum(CASE WHEN status = 'poor' AND ethnic_minority THEN sign ELSE 0 END) AS poor_em,
           sum(CASE WHEN status = 'poor' AND social_protection THEN sign ELSE 0 END) AS poor_sp,
           sum(CASE WHEN status = 'poor' AND merit THEN sign ELSE 0 END) AS poor_merit,
           sum(CASE WHEN status = 'near_poor' AND ethnic_minority THEN sign ELSE 0 END) AS near_em,
           sum(CASE WHEN status = 'near_poor' AND social_protection THEN sign ELSE 0 END) AS near_sp,
           sum(CASE WHEN status = 'near_poor' AND merit THEN sign ELSE 0 END) AS near_merit,
           sum(CASE WHEN status = 'poor' AND poor_kind = 'income_poor' THEN sign ELSE 0 END) AS poor_income,
           sum(CASE WHEN status = 'poor' AND poor_kind = 'deprivation_poor' THEN sign ELSE 0 END) AS poor_deprivation
      FROM %1$s AS src
     GROUP BY 1, 2, 3, 4, 5, 6, 7) AS g
     WHERE (households, poor, near_poor, poor_em, poor_sp, poor_merit, near_em, near_sp, near_merit, poor_income,
            poor_deprivation) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY 1, 2, 3, 4, 5, 6, 7
$q$, source);
$f$;

CREATE FUNCTION report_code_count_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
    SELECT province_code, kind, from_year, to_year, commune_id, village_id, register_commune, status, codes, sum(sign) AS n
      FROM (SELECT province_code, 'deprived' AS kind, from_year, to_year, commune_id, village_id, register_commune,
                   status, deprived AS codes, sign
              FROM %1$s AS src1
             WHERE status IN ('poor', 'near_poor') AND cardinality(deprived) > 0
            UNION ALL
            SELECT src.province_code, 'cause', src.from_year, src.to_year, src.commune_id, src.village_id,
                   src.register_commune, src.status, ARRAY[c.cause], src.sign
              FROM %1$s AS src CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(src.causes) AS x) AS c(cause)
             WHERE src.status IN ('poor', 'near_poor')) AS codes
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(sign) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
$q$, source);
$f$;

-- Recomputes the segments of the given households (aligned arrays of province codes and ids) and moves the
-- aggregates by the difference. The households' rows are locked first (in a stable order), so two
-- transactions refreshing the same household run one after the other and the second sees the first's work.
CREATE FUNCTION report_refresh(provinces text[], ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    old_rows report_segment[];
    new_rows report_segment[];
BEGIN
    IF cardinality(ids) IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM household h
      JOIN unnest(provinces, ids) AS k(province_code, household_id)
        ON h.province_code = k.province_code AND h.id = k.household_id
     ORDER BY h.province_code, h.id
       FOR NO KEY UPDATE OF h;
    EXECUTE format($q$
        WITH k AS (SELECT DISTINCT province_code, household_id FROM unnest($1, $2) AS k(province_code, household_id)),
        old AS (
            DELETE FROM report_segment s USING k
             WHERE s.province_code = k.province_code AND s.household_id = k.household_id
            RETURNING s.*
        ), new AS (
            INSERT INTO report_segment %s
            RETURNING *
        )
        SELECT (SELECT array_agg(old) FROM old), (SELECT array_agg(new) FROM new)$q$,
        report_segments_sql(
            '(h.province_code, h.id) IN (SELECT province_code, household_id FROM k)',
            '(s.province_code, s.household_id) IN (SELECT province_code, household_id FROM k)',
            '(e.province_code, e.household_id) IN (SELECT province_code, household_id FROM k)'))
        INTO old_rows, new_rows
        USING provinces, ids;
    IF old_rows IS NULL AND new_rows IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format($q$
        INSERT INTO report_count AS c %s
        ON CONFLICT ON CONSTRAINT report_count_key DO UPDATE SET
            households = c.households + EXCLUDED.households, poor = c.poor + EXCLUDED.poor,
            near_poor = c.near_poor + EXCLUDED.near_poor, poor_em = c.poor_em + EXCLUDED.poor_em,
            poor_sp = c.poor_sp + EXCLUDED.poor_sp, poor_merit = c.poor_merit + EXCLUDED.poor_merit,
            near_em = c.near_em + EXCLUDED.near_em, near_sp = c.near_sp + EXCLUDED.near_sp,
            near_merit = c.near_merit + EXCLUDED.near_merit, poor_income = c.poor_income + EXCLUDED.poor_income,
            poor_deprivation = c.poor_deprivation + EXCLUDED.poor_deprivation$q$,
        report_count_sql('(SELECT o.*, -1 AS sign FROM unnest($1) AS o UNION ALL SELECT n.*, 1 FROM unnest($2) AS n)'))
        USING old_rows, new_rows;
    EXECUTE format($q$
        INSERT INTO report_code_count AS c %s
        ON CONFLICT ON CONSTRAINT report_code_count_key DO UPDATE SET n = c.n + EXCLUDED.n$q$,
        report_code_count_sql('(SELECT o.*, -1 AS sign FROM unnest($1) AS o UNION ALL SELECT n.*, 1 FROM unnest($2) AS n)'))
        USING old_rows, new_rows;
END;
$$;

-- Rebuilds the segments and aggregates of one province (null: the whole country) from the registry, set-based.
-- For paths that write with the triggers off (bulk import, benchmark loads) and to check the incremental state.
-- Takes the segments table exclusively (refreshes wait; reports, which read only the aggregates, do not).
CREATE FUNCTION report_rebuild(province text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    part regclass;
BEGIN
    LOCK TABLE report_segment IN EXCLUSIVE MODE;
    IF province IS NULL THEN
        TRUNCATE report_segment, report_count, report_code_count;
    ELSE
        part := to_regclass(format('report_segment_p%s', province));
        IF part IS NOT NULL THEN
            EXECUTE format('TRUNCATE %s', part);
        ELSE
            DELETE FROM report_segment WHERE province_code = province;
        END IF;
        DELETE FROM report_count WHERE province_code = province;
        DELETE FROM report_code_count WHERE province_code = province;
    END IF;
    EXECUTE format('INSERT INTO report_segment %s',
        report_segments_sql(CASE WHEN province IS NULL THEN 'true' ELSE 'h.province_code = $1' END,
                            CASE WHEN province IS NULL THEN 'true' ELSE 's.province_code = $1' END,
                            CASE WHEN province IS NULL THEN 'true' ELSE 'e.province_code = $1' END))
        USING province;
    EXECUTE format($q$
        WITH signed AS MATERIALIZED (SELECT s.*, 1 AS sign FROM report_segment s WHERE %s),
        counts AS (
            INSERT INTO report_count %s
        )
        INSERT INTO report_code_count %s$q$,
        CASE WHEN province IS NULL THEN 'true' ELSE 's.province_code = $1' END,
        report_count_sql('signed'), report_code_count_sql('signed'))
        USING province;
END;
$$;

-- Triggers: decided lists (a decision writes thousands of rows in one statement: one refresh per statement,
-- through the transition tables), the register and life events (one row at a time: row triggers, which cost
-- nothing when they do not fire). None fires inside a bulk import (giamngheo.bulk, V17): it rebuilds itself.
CREATE FUNCTION report_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p text[];
    i bigint[];
BEGIN
    IF current_setting('giamngheo.bulk', true) IS NOT DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(province_code ORDER BY province_code, household_id), array_agg(household_id ORDER BY province_code, household_id)
          INTO p, i FROM (SELECT DISTINCT province_code, household_id FROM changed_old) AS c;
    ELSE
        SELECT array_agg(province_code ORDER BY province_code, household_id), array_agg(household_id ORDER BY province_code, household_id)
          INTO p, i FROM (SELECT DISTINCT province_code, household_id FROM changed_new) AS c;
    END IF;
    PERFORM report_refresh(p, i);
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_status_inserted AFTER INSERT ON household_status
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_status_changed();
CREATE TRIGGER report_status_updated AFTER UPDATE ON household_status
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_status_changed();
CREATE TRIGGER report_status_deleted AFTER DELETE ON household_status
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_status_changed();

CREATE FUNCTION report_household_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_refresh(ARRAY[OLD.province_code], ARRAY[OLD.id]);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.province_code, NEW.id) IS DISTINCT FROM (OLD.province_code, OLD.id)) THEN
        PERFORM report_refresh(ARRAY[NEW.province_code], ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_household_inserted AFTER INSERT OR DELETE ON household
    FOR EACH ROW WHEN (current_setting('giamngheo.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION report_household_changed();
CREATE TRIGGER report_household_updated AFTER UPDATE ON household
    FOR EACH ROW WHEN (current_setting('giamngheo.bulk', true) IS DISTINCT FROM 'on'
                       AND (OLD.commune_id IS DISTINCT FROM NEW.commune_id OR OLD.village_id IS DISTINCT FROM NEW.village_id
                            OR OLD.area IS DISTINCT FROM NEW.area OR OLD.life_status IS DISTINCT FROM NEW.life_status
                            OR OLD.id IS DISTINCT FROM NEW.id))
    EXECUTE FUNCTION report_household_changed();

CREATE FUNCTION report_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_refresh(ARRAY[OLD.province_code], ARRAY[OLD.household_id]);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM report_refresh(ARRAY[NEW.province_code], ARRAY[NEW.household_id]);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_event_changed AFTER INSERT OR UPDATE OR DELETE ON household_event
    FOR EACH ROW WHEN (current_setting('giamngheo.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION report_event_changed();

SELECT report_rebuild(NULL);
