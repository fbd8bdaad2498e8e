-- 0012_search.sql: the full-text index. search_fts (FTS5, tokenizer "ru": Snowball
-- stemming, ё→е, case folding; registered by the app on every connection) holds one
-- row per searchable object, its rowid = ref_id * 16 + kind number (src/db_search.c).
-- Plain triggers only queue changed objects in search_dirty: they work in every
-- writer, the sqlite3 CLI of db/seed.sh included. The app empties the queue into
-- search_fts inside the writing transaction (db_commit) and at every start.
-- A new kind (news, pages) is a number in db_search.c, its row query and triggers here.

CREATE TABLE search_dirty (
	kind   TEXT NOT NULL,                  -- a kind code of src/db_search.c
	ref_id INTEGER NOT NULL,
	PRIMARY KEY (kind, ref_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE search_fts USING fts5(
	title, body,
	kind UNINDEXED, ref_id UNINDEXED, municipality_id UNINDEXED, school_id UNINDEXED,
	public UNINDEXED, url UNINDEXED, meta UNINDEXED,
	tokenize = 'ru'
);

CREATE TRIGGER search_school_insert AFTER INSERT ON school
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('school', new.id);
END;
CREATE TRIGGER search_school_update AFTER UPDATE ON school
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('school', new.id);
	INSERT OR IGNORE INTO search_dirty SELECT 'document', id FROM document WHERE school_id = new.id;
END;
CREATE TRIGGER search_school_delete AFTER DELETE ON school
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('school', old.id);
END;
CREATE TRIGGER search_municipality_update AFTER UPDATE OF name, slug ON municipality
BEGIN
	INSERT OR IGNORE INTO search_dirty SELECT 'school', id FROM school WHERE municipality_id = new.id;
	INSERT OR IGNORE INTO search_dirty
		SELECT 'document', d.id FROM document d JOIN school s ON s.id = d.school_id
		WHERE s.municipality_id = new.id;
	INSERT OR IGNORE INTO search_dirty
		SELECT 'item', i.id FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id
		WHERE r.municipality_id = new.id;
END;

CREATE TRIGGER search_document_insert AFTER INSERT ON document
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('document', new.id);
END;
CREATE TRIGGER search_document_update AFTER UPDATE ON document
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('document', new.id);
END;
CREATE TRIGGER search_document_delete AFTER DELETE ON document
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('document', old.id);
END;

CREATE TRIGGER search_item_insert AFTER INSERT ON roadmap_item
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('item', new.id);
END;
CREATE TRIGGER search_item_update AFTER UPDATE OF number, measure, planned_result, responsible,
	removed_at, roadmap_id ON roadmap_item
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('item', new.id);
END;
CREATE TRIGGER search_item_delete AFTER DELETE ON roadmap_item
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('item', old.id);
END;
CREATE TRIGGER search_roadmap_update AFTER UPDATE OF title, municipality_id ON roadmap
BEGIN
	INSERT OR IGNORE INTO search_dirty SELECT 'item', id FROM roadmap_item WHERE roadmap_id = new.id;
END;

-- What the database already holds is indexed at the next start of the app.
INSERT INTO search_dirty SELECT 'school', id FROM school;
INSERT INTO search_dirty SELECT 'document', id FROM document;
INSERT INTO search_dirty SELECT 'item', id FROM roadmap_item;
