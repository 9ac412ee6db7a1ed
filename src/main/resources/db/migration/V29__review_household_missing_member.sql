-- Issue 16: the member whose fact is missing (null when the missing fact is the household's), so the round page can
-- link to that member's field on the household form; and an index for the round page's filters by village.
ALTER TABLE review_household ADD COLUMN missing_member integer;
CREATE INDEX review_household_round_village_idx ON review_household (round_id, village_id);
