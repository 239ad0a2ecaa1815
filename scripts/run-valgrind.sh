#!/usr/bin/env bash
# A subset of the pg_regress suite with the server under valgrind's memcheck.
#
# The stock server is not built with USE_VALGRIND, so memcheck sees palloc'd
# chunks only as parts of malloc'd blocks: it finds reads of memory never
# written (uninitialised bytes in a result, a state or a buffer sent to the
# client) and accesses outside malloc'd blocks, not overruns inside a block
# (AddressSanitizer in the fuzz harnesses covers those for the parsers).
# PostgreSQL's own known reports (its valgrind.supp is not installed) are
# counted but not failed: the script fails on any report with a jobreg
# function in its stack.  VALGRIND_TESTS overrides the list of tests.
unset JOBREG_PRIV		# a build of its own: the server binary is wrapped
source "$(dirname "$0")/cluster.sh"
TESTS=${VALGRIND_TESTS:-isoweek weekline weekline_dream survival logrank cuminc fuldtid fuldtid_weeks aktivering anciennitet grouptest benchmark presentation bad_input}

ensure_deps
command -v valgrind >/dev/null || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
build_and_install
prepare_cluster
init_server "$WORK"
mkdir -p "$WORK/valgrind"
chown "$CLUSTER_USER" "$WORK/valgrind" 2>/dev/null || true

# the server binary becomes a wrapper that runs it under memcheck; backends
# and parallel workers are forked from it, so valgrind follows them
mv "$PRIV_BINDIR/postgres" "$PRIV_BINDIR/postgres.bin"
cat >"$PRIV_BINDIR/postgres" <<EOF
#!/bin/sh
exec valgrind --quiet --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END --num-callers=40 \\
	--log-file=$WORK/valgrind/%p.log "$PRIV_BINDIR/postgres.bin" "\$@"
EOF
chmod 755 "$PRIV_BINDIR/postgres"
PG_START_TIMEOUT=600 PG_SERVER_OPTS="-c jit=off" launch_server "$WORK" "$PGPORT"
echo "jobreg: server under valgrind on socket $PGHOST; tests: $TESTS"

status=0
make -C "$REPO" -s installcheck REGRESS="$TESTS" || status=1
as_cluster_user "$PRIV_BINDIR/pg_ctl" -D "$WORK/data" -m fast -w -t 600 stop >/dev/null

# each report is the text between the markers; a report is ours when a
# jobreg function or jobreg.so is in its stack
reports=$(cat "$WORK"/valgrind/*.log | awk '/VALGRINDERROR-BEGIN/ { r = ""; inside = 1; next }
	/VALGRINDERROR-END/ { inside = 0; print r; print "\f"; next } inside { r = r $0 "\n" }')
total=$(grep -c $'^\f$' <<<"$reports" || true)
frames="jobreg\\.so|\\(($(cd "$REPO/src" && ls */*.c | sed 's|^.*/||; s/\.c$//' | paste -sd '|'))\\.c:[0-9]+\\)"
ours=$(awk -v frames="$frames" 'BEGIN { RS = "\f" } $0 ~ frames { n++; print > "/dev/stderr" } END { print n + 0 }' <<<"$reports")
# what PostgreSQL's own reports are: kind and the first named frame
awk 'BEGIN { RS = "\f" } NF { sub(/^\n+/, ""); split($0, l, "\n"); k = l[1]; sub(/^==[0-9]+== /, "", k)
	f = ""; for (i = 2; i in l; i++) if (match(l[i], /(at|by) 0x[0-9A-F]+: [A-Za-z_][A-Za-z_0-9]*/)) {
		f = substr(l[i], RSTART, RLENGTH); sub(/.*: /, "", f); if (f != "pwrite" && f != "write") break }
	print k " in " f }' <<<"$reports" | sort | uniq -c | sort -rn
echo "jobreg: valgrind memcheck: $total reports in all, $ours in jobreg's code"
[ "$ours" -eq 0 ] || status=1
exit $status
