-- 0007_item_assignee.sql: the people behind a roadmap item's «Ответственный»
-- text: optional links from an item to user accounts, for «мои мероприятия».

CREATE TABLE item_assignee (
	item_id INTEGER NOT NULL REFERENCES roadmap_item(id),
	user_id INTEGER NOT NULL REFERENCES user(id),
	PRIMARY KEY (item_id, user_id)
) WITHOUT ROWID;
CREATE INDEX item_assignee_by_user ON item_assignee(user_id);
