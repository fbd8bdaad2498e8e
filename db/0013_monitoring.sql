-- 0013_monitoring.sql: monitoring rounds of the schools' own websites and what each
-- round found per school (issue 7). Codes are ASCII; labels live in src/vocab.c.
-- monitor_finding is also what a notification of a round's findings reads.

CREATE TABLE monitor_round (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	kind            TEXT NOT NULL CHECK (kind IN ('entry', 'interim', 'final', 'monthly')),
	status          TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
	started_by      INTEGER REFERENCES user(id),           -- NULL: the command line (cron)
	started_at      INTEGER NOT NULL DEFAULT (unixepoch()),
	finished_at     INTEGER
);
CREATE INDEX monitor_round_by_muni ON monitor_round(municipality_id, id);
-- One round at a time per municipality.
CREATE UNIQUE INDEX monitor_round_running ON monitor_round(municipality_id) WHERE status = 'running';

CREATE TABLE monitor_finding (
	round_id      INTEGER NOT NULL REFERENCES monitor_round(id),
	school_id     INTEGER NOT NULL REFERENCES school(id),
	url           TEXT,                                   -- school.website at the time; NULL: none
	outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'no_url', 'bad_url', 'dns',
	              'connect', 'timeout', 'tls', 'redirects', 'too_big', 'http', 'other')),
	http_status   INTEGER,                                -- last status code, 0 when none came
	detail        TEXT,                                   -- libcurl's message, for the expert
	final_url     TEXT,                                   -- after redirects
	etag          TEXT,                                   -- for the next round's If-None-Match
	last_modified TEXT,                                   -- the header as sent, for If-Modified-Since
	modified_at   INTEGER,                                -- Last-Modified as a time
	sha256        TEXT,                                   -- of the body; kept over a 304
	changed       INTEGER CHECK (changed IN (0, 1)),      -- NULL: nothing to compare with
	changed_at    INTEGER,                                -- when a round last saw the hash change
	fresh         TEXT NOT NULL CHECK (fresh IN ('yes', 'no', 'unknown')),
	docs_found    TEXT NOT NULL DEFAULT '',               -- doc_type codes, comma-separated
	docs_missing  TEXT NOT NULL DEFAULT '',               -- required codes not linked
	doc_links     TEXT NOT NULL DEFAULT '',               -- "type<TAB>url" lines, checked for dead links
	dead_links    TEXT NOT NULL DEFAULT '',               -- "url<TAB>status or error" lines
	fetched_at    INTEGER NOT NULL DEFAULT (unixepoch()),
	elapsed_ms    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (round_id, school_id)
) WITHOUT ROWID;
CREATE INDEX monitor_finding_by_school ON monitor_finding(school_id, round_id);
