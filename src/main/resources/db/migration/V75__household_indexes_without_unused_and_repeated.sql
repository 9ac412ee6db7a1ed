-- Two member indexes no query can use, and the province code taken out of the household's commune index (issue 26
-- point 1; ADR 0013 addendum "V75"; docs/benchmarks.md "Lead, quiet machine — issue 26, the indexes").
--
-- Every member index is built once per province by a first load (V73's bulk_build_province, from the partitions'
-- definitions) and kept up to date on every member written afterwards (yearly imports, edits, reviews). Measured on
-- a copy of 3,004,604 members (CREATE INDEX, one backend, maintenance_work_mem 256MB):
-- - household_member_household_idx (province_code, household_id), 3.2 s: the unique key (province_code,
--   household_id, member_no) of V4 begins with the same two columns, so every look-up of a household's members (the
--   pages, the cascade of the household's foreign key, the ordinary move) is served by that key's index as well.
-- - household_member_name_idx (province_code, lower(full_name) text_pattern_ops), 4.5 s: a btree on the lowered name
--   serves only a LIKE anchored at the start; the register's search (HouseholdRepository) looks for the text anywhere
--   in the name (LIKE '%…%'), and its sorts are by the name key (given name first), so no statement uses it.
-- - household_commune_idx (province_code, commune_id, village_id), 1.5 s against 0.4 s as (commune_id, village_id):
--   inside a province's partition the province code is the same in every row, and comparing a text first costs more
--   than the rest of the key; a commune belongs to one province, so (commune_id, village_id) selects the same rows in
--   every partition, the default one included.
-- The unique keys keep the province code (a partitioned table's unique keys must hold its partition key).
DROP INDEX household_member_household_idx;
DROP INDEX household_member_name_idx;
DROP INDEX household_commune_idx;
CREATE INDEX household_commune_idx ON household (commune_id, village_id);
