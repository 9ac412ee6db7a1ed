-- A version on every parameter (issue 17: a version check on every editable thing): an administrator's change is
-- refused when the parameter changed since the page was shown.
ALTER TABLE parameter ADD COLUMN version integer NOT NULL DEFAULT 0;
