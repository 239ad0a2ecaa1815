#!/usr/bin/env bash
# scripts/run-concurrency.sh: the BI views under load while the nightly
# refresh loops (issue 8, item 6).
#
# A throwaway cluster, a synthetic register (CONC_SCALE, default 0.05) and the
# BI layer (bi/install.sql); then pgbench runs BI view queries with
# CONC_CLIENTS clients (default 8) for CONC_SECONDS seconds (default 60), at
# CONC_RATE transactions a second in all (default 10: dashboards, not a tight
# loop, so that the machine has room for the refresh), while
# bi/nightly-refresh.sh refreshes every rollup CONCURRENTLY, again and again.
# A checker samples the views' figures every few seconds.  Fails unless
# pgbench reports no failed transactions and no aborted client, at least
# CONC_MIN_REFRESHES runs of the nightly script (default 1: every rollup
# replaced at least once) finished during the run, and the
# figures before, during (every sample) and after the run are identical (the
# register does not change, so neither may the views).
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

clients=${CONC_CLIENTS:-8}
seconds=${CONC_SECONDS:-60}
rate=${CONC_RATE:-10}
scale=${CONC_SCALE:-0.05}
min_refreshes=${CONC_MIN_REFRESHES:-1}
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

# A digest of the views' figures: with "all", every year view for the klynger
# and the whole country and every quarter view for the kommuner in 2015; else
# (the samples taken during the run) the year views only.
digest() {
	local v q=""
	for v in fuldtidspersoner aktivering overlevelse anciennitet; do
		q="$q${q:+ UNION ALL }SELECT v::text FROM bi.${v}_aar AS v WHERE niveau IN ('klynge', 'hele landet')"
		[ "${1:-}" = all ] && q="$q UNION ALL SELECT v::text FROM bi.${v}_kvartal AS v WHERE niveau = 'kommune' AND aar = 2015"
	done
	psql -X -At -v ON_ERROR_STOP=1 -c "SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM ($q) AS x (t)"
}
before=$(digest all)
before_sample=$(digest)

# The nightly refresh, in a loop until told to stop; each finished refresh is one line.
stop=$WORK/stop
: >"$WORK/refreshes"
(
	while [ ! -e "$stop" ]; do
		if bash bi/nightly-refresh.sh >>"$WORK/refresh.log" 2>&1; then
			echo done >>"$WORK/refreshes"
		else
			echo failed >>"$WORK/refreshes"
			break
		fi
	done
) &
refresher=$!

# The checker: digests, one after the other, while pgbench runs.
(
	while [ ! -e "$stop" ]; do
		digest >>"$WORK/samples" || echo "error" >>"$WORK/samples"
		sleep 1
	done
) &
checker=$!

echo "jobreg: pgbench, $clients clients for $seconds s at $rate transactions/s in all, while the nightly refresh loops"
set +e
"$pgbench" -n -c "$clients" -j "$clients" -T "$seconds" -R "$rate" -f "$WORK/bi-queries.sql" >"$WORK/pgbench.out" 2>&1
pgbench_status=$?
set -e
refreshes_during=$(grep -c '^done$' "$WORK/refreshes" || true)
statements_during=$(grep -c '^bi-refresh: bi\.' "$WORK/refresh.log" || true)
touch "$stop"
wait "$checker" "$refresher" || true
after=$(digest all)

cat "$WORK/pgbench.out" | grep -E '^(number of|latency average|rate limit|tps)' || true
transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out")
aborted=$(grep -c 'aborted' "$WORK/pgbench.out" || true)
samples=$(wc -l <"$WORK/samples")
bad_samples=$(grep -cv "^$before_sample\$" "$WORK/samples" || true)
refresh_failures=$(grep -c '^failed$' "$WORK/refreshes" || true)
grep 'bi-refresh: bi\.' "$WORK/refresh.log" | sed 's/^bi-refresh: //' | awk '{t[$1] += $3; n[$1]++} END {for (v in t) printf "  %s: %d refreshes, mean %.1f s\n", v, n[v], t[v] / n[v]}' | sort

echo "jobreg: concurrency: $clients clients, $seconds s, ${transactions:-?} transactions (${tps:-?} tps), ${failed:-?} failed, $aborted aborted;" \
	"$refreshes_during nightly runs and $statements_during REFRESH … CONCURRENTLY finished during the run ($refresh_failures failed);" \
	"$samples samples of the figures, $bad_samples differing"

status=0
if [ "$pgbench_status" -ne 0 ] || [ "${failed:-1}" != 0 ] || [ "$aborted" != 0 ] || [ -z "$transactions" ]; then
	echo "jobreg: pgbench had errors (exit status $pgbench_status)" >&2
	tail -n 20 "$WORK/pgbench.out" >&2
	status=1
fi
if [ "$refresh_failures" != 0 ]; then
	echo "jobreg: a refresh failed" >&2
	tail -n 20 "$WORK/refresh.log" >&2
	status=1
fi
if [ "$refreshes_during" -lt "$min_refreshes" ]; then
	echo "jobreg: only $refreshes_during refreshes finished during the run (at least $min_refreshes wanted)" >&2
	status=1
fi
if [ "$bad_samples" != 0 ] || [ "$samples" -eq 0 ] || [ "$after" != "$before" ]; then
	echo "jobreg: the views' figures changed during or after the run" >&2
	status=1
fi
[ $status -eq 0 ] && echo "jobreg: concurrency check passed"
exit $status
