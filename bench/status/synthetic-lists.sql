-- Synthetic decided lists for measuring (province 08, households 10,000,001..10,300,000, my data dir only).
SET session_replication_role = replica;   -- no triggers (report, decision date), no FK checks: measuring data only
CREATE TEMP TABLE dec AS
WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM admin_unit
           WHERE level = 'commune' AND province_code = '08' AND valid_to IS NULL),
k(kind, decided, eff, yr) AS (VALUES ('p24', date '2023-12-10', date '2024-01-01', 2024),
                                    ('p25', date '2024-12-10', date '2025-01-01', 2025),
                                    ('m25', date '2025-06-15', date '2025-06-15', 2025),
                                    ('t25', date '2024-12-20', date '2025-01-01', 2025))
SELECT c.id AS commune, c.n, k.*, 0::bigint AS decision FROM c CROSS JOIN k;
WITH ins AS (
  INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from, list_year, signed_by, recorded_by)
  SELECT 1, '08', commune, 'SYN-' || kind || '-' || commune, decided, eff, yr, 'bench', 'bench' FROM dec ORDER BY decided, commune
  RETURNING id, commune_id, number)
UPDATE dec SET decision = ins.id FROM ins WHERE ins.commune_id = dec.commune AND ins.number = 'SYN-' || dec.kind || '-' || dec.commune;
CREATE TEMP TABLE hh AS
SELECT 10000000 + g AS hid, (SELECT max(n) FROM dec) AS nc, g FROM generate_series(1, 300000) g;
-- every household: the lists of 2024 and 2025 (periodic); 20 %: a monthly amendment in June 2025;
-- 2 %: a second periodic decision of 2025 dated later and recorded later (ids agree with dates);
-- 0.5 %: the same, recorded BEFORE the earlier one (ids disagree with dates: where the tie-breaks differ).
INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year, effective_from,
    status, standard_code, standard_version, household_code, head_name, members, area, ethnic_minority, social_protection, merit, deprived, decided_on)
SELECT '08', hid, d.commune, d.decision, 1, d.yr, d.eff, s.st, 'ND07_2021', 1, 'SYN' || hid, 'Chủ hộ', 3, 'rural',
       hid % 7 = 0, hid % 11 = 0, hid % 13 = 0, CASE WHEN hid % 3 = 0 THEN '{health_insurance}'::text[] ELSE '{}' END,
       d.decided
FROM hh JOIN dec d ON d.n = 1 + hh.g % hh.nc
CROSS JOIN LATERAL (SELECT (ARRAY['poor','near_poor','average','not_poor'])[1 + (hid * 7 + length(d.kind) + ascii(substr(d.kind, 1, 1))) % 4] AS st) s
WHERE (d.kind = 't25' AND hid % 200 = 0)                                    -- reversed tie, inserted first
ORDER BY hid;
INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year, effective_from,
    status, standard_code, standard_version, household_code, head_name, members, area, ethnic_minority, social_protection, merit, deprived, decided_on)
SELECT '08', hid, d.commune, d.decision, 1, d.yr, d.eff, (ARRAY['poor','near_poor','average','not_poor'])[1 + (hid + d.yr + length(d.kind) * 3) % 4],
       'ND07_2021', 1, 'SYN' || hid, 'Chủ hộ', 3, 'rural',
       hid % 7 = 0, hid % 11 = 0, hid % 13 = 0, CASE WHEN hid % 3 = 0 THEN '{health_insurance}'::text[] ELSE '{}' END,
       d.decided
FROM hh JOIN dec d ON d.n = 1 + hh.g % hh.nc
WHERE d.kind IN ('p24', 'p25') OR (d.kind = 'm25' AND hid % 5 = 0) OR (d.kind = 't25' AND hid % 50 = 0 AND hid % 200 <> 0)
ORDER BY d.decided, hid;
SET session_replication_role = DEFAULT;
ANALYZE household_status; ANALYZE review_decision;
SELECT count(*), count(DISTINCT household_id) FROM household_status;
