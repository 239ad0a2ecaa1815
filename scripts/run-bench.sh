#!/usr/bin/env bash
# The benchmark command (`make bench`): every bench/*.sql in order on a throwaway
# cluster.  Each benchmark measures jobreg beside the plain-SQL way and the scan
# floor in the same run and prints the ratios; BENCH=name runs one of them.
# BENCH_ARGS are passed to psql, e.g. BENCH_ARGS="-v scale=0.1" for a tenth of
# the national register.  The load average is printed before and after each
# benchmark: on a machine shared with other work, times are longer and
# parallel speedups smaller than on a quiet one.
PG_SERVER_OPTS="-c shared_buffers=2GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 ${PG_SERVER_OPTS:-}"
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION jobreg"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -m); $(psql -X -At -c 'SELECT version()')"
echo "jobreg: commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet HEAD 2>/dev/null || echo ', with uncommitted changes')"
echo "settings: $(psql -X -At -c "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ' ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'max_parallel_workers', 'jit', 'hash_mem_multiplier')")"
for f in "$REPO"/bench/${BENCH:-*}.sql; do
	echo
	echo "=== ${f#$REPO/} ==="
	echo "start: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
	start=$SECONDS
	psql -X -v ON_ERROR_STOP=1 ${BENCH_ARGS:-} -f "$f"
	echo "end: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $((SECONDS - start)) s"
done
