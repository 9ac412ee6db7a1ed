-- Decisions at constant cost, continued (issue 26 point 3, ADR 0014, addendum h19). V67's report_append_segments
-- moved each appended household's segments at their end by deleting the segment in force in the new row's year and
-- inserting it again shortened, beside the new row's own segment: per household one heap row deleted and two heap
-- rows and two index entries written. Here the segment in force is shortened in place: an UPDATE of its to_year,
-- which no index holds, so that PostgreSQL can keep the new version on the same page without an index entry (a HOT
-- update) when the page has room; report_segment's partitions therefore keep room on their pages (fillfactor below).
-- Per household: one index probe, one HOT update and one insert (heap row and index entry). The rare superseded
-- segment (the household's last row was of the same year) is still deleted. What is computed is V67's, row for row:
-- the same segments before and after, and the same old and new rows given to report_apply (the rows as they were
-- before the statement, and the shortened ones with the new ones), so the aggregates and versions move the same
-- (ReportAggregatesTest runs V67's function and this one on the same statements and compares them row for row).

-- Room on every page of the segments for the shortened versions of the rows written there. A decision shortens
-- each household's segment in force, which is the one written by the household's previous decision (or rebuild):
-- the rows in force are the rows written last, so their pages need room for a new version of most of their rows.
-- Storage parameters cannot be set on a partitioned table: they are set on each partition (the 34 provinces' and
-- the default one, into which a province without a partition of its own goes). report_rebuild keeps them (TRUNCATE
-- and DETACH/ATTACH keep a table's options) and writes its rows at this fill factor; rows written before this
-- migration stay where they are until the province is rebuilt. A partition added to report_segment later must be
-- created WITH (fillfactor = 50) too: ReportAggregatesTest checks every partition.
DO $$
DECLARE part regclass;
BEGIN
    FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'report_segment'::regclass LOOP
        EXECUTE format('ALTER TABLE %s SET (fillfactor = 50)', part);
    END LOOP;
END;
$$;

-- The segments of the appended rows' households of one province moved at their end, in one statement: the segments
-- from each row's year on read once through the province's partition of report_segment_household_idx (as they are
-- before the statement: the old rows), the one in force before the row's year shortened in place to end the year
-- before (found again by its row address: no second probe of the index), the one of the row's own year deleted (the
-- row supersedes it), and the row's own segment inserted when the household is still counted in its year. Returns
-- the old and the new rows (what report_apply signs). Hash and merge joins and sequential scans off for this function
-- only (its outer side is the appended rows, a few thousand, never a partition).
CREATE OR REPLACE FUNCTION report_append_segments(province text, appended report_segment[], OUT old_rows report_segment[],
    OUT new_rows report_segment[])
    LANGUAGE sql SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
    WITH n AS MATERIALIZED (
        SELECT * FROM unnest(appended)
    ), later AS MATERIALIZED (
        SELECT s.ctid AS tid, s.tableoid AS part, n.from_year AS y, s.*
          FROM n
          JOIN report_segment s ON s.province_code = province AND s.household_id = n.household_id
                               AND s.to_year >= n.from_year
    ), cut AS (
        UPDATE report_segment s SET to_year = l.y - 1
          FROM later AS l
         WHERE s.province_code = province AND s.tableoid = l.part AND s.ctid = l.tid AND l.from_year < l.y
        RETURNING s.*
    ), gone AS (
        DELETE FROM report_segment s USING later AS l
         WHERE s.province_code = province AND s.tableoid = l.part AND s.ctid = l.tid AND l.from_year >= l.y
    ), added AS (
        INSERT INTO report_segment (province_code, household_id, from_year, to_year, commune_id, village_id,
                                    register_commune, area, status, poor_kind, ethnic_minority, social_protection,
                                    merit, deprived, causes)
        SELECT n.province_code, n.household_id, n.from_year, n.to_year, n.commune_id, n.village_id,
               n.register_commune, n.area, n.status, n.poor_kind, n.ethnic_minority, n.social_protection,
               n.merit, n.deprived, n.causes
          FROM n
         WHERE n.from_year <= n.to_year
        RETURNING *
    )
    SELECT (SELECT array_agg(CAST(ROW(o.province_code, o.household_id, o.from_year, o.to_year, o.commune_id,
                                      o.village_id, o.register_commune, o.area, o.status, o.poor_kind,
                                      o.ethnic_minority, o.social_protection, o.merit, o.deprived, o.causes)
                                  AS report_segment))
              FROM later AS o),
           (SELECT array_agg(CAST(ROW(a.*) AS report_segment))
              FROM (SELECT * FROM cut UNION ALL SELECT * FROM added) AS a);
$$;
