-- 0012_placeholder_h_mail.sql: placeholder on branch h-mail only, so that 0014 applies in order here.
-- The real 0012 comes from another branch; delete this file at merge.
SELECT 1;
