-- generate.sql: benchmark data for one made-up municipality, schools lo..hi of it.
-- Run by tests/bench/generate.sh (which explains the whole procedure) after a prelude
-- that fills three temp tables:
--   gen_param(slug, n, lo, hi)   the municipality's slug, its number of schools, the range
--   gen_task(k, title)           task titles 1..4 (ust-ilimsk's roadmap_tasks.tsv)
--   gen_item(k, measure, planned_result, deadline_text, responsible)
--                                ust-ilimsk's roadmap rows with a deadline, in seed order
-- Idempotent per range: the municipality row is added once; schools lo..hi each get a
-- roadmap (school_id set, 2022–2022) with 4 tasks and 60 items, and the dashboard's data
-- (2022 lists, risk directions, ОГЭ results; see below). deadline_kind stays NULL:
-- the app schedules the items into occurrences at its next start (or --migrate).
PRAGMA foreign_keys = ON;
BEGIN;

INSERT INTO municipality (slug, name, region, kind, authority, programme_title, programme_period,
			  year_from, year_to, approved_by, goal, source)
SELECT p.slug, 'г. Нагрузочный-' || p.n, 'Условная область', 'city',
       'Управление образования города Нагрузочный-' || p.n,
       'Программа методического сопровождения школ с низкими образовательными результатами города Нагрузочный-'
	       || p.n || ' на 2022-2024 годы',
       '2022-2024 гг.', 2022, 2024, NULL,
       'Проверка производительности: ' || p.n || ' школ, у каждой своя дорожная карта',
       'bench:tests/bench/generate.sql'
FROM gen_param p
WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE m.slug = p.slug);

CREATE TEMP TABLE gen_k AS
WITH RECURSIVE k(k) AS (
	SELECT lo FROM gen_param
	UNION ALL
	SELECT k + 1 FROM k, gen_param WHERE k < hi
)
SELECT k FROM k;

INSERT INTO school (municipality_id, slug, short_name, full_name, label, locality, source)
SELECT m.id, 'school-' || g.k, 'МБОУ «СОШ № ' || g.k || '»',
       'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № '
	       || g.k || '»',
       'СОШ № ' || g.k, CASE WHEN g.k % 4 = 0 THEN 'Село' END,
       'bench:tests/bench/generate.sql'
FROM gen_k g, gen_param p JOIN municipality m ON m.slug = p.slug
ORDER BY g.k;

INSERT INTO roadmap (municipality_id, school_id, slug, title, period_text, year_from, year_to,
		     approved_by, source)
SELECT m.id, s.id, s.slug,
       '«ДОРОЖНАЯ КАРТА» по переходу МБОУ «СОШ № ' || g.k || '» в эффективный режим работы в 2022 году',
       '2022 год', 2022, 2022, NULL, 'bench:tests/bench/generate.sql'
FROM gen_k g, gen_param p
JOIN municipality m ON m.slug = p.slug
JOIN school s ON s.municipality_id = m.id AND s.slug = 'school-' || g.k
ORDER BY g.k;

CREATE TEMP TABLE gen_rm AS
SELECT g.k AS k, r.id AS roadmap_id
FROM gen_k g, gen_param p
JOIN municipality m ON m.slug = p.slug
JOIN roadmap r ON r.municipality_id = m.id AND r.slug = 'school-' || g.k;

INSERT INTO roadmap_task (roadmap_id, seq, title, source)
SELECT rm.roadmap_id, t.k, 'Задача ' || t.k || ': ' || t.title, 'bench:tests/bench/generate.sql'
FROM gen_rm rm, gen_task t
ORDER BY rm.k, t.k;

-- Items 1..60: 15 per task; the seed rows cycle, shifted by the school's number, so
-- schools differ but each gets the whole mix of phrases.
INSERT INTO roadmap_item (roadmap_id, task_id, seq, number, measure, planned_result, deadline_text,
			  responsible, source)
WITH RECURSIVE j(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM j WHERE j < 60)
SELECT rm.roadmap_id, t.id, j.j, (j.j - 1) / 15 + 1 || '.' || ((j.j - 1) % 15 + 1),
       i.measure, i.planned_result, i.deadline_text, i.responsible,
       'bench:tests/bench/generate.sql'
FROM gen_rm rm
JOIN j
JOIN roadmap_task t ON t.roadmap_id = rm.roadmap_id AND t.seq = (j.j - 1) / 15 + 1
JOIN gen_item i ON i.k = (rm.k * 60 + j.j - 1) % (SELECT count(*) FROM gen_item) + 1
ORDER BY rm.k, j.j;

-- The dashboard's data: every school in ШНОР for 2022 (category cycling), every 3rd also
-- in «500+»; two risk directions each (the seed's catalogue), significance cycling; ОГЭ
-- mathematics 2019 and 2021 (success and quality) per school, every 7th with 8
-- participants (a small group), and the «Город»/«Область» rows.
INSERT INTO membership (school_id, year, programme, category, source)
SELECT s.id, 2022, 'shnor', CASE g.k % 3 WHEN 0 THEN 'basic' WHEN 1 THEN 'moderate' ELSE 'severe' END,
       'bench:tests/bench/generate.sql'
FROM gen_k g, gen_param p JOIN municipality m ON m.slug = p.slug
JOIN school s ON s.municipality_id = m.id AND s.slug = 'school-' || g.k
UNION ALL
SELECT s.id, 2022, '500plus', NULL, 'bench:tests/bench/generate.sql'
FROM gen_k g, gen_param p JOIN municipality m ON m.slug = p.slug
JOIN school s ON s.municipality_id = m.id AND s.slug = 'school-' || g.k
WHERE g.k % 3 = 0;

CREATE TEMP TABLE gen_risk AS
SELECT row_number() OVER (ORDER BY id) - 1 AS j, id FROM risk WHERE catalogue = 'direction';
INSERT INTO school_risk (school_id, year, risk_id, significance, seq, source)
SELECT s.id, 2022, r.id, CASE (g.k + d.d) % 3 WHEN 0 THEN 'high' WHEN 1 THEN 'medium' ELSE 'low' END,
       d.d + 1, 'bench:tests/bench/generate.sql'
FROM gen_k g, gen_param p JOIN municipality m ON m.slug = p.slug
JOIN school s ON s.municipality_id = m.id AND s.slug = 'school-' || g.k
JOIN (SELECT 0 AS d UNION ALL SELECT 1) d
JOIN gen_risk r ON r.j = (g.k + d.d * 3) % (SELECT count(*) FROM gen_risk);
DROP TABLE gen_risk;

INSERT INTO result (municipality_id, scope, school_id, procedure, subject, grade, year, metric,
		    value, raw, n_participants, source)
SELECT m.id, 'school', s.id, 'oge', 'Математика', 9, y.y, x.metric, x.base + (g.k * 7 + y.y) % 35,
       x.base + (g.k * 7 + y.y) % 35, CASE WHEN g.k % 7 = 0 THEN 8 ELSE 20 + g.k % 30 END,
       'bench:tests/bench/generate.sql'
FROM gen_k g, gen_param p JOIN municipality m ON m.slug = p.slug
JOIN school s ON s.municipality_id = m.id AND s.slug = 'school-' || g.k
JOIN (SELECT 2019 AS y UNION ALL SELECT 2021) y
JOIN (SELECT 'pass' AS metric, 60 AS base UNION ALL SELECT 'quality', 20) x
UNION ALL
SELECT m.id, sc.scope, NULL, 'oge', 'Математика', 9, y.y, x.metric, x.base + 15, x.base + 15, NULL,
       'bench:tests/bench/generate.sql'
FROM gen_param p JOIN municipality m ON m.slug = p.slug
JOIN (SELECT 'city' AS scope UNION ALL SELECT 'region') sc
JOIN (SELECT 2019 AS y UNION ALL SELECT 2021) y
JOIN (SELECT 'pass' AS metric, 60 AS base UNION ALL SELECT 'quality', 20) x
WHERE p.lo = 1;

DROP TABLE gen_rm;
DROP TABLE gen_k;
COMMIT;
