#!/usr/bin/env bash
# Runs every ```sql block of README.md and of the reference pages (doc/*.md,
# demo/README.md, bench/README.md): each file's blocks in order, in a fresh
# database of its own with jobreg installed; fails on the first error.
# Keeps the documentation true.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
examples=$(mktemp)
trap 'rm -f "$examples"' EXIT
files=0 blocks=0
for f in "$REPO/README.md" "$REPO"/doc/*.md "$REPO/demo/README.md" "$REPO/bench/README.md"; do
	[ -f "$f" ] || continue
	n=$(grep -c '^```sql$' "$f" || true)
	[ "$n" -gt 0 ] || continue
	db=jobreg_examples_$files
	awk '/^```sql$/ {on = 1; next} /^```/ {on = 0} on' "$f" > "$examples"
	PGOPTIONS="-c client_min_messages=warning" psql -q -X -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	psql -q -X -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION jobreg" -f "$examples" >/dev/null \
		|| { echo "jobreg: an example of ${f#$REPO/} failed" >&2; exit 1; }
	files=$((files + 1)) blocks=$((blocks + n))
done
echo "jobreg: documentation examples ran: $blocks blocks in $files files"
