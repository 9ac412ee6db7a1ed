-- A member's household is checked partition to partition: household_member_pXX references household_pXX
-- instead of the partitioned parent. A foreign key to a partitioned table costs about 0.7 ms per inserted
-- row (the check runs through all partitions of the parent); one to the partition costs about 0.04 ms, which
-- is what lets a bulk import run near the speed of COPY (docs/benchmarks.md). The two tables have the same
-- partitions (LIST on province_code, one per province and a default), so a member row and its household are
-- always in partitions of the same bounds. A partition added later must get the same constraint; and since a
-- household's province never changes in place (ADR 0003), an UPDATE of household.province_code is refused.
ALTER TABLE household_member DROP CONSTRAINT household_member_province_code_household_id_fkey;
DO $$
DECLARE part record;
BEGIN
    FOR part IN
        SELECT m.relname AS member_part, h.relname AS household_part
        FROM pg_inherits mi
        JOIN pg_class m ON m.oid = mi.inhrelid
        JOIN pg_inherits hi ON hi.inhparent = 'household'::regclass
        JOIN pg_class h ON h.oid = hi.inhrelid
        WHERE mi.inhparent = 'household_member'::regclass
          AND pg_get_expr(m.relpartbound, m.oid) = pg_get_expr(h.relpartbound, h.oid)
    LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (province_code, household_id) '
                       'REFERENCES %I (province_code, id) ON UPDATE CASCADE ON DELETE CASCADE',
                       part.member_part, part.member_part || '_household_fk', part.household_part);
    END LOOP;
    IF (SELECT count(*) FROM pg_inherits WHERE inhparent = 'household_member'::regclass)
       <> (SELECT count(*) FROM pg_constraint WHERE conname LIKE 'household_member_p%_household_fk') THEN
        RAISE EXCEPTION 'a partition of household_member has no partition of household with the same bounds';
    END IF;
END;
$$;

CREATE FUNCTION household_province_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the province of household % cannot change in place; copy it to the new province (ADR 0003)', OLD.id;
END;
$$;
CREATE TRIGGER household_province_unchanged BEFORE UPDATE OF province_code ON household
    FOR EACH ROW WHEN (OLD.province_code IS DISTINCT FROM NEW.province_code)
    EXECUTE FUNCTION household_province_unchanged();
