-- 0008_roadmap_item_live.sql: covering index for the items of a roadmap still in it
-- (removed_at IS NULL), so that the municipal summary of school roadmaps counts them
-- without reading the item rows (db_school_progress(), linear in the schools).
CREATE INDEX roadmap_item_live ON roadmap_item(roadmap_id, removed_at);
