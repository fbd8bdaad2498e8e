-- 0003_roadmap_work.sql: the dated occurrences of roadmap items (from their
-- deadline phrases), their work status with evidence and confirmation, and the
-- audit log's link to them. An item is never deleted: removed_at hides it.

ALTER TABLE roadmap_item ADD COLUMN deadline_kind TEXT;   -- deadline_kind_v code; NULL: not parsed yet
ALTER TABLE roadmap_item ADD COLUMN removed_at INTEGER;

CREATE TABLE occurrence (
	id            INTEGER PRIMARY KEY,
	item_id       INTEGER NOT NULL REFERENCES roadmap_item(id),
	seq           INTEGER NOT NULL,                 -- 1.. in date order
	starts_on     INTEGER NOT NULL,                 -- days since 1970-01-01
	due_on        INTEGER NOT NULL CHECK (due_on >= starts_on),
	label         TEXT,                             -- «входной мониторинг» etc.
	status        TEXT NOT NULL DEFAULT 'planned'
	              CHECK (status IN ('planned', 'in_progress', 'done', 'confirmed')),
	evidence_url  TEXT,
	evidence_note TEXT,
	done_by       INTEGER REFERENCES user(id),
	done_at       INTEGER,
	confirmed_by  INTEGER REFERENCES user(id),
	confirmed_at  INTEGER,
	CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL),
	UNIQUE (item_id, seq)
);
CREATE INDEX occurrence_by_due ON occurrence(due_on, status);

ALTER TABLE audit ADD COLUMN occurrence_id INTEGER REFERENCES occurrence(id);
CREATE INDEX audit_by_occurrence ON audit(occurrence_id, id);
