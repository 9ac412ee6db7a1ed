-- Indicators and validation rules as data (issue 21 point 4).
-- 1. The computations are Spring beans (monitoring.IndicatorComputation); their names are validated against the
--    beans by the service, not by a check constraint (a module that keeps a register adds its own).
ALTER TABLE monitoring_indicator DROP CONSTRAINT monitoring_indicator_computation_check;
ALTER TABLE monitoring_indicator ADD CONSTRAINT monitoring_indicator_computation_name
    CHECK (computation ~ '^[a-z][a-z0-9_]{1,59}$');
