-- generate_search.sql: the search bench's region (issue 9): a made-up municipality
-- bench-search with 40,000 schools, each with two documents (a published «Программа
-- антирисковых мер», a draft «Концепция развития») and its own roadmap of 3 items.
-- Run by tests/bench/bench.sh with the sqlite3 CLI; the triggers of 0012 queue every
-- object and the app indexes them at its next start (`--migrate`, timed by bench.sh).
-- The items get deadline_kind 'on_request', so the scheduler leaves them alone.
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO municipality (slug, name, region, kind, authority, programme_title, programme_period,
			  year_from, year_to, source)
VALUES ('bench-search', 'г. Поисковый', 'Условная область', 'city', 'Управление образования города Поисковый',
	'Программа поддержки школ города Поисковый', '2024-2026 гг.', 2024, 2026, 'bench:generate_search.sql');
CREATE TEMP TABLE gs_k AS
WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 40000) SELECT k FROM k;
INSERT INTO school (municipality_id, slug, short_name, full_name, label, source)
SELECT m.id, 'school-' || g.k, 'МБОУ «СОШ № ' || g.k || '»',
       'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ' || g.k || '»',
       'СОШ № ' || g.k, 'bench:generate_search.sql'
FROM gs_k g, municipality m WHERE m.slug = 'bench-search';
INSERT INTO document (school_id, type, title, status, published_at)
SELECT s.id, 'antirisk', 'Программа антирисковых мер ' || s.short_name || ' на 2024–2026 годы', 'published', 1700000000
FROM school s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = 'bench-search';
INSERT INTO document (school_id, type, title, status)
SELECT s.id, 'concept', 'Концепция развития ' || s.short_name, 'draft'
FROM school s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = 'bench-search';
INSERT INTO roadmap (municipality_id, school_id, slug, title, period_text, year_from, year_to, source)
SELECT m.id, s.id, s.slug, 'Дорожная карта ' || s.short_name, '2024 год', 2024, 2024, 'bench:generate_search.sql'
FROM school s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = 'bench-search';
INSERT INTO roadmap_task (roadmap_id, seq, title, source)
SELECT r.id, 1, 'Задача 1: Повышение качества образования', 'bench:generate_search.sql'
FROM roadmap r JOIN municipality m ON m.id = r.municipality_id WHERE m.slug = 'bench-search';
INSERT INTO roadmap_item (roadmap_id, task_id, seq, number, measure, planned_result, deadline_text,
			  deadline_kind, responsible, source)
SELECT t.roadmap_id, t.id, j.j, j.j,
       CASE j.j WHEN 1 THEN 'Проведение педагогического совета по результатам ВПР'
		WHEN 2 THEN 'Организация наставничества для молодых педагогов'
		ELSE 'Мониторинг исполнения программы антирисковых мер' END,
       'Протокол, аналитическая справка', 'по запросу', 'on_request', 'Заместитель директора по УВР',
       'bench:generate_search.sql'
FROM roadmap_task t JOIN roadmap r ON r.id = t.roadmap_id JOIN municipality m ON m.id = r.municipality_id,
     (SELECT 1 AS j UNION ALL SELECT 2 UNION ALL SELECT 3) j
WHERE m.slug = 'bench-search';
COMMIT;
