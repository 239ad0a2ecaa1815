-- bi/install.sql: creates the BI layer in schema bi (drops an existing one).
--   psql -v ON_ERROR_STOP=1 -f bi/install.sql      (psql variables bi_fra_aar, bi_til_aar: the years covered)
-- Edit the kilde_* views in bi/source.sql first to point at your own register.
SET work_mem = '256MB';
\ir source.sql
\ir rollups.sql
\ir incremental.sql
\ir views.sql
RESET work_mem;
ANALYZE bi.befolkning_rollup, bi.ydelse_rollup, bi.forloeb_rollup, bi.anciennitet_rollup, bi.omraade;
