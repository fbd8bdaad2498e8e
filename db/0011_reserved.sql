-- 0011_reserved.sql: an empty placeholder on branch h-search for the news and pages
-- migration (0011, another branch) so that 0012 applies; drop this file at merge.
SELECT 1;
