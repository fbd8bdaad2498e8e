-- 0001_init.sql: municipalities, programmes, schools, memberships, risks,
-- indicators, assessment results, documents (metadata) and roadmaps.
-- Codes are ASCII and checked here; Russian labels live in src/vocab.c.

CREATE TABLE municipality (
	id               INTEGER PRIMARY KEY,
	slug             TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
	name             TEXT NOT NULL,               -- «г. Усть-Илимск»
	region           TEXT NOT NULL,               -- «Иркутская область»
	kind             TEXT NOT NULL CHECK (kind IN ('city', 'district')),
	authority        TEXT NOT NULL,               -- municipal education authority, exact
	programme_title  TEXT NOT NULL,               -- exact title of the municipal programme
	programme_period TEXT NOT NULL,               -- as written: «2022-2024 гг.»
	year_from        INTEGER NOT NULL,
	year_to          INTEGER NOT NULL CHECK (year_to >= year_from),
	approved_by      TEXT,                        -- approving order, as written
	goal             TEXT,                        -- programme goal, exact
	source           TEXT NOT NULL,               -- seed:line of the data
	updated_at       INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE school (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	slug            TEXT NOT NULL CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
	short_name      TEXT NOT NULL,                -- «СОШ № 7 им.Пичуева Л.П.» / «МОБУ «СОШ с.Веденка»»
	full_name       TEXT,                         -- full legal name where the seed gives it
	label           TEXT NOT NULL,                -- as in result tables: «СОШ № 7»
	locality        TEXT,                         -- «Село» / NULL
	parent_id       INTEGER REFERENCES school(id),-- a branch's parent school
	website         TEXT,                         -- URL of the school's own section
	source          TEXT NOT NULL,
	updated_at      INTEGER NOT NULL DEFAULT (unixepoch()),
	UNIQUE (municipality_id, slug)
);

-- One row per school, year and list it is on (ШНОР, ШНСУ, «500+», НРО, ФНСУ).
CREATE TABLE membership (
	school_id  INTEGER NOT NULL REFERENCES school(id),
	year       INTEGER NOT NULL,
	programme  TEXT NOT NULL CHECK (programme IN ('shnor', 'shnsu', '500plus', 'nro', 'fnsu')),
	category   TEXT CHECK (category IN ('basic', 'moderate', 'severe')),
	cluster    INTEGER CHECK (cluster BETWEEN 1 AND 3),
	urd        TEXT,                              -- «Повышенный уровень ресурсных дефицитов»
	risk_group TEXT,                              -- «11 Село, Сильно неуспевающие, Повышенный УРД»
	note       TEXT,                              -- list dynamics etc., as written
	source     TEXT NOT NULL,
	PRIMARY KEY (school_id, year, programme)
) WITHOUT ROWID;

CREATE TABLE risk (
	id        INTEGER PRIMARY KEY,
	catalogue TEXT NOT NULL CHECK (catalogue IN ('direction', 'factor')),
	name      TEXT NOT NULL,
	UNIQUE (catalogue, name)
);

CREATE TABLE school_risk (
	school_id     INTEGER NOT NULL REFERENCES school(id),
	year          INTEGER NOT NULL,
	risk_id       INTEGER NOT NULL REFERENCES risk(id),
	significance  TEXT CHECK (significance IN ('high', 'medium', 'low')),
	second_rating TEXT,                           -- 003's «Рекомендации» column, as printed
	seq           INTEGER NOT NULL,               -- order as printed
	source        TEXT NOT NULL,
	PRIMARY KEY (school_id, year, risk_id)
) WITHOUT ROWID;

CREATE TABLE indicator (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	code            TEXT NOT NULL,                -- «1», «4.2»
	seq             INTEGER NOT NULL,
	name            TEXT NOT NULL,
	unit            TEXT,                         -- «%», «да/нет»
	group_name      TEXT,
	source          TEXT NOT NULL,
	UNIQUE (municipality_id, code)
);

CREATE TABLE indicator_target (
	indicator_id INTEGER NOT NULL REFERENCES indicator(id),
	year         INTEGER NOT NULL,
	raw          TEXT NOT NULL,                   -- as printed: «61%», «да», «а»
	value        REAL,                            -- numeric part, NULL if not a number
	source       TEXT NOT NULL,
	PRIMARY KEY (indicator_id, year)
) WITHOUT ROWID;

-- Assessment results: a school's row, or the «Город» / «Область» comparison rows.
CREATE TABLE result (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	scope           TEXT NOT NULL CHECK (scope IN ('school', 'city', 'region')),
	school_id       INTEGER REFERENCES school(id),
	procedure       TEXT NOT NULL CHECK (procedure IN ('oge', 'ege', 'vpr', 'grade10')),
	subject         TEXT NOT NULL,                -- «Русский язык», «Математика», «Переход в 10 класс»
	grade           INTEGER,
	year            INTEGER NOT NULL,
	metric          TEXT NOT NULL CHECK (metric IN ('pass', 'quality', 'share2', 'continue', 'continue_own')),
	value           REAL NOT NULL,
	raw             TEXT NOT NULL,                -- as printed: «28,6»
	n_participants  INTEGER,                      -- the seeds give none
	source          TEXT NOT NULL,
	CHECK ((scope = 'school') = (school_id IS NOT NULL)),
	UNIQUE (municipality_id, scope, school_id, procedure, subject, grade, year, metric)
);
CREATE INDEX result_by_school ON result(school_id, procedure, subject, year);
CREATE INDEX result_by_muni ON result(municipality_id, scope, procedure, subject, year);

-- Documents: metadata only for now; files arrive with accounts and uploads.
CREATE TABLE document (
	id           INTEGER PRIMARY KEY,
	school_id    INTEGER NOT NULL REFERENCES school(id),
	type         TEXT NOT NULL,                   -- code from vocab.c doc_type_v
	title        TEXT NOT NULL,
	version      INTEGER NOT NULL DEFAULT 1,
	status       TEXT NOT NULL DEFAULT 'draft'
	             CHECK (status IN ('draft', 'submitted', 'returned', 'accepted', 'published', 'superseded')),
	published_at INTEGER,
	updated_at   INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX document_by_school ON document(school_id, type, version);

CREATE TABLE roadmap (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	school_id       INTEGER REFERENCES school(id),-- NULL: the municipality's own roadmap
	slug            TEXT NOT NULL,
	title           TEXT NOT NULL,
	period_text     TEXT NOT NULL,
	year_from       INTEGER NOT NULL,
	year_to         INTEGER NOT NULL,
	approved_by     TEXT,
	source          TEXT NOT NULL,
	UNIQUE (municipality_id, slug)
);

CREATE TABLE roadmap_task (
	id         INTEGER PRIMARY KEY,
	roadmap_id INTEGER NOT NULL REFERENCES roadmap(id),
	seq        INTEGER NOT NULL,
	title      TEXT NOT NULL,                     -- «Задача 0: Создание и функционирование …»
	source     TEXT NOT NULL,
	UNIQUE (roadmap_id, seq)
);

CREATE TABLE roadmap_item (
	id             INTEGER PRIMARY KEY,
	roadmap_id     INTEGER NOT NULL REFERENCES roadmap(id),
	task_id        INTEGER NOT NULL REFERENCES roadmap_task(id),
	seq            INTEGER NOT NULL,              -- order in the roadmap
	number         TEXT NOT NULL,                 -- as printed: «17», «0.8»
	measure        TEXT NOT NULL,
	planned_result TEXT,
	deadline_text  TEXT,                          -- verbatim
	responsible    TEXT,                          -- verbatim
	status         TEXT NOT NULL DEFAULT 'planned'
	               CHECK (status IN ('planned', 'in_progress', 'done', 'confirmed')),
	source         TEXT NOT NULL,
	updated_at     INTEGER NOT NULL DEFAULT (unixepoch()),
	UNIQUE (roadmap_id, seq)
);
CREATE INDEX roadmap_item_by_task ON roadmap_item(task_id, seq);
CREATE INDEX roadmap_item_by_status ON roadmap_item(roadmap_id, status);
