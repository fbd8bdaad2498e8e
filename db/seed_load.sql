-- seed_load.sql: staging tables for db/seed/*/*.tsv and the load into the schema.
-- Used by seed.sh only: the stage part runs before the .import lines, the load part after.
-- Empty TSV fields become NULL; slugs are resolved to ids here.

-- stage:begin
CREATE TEMP TABLE stage_municipality (slug, name, region, kind, authority, programme_title,
	programme_period, year_from, year_to, approved_by, goal, source);
CREATE TEMP TABLE stage_schools (municipality, slug, short_name, full_name, label, locality,
	parent, website, source);
CREATE TEMP TABLE stage_memberships (municipality, school, year, programme, category, cluster,
	urd, risk_group, note, source);
CREATE TEMP TABLE stage_risks (municipality, school, year, catalogue, seq, name, significance,
	second_rating, source);
CREATE TEMP TABLE stage_indicators (municipality, code, seq, name, unit, group_name, source);
CREATE TEMP TABLE stage_indicator_targets (municipality, code, year, raw, value, source);
CREATE TEMP TABLE stage_results (municipality, scope, school, procedure, subject, grade, year,
	metric, value, raw, source);
CREATE TEMP TABLE stage_roadmaps (municipality, slug, title, period_text, year_from, year_to,
	approved_by, source);
CREATE TEMP TABLE stage_roadmap_tasks (municipality, roadmap, seq, title, source);
CREATE TEMP TABLE stage_roadmap_items (municipality, roadmap, task_seq, seq, number, measure,
	planned_result, deadline_text, responsible, source);
-- stage:end

-- load:begin
INSERT INTO municipality (slug, name, region, kind, authority, programme_title, programme_period,
	year_from, year_to, approved_by, goal, source)
SELECT slug, name, region, kind, authority, programme_title, programme_period,
	CAST(year_from AS INTEGER), CAST(year_to AS INTEGER), nullif(approved_by, ''),
	nullif(goal, ''), source
FROM stage_municipality;

INSERT INTO school (municipality_id, slug, short_name, full_name, label, locality, website, source)
SELECT m.id, s.slug, s.short_name, nullif(s.full_name, ''), s.label, nullif(s.locality, ''),
	nullif(s.website, ''), s.source
FROM stage_schools s JOIN municipality m ON m.slug = s.municipality
ORDER BY s.rowid;

UPDATE school SET parent_id = (
	SELECT p.id FROM stage_schools s
	JOIN municipality m ON m.slug = s.municipality
	JOIN school p ON p.municipality_id = m.id AND p.slug = s.parent
	WHERE m.id = school.municipality_id AND s.slug = school.slug AND s.parent <> '');

INSERT INTO membership (school_id, year, programme, category, cluster, urd, risk_group, note, source)
SELECT sc.id, CAST(x.year AS INTEGER), x.programme, nullif(x.category, ''),
	CAST(nullif(x.cluster, '') AS INTEGER), nullif(x.urd, ''), nullif(x.risk_group, ''),
	nullif(x.note, ''), x.source
FROM stage_memberships x
JOIN municipality m ON m.slug = x.municipality
JOIN school sc ON sc.municipality_id = m.id AND sc.slug = x.school;

INSERT OR IGNORE INTO risk (catalogue, name)
SELECT catalogue, name FROM stage_risks ORDER BY rowid;

INSERT INTO school_risk (school_id, year, risk_id, significance, second_rating, seq, source)
SELECT sc.id, CAST(x.year AS INTEGER), r.id, nullif(x.significance, ''),
	nullif(x.second_rating, ''), CAST(x.seq AS INTEGER), x.source
FROM stage_risks x
JOIN municipality m ON m.slug = x.municipality
JOIN school sc ON sc.municipality_id = m.id AND sc.slug = x.school
JOIN risk r ON r.catalogue = x.catalogue AND r.name = x.name;

INSERT INTO indicator (municipality_id, code, seq, name, unit, group_name, source)
SELECT m.id, x.code, CAST(x.seq AS INTEGER), x.name, nullif(x.unit, ''),
	nullif(x.group_name, ''), x.source
FROM stage_indicators x JOIN municipality m ON m.slug = x.municipality;

INSERT INTO indicator_target (indicator_id, year, raw, value, source)
SELECT i.id, CAST(x.year AS INTEGER), x.raw, CAST(nullif(x.value, '') AS REAL), x.source
FROM stage_indicator_targets x
JOIN municipality m ON m.slug = x.municipality
JOIN indicator i ON i.municipality_id = m.id AND i.code = x.code;

INSERT INTO result (municipality_id, scope, school_id, procedure, subject, grade, year, metric,
	value, raw, source)
SELECT m.id, x.scope, sc.id, x.procedure, x.subject, CAST(nullif(x.grade, '') AS INTEGER),
	CAST(x.year AS INTEGER), x.metric, CAST(x.value AS REAL), x.raw, x.source
FROM stage_results x
JOIN municipality m ON m.slug = x.municipality
LEFT JOIN school sc ON sc.municipality_id = m.id AND sc.slug = x.school;

INSERT INTO roadmap (municipality_id, slug, title, period_text, year_from, year_to, approved_by, source)
SELECT m.id, x.slug, x.title, x.period_text, CAST(x.year_from AS INTEGER),
	CAST(x.year_to AS INTEGER), nullif(x.approved_by, ''), x.source
FROM stage_roadmaps x JOIN municipality m ON m.slug = x.municipality;

INSERT INTO roadmap_task (roadmap_id, seq, title, source)
SELECT r.id, CAST(x.seq AS INTEGER), x.title, x.source
FROM stage_roadmap_tasks x
JOIN municipality m ON m.slug = x.municipality
JOIN roadmap r ON r.municipality_id = m.id AND r.slug = x.roadmap;

INSERT INTO roadmap_item (roadmap_id, task_id, seq, number, measure, planned_result,
	deadline_text, responsible, source)
SELECT r.id, t.id, CAST(x.seq AS INTEGER), x.number, x.measure, nullif(x.planned_result, ''),
	nullif(x.deadline_text, ''), nullif(x.responsible, ''), x.source
FROM stage_roadmap_items x
JOIN municipality m ON m.slug = x.municipality
JOIN roadmap r ON r.municipality_id = m.id AND r.slug = x.roadmap
JOIN roadmap_task t ON t.roadmap_id = r.id AND t.seq = CAST(x.task_seq AS INTEGER);

-- Identification settings (GUIDE §4): Ижевск uses its own НРО rule (R3, 004:L200–204);
-- the others the ШНОР rule of seed 001 (R2, 001:L67–71). Thresholds stay at their defaults.
UPDATE ident_config SET rule = 'nro'
WHERE municipality_id = (SELECT id FROM municipality WHERE slug = 'izhevsk');

-- Seed 004's indicators the portal computes from the social index and ВПР dynamics (004:L272–281).
UPDATE indicator SET compute = CASE code
	WHEN '1.2' THEN 'social_share' WHEN '2.1' THEN 'dynamics_pos'
	WHEN '2.2' THEN 'dynamics_neg' WHEN '2.3' THEN 'dynamics_stable' END
WHERE municipality_id = (SELECT id FROM municipality WHERE slug = 'izhevsk')
	AND code IN ('1.2', '2.1', '2.2', '2.3');
-- Of seed 004's shares these are of schools or pupils in difficulty: lower is better.
UPDATE indicator SET better = 'lower'
WHERE municipality_id = (SELECT id FROM municipality WHERE slug = 'izhevsk')
	AND code IN ('1.1', '1.2', '1.3', '2.2', '2.3', '3.1');

-- Non-objectivity after ВПР (000:L182 СОШ № 1 in 2021, 000:L198 СОШ № 2 in 2020).
INSERT INTO nonobjectivity (school_id, year, procedure, source)
SELECT sc.id, x.year, 'vpr', x.source
FROM (SELECT 'sosh-1' AS slug, 2021 AS year, '000:L182' AS source
      UNION ALL SELECT 'sosh-2', 2020, '000:L198') x
JOIN school sc ON sc.slug = x.slug
	AND sc.municipality_id = (SELECT id FROM municipality WHERE slug = 'ust-ilimsk');

-- Every staged row must have landed: a row that joined nothing is a data error.
CREATE TEMP TABLE seed_check AS
SELECT 'schools' AS kind, (SELECT count(*) FROM stage_schools) - (SELECT count(*) FROM school) AS lost
UNION ALL SELECT 'memberships', (SELECT count(*) FROM stage_memberships) - (SELECT count(*) FROM membership)
UNION ALL SELECT 'risks', (SELECT count(*) FROM stage_risks) - (SELECT count(*) FROM school_risk)
UNION ALL SELECT 'indicators', (SELECT count(*) FROM stage_indicators) - (SELECT count(*) FROM indicator)
UNION ALL SELECT 'targets', (SELECT count(*) FROM stage_indicator_targets) - (SELECT count(*) FROM indicator_target)
UNION ALL SELECT 'results', (SELECT count(*) FROM stage_results) - (SELECT count(*) FROM result)
UNION ALL SELECT 'roadmap items', (SELECT count(*) FROM stage_roadmap_items) - (SELECT count(*) FROM roadmap_item);
CREATE TEMP TABLE seed_rows_lost (kind TEXT, lost INTEGER CONSTRAINT no_seed_row_lost CHECK (lost = 0));
INSERT INTO seed_rows_lost SELECT kind, lost FROM seed_check;
-- load:end
