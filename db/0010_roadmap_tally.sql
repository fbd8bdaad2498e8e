-- 0010_roadmap_tally.sql: per roadmap, how many occurrences of its live items fall
-- due on each date in each status, and how many live items it has; kept by the
-- triggers below in the same transaction as every change, so the municipal summary
-- of school roadmaps reads a few rows per school instead of every occurrence.

CREATE TABLE roadmap_tally (
	roadmap_id INTEGER NOT NULL REFERENCES roadmap(id),
	due_on     INTEGER NOT NULL,
	status     TEXT NOT NULL,
	n          INTEGER NOT NULL CHECK (n >= 0),   -- rows reaching 0 are deleted at once
	PRIMARY KEY (roadmap_id, due_on, status)
) WITHOUT ROWID;
ALTER TABLE roadmap ADD COLUMN live_items INTEGER NOT NULL DEFAULT 0;

INSERT INTO roadmap_tally (roadmap_id, due_on, status, n)
SELECT i.roadmap_id, o.due_on, o.status, count(*)
FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id
WHERE i.removed_at IS NULL GROUP BY 1, 2, 3;
UPDATE roadmap SET live_items = (SELECT count(*) FROM roadmap_item i
	WHERE i.roadmap_id = roadmap.id AND i.removed_at IS NULL);

CREATE TRIGGER occurrence_tally_insert AFTER INSERT ON occurrence
WHEN (SELECT removed_at FROM roadmap_item WHERE id = NEW.item_id) IS NULL
BEGIN
	INSERT INTO roadmap_tally (roadmap_id, due_on, status, n)
	VALUES ((SELECT roadmap_id FROM roadmap_item WHERE id = NEW.item_id), NEW.due_on, NEW.status, 1)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER occurrence_tally_delete AFTER DELETE ON occurrence
WHEN (SELECT removed_at FROM roadmap_item WHERE id = OLD.item_id) IS NULL
BEGIN
	UPDATE roadmap_tally SET n = n - 1
	WHERE roadmap_id = (SELECT roadmap_id FROM roadmap_item WHERE id = OLD.item_id)
		AND due_on = OLD.due_on AND status = OLD.status;
	DELETE FROM roadmap_tally
	WHERE roadmap_id = (SELECT roadmap_id FROM roadmap_item WHERE id = OLD.item_id)
		AND due_on = OLD.due_on AND status = OLD.status AND n = 0;
END;

CREATE TRIGGER occurrence_tally_update AFTER UPDATE OF due_on, status ON occurrence
WHEN (OLD.due_on <> NEW.due_on OR OLD.status <> NEW.status)
	AND (SELECT removed_at FROM roadmap_item WHERE id = NEW.item_id) IS NULL
BEGIN
	UPDATE roadmap_tally SET n = n - 1
	WHERE roadmap_id = (SELECT roadmap_id FROM roadmap_item WHERE id = OLD.item_id)
		AND due_on = OLD.due_on AND status = OLD.status;
	DELETE FROM roadmap_tally
	WHERE roadmap_id = (SELECT roadmap_id FROM roadmap_item WHERE id = OLD.item_id)
		AND due_on = OLD.due_on AND status = OLD.status AND n = 0;
	INSERT INTO roadmap_tally (roadmap_id, due_on, status, n)
	VALUES ((SELECT roadmap_id FROM roadmap_item WHERE id = NEW.item_id), NEW.due_on, NEW.status, 1)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER roadmap_item_tally_insert AFTER INSERT ON roadmap_item
WHEN NEW.removed_at IS NULL
BEGIN
	UPDATE roadmap SET live_items = live_items + 1 WHERE id = NEW.roadmap_id;
END;

CREATE TRIGGER roadmap_item_tally_remove AFTER UPDATE OF removed_at ON roadmap_item
WHEN OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL
BEGIN
	UPDATE roadmap_tally SET n = n - (SELECT count(*) FROM occurrence o WHERE o.item_id = NEW.id
		AND o.due_on = roadmap_tally.due_on AND o.status = roadmap_tally.status)
	WHERE roadmap_id = NEW.roadmap_id;
	DELETE FROM roadmap_tally WHERE roadmap_id = NEW.roadmap_id AND n = 0;
	UPDATE roadmap SET live_items = live_items - 1 WHERE id = NEW.roadmap_id;
END;

CREATE TRIGGER roadmap_item_tally_restore AFTER UPDATE OF removed_at ON roadmap_item
WHEN OLD.removed_at IS NOT NULL AND NEW.removed_at IS NULL
BEGIN
	INSERT INTO roadmap_tally (roadmap_id, due_on, status, n)
	SELECT NEW.roadmap_id, due_on, status, count(*) FROM occurrence WHERE item_id = NEW.id
	GROUP BY due_on, status
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	UPDATE roadmap SET live_items = live_items + 1 WHERE id = NEW.roadmap_id;
END;
