#!/usr/bin/env bash
# The demo command (`make demo`): a throwaway cluster, CREATE EXTENSION jobreg, and demo/*.sql in order.
# DEMO_SCALE (default 1, the whole country) and DEMO_SEED (default 1) choose the synthetic register;
# DEMO_OUT (default demo-output/ in the repository) is where the figures are written as SVG.
# An SQL error stops the demo with a non-zero exit; figures outside the calibration
# tolerance are reported by demo/99_opsummering.sql, not errors.
# a throwaway cluster: no WAL beyond what crash recovery needs (tables loaded in one go)
PG_SERVER_OPTS="-c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=256MB -c wal_level=minimal -c max_wal_senders=0 ${PG_SERVER_OPTS:-}"
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

mkdir -p "${DEMO_OUT:=$REPO/demo-output}"
DEMO_OUT=$(cd "$DEMO_OUT" && pwd)
seconds_since() { local ms=$(($(date +%s%3N) - $1)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION jobreg"
start=$(date +%s%3N)
for f in "$REPO"/demo/*.sql; do
	echo
	echo "=== ${f#$REPO/} ==="
	t0=$(date +%s%3N)
	psql -X -q -v ON_ERROR_STOP=1 -v scale="${DEMO_SCALE:-1}" -v seed="${DEMO_SEED:-1}" -v outdir="$DEMO_OUT" -f "$f"
	echo "(${f#$REPO/}: $(seconds_since "$t0") s)"
done
echo
echo "jobreg demo: scale ${DEMO_SCALE:-1}, demo/*.sql in $(seconds_since "$start") s; figures in $DEMO_OUT"
