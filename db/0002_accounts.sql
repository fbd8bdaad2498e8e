-- 0002_accounts.sql: users and their scope, sessions, login throttling, the
-- append-only audit log, document versions with their files, and reviews.

CREATE TABLE user (
	id              INTEGER PRIMARY KEY,
	login           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(login) BETWEEN 3 AND 64),
	name            TEXT NOT NULL,
	role            TEXT NOT NULL CHECK (role IN ('school', 'curator', 'coordinator', 'admin')),
	municipality_id INTEGER REFERENCES municipality(id),   -- all roles but admin
	school_id       INTEGER REFERENCES school(id),         -- the school administrator's school
	pass_hash       TEXT NOT NULL,                         -- crypto_pwhash_str (argon2id)
	disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK ((role = 'school') = (school_id IS NOT NULL)),
	CHECK ((role = 'admin') = (municipality_id IS NULL))
);

-- The schools a curator looks after.
CREATE TABLE curator_school (
	user_id   INTEGER NOT NULL REFERENCES user(id),
	school_id INTEGER NOT NULL REFERENCES school(id),
	PRIMARY KEY (user_id, school_id)
) WITHOUT ROWID;
CREATE INDEX curator_school_by_school ON curator_school(school_id);

-- The cookie holds a random 256-bit token; only its SHA-256 is stored.
CREATE TABLE session (
	token_hash BLOB PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES user(id),
	csrf       TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	seen_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_by_user ON session(user_id);

CREATE TABLE login_failure (
	ts    INTEGER NOT NULL,
	login TEXT NOT NULL COLLATE NOCASE,
	addr  TEXT NOT NULL
);
CREATE INDEX login_failure_by_login ON login_failure(login, ts);
CREATE INDEX login_failure_by_addr ON login_failure(addr, ts);

-- Every state change, upload, login and account change: who, when, from where, what.
CREATE TABLE audit (
	id          INTEGER PRIMARY KEY,
	ts          INTEGER NOT NULL DEFAULT (unixepoch()),
	user_id     INTEGER REFERENCES user(id),
	login       TEXT,                                  -- as typed, for failed logins
	addr        TEXT,
	action      TEXT NOT NULL,
	school_id   INTEGER REFERENCES school(id),
	document_id INTEGER REFERENCES document(id),
	from_status TEXT,
	to_status   TEXT,
	detail      TEXT,
	sha256      TEXT
);
CREATE INDEX audit_by_school ON audit(school_id, id);
CREATE INDEX audit_by_document ON audit(document_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT raise(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT raise(ABORT, 'audit is append-only'); END;

-- A document row is one immutable version; `series` is the id of its first version.
ALTER TABLE document ADD COLUMN series INTEGER REFERENCES document(id);
ALTER TABLE document ADD COLUMN sha256 TEXT;          -- content address of the file
ALTER TABLE document ADD COLUMN size INTEGER;
ALTER TABLE document ADD COLUMN mime TEXT;            -- as sniffed by libmagic
ALTER TABLE document ADD COLUMN orig_name TEXT;       -- for display and download only
ALTER TABLE document ADD COLUMN created_by INTEGER REFERENCES user(id);
ALTER TABLE document ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX document_by_series ON document(series, version);
CREATE INDEX document_by_status ON document(status, updated_at);

CREATE TABLE review (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES document(id),
	reviewer_id INTEGER NOT NULL REFERENCES user(id),
	verdict     TEXT NOT NULL CHECK (verdict IN ('accept', 'return')),
	comment     TEXT,
	ts          INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK (verdict = 'accept' OR length(trim(comment)) > 0)
);
CREATE INDEX review_by_document ON review(document_id, id);

-- Indexes for the pages' hot queries: a school's roadmap without an automatic
-- index, and results read from covering indexes only.
CREATE INDEX roadmap_by_school ON roadmap(school_id, year_to);
CREATE INDEX roadmap_by_muni ON roadmap(municipality_id, school_id, year_to);
DROP INDEX result_by_school;
CREATE INDEX result_by_school ON result(school_id, procedure, subject, year, metric,
	scope, grade, value, raw);
DROP INDEX result_by_muni;
CREATE INDEX result_by_muni ON result(municipality_id, scope, procedure, subject, year, metric,
	grade, value, raw);
