-- 0009_results_identification.sql: results with ВПР, ГВЭ, participants and the
-- exam stage; social well-being index; the identification settings of each
-- municipality, the coordinator's decisions on the rules' proposals (history
-- kept), non-objectivity flags and indicator facts.

-- result is rebuilt to widen its vocabularies (SQLite cannot alter a CHECK).
CREATE TABLE result_v9 (
	id              INTEGER PRIMARY KEY,
	municipality_id INTEGER NOT NULL REFERENCES municipality(id),
	scope           TEXT NOT NULL CHECK (scope IN ('school', 'city', 'region')),
	school_id       INTEGER REFERENCES school(id),
	procedure       TEXT NOT NULL CHECK (procedure IN ('oge', 'ege', 'gve', 'vpr', 'grade10')),
	subject         TEXT NOT NULL,
	grade           INTEGER,
	year            INTEGER NOT NULL,
	metric          TEXT NOT NULL CHECK (metric IN ('pass', 'quality', 'share2', 'below_min',
	                                                'mean_score', 'mean_mark', 'continue', 'continue_own')),
	value           REAL NOT NULL,
	raw             TEXT NOT NULL,                -- as printed or imported: «28,6»
	n_participants  INTEGER CHECK (n_participants IS NULL OR n_participants >= 0),
	stage           TEXT NOT NULL DEFAULT 'main' CHECK (stage IN ('main', 'retake')),
	                                              -- ОГЭ/ЕГЭ: основной период (до пересдач) or after retakes
	source          TEXT NOT NULL,                -- seed:line, or «импорт <file> стр. N»
	CHECK ((scope = 'school') = (school_id IS NOT NULL)),
	UNIQUE (municipality_id, scope, school_id, procedure, subject, grade, year, metric, stage)
);
INSERT INTO result_v9 (id, municipality_id, scope, school_id, procedure, subject, grade, year,
                       metric, value, raw, n_participants, stage, source)
SELECT id, municipality_id, scope, school_id, procedure, subject, grade, year,
       metric, value, raw, n_participants, 'main', source FROM result;
DROP TABLE result;
ALTER TABLE result_v9 RENAME TO result;
CREATE INDEX result_by_school ON result(school_id, procedure, subject, year);
CREATE INDEX result_by_muni ON result(municipality_id, scope, procedure, subject, year);

-- The social well-being index (НИУ ВШЭ methodology, seed 004) is input data.
CREATE TABLE social_index (
	school_id  INTEGER NOT NULL REFERENCES school(id),
	year       INTEGER NOT NULL,
	value      REAL NOT NULL,
	status     TEXT CHECK (status IN ('favourable', 'neutral', 'unfavourable')),
	                                              -- NULL: not entered; the rules derive unfavourable
	source     TEXT NOT NULL,
	updated_at INTEGER NOT NULL DEFAULT (unixepoch()),
	PRIMARY KEY (school_id, year)
) WITHOUT ROWID;

-- Non-objectivity: on Rosobrnadzor's list after a campaign (000:L182, L198).
CREATE TABLE nonobjectivity (
	school_id INTEGER NOT NULL REFERENCES school(id),
	year      INTEGER NOT NULL,
	procedure TEXT NOT NULL CHECK (procedure IN ('oge', 'ege', 'gve', 'vpr')),
	source    TEXT NOT NULL,
	PRIMARY KEY (school_id, year, procedure)
) WITHOUT ROWID;

-- Every threshold of the identification rules, per municipality (GUIDE §4).
CREATE TABLE ident_config (
	municipality_id INTEGER PRIMARY KEY REFERENCES municipality(id),
	rule            TEXT NOT NULL DEFAULT 'shnor' CHECK (rule IN ('shnor', 'nro')),
	                                              -- R2 (seed 001) or R3 (seed 004)
	low_share       REAL NOT NULL DEFAULT 30 CHECK (low_share > 0 AND low_share <= 100),
	low_count       INTEGER NOT NULL DEFAULT 2 CHECK (low_count >= 1),
	                                              -- R2: low procedures in the prior year
	min_group       INTEGER NOT NULL DEFAULT 10 CHECK (min_group >= 1),
	social_lo       REAL NOT NULL DEFAULT -8,
	social_hi       REAL NOT NULL DEFAULT -3 CHECK (social_hi >= social_lo),
	dynamics_pp     REAL NOT NULL DEFAULT 5 CHECK (dynamics_pp >= 0),
	updated_at      INTEGER NOT NULL DEFAULT (unixepoch())
);
INSERT INTO ident_config (municipality_id) SELECT id FROM municipality;
CREATE TRIGGER municipality_ident_config AFTER INSERT ON municipality
BEGIN
	INSERT INTO ident_config (municipality_id) VALUES (NEW.id);
END;

-- The coordinator's answer to a proposal of the rules; the latest row per
-- (school, year, kind) is in force, the older ones are its history.
-- kind low: 'yes'/'no' (ШНОР/НРО); social: 'yes'/'no' (ШНСУ/ФНСУ);
-- level: 'high'/'medium'/'low' (R5); dynamics: 'pos'/'neg'/'stable' (R6).
CREATE TABLE ident_decision (
	id        INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES school(id),
	year      INTEGER NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('low', 'social', 'level', 'dynamics')),
	proposed  TEXT,                               -- what the rules said; NULL: no data
	decided   TEXT NOT NULL,
	reasons   TEXT NOT NULL DEFAULT '',           -- the rules' reasons as shown, one per line
	comment   TEXT,                               -- required when decided differs from proposed
	user_id   INTEGER NOT NULL REFERENCES user(id),
	at        INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX ident_decision_by_school ON ident_decision(school_id, year, kind, id);

-- Indicator facts: entered by the coordinator or computed from results.
CREATE TABLE indicator_fact (
	indicator_id INTEGER NOT NULL REFERENCES indicator(id),
	year         INTEGER NOT NULL,
	raw          TEXT NOT NULL,                   -- as entered: «61%», «да»
	value        REAL,                            -- numeric part, NULL if not a number
	user_id      INTEGER REFERENCES user(id),
	updated_at   INTEGER NOT NULL DEFAULT (unixepoch()),
	PRIMARY KEY (indicator_id, year)
) WITHOUT ROWID;

-- Indicators the portal computes (GUIDE §3.4: 1.2, 2.1–2.3 of seed 004).
ALTER TABLE indicator ADD COLUMN compute TEXT
	CHECK (compute IN ('social_share', 'dynamics_pos', 'dynamics_neg', 'dynamics_stable'));
-- Whether a fact meets its target from above (a share reached) or from below (a
-- share of schools or pupils in difficulty).
ALTER TABLE indicator ADD COLUMN better TEXT NOT NULL DEFAULT 'higher'
	CHECK (better IN ('higher', 'lower'));
