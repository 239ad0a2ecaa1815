#!/usr/bin/env bash
# The whole pg_regress suite against jobreg built with UndefinedBehaviorSanitizer,
# loaded into the stock Debian server.  Fails on any sanitizer report.
#
# AddressSanitizer cannot run inside the stock server here: its runtime must be
# preloaded, and with it preloaded glibc 2.36's bindtextdomain deadlocks at
# server start.  The parsers run under AddressSanitizer in the fuzz harnesses
# instead, where every palloc is a separate malloc and so is checked exactly.
REPO=$(cd "$(dirname "$0")/.." && pwd)
make -C "$REPO" -s clean
export PG_CFLAGS="-Werror -fsanitize=undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
REPORTS=$(mktemp -d /tmp/jobreg-san.XXXXXX)
chmod 777 "$REPORTS"
SERVER_ENV="UBSAN_OPTIONS=print_stacktrace=1:log_path=$REPORTS/ubsan"
source "$REPO/scripts/cluster.sh"
ensure_deps
build_and_install
start_cluster

status=0
make -C "$REPO" -s installcheck || status=1
if ls "$REPORTS"/* >/dev/null 2>&1; then
	echo "jobreg: sanitizer reports:" >&2
	cat "$REPORTS"/* >&2
	status=1
fi
if grep -E "runtime error:" "$WORK/server.log" >&2; then status=1; fi
make -C "$REPO" -s clean
rm -rf "$REPORTS"
[ $status -eq 0 ] && echo "jobreg: regression suite clean under UBSan"
exit $status
