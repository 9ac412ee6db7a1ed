-- Which version of the standard classified the household (versions of standards never change).
ALTER TABLE household ADD COLUMN classified_standard_version text;
