#!/usr/bin/env bash
# The benchmark command (`make bench`): every bench/*.sql in order on a throwaway
# cluster.  Each benchmark measures jobreg beside the plain-SQL way and the scan
# floor in the same run and prints the ratios; BENCH=name runs one of them.
PG_SERVER_OPTS="-c shared_buffers=2GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 ${PG_SERVER_OPTS:-}"
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION jobreg"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -m); $(psql -X -At -c 'SELECT version()')"
for f in "$REPO"/bench/${BENCH:-*}.sql; do
	echo
	echo "=== ${f#$REPO/} ==="
	psql -X -v ON_ERROR_STOP=1 -f "$f"
done
