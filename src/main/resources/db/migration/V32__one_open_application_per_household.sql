-- One open application (received, or taken into a round and not yet decided) per household and form
-- (issue 17): two clerks could register the same household's form 01 or 04 twice, also at the same moment.
-- Existing duplicates are closed first: of each household's open applications of one form, the one already in a
-- round (else the earliest received, then the lowest id) stays open; the others are answered in writing as
-- duplicates of it, so that nothing is deleted and the audit log records the change (as 'system').
WITH ranked AS (
    SELECT id, first_value(id) OVER w AS kept, row_number() OVER w AS n
    FROM review_application
    WHERE status IN ('received', 'in_round')
    WINDOW w AS (PARTITION BY province_code, household_id, form
                 ORDER BY (status = 'in_round') DESC, received_on, id)
)
UPDATE review_application a
SET status = 'answered', answered_on = current_date,
    answer = 'Trùng với đơn số ' || r.kept || ' của cùng hộ (đóng tự động khi nâng cấp). '
          || 'Duplicate of application ' || r.kept || ' of the same household (closed by the upgrade).'
FROM ranked r
WHERE a.id = r.id AND r.n > 1;

CREATE UNIQUE INDEX review_application_one_open_idx ON review_application (province_code, household_id, form)
    WHERE status IN ('received', 'in_round');
