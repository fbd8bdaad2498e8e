-- 0004_roadmap_edit.sql: roadmap items edited on the portal: the audit log's
-- link to the item itself (added, changed, moved, removed, restored), for
-- events that concern no single occurrence. Items and tasks added on the
-- portal carry source 'portal'.

ALTER TABLE audit ADD COLUMN item_id INTEGER REFERENCES roadmap_item(id);
CREATE INDEX audit_by_item ON audit(item_id, id);
