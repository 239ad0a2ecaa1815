#!/usr/bin/env bash
# scripts/run-memory-check.sh: the aggregates' memory grows with the number of
# distinct values, not with the number of rows.
#
# Each aggregate runs over 10 and 100 million rows made by generate_series in
# the select list (streamed: no table, no temporary files), with few and with
# many distinct values, each run in a fresh backend without parallel workers
# or JIT.
# The figure is the backend's peak resident memory (VmHWM of
# /proc/self/status, read by the backend itself) above what it held before
# the query, in kB, once jobreg is loaded.  MEMORY_ROWS_SMALL and MEMORY_ROWS_LARGE change the row
# counts.  Fails when 100 million rows take more than 10 % (and 1 MB) more
# than 10 million rows with the same distinct values, or when a state too big
# to store is anything but error 54000.  Takes several minutes.
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster
psql -q -X -v ON_ERROR_STOP=1 -c "CREATE DATABASE jobreg_memory"
psql -q -X -v ON_ERROR_STOP=1 -d jobreg_memory -c "CREATE EXTENSION jobreg"

# name | distinct values | the aggregate over the rows i (@D@: the distinct values),
# with a reader where the state is the result, so that it is also flattened
CASES="
count (the floor)|1|count(i % @D@)
survival|520|surv_median(survival(i % @D@, i % 3 > 0))
survival|100000|surv_median(survival(i % @D@ + 0.5, i % 3 > 0))
cuminc|520|cuminc_at(cuminc(i % @D@, i % 4), 1, 10)
cuminc|100000|cuminc_at(cuminc(i % @D@ + 0.5, i % 4), 1, 10)
fuldtidspersoner|90|fuldtidspersoner(daterange(date '2015-01-01' + i % @D@, NULL), '[2015-01-01,2015-04-01)')
anciennitet_fordeling|1000|anciennitet_fordeling(i % @D@)
klynge_benchmark|98|klynge_benchmark(100 + i % @D@, i % 10, 10, 101, 'lower')
klynge_benchmark|900|klynge_benchmark(100 + i % @D@, i % 10, 10, 101, 'lower')
prop_test|4|prop_test(i % 3 = 0, i % 2 = 0)
"

# peak_kb <rows> <distinct> <aggregate>: kB above the fresh backend's own peak
peak_kb() {
	local agg=${3//@D@/$2}
	psql -X -q -A -t -v ON_ERROR_STOP=1 -d jobreg_memory <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;		-- LLVM's libraries would count in the peak, more for bigger plans
SELECT '2000-W01'::isoweek \\g /dev/null
SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s+(\\d+)')::int AS before \\gset
SELECT $agg IS NOT NULL FROM (SELECT generate_series(1, $1) AS i) AS g \\g /dev/null
SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s+(\\d+)')::int - :before;
SQL
}

SMALL=${MEMORY_ROWS_SMALL:-10000000}
LARGE=${MEMORY_ROWS_LARGE:-100000000}
load=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d jobreg_memory <<SQL
SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s+(\\d+)')::int AS before \\gset
SELECT '2000-W01'::isoweek \\g /dev/null
SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s+(\\d+)')::int - :before;
SQL
)
echo "jobreg: loading jobreg (and ICU) into a backend: $load kB, not counted below"
status=0
printf '%-22s %9s %14s %14s %9s\n' aggregate distinct "$SMALL rows" "$LARGE rows" seconds
while IFS='|' read -r name distinct agg; do
	[ -n "$name" ] || continue
	start=$SECONDS
	small=$(peak_kb "$SMALL" "$distinct" "$agg")
	large=$(peak_kb "$LARGE" "$distinct" "$agg")
	printf '%-22s %9s %14s %14s %9s\n' "$name" "$distinct" "$small" "$large" $((SECONDS - start))
	if [ "$large" -gt $((small + small / 10)) ] && [ "$large" -gt $((small + 1024)) ]; then
		echo "jobreg: $name uses more memory with more rows" >&2
		status=1
	fi
done <<< "$CASES"
if [ $status -eq 0 ]; then echo "jobreg: memory grows with distinct values, not with rows"; fi

# A state whose stored form would pass one allocation (1 GB) is error 54000,
# not an internal error: 23 million distinct times (needs 2.5 GB and a minute).
for agg in "surv_median(survival(i + 0.5, true))" "logrank(i + 0.5, true, (i % 2)::text)"; do
	got=$(psql -X -q -d jobreg_memory -v VERBOSITY=sqlstate 2>&1 <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SELECT $agg IS NULL FROM (SELECT generate_series(1, 23000000) AS i) AS g;
SQL
) || true
	if [ "$got" = "ERROR:  54000" ]; then
		echo "jobreg: $agg over 23 million distinct times: SQLSTATE 54000"
	else
		echo "jobreg: $agg over 23 million distinct times gave: $got" >&2
		status=1
	fi
done
exit $status
