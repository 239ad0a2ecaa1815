#!/usr/bin/env bash
# Runs every ```sql block of README.md, doc/*.md, demo/README.md and
# bench/README.md, in order, on the
# running cluster (PG* variables), and compares what they print with
# expected/readme.out: a result the documentation states must be the result
# the example gives.  Fails on the first SQL error and on any difference.
#
# Each Markdown file runs in a fresh database with jobreg installed (a page's
# examples stand on their own).  psql echoes every line, so the output shows
# each example with the result comments the page writes next to it, then what
# the server printed; reviewing expected/readme.out is reviewing the claims.
# Nothing depends on the pages' headings or order of sections.
#
# After editing an example (or its stated result), write the new expected
# file with ACCEPT=1 bash scripts/readme-examples.sh and review its diff.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$REPO/results"
out=$REPO/results/readme.out
expected=$REPO/expected/readme.out
examples=$(mktemp)
trap 'rm -f "$examples"' EXIT
: >"$out"
blocks=0
for page in "$REPO/README.md" "$REPO"/doc/*.md "$REPO/demo/README.md" "$REPO/bench/README.md"; do
	[ -f "$page" ] && grep -q '^```sql$' "$page" || continue
	name=${page#"$REPO"/}
	awk '/^```sql$/ {on = 1; next} /^```/ {on = 0} on' "$page" >"$examples"
	blocks=$((blocks + $(grep -c '^```sql$' "$page" || true)))
	echo "-- ==== $name" >>"$out"
	psql -q -X -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS jobreg_readme" -c "CREATE DATABASE jobreg_readme"
	# -a echoes the examples; stderr too, so notices and warnings are compared
	psql -q -X -a -v ON_ERROR_STOP=1 -P pager=off -d jobreg_readme \
		-c "CREATE EXTENSION jobreg" -f "$examples" >>"$out" 2>&1 \
		|| { tail -n 20 "$out" >&2; echo "jobreg: an example of $name fails, see $out" >&2; exit 1; }
done
psql -q -X -c "DROP DATABASE jobreg_readme"
if [ "${ACCEPT:-}" = 1 ]; then
	cp "$out" "$expected"
	echo "jobreg: wrote $expected"
elif ! diff -u "$expected" "$out" >"$REPO/results/readme.diff"; then
	head -n 100 "$REPO/results/readme.diff" >&2
	echo "jobreg: the examples' results differ from expected/readme.out (results/readme.diff)" >&2
	exit 1
fi
echo "jobreg: documentation examples ran and gave the expected results: $blocks blocks"
