-- 0011_placeholder.sql: stands for another branch's migration 11 of issue 7 so that this
-- branch's 0013 applies (numbers must be contiguous). Delete at merge.
SELECT 1;
