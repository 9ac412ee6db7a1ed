-- The identity number's CHECK of household_member and citizen_identity without a regular expression (issue 26 point 1;
-- ADR 0013 amendment "the checks and the collation"; docs/benchmarks.md, session of 2026-12-07, fourth).
--
-- A first load evaluates every CHECK of the member table for each of its rows as it fills a province's table (V73's
-- bulk_build_province) and citizen_identity's for each number (bulk_insert_identities). Filling a copy of 3,004,581
-- members into a new table took 1.7 s without CHECKs and 6.3-6.7 s with them; the regular expression of the identity
-- number alone cost 1.2-1.7 s of that (a regular expression is compiled once, but each match converts the text to wide
-- characters and runs the engine). The same rule, exactly 12 ASCII digits (or no number), without the engine: 12 bytes,
-- every one of them a digit (ltrim removes the digits; a non-ASCII character would make more than 12 bytes anyway).
-- The filling took 5.0-5.5 s with this check. The names stay, so nothing that reads a refused row's constraint changes.
--
-- Adding a CHECK validates the rows already stored: a scan of the member table and of citizen_identity, once, at this
-- migration (seconds at a province's size; the registry's tables are locked meanwhile).
ALTER TABLE household_member
    DROP CONSTRAINT household_member_id_number_check,
    ADD CONSTRAINT household_member_id_number_check
        CHECK (octet_length(id_number) = 12 AND ltrim(id_number, '0123456789') = '');

ALTER TABLE citizen_identity
    DROP CONSTRAINT citizen_identity_id_number_check,
    ADD CONSTRAINT citizen_identity_id_number_check
        CHECK (octet_length(id_number) = 12 AND ltrim(id_number, '0123456789') = '');
