#!/usr/bin/env bash
# Every SQL object of the extension has a doc entry: its name (a function,
# type, table, view, collation, operator class or family), its signature (an
# operator: `left op right`) or `CAST (a AS b)` (a cast) appears between
# backticks in doc/*.md.  Uses the cluster in PGHOST/PGPORT; prints the
# objects without an entry and fails when there is any.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
db=jobreg_doc_coverage
PGOPTIONS="-c client_min_messages=warning" psql -q -X -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
keys=$(psql -X -At -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION jobreg" -c "
	SELECT DISTINCT CASE d.classid
		WHEN 'pg_proc'::regclass THEN (SELECT proname FROM pg_proc WHERE oid = d.objid)
		WHEN 'pg_type'::regclass THEN format_type(d.objid, NULL)
		WHEN 'pg_class'::regclass THEN (SELECT relname FROM pg_class WHERE oid = d.objid)
		WHEN 'pg_collation'::regclass THEN (SELECT collname FROM pg_collation WHERE oid = d.objid)
		WHEN 'pg_opclass'::regclass THEN (SELECT opcname FROM pg_opclass WHERE oid = d.objid)
		WHEN 'pg_opfamily'::regclass THEN (SELECT opfname FROM pg_opfamily WHERE oid = d.objid)
		WHEN 'pg_operator'::regclass THEN (SELECT replace(format('%s %s %s', format_type(oprleft, NULL), oprname,
												 format_type(oprright, NULL)), 'integer', 'int')
										   FROM pg_operator WHERE oid = d.objid)
		WHEN 'pg_cast'::regclass THEN (SELECT format('CAST (%s AS %s)', format_type(castsource, NULL), format_type(casttarget, NULL))
									   FROM pg_cast WHERE oid = d.objid)
		ELSE pg_describe_object(d.classid, d.objid, 0) END
	FROM pg_depend AS d JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'jobreg'
	WHERE d.deptype = 'e' ORDER BY 1")
psql -q -X -c "DROP DATABASE $db"
# the text between backticks of every page, one piece per line
cat "$REPO"/doc/*.md | grep -o '`[^`]*`' >"$REPO/results/doc-pieces.txt" || true
missing=0 total=0
while IFS= read -r key; do
	total=$((total + 1))
	if ! grep -qwF -- "$key" "$REPO/results/doc-pieces.txt"; then
		echo "no doc entry: $key"
		missing=$((missing + 1))
	fi
done <<<"$keys"
echo "jobreg: doc coverage: $total objects, $missing without a doc entry"
[ $missing -eq 0 ]
