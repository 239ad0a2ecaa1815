#!/usr/bin/env bash
# The sharded check: jobreg on PostgreSQL's own distributed machinery.  Three
# shards and a coordinator, each a throwaway server on a private unix socket,
# joined by postgres_fdw (server option `extensions 'jobreg'`).  Each shard gets
# scripts/sharded-shard.sql; scripts/sharded-check.sql then builds, on the
# coordinator, tables hash-partitioned by person across the shards, shows with
# EXPLAIN VERBOSE what runs where, and fails when any two-level answer differs
# from the same query on a single node holding all rows.  `-v persons=N` style
# psql options can be passed as arguments (default 30,000 persons).
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster
[ -f "$PRIV/usr/share/postgresql/$PG_MAJOR/extension/postgres_fdw.control" ] \
	|| { echo "jobreg: postgres_fdw is missing from the server tree (Debian's postgresql-$PG_MAJOR has it)" >&2; exit 1; }

shards=()
for i in 1 2 3; do
	start_server "$WORK/shard$i" $((PGPORT + i))
	psql -X -q -h "$WORK/shard$i/socket" -p $((PGPORT + i)) -f "$REPO/scripts/sharded-shard.sql"
	shards+=(-v "shard${i}_host=$WORK/shard$i/socket" -v "shard${i}_port=$((PGPORT + i))")
done
echo "jobreg: 3 shards on ports $((PGPORT + 1))-$((PGPORT + 3)), coordinator on $PGPORT"
psql -X -q -v ON_ERROR_STOP=1 "${shards[@]}" "$@" -f "$REPO/scripts/sharded-check.sql"
