#!/usr/bin/env bash
# bi/nightly-refresh.sh: the nightly job of the BI layer.
#
# First the rollup tables (bi/rollups.sql): rebuilt from the register with
# bi.rollups_genopbyg(), or, when BI_DELIVERY names a delivery of changed
# weeklines, updated with it by bi.rollups_opdater (bi/incremental.sql: the
# delivery is written into the register and the changed persons' old
# contributions are replaced by their new ones, exactly as a rebuild would
# give them).  Either runs in one transaction, so that BI tools read the old
# figures until the new ones are all in place.  Then, without a delivery,
# every materialized view of the schema (the population and the area map,
# which no weekline changes) with REFRESH MATERIALIZED VIEW CONCURRENTLY,
# each after the materialized views it reads (directly or through other
# views).  psql connects as usual, from PGHOST, PGPORT,
# PGDATABASE, PGUSER (and ~/.pgpass).  Exits non-zero on the first error
# (1: no materialized views; 3: a statement failed, its transaction undone).
#
#   BI_SCHEMA    schema of the BI layer (default bi)
#   BI_WORK_MEM  work_mem of the refreshing session (default 256MB)
#   BI_DELIVERY  a table (pnr, uger weekline) with the new weekline of each
#                changed person (NULL uger: none any more); unset: rebuild
#
# Example crontab line (02:30 every night):
#   30 2 * * *  PGDATABASE=register /path/to/jobreg/bi/nightly-refresh.sh >>/var/log/bi-refresh.log 2>&1
set -euo pipefail

schema=${BI_SCHEMA:-bi}
work_mem=${BI_WORK_MEM:-256MB}
delivery=${BI_DELIVERY:-}

# The materialized views of the schema, in dependency order: a view that
# reads another one reaches more materialized views than that one does, so
# ordering by the number reached puts every view after those it reads.
views=$(psql -X -At -v ON_ERROR_STOP=1 -v schema="$schema" <<'SQL'
WITH RECURSIVE
mv AS (
	SELECT c.oid FROM pg_class AS c
	WHERE c.relkind = 'm' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = :'schema')
),
reads (viewoid, reloid) AS (
	-- the relations a view or materialized view reads: the dependencies of its rewrite rule
	SELECT DISTINCT r.ev_class, d.refobjid
	FROM pg_rewrite AS r
		 JOIN pg_depend AS d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
							AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
),
reach (mv, rel) AS (
	SELECT mv.oid, reads.reloid FROM mv JOIN reads ON reads.viewoid = mv.oid
	UNION
	SELECT reach.mv, reads.reloid
	FROM reach JOIN pg_class AS c ON c.oid = reach.rel AND c.relkind = 'v'
		 JOIN reads ON reads.viewoid = reach.rel
)
SELECT mv.oid::regclass
FROM mv
ORDER BY (SELECT count(*) FROM reach JOIN pg_class AS c ON c.oid = reach.rel
		  WHERE reach.mv = mv.oid AND c.relkind = 'm'), mv.oid::regclass::text;
SQL
)
if [ -z "$views" ]; then
	echo "bi-refresh: no materialized views in schema $schema" >&2
	exit 1
fi

{
	echo "SET work_mem = '$work_mem';"
	echo "SELECT clock_timestamp() AS t0 \\gset"
	if [ -n "$delivery" ]; then
		echo "SELECT format('bi-refresh: %s', string_agg(format('%s %s updated, %s new, %s deleted', rollup, opdateret, nye, slettet), '; '))"
		echo "FROM $schema.rollups_opdater(:'delivery');"
		echo "SELECT format('bi-refresh: $schema.rollups_opdater in %s s', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1));"
	else
		echo "SELECT $schema.rollups_genopbyg() \\gset"
		echo "SELECT format('bi-refresh: $schema.rollups_genopbyg in %s s', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1));"
	fi
	# the old rows' space for the next update (outside the transaction above)
	echo "VACUUM (ANALYZE) $schema.ydelse_rollup, $schema.forloeb_rollup, $schema.anciennitet_rollup;"
	# a delivery changes weeklines only: the population and the area map stay
	[ -n "$delivery" ] && views=
	for v in $views; do
		echo "SELECT clock_timestamp() AS t0 \\gset"
		echo "REFRESH MATERIALIZED VIEW CONCURRENTLY $v;"
		echo "SELECT format('bi-refresh: %s in %s s', '$v', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1));"
	done
} | psql -X -q -At -v ON_ERROR_STOP=1 -v delivery="$delivery"
