-- Planner statistics only for the register's columns that some statement filters, joins, groups or sorts on (issue 26
-- point 1; ADR 0013 amendment "seventh"; docs/benchmarks.md, "where the rest of the CPU goes").
--
-- After a first load every partition of household and household_member is analysed before the first page plans over
-- it (V70, V72): 12.6 CPU seconds at 1,000,000 households, as much as the import's own main thread. ANALYZE sorts the
-- sample of every column; on one province's partitions (103,152 households, 309,622 members) it took 217 ms for the 33
-- household columns against 78 ms for 10 of them, and 193 ms for the 22 member columns against 90 ms for 8.
--
-- The columns below are, in every statement of the application and every function of the migrations, only written
-- (INSERT, UPDATE … SET, COPY) or read out (a SELECT list, h.*, a projection inside coalesce or CASE): no WHERE, JOIN,
-- GROUP BY, ORDER BY, DISTINCT, window or LIKE names them, so no plan can use their statistics (the audit, column by
-- column with file and line: docs/planner-statistics.md). V80 did the same for info_devices. Their statistics target becomes 0
-- (ANALYZE skips them) on the partitioned tables and every partition; bulk_built_table (V80) copies the targets to the
-- tables a first load builds. What an earlier ANALYZE recorded for them stays in pg_statistic (only a superuser may
-- delete it), is no longer refreshed, and is read by no plan. A statement that starts filtering on one of them must
-- set its target back (-1) in the same change: HouseholdIndexesTest lists them.
ALTER TABLE household
    ALTER COLUMN address SET STATISTICS 0,
    ALTER COLUMN income_per_capita SET STATISTICS 0,
    ALTER COLUMN b1_score SET STATISTICS 0,
    ALTER COLUMN housing_quality SET STATISTICS 0,
    ALTER COLUMN floor_area_m2 SET STATISTICS 0,
    ALTER COLUMN water_source SET STATISTICS 0,
    ALTER COLUMN toilet SET STATISTICS 0,
    ALTER COLUMN internet_use SET STATISTICS 0,
    ALTER COLUMN telephone_use SET STATISTICS 0,
    ALTER COLUMN loudspeaker_reach SET STATISTICS 0,
    ALTER COLUMN waste_treatment SET STATISTICS 0,
    ALTER COLUMN causes SET STATISTICS 0,
    ALTER COLUMN merit_household SET STATISTICS 0,
    ALTER COLUMN social_protection SET STATISTICS 0,
    ALTER COLUMN deprivation_count SET STATISTICS 0,
    ALTER COLUMN classified_standard_version SET STATISTICS 0,
    ALTER COLUMN classified_at SET STATISTICS 0,
    ALTER COLUMN reference_date SET STATISTICS 0,
    ALTER COLUMN created_at SET STATISTICS 0,
    ALTER COLUMN updated_at SET STATISTICS 0;

ALTER TABLE household_member
    ALTER COLUMN birth_year_only SET STATISTICS 0,
    ALTER COLUMN monthly_social_allowance SET STATISTICS 0,
    ALTER COLUMN malnourished SET STATISTICS 0,
    ALTER COLUMN school_level_appropriate SET STATISTICS 0,
    ALTER COLUMN sick_untreated SET STATISTICS 0;

