-- 0013_placeholder_h_mail.sql: placeholder on branch h-mail only, so that 0014 applies in order here.
-- The real 0013 comes from another branch; delete this file at merge.
SELECT 1;
