-- 0015_search_news.sql: news posts in the full-text index (kind 'news', see
-- 0012_search.sql): every change of a post queues it; the app indexes the queue in
-- the writing transaction. Posts written before this migration are queued once.

CREATE TRIGGER search_news_insert AFTER INSERT ON section_text WHEN new.part = 'news'
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('news', new.id);
END;
CREATE TRIGGER search_news_update AFTER UPDATE ON section_text WHEN new.part = 'news'
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('news', new.id);
END;
CREATE TRIGGER search_news_delete AFTER DELETE ON section_text WHEN old.part = 'news'
BEGIN
	INSERT OR IGNORE INTO search_dirty VALUES ('news', old.id);
END;
INSERT OR IGNORE INTO search_dirty SELECT 'news', id FROM section_text WHERE part = 'news';
