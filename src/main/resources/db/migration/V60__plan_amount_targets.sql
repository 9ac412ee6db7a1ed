-- Coverage targets of a plan measured as amounts (issue 24's last gap): "đưa 300 lao động đi làm việc ở nước ngoài".
-- Kind labour_departed: workers of the unit whose departure abroad falls in the plan's year (code 'all'); kind
-- credit_disbursed: policy-loan amount disbursed in the plan's year, in million đồng, of one lending programme (its code
-- in lower case) or of any ('all'). The target is the amount (target_amount, > 0); target_share is then 100, the whole
-- amount, so that progress is the share of the amount reached. The other kinds carry no amount.
ALTER TABLE plan_coverage_target ADD COLUMN target_amount numeric(14, 2);
ALTER TABLE plan_coverage_target DROP CONSTRAINT plan_coverage_target_kind_check;
ALTER TABLE plan_coverage_target ADD CONSTRAINT plan_coverage_target_kind_check
    CHECK (kind IN ('indicator', 'dimension', 'people', 'credit', 'labour_departed', 'credit_disbursed'));
ALTER TABLE plan_coverage_target ADD CONSTRAINT plan_coverage_target_amount_check
    CHECK (CASE WHEN kind IN ('labour_departed', 'credit_disbursed')
                THEN target_amount IS NOT NULL AND target_amount > 0 AND target_share = 100
                ELSE target_amount IS NULL END);
