-- Setup for bench/web-load.sh (issue 9; a benchmark, SCRATCH databases only): run by psql against the embedded
-- PostgreSQL of a data folder that holds households loaded by `bench-import` or `import --bulk`.
-- Idempotent: a second run changes nothing.
--
-- 1. Two accounts, password "loadtest-2026" (BCrypt, cost 10): bench-admin (ADMINISTRATOR) and bench-tinh
--    (PROVINCE_OFFICER of province :province).
-- 2. A decided 2026 list in every commune of :province that has households (only the province measured: a
--    national data set would otherwise take its whole register's status rows): one periodic review round (2025, decided), one
--    decision (effective 2026-01-01) and one household_status row per active household with the status its
--    classification gave at import. Without decided lists the reports count nothing and would measure nothing.

\set ON_ERROR_STOP on

INSERT INTO app_user (username, password_hash, full_name, role, unit_id)
VALUES ('bench-admin', '$2a$10$JSt5xMid5C0MnhsdcYDZI.ubwmj75LFniw2anNZpyBhkkuW3EeUhi', 'Benchmark administrator',
        'ADMINISTRATOR', NULL)
ON CONFLICT (username) DO NOTHING;

INSERT INTO app_user (username, password_hash, full_name, role, unit_id)
SELECT 'bench-tinh', '$2a$10$JSt5xMid5C0MnhsdcYDZI.ubwmj75LFniw2anNZpyBhkkuW3EeUhi', 'Benchmark province officer',
       'PROVINCE_OFFICER', id
  FROM admin_unit WHERE level = 'province' AND code = :'province' AND valid_to IS NULL
ON CONFLICT (username) DO NOTHING;

BEGIN;
SET LOCAL work_mem = '256MB';

INSERT INTO review_round (province_code, commune_id, kind, review_year, list_year, standard_code, standard_version,
                          reference_date, opens_on, decision_due, state, created_by)
SELECT c.province_code, c.commune_id, 'periodic', 2025, 2026, 'ND07_2021', 1, DATE '2025-09-01', DATE '2025-09-01',
       DATE '2025-12-14', 'decided', 'bench'
  FROM (SELECT DISTINCT province_code, commune_id FROM household WHERE province_code = :'province') c
 WHERE NOT EXISTS (SELECT 1 FROM review_round r WHERE r.commune_id = c.commune_id AND r.kind = 'periodic'
                   AND r.review_year = 2025);

INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from, list_year,
                             signed_by, recorded_by)
SELECT r.id, r.province_code, r.commune_id, 'BENCH' || r.id || '/QĐ-UBND', DATE '2025-12-10', DATE '2026-01-01', 2026,
       'bench', 'bench'
  FROM review_round r
 WHERE r.kind = 'periodic' AND r.review_year = 2025 AND r.created_by = 'bench'
   AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.round_id = r.id);

INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id, list_year,
                              effective_from, status, deprivation_count, standard_code, standard_version,
                              household_code, head_name, members, area, ethnic_minority, social_protection, merit, causes)
SELECT h.province_code, h.id, h.commune_id, h.village_id, d.id, d.round_id, 2026, DATE '2026-01-01',
       coalesce(h.poverty_status, 'not_poor'), h.deprivation_count, 'ND07_2021', 1, h.household_code,
       coalesce(hd.full_name, '?'), coalesce(mc.n, 0), coalesce(h.area, 'rural'), coalesce(h.ethnic_minority, false),
       coalesce(h.social_protection, false), coalesce(h.merit_household, false), coalesce(h.causes, '{}')
  FROM household h
  JOIN review_decision d ON d.commune_id = h.commune_id AND d.list_year = 2026 AND d.recorded_by = 'bench'
  LEFT JOIN household_member hd ON hd.province_code = h.province_code AND hd.household_id = h.id
                               AND hd.relation = 'head'
  LEFT JOIN (SELECT province_code, household_id, count(*) AS n FROM household_member
              GROUP BY province_code, household_id) mc ON mc.province_code = h.province_code AND mc.household_id = h.id
 WHERE h.province_code = :'province' AND h.life_status = 'active'
   AND NOT EXISTS (SELECT 1 FROM household_status s WHERE s.province_code = h.province_code AND s.household_id = h.id
                   AND s.list_year = 2026);
COMMIT;

ANALYZE household;
ANALYZE household_member;
ANALYZE household_status;

SELECT h.province_code, count(*) AS households,
       count(*) FILTER (WHERE s.status = 'poor') AS poor, count(*) FILTER (WHERE s.status = 'near_poor') AS near_poor
  FROM household h LEFT JOIN household_status s ON s.province_code = h.province_code AND s.household_id = h.id
 WHERE h.province_code = :'province'
 GROUP BY h.province_code;
