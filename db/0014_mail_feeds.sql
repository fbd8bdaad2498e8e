-- 0014_mail_feeds.sql: e-mail notifications: each user's address and choices,
-- and the outbox the events write to in their own transaction and the sender
-- thread delivers. A message's dedup key makes periodic reminders idempotent.

ALTER TABLE user ADD COLUMN email TEXT CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'));

-- A user's choice for one mail kind (mail_kind_v code); no row: the kind's default
-- (every event on, the daily digest off).
CREATE TABLE mail_pref (
	user_id INTEGER NOT NULL REFERENCES user(id),
	kind    TEXT NOT NULL CHECK (kind IN ('doc_submitted', 'doc_returned', 'doc_accepted', 'due_7',
	                                      'due_1', 'overdue', 'monitoring', 'digest')),
	enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
	PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- One message to one address. queued → sending (claimed, one attempt) → sent,
-- or back to queued with next_at (backoff), or failed (attempts exhausted, or
-- the sender stopped mid-send: delivery unknown, never retried by itself).
CREATE TABLE outbox (
	id         INTEGER PRIMARY KEY,
	created_at INTEGER NOT NULL DEFAULT (unixepoch()),
	user_id    INTEGER REFERENCES user(id),
	kind       TEXT NOT NULL,
	dedup      TEXT UNIQUE,                       -- e.g. due_7:<occurrence>:<user>; NULL: no dedup
	rcpt       TEXT NOT NULL,
	subject    TEXT NOT NULL,
	body_text  TEXT NOT NULL,
	body_html  TEXT NOT NULL,
	message_id TEXT NOT NULL UNIQUE,              -- the same on every attempt
	status     TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
	attempts   INTEGER NOT NULL DEFAULT 0,
	next_at    INTEGER NOT NULL DEFAULT (unixepoch()),
	sent_at    INTEGER,
	last_error TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_at);
