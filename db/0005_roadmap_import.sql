-- 0005_roadmap_import.sql: roadmaps loaded from a spreadsheet remember the
-- digest of their rows, so loading the same content again changes nothing.

ALTER TABLE roadmap ADD COLUMN import_digest TEXT;
CREATE UNIQUE INDEX roadmap_by_digest ON roadmap(municipality_id, import_digest);
