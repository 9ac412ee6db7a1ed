-- Rows in force by the inline SQL before V36 vs status_in_force_all, per day: in force, only old, only new, counts.
-- old inline form (report/plan/monitoring before V36) vs status_in_force_all: rows that differ, per day
WITH days(d) AS (VALUES (date '2023-12-31'), (date '2024-06-30'), (date '2025-01-01'), (date '2025-06-14'),
                        (date '2025-06-15'), (date '2025-12-31'), (date '2026-01-01'), (date '2026-12-31')),
old AS (
  SELECT d, x.* FROM days, LATERAL (
    SELECT DISTINCT ON (s.province_code, s.household_id) s.province_code, s.household_id, s.id, s.status, s.commune_id
      FROM household_status s WHERE NOT s.revoked AND s.effective_from <= d
     ORDER BY s.province_code, s.household_id, s.effective_from DESC, s.id DESC) x),
new AS (
  SELECT d, x.province_code, x.household_id, x.id, x.status, x.commune_id FROM days, LATERAL status_in_force_all(d) x)
SELECT d, (SELECT count(*) FROM old o WHERE o.d = days.d) AS in_force,
       (SELECT count(*) FROM (SELECT * FROM old o WHERE o.d = days.d EXCEPT SELECT * FROM new n WHERE n.d = days.d) a) AS old_not_new,
       (SELECT count(*) FROM (SELECT * FROM new n WHERE n.d = days.d EXCEPT SELECT * FROM old o WHERE o.d = days.d) b) AS new_not_old,
       (SELECT string_agg(status || '=' || c, ' ') FROM (SELECT status, count(*) c FROM new n WHERE n.d = days.d GROUP BY 1 ORDER BY 1) z) AS counts
  FROM days ORDER BY d;
