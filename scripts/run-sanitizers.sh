#!/usr/bin/env bash
# The whole regression suite (pg_regress, the synthetic register's suite,
# pgTAP) against jobreg and jobreg_synth built with AddressSanitizer and
# UndefinedBehaviorSanitizer, loaded into the stock Debian server with
# libasan preloaded.  Fails on any sanitizer report.
#
# The stock server allocates with palloc from malloc'd blocks of 8 kB and
# more: AddressSanitizer sees overruns of those blocks, of large
# allocations (which get a block each), of the stack and of globals, not an
# overrun from one small palloc chunk into its neighbour in the same block
# (the fuzz harnesses, where every palloc is a malloc, cover the parsers
# exactly).
#
# Built in a copy of the source tree: the developer's own build and results/ stay.
SRC=$(cd "$(dirname "$0")/.." && pwd)
unset JOBREG_PRIV		# a build of its own
JOBREG_RUN_DIR=$(mktemp -d /tmp/jobreg-run.XXXXXX)	# becomes $WORK
mkdir "$JOBREG_RUN_DIR/src"
tar -C "$SRC" --exclude=./.git --exclude=./results -cf - . | tar -C "$JOBREG_RUN_DIR/src" -xf -
source "$JOBREG_RUN_DIR/src/scripts/cluster.sh"	# REPO is the copy
make -C "$REPO" -s clean
make -C "$REPO/synth" -s clean
export PG_CFLAGS="-Werror -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
REPORTS=$JOBREG_RUN_DIR/reports
mkdir "$REPORTS"
chmod 777 "$REPORTS"
ensure_deps
build_and_install

# libasan first (it must come first among the libraries), then the shim that
# starts it before glibc's gettext lock is taken (see asan-preload.c).
LIBASAN=$(readlink -f "$(gcc -print-file-name=libasan.so)")
gcc -shared -fPIC -O1 -o "$WORK/asan-preload.so" "$REPO/scripts/asan-preload.c"
SERVER_ENV="LD_PRELOAD=$LIBASAN:$WORK/asan-preload.so"
SERVER_ENV+=" ASAN_OPTIONS=detect_leaks=0:log_path=$REPORTS/asan"
SERVER_ENV+=" UBSAN_OPTIONS=print_stacktrace=1:log_path=$REPORTS/ubsan"
start_cluster
# the server really runs with AddressSanitizer
grep -q libasan "/proc/$(head -n 1 "$WORK/data/postmaster.pid")/maps" \
	|| { echo "jobreg: the server did not load libasan" >&2; exit 1; }

status=0
regression_suites || status=1
if ls "$REPORTS"/* >/dev/null 2>&1; then
	echo "jobreg: sanitizer reports:" >&2
	cat "$REPORTS"/* >&2
	status=1
fi
if grep -E "runtime error:|AddressSanitizer" "$WORK/server.log" >&2; then status=1; fi
[ $status -eq 0 ] && echo "jobreg: regression suites clean under AddressSanitizer and UBSan"
exit $status
