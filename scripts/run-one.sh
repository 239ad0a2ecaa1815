#!/usr/bin/env bash
# scripts/run-one.sh NAME...: builds and installs jobreg into a private server
# tree, starts a throwaway cluster and runs only the named pg_regress files
# (sql/NAME.sql against expected/NAME.out).  Leaves results/ and
# regression.diffs as `make installcheck` does.  Example:
#   bash scripts/run-one.sh survival_reference logrank
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 regress-file-name..." >&2; exit 2; }
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster
make -C "$REPO" -s installcheck REGRESS="$*" || {
	[ -f "$REPO/regression.diffs" ] && head -n 200 "$REPO/regression.diffs" >&2
	exit 1
}
