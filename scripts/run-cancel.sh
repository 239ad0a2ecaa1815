#!/usr/bin/env bash
# scripts/run-cancel.sh: every function of jobreg that runs long inside one
# call (not between rows, where the executor checks for interrupts itself)
# gives way to a cancel and to a terminate.
#
# Per case, session A runs
#   SELECT nextval('done_s')
#   FROM (SELECT big, nextval('started_s') FROM cancel_case OFFSET 0) x
#   WHERE f(x.big) IS NOT NULL
# The subquery with OFFSET 0 and the volatile nextval makes A mark started_s,
# call f and mark done_s, in that order, with no interrupt check of the
# executor between the marks and the call: if f does not check for
# interrupts it runs to the end and done_s is marked before the executor
# looks at the cancel.  The subquery hands f its input already detoasted
# (ARRAY[big])[1], big[1:42], h || ''), before the mark: reading a long
# toasted value steps through the toast index, which checks for interrupts,
# and would take the cancel before f's own loops are reached.  Session B (cancel_when_started below) polls, a
# bounded number of times, until started_s is marked and, if done_s is not
# marked yet, sends pg_cancel_backend (pg_terminate_backend in the second
# round).  The case passes when A ended with SQLSTATE 57014 (57P01) and
# done_s was never marked.  The inputs take f from several seconds to
# minutes, so the signal arrives while f runs; should f have ended before B
# could send it ("late", which says nothing about f), the case is run again,
# at most 3 times.  No pass criterion depends on elapsed time.
#
# Uses the cluster in PGHOST/PGPORT when one answers (as inside
# scripts/run-tests.sh); otherwise starts its own throwaway cluster.
# Prints one line per case and a count; exits non-zero on any failure.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)

OWN_CLUSTER=
if ! psql -X -q -c "SELECT 1" >/dev/null 2>&1; then
	source "$REPO/scripts/cluster.sh"
	ensure_deps
	build_and_install
	start_cluster >/dev/null
	OWN_CLUSTER=1
fi

DB=jobreg_cancel_$$
OUT=$(mktemp -d)
chmod 755 "$OUT"
cleanup() {
	local rc=$?
	rm -rf "$OUT"
	psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
	if [ -n "$OWN_CLUSTER" ]; then stop_cluster; fi
	exit $rc
}
trap cleanup EXIT

psql -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<'SQL'
CREATE EXTENSION jobreg;
SET max_parallel_workers_per_gather = 0;
CREATE SEQUENCE started_s;
CREATE SEQUENCE done_s;

-- session B: wait (a bounded number of polls) until A has started f on its
-- last row, then signal A unless f has already returned
CREATE FUNCTION cancel_when_started(how text, session_a text, last_row int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	target int;
	sent bool;
BEGIN
	FOR poll IN 1..200000 LOOP
		IF (SELECT is_called AND last_value >= last_row FROM started_s) THEN
			SELECT pid INTO target FROM pg_stat_activity WHERE application_name = session_a;
			SELECT CASE WHEN (SELECT is_called AND last_value >= last_row FROM done_s) THEN NULL
						WHEN how = 'cancel' THEN pg_cancel_backend(target)
						ELSE pg_terminate_backend(target) END INTO sent;
			RETURN CASE WHEN sent IS NULL THEN 'late' WHEN sent THEN 'sent' ELSE 'no backend' END;
		END IF;
		PERFORM pg_sleep(0.002);
	END LOOP;
	RETURN 'never started';
END $$;

-- the inputs, in tables so that nothing is computed at plan time
-- logrank_final: 1,000 groups (the most allowed), 400,000 distinct event times
CREATE AGGREGATE logrank_state_of(float8, bool, text) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, COMBINEFUNC = logrank_combine);
CREATE TABLE cancel_logrank AS
SELECT logrank_state_of(i / 1000 + (i % 1000) * 1e-4, true, (i % 1000)::text) AS big
FROM generate_series(1, 400000) i;
-- cuminc_table: 1,000 causes at 9,000 times, 9 million rows (the most allowed: 10 million)
CREATE TABLE cancel_cuminc AS SELECT cuminc(i, i % 1000 + 1) AS big FROM generate_series(1, 9000) i;
-- surv_svg: 42 curves of 250,000 steps
CREATE TABLE cancel_svg AS
SELECT array_fill(survival(i, true), ARRAY[42]) AS big FROM generate_series(1, 250000) i;
-- dream_weekline: a header and a line of 50 million fields (100 MB each)
-- (twice: on the second row the header is parsed already, and only the loop
-- over the line's fields can take the cancel)
CREATE TABLE cancel_dream (h text, l text);
ALTER TABLE cancel_dream ALTER h SET STORAGE EXTERNAL, ALTER l SET STORAGE EXTERNAL;
INSERT INTO cancel_dream SELECT 'pnr;y_1501;' || repeat('x;', 50000000) || 'x', '1;1101;' || repeat(';', 50000000)
FROM generate_series(1, 2);
SQL

# name | the row whose call is signalled | session A's query
CASES=$(cat <<'EOF'
logrank_final|1|SELECT nextval('done_s') FROM (SELECT (ARRAY[big])[1] AS big, nextval('started_s') FROM cancel_logrank OFFSET 0) x WHERE logrank_final(x.big) IS NOT NULL;
cuminc_table|1|SELECT nextval('done_s') FROM (SELECT cuminc_table(x.big) FROM (SELECT (ARRAY[big])[1] AS big, nextval('started_s') FROM cancel_cuminc OFFSET 0) x LIMIT 1) y;
surv_svg|1|SELECT nextval('done_s') FROM (SELECT big[1:42] AS big, nextval('started_s') FROM cancel_svg OFFSET 0) x WHERE surv_svg(x.big, array_fill('x'::text, ARRAY[42])) IS NOT NULL;
dream_weekline|1|SELECT nextval('done_s') FROM (SELECT h || '' AS h, l || '' AS l, nextval('started_s') FROM cancel_dream OFFSET 0 LIMIT 1) x WHERE dream_weekline(x.h, x.l) IS NOT NULL;
dream_weekline, header known|2|SELECT nextval('done_s') FROM (SELECT h || '' AS h, l || '' AS l, nextval('started_s') FROM cancel_dream OFFSET 0) x WHERE dream_weekline(x.h, x.l) IS NOT NULL;
EOF
)

# run_case NAME HOW ROW QUERY: prints the case's line; returns non-zero on failure
run_case() {
	local name=$1 how=$2 row=$3 query=$4 want attempt sent rc done
	[ "$how" = cancel ] && want=57014 || want=57P01
	for attempt in 1 2 3; do
		psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "ALTER SEQUENCE started_s RESTART; ALTER SEQUENCE done_s RESTART"
		# a name of its own: the backend of the previous case may still be exiting
		local appname="jobreg_cancel_${name// /}_${how}_$attempt"
		PGAPPNAME=$appname psql -X -q -d "$DB" >"$OUT/a.out" 2>&1 <<SQL &
SET max_parallel_workers_per_gather = 0;
SET jit = off;
\set VERBOSITY sqlstate
$query
SQL
		local apid=$!
		sent=$(psql -X -q -At -d "$DB" -c "SELECT cancel_when_started('$how', '$appname', $row)")
		rc=0
		wait $apid || rc=$?
		done=$(psql -X -q -At -d "$DB" -c "SELECT is_called AND last_value >= $row FROM done_s")
		if [ "$sent" = late ] && [ $attempt -lt 3 ]; then
			echo "note   $how $name: returned before the signal was sent; again"
			continue
		fi
		break
	done
	if [ "$sent" = sent ] && [ "$done" = f ] && grep -q "$want" "$OUT/a.out"; then
		echo "ok     $how $name: $want, f did not return"
		return 0
	fi
	echo "FAILED $how $name: signal $sent, f returned: $done, session A (exit $rc): $(tr '\n' ' ' <"$OUT/a.out")"
	return 1
}

passed=0
failed=0
for how in cancel terminate; do
	while IFS='|' read -r name row query; do
		if run_case "$name" "$how" "$row" "$query"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	done <<<"$CASES"
done
echo "jobreg: cancel test: $passed of $((passed + failed)) cases passed"
[ $failed -eq 0 ]
