-- The social-policy bank's loan file for one commune (issue 24 point 5's measure; a benchmark, never a test):
-- one loan per household of the commune of user 'xa' (8,000 with --giamngheo.demo.households=16000), in the bank's
-- CSV layout that `import-loans` reads, with a balance statement each; contract numbers BENCH-<household id>.
--   psql -X -q -h 127.0.0.1 -p PG_PORT -U postgres -d postgres -v limit=8000 -f bench/loan-file.sql > loans.csv
COPY (
    SELECT c.code AS "Mã xã", h.household_code AS "Mã hộ", '' AS "Số CCCD",
           (ARRAY['POOR', 'NEAR_POOR', 'HOUSING', 'WATER_SANITATION', 'JOB_CREATION'])[1 + h.id % 5] AS "Chương trình cho vay",
           'BENCH-' || h.id AS "Số khế ước", 20000000 + (h.id % 9) * 10000000 AS "Số tiền vay",
           to_char(DATE '2024-01-15' + (h.id % 600)::int, 'YYYY-MM-DD') AS "Ngày giải ngân",
           36 + 12 * (h.id % 3) AS "Thời hạn vay (tháng)", 'ưu đãi' AS "Loại lãi suất",
           '2026-10-31' AS "Ngày sao kê", 15000000 + (h.id % 9) * 5000000 AS "Dư nợ",
           CASE WHEN h.id % 13 = 0 THEN 2000000 ELSE 0 END AS "Nợ quá hạn"
    FROM household h JOIN admin_unit c ON c.id = h.commune_id
    WHERE h.commune_id = (SELECT unit_id FROM app_user WHERE username = 'xa')
    ORDER BY h.household_code
    LIMIT :limit
) TO STDOUT WITH (FORMAT csv, HEADER true);
