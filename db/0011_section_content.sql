-- 0011_section_content.sql: the text parts of a school's or a municipality's
-- «Повышение качества» section (о программе, рабочая группа, контакты) and its
-- news posts, in Markdown; every edit is a version (who, when, the text), and a
-- post may name published documents of its school.

CREATE TABLE section_text (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	school_id       INTEGER REFERENCES school(id),       -- NULL: the municipality's own page
	part            TEXT NOT NULL CHECK (part IN ('about', 'group', 'contacts', 'news')),
	title           TEXT NOT NULL DEFAULT '',            -- the latest version's (news title)
	body            TEXT NOT NULL DEFAULT '',            -- the latest version's Markdown
	news_on         TEXT CHECK (news_on IS NULL OR news_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),   -- an unpublished post
	updated_at      INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK ((part = 'news') = (news_on IS NOT NULL))
);
CREATE UNIQUE INDEX section_text_page ON section_text(municipality_id, coalesce(school_id, 0), part)
	WHERE part <> 'news';
CREATE INDEX section_text_by_owner ON section_text(municipality_id, school_id, updated_at);
CREATE INDEX section_text_by_school ON section_text(school_id, updated_at);

CREATE TABLE section_version (
	id            INTEGER PRIMARY KEY,
	text_id       INTEGER NOT NULL REFERENCES section_text(id),
	title         TEXT NOT NULL,
	body          TEXT NOT NULL,
	news_on       TEXT,
	created_by    INTEGER REFERENCES user(id),
	created_at    INTEGER NOT NULL DEFAULT (unixepoch()),
	restored_from INTEGER REFERENCES section_version(id)   -- a rollback's source version
);
CREATE INDEX section_version_by_text ON section_version(text_id, id);
CREATE TRIGGER section_version_no_update BEFORE UPDATE ON section_version
BEGIN SELECT raise(ABORT, 'versions are immutable'); END;
CREATE TRIGGER section_version_no_delete BEFORE DELETE ON section_version
BEGIN SELECT raise(ABORT, 'versions are immutable'); END;

CREATE TABLE news_document (
	text_id     INTEGER NOT NULL REFERENCES section_text(id),
	document_id INTEGER NOT NULL REFERENCES document(id),
	PRIMARY KEY (text_id, document_id)
) WITHOUT ROWID;
