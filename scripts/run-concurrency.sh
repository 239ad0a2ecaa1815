#!/usr/bin/env bash
# scripts/run-concurrency.sh: the BI views under load while the nightly
# refresh runs.
#
# A throwaway cluster, a synthetic register (CONC_SCALE, default 0.05) and the
# BI layer (bi/install.sql); then, at the same time:
#  - the refresher runs bi/nightly-refresh.sh (every rollup refreshed
#    CONCURRENTLY) CONC_CYCLES times (default 2), and more times, up to
#    CONC_MAX_CYCLES (default 10), until the checker has a proven sample;
#  - pgbench runs the BI tools' queries with CONC_CLIENTS clients (default 8),
#    CONC_TX transactions per client and run (default 5), run after run until
#    the refresher is done;
#  - the checker takes samples of the views' figures, one after the other.  A
#    sample is proven to lie inside a refresh when the same REFRESH statement
#    (backend and start time in pg_stat_activity) is running just before and
#    just after it.
# Nothing here depends on how long anything takes: the check passes on what
# it counts.  It fails unless pgbench ran at least one transaction, none
# failed and no client aborted; every refresh run finished; at least one
# sample was proven to lie inside a refresh; and the figures before, during
# (every sample) and after are identical (the register does not change, so
# neither may the views).
#
# With CONC_MODE=incremental the refresher applies deliveries of changed
# weeklines instead (BI_DELIVERY, bi.rollups_opdater): in each cycle one
# that changes 10 % of the persons and one that gives them their weeklines
# back.  Every sample must then show the figures from before or those after
# the first delivery (taken beforehand, in a transaction rolled back), never
# a mix, and at least one sample proven inside an update; the figures after
# the run are those from before.
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

clients=${CONC_CLIENTS:-8}
tx=${CONC_TX:-5}
scale=${CONC_SCALE:-0.05}
cycles=${CONC_CYCLES:-2}
max_cycles=${CONC_MAX_CYCLES:-10}
mode=${CONC_MODE:-rebuild}
pgbench=$PRIV_BINDIR/pgbench
[ -x "$pgbench" ] || pgbench=$(command -v pgbench)
cd "$REPO"

psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION jobreg"
echo "jobreg: loading a register at scale $scale and creating the BI layer"
psql -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -f demo/01_register.sql >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -f bi/install.sql
psql -X -q -v ON_ERROR_STOP=1 -c "ANALYZE"

# What BI tools ask: one kommune's quarters, the klynger by year, a year's
# survival by kommune, the country's anciennitet and the population shares.
cat >"$WORK/bi-queries.sql" <<'SQL'
\set kommune random(0, 97)
\set aar random(2014, 2024)
SELECT aar, kvartal, personer, fuldtidspersoner, andel_af_befolkningen
FROM bi.fuldtidspersoner_kvartal
WHERE niveau = 'kommune' AND omraade = (SELECT navn FROM kommune ORDER BY kode OFFSET :kommune LIMIT 1)
  AND maalgruppe = 'aktivitetsparate' AND aldersgruppe = '30+'
ORDER BY aar, kvartal;
SELECT omraade, maalgruppe, aar, aktiveringsgrad, andel_aktiveringsberoerte, virksomhedsrettet_andel
FROM bi.aktivering_aar WHERE niveau = 'klynge' AND aldersgruppe = 'i alt' ORDER BY 1, 2, 3;
SELECT omraade, nye_forloeb, andel_efter_52_uger, median_uger
FROM bi.overlevelse_aar
WHERE niveau = 'kommune' AND maalgruppe = 'aktivitetsparate' AND aldersgruppe = 'i alt' AND aar = :aar
ORDER BY omraade;
SELECT maalgruppe, kvartal, personer, gennemsnit_aar, andel_over_2_aar, andel_over_5_aar
FROM bi.anciennitet_kvartal WHERE niveau = 'hele landet' AND aldersgruppe = 'i alt' AND aar = :aar
ORDER BY 1, 2;
SELECT omraade, maalgruppe, fuldtidspersoner, andel_af_befolkningen
FROM bi.fuldtidspersoner_aar WHERE niveau IN ('region', 'hele landet') AND aldersgruppe = '30+' AND aar = :aar
ORDER BY 1, 2;
SQL

# The query of a digest of the views' figures: with "all", every year view for
# the klynger and the whole country and every quarter view for the kommuner in
# 2015; else (the samples taken during the run) the year views only.
digest_query() {
	local v q=""
	for v in fuldtidspersoner aktivering overlevelse anciennitet; do
		q="$q${q:+ UNION ALL }SELECT v::text FROM bi.${v}_aar AS v WHERE niveau IN ('klynge', 'hele landet')"
		[ "${1:-}" = all ] && q="$q UNION ALL SELECT v::text FROM bi.${v}_kvartal AS v WHERE niveau = 'kommune' AND aar = 2015"
	done
	echo "SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM ($q) AS x (t)"
}
before=$(psql -X -At -v ON_ERROR_STOP=1 -c "$(digest_query all)")
before_sample=$(psql -X -At -v ON_ERROR_STOP=1 -c "$(digest_query)")
if [ "$mode" = incremental ]; then
	# a delivery for 10 % of the persons (each gets the next person's weekline,
	# some none; big enough that a sample can lie inside its update) and one that
	# gives them their own back; the figures after the first
	psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE conc_levering AS
SELECT p.pnr, CASE WHEN p.pnr % 7 = 0 THEN NULL
				   ELSE (SELECT d2.uger FROM register.dream AS d2 WHERE d2.pnr > p.pnr ORDER BY d2.pnr LIMIT 1) END AS uger
FROM register.dream AS p WHERE p.pnr % 10 = 4;
CREATE TABLE conc_tilbage AS SELECT d.pnr, d.uger FROM register.dream AS d JOIN conc_levering USING (pnr);
SQL
	delivered_sample=$(psql -X -q -At -v ON_ERROR_STOP=1 -c "BEGIN" -c "SELECT FROM bi.rollups_opdater('conc_levering')" \
		-c "$(digest_query)" -c "ROLLBACK" | grep -E '^[0-9a-f]{32}$')
	[ -n "$delivered_sample" ] && [ "$delivered_sample" != "$before_sample" ] ||
		{ echo "jobreg: the delivery changes no figure" >&2; exit 1; }
fi

# The REFRESH statements running now, as backend:start (each -c below is its
# own transaction, so each reads pg_stat_activity afresh).
running="SELECT coalesce(string_agg(pid || ':' || query_start, ',' ORDER BY pid), '') FROM pg_stat_activity
		 WHERE state = 'active' AND pid <> pg_backend_pid()
		   AND (query ILIKE 'REFRESH MATERIALIZED VIEW%' OR query ILIKE 'SELECT%bi.rollups_%')"
sample_query=$(digest_query)

stop=$WORK/stop
: >"$WORK/refreshes"
: >"$WORK/samples"
: >"$WORK/pgbench.out"

# The refresher: CONC_CYCLES runs, then more until a sample is proven (at most
# CONC_MAX_CYCLES); each finished run is one line "done".
(
	n=0
	while [ $n -lt "$max_cycles" ]; do
		if [ $n -ge "$cycles" ] && grep -q ' proven$' "$WORK/samples"; then break; fi
		n=$((n + 1))
		if [ "$mode" = incremental ]; then
			BI_DELIVERY=conc_levering bash bi/nightly-refresh.sh >>"$WORK/refresh.log" 2>&1 &&
				BI_DELIVERY=conc_tilbage bash bi/nightly-refresh.sh >>"$WORK/refresh.log" 2>&1
		else
			bash bi/nightly-refresh.sh >>"$WORK/refresh.log" 2>&1
		fi
		if [ $? -eq 0 ]; then
			echo done >>"$WORK/refreshes"
		else
			echo failed >>"$WORK/refreshes"
			break
		fi
	done
	touch "$stop"
) &
refresher=$!

# The checker: "<digest> proven" when the same refresh ran before and after.
(
	while [ ! -e "$stop" ]; do
		if out=$(PGOPTIONS="-c jit=off" psql -X -At -v ON_ERROR_STOP=1 -c "$running" -c "$sample_query" -c "$running" 2>&1); then
			mapfile -t lines <<<"$out"
			if [ -n "${lines[0]:-}" ] && [ "${lines[0]}" = "${lines[2]:-}" ]; then
				echo "${lines[1]} proven"
			else
				echo "${lines[1]} unproven"
			fi
		else
			echo "error $out"
		fi >>"$WORK/samples"
	done
) &
checker=$!

# pgbench, run after run, until the refresher is done.
runs=0
pgbench_failures=0
while [ ! -e "$stop" ]; do
	runs=$((runs + 1))
	"$pgbench" -n -c "$clients" -j "$clients" -t "$tx" -f "$WORK/bi-queries.sql" >"$WORK/pgbench.run" 2>&1 \
		|| pgbench_failures=$((pgbench_failures + 1))
	cat "$WORK/pgbench.run" >>"$WORK/pgbench.out"
done
wait "$refresher" "$checker" || true
after=$(psql -X -At -v ON_ERROR_STOP=1 -c "$(digest_query all)")

transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.out" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out" | awk '{s += $1} END {print s + 0}')
aborted=$(grep -c 'aborted' "$WORK/pgbench.out" || true)
refreshes=$(grep -c '^done$' "$WORK/refreshes" || true)
refresh_failures=$(grep -c '^failed$' "$WORK/refreshes" || true)
statements=$(grep -c '^bi-refresh: bi\.' "$WORK/refresh.log" || true)
samples=$(wc -l <"$WORK/samples")
proven=$(grep -c ' proven$' "$WORK/samples" || true)
bad_samples=$(grep -v "^$before_sample \(un\)\?proven\$" "$WORK/samples" | grep -cv "^${delivered_sample:-none} \(un\)\?proven\$" || true)
new_samples=$(grep -c "^${delivered_sample:-none} " "$WORK/samples" || true)
grep 'bi-refresh: bi\.' "$WORK/refresh.log" | sed 's/^bi-refresh: //' | awk '{t[$1] += $3; n[$1]++} END {for (v in t) printf "  %s: %d refreshes, mean %.1f s\n", v, n[v], t[v] / n[v]}' | sort

echo "jobreg: concurrency: $clients clients, $runs pgbench runs, $transactions transactions, $failed failed, $aborted aborted, $pgbench_failures runs with errors;" \
	"$refreshes nightly runs ($statements REFRESH … CONCURRENTLY) finished, $refresh_failures failed;" \
	"$samples samples of the figures ($new_samples after a delivery), $proven proven inside a refresh, $bad_samples differing"

status=0
if [ "$pgbench_failures" != 0 ] || [ "$failed" != 0 ] || [ "$aborted" != 0 ] || [ "$transactions" -eq 0 ]; then
	echo "jobreg: pgbench had errors or ran nothing" >&2
	tail -n 20 "$WORK/pgbench.out" >&2
	status=1
fi
if [ "$refresh_failures" != 0 ] || [ "$refreshes" -lt "$cycles" ]; then
	echo "jobreg: a refresh failed or did not run ($refreshes of at least $cycles finished)" >&2
	tail -n 20 "$WORK/refresh.log" >&2
	status=1
fi
if [ "$proven" -eq 0 ]; then
	echo "jobreg: no sample of the figures was proven to lie inside a refresh" >&2
	status=1
fi
if [ "$bad_samples" != 0 ] || [ "$after" != "$before" ]; then
	echo "jobreg: the views' figures changed during or after the run" >&2
	grep -v "^$before_sample \(un\)\?proven\$" "$WORK/samples" | grep -v "^${delivered_sample:-none} " | head -n 5 >&2
	status=1
fi
[ $status -eq 0 ] && echo "jobreg: concurrency check passed"
exit $status
