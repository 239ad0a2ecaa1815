# scripts/cluster.sh: sourced by the run-* scripts.
#
# Installs what the build and the tests need (Debian packages) when it is
# missing, builds jobreg and jobreg_synth (synth/), installs them into a
# private copy of the PostgreSQL server tree, and starts a throwaway cluster
# on a private unix socket.
# Nothing is installed into the system's PostgreSQL directories and no
# system service is used; everything is removed on exit.

set -euo pipefail

PG_MAJOR=15
PG_BINDIR=/usr/lib/postgresql/$PG_MAJOR/bin
PG_SHAREDIR=/usr/share/postgresql/$PG_MAJOR
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"
	elif command -v sudo >/dev/null; then sudo "$@"
	else echo "jobreg: need root to install missing packages: $*" >&2; exit 1
	fi
}

# Debian packages for building (server headers, ICU) and testing (pgTAP, pg_prove).
ensure_deps() {
	local missing=()
	[ -f /usr/include/postgresql/$PG_MAJOR/server/postgres.h ] || missing+=(postgresql-server-dev-$PG_MAJOR)
	[ -f /usr/include/unicode/unum.h ] || missing+=(libicu-dev)
	[ -f $PG_SHAREDIR/extension/pgtap.control ] || missing+=(postgresql-$PG_MAJOR-pgtap)
	command -v pg_prove >/dev/null || missing+=(libtap-parser-sourcehandler-pgtap-perl)
	# headless Chromium renders the SVG plots in scripts/svg-render-check.sh
	command -v chromium >/dev/null || missing+=(chromium)
	[ -x $PG_BINDIR/postgres ] || missing+=(postgresql-$PG_MAJOR)
	if [ ${#missing[@]} -gt 0 ]; then
		echo "jobreg: installing ${missing[*]}"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# The cluster runs as an ordinary user: PostgreSQL refuses to run as root.
CLUSTER_USER=$(id -un)
[ "$(id -u)" = 0 ] && CLUSTER_USER=postgres
as_cluster_user() {
	if [ "$(id -un)" = "$CLUSTER_USER" ]; then "$@"; else runuser -u "$CLUSTER_USER" -- "$@"; fi
}

# A private copy of the server tree: PostgreSQL finds its share and lib
# directories relative to its own binary, so `make install DESTDIR=...`
# into the copy is seen by the server started from the copy.
# Everything lives in $WORK, removed on exit: a new directory, or the one the
# sourcing script made and named in JOBREG_RUN_DIR (not WORK, which a user's
# environment may hold for something else).
# When JOBREG_PRIV names a tree that a caller (scripts/run-tests.sh) has
# already built and installed, it is used as it is: one build per test run.
# Scripts that need a build of their own (sanitizers, valgrind, mutants)
# unset JOBREG_PRIV first.
build_and_install() {
	WORK=${JOBREG_RUN_DIR:-$(mktemp -d /tmp/jobreg-run.XXXXXX)}
	chmod 755 "$WORK"
	trap stop_cluster EXIT
	if [ -n "${JOBREG_PRIV:-}" ]; then
		PRIV=$JOBREG_PRIV
	else
		PRIV=$WORK/root
		mkdir -p "$PRIV/usr/lib/postgresql" "$PRIV/usr/share/postgresql"
		cp -a /usr/lib/postgresql/$PG_MAJOR "$PRIV/usr/lib/postgresql/"
		cp -a $PG_SHAREDIR "$PRIV/usr/share/postgresql/"
		make -C "$REPO" -s PG_CFLAGS="${PG_CFLAGS:--Werror}" >/dev/null
		make -C "$REPO" -s install DESTDIR="$PRIV" >/dev/null
		make -C "$REPO/synth" -s PG_CFLAGS="${PG_CFLAGS:--Werror}" >/dev/null
		make -C "$REPO/synth" -s install DESTDIR="$PRIV" >/dev/null
	fi
	PRIV_BINDIR=$PRIV$PG_BINDIR
}

# start_server DIR PORT: a throwaway server with its data, socket and log under
# DIR, listening on the unix socket DIR/socket with port PORT (no TCP).
# Every server started under $WORK is stopped and removed by stop_cluster.
start_server() {
	init_server "$1"
	launch_server "$1" "$2"
}

# init_server DIR: the data directory DIR/data and the socket directory.
init_server() {
	local dir=$1
	mkdir -p "$dir/socket" "$dir/data"
	chown "$CLUSTER_USER" "$dir" "$dir/socket" "$dir/data" 2>/dev/null || true
	as_cluster_user "$PRIV_BINDIR/initdb" -D "$dir/data" -A trust -U "$CLUSTER_USER" \
		--no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
}

# launch_server DIR PORT: start the server of an initialised DIR, waiting up
# to PG_START_TIMEOUT seconds (default 600: a safety net against a server
# that never starts, far beyond what a busy machine needs, not a pass criterion).
launch_server() {
	local dir=$1 port=$2
	as_cluster_user env ${SERVER_ENV:-} "$PRIV_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
		-w -t "${PG_START_TIMEOUT:-600}" start \
		-o "-c listen_addresses='' -k $dir/socket -p $port -c fsync=off -c max_worker_processes=16 -c max_parallel_workers=8 ${PG_SERVER_OPTS:-}" >/dev/null
}

# The main cluster, in $WORK itself; psql and the tests reach it through PG*
# variables, which prepare_cluster sets together with the clean-up on exit.
prepare_cluster() {
	export PGHOST=$WORK/socket PGPORT=$((20000 + RANDOM % 20000)) PGUSER=$CLUSTER_USER PGDATABASE=postgres
	chown "$CLUSTER_USER" "$WORK" 2>/dev/null || true
}

start_cluster() {
	prepare_cluster
	start_server "$WORK" "$PGPORT"
	echo "jobreg: throwaway cluster on socket $PGHOST port $PGPORT"
}

# The regression suites on the running cluster: pg_regress (sql/) with the
# isolation tests (specs/), the synthetic register's suite (synth/sql,
# calibration at scale 0.05) and pgTAP (test/).  Each returns non-zero on a
# failure, after printing the diffs.
suite_regress() {
	make -C "$REPO" -s installcheck && return 0
	for diffs in "$REPO/regression.diffs" "$REPO/output_iso/regression.diffs"; do
		[ -f "$diffs" ] && head -n 200 "$diffs" >&2
	done
	return 1
}

suite_synth() {
	make -C "$REPO/synth" -s installcheck && return 0
	[ -f "$REPO/synth/regression.diffs" ] && head -n 200 "$REPO/synth/regression.diffs" >&2
	return 1
}

suite_tap() {
	PGOPTIONS="-c client_min_messages=warning" psql -q -X -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS jobreg_tap" -c "CREATE DATABASE jobreg_tap" \
		&& psql -q -X -v ON_ERROR_STOP=1 -d jobreg_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION jobreg;" \
		&& (cd "$REPO" && pg_prove -d jobreg_tap test/*.sql)
}

# All three; non-zero if any fails, after running all.
regression_suites() {
	local status=0
	suite_regress || status=1
	suite_synth || status=1
	suite_tap || status=1
	return $status
}

stop_cluster() {
	local rc=$? data
	if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then
		for data in "$WORK"/data "$WORK"/*/data; do
			[ -d "$data" ] || continue
			as_cluster_user "$PRIV_BINDIR/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
			if [ $rc -ne 0 ] && [ -f "$data/../server.log" ]; then
				echo "--- last lines of the server log ${data%/data}/server.log ---" >&2
				tail -n 30 "$data/../server.log" >&2
			fi
		done
		rm -rf "$WORK"
	fi
	exit $rc
}
