#!/usr/bin/env bash
# The demo command (`make demo`): a throwaway cluster, CREATE EXTENSION jobreg, and demo/*.sql in order.
# DEMO_SCALE (default 1, the whole country) and DEMO_SEED (default 1) choose the synthetic register.
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION jobreg"
for f in "$REPO"/demo/*.sql; do
	echo
	echo "=== ${f#$REPO/} ==="
	psql -X -v ON_ERROR_STOP=1 -v scale="${DEMO_SCALE:-1}" -v seed="${DEMO_SEED:-1}" -f "$f"
done
