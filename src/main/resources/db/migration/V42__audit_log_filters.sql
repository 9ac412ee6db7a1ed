-- The audit log's filters at the size of a province (h6, issue 20 point 7): the page reads newest first by id with
-- keyset paging, filtered by user, by table, by province and, below a province, by the commune a row names. Each
-- filter gets an index that ends with the id, so that a page is an index range scan whatever the log's size.
CREATE INDEX audit_log_username_id_idx ON audit_log (username, id DESC);
CREATE INDEX audit_log_entity_id_desc_idx ON audit_log (entity, id DESC);
CREATE INDEX audit_log_province_id_idx ON audit_log (province_code, id DESC);
CREATE INDEX audit_log_commune_id_idx ON audit_log
    (province_code, (coalesce(after_value ->> 'commune_id', before_value ->> 'commune_id')), id DESC);
