#!/usr/bin/env bash
# Runs every ```sql block of README.md, in order, in a fresh database with
# jobreg installed; fails on the first error.  Keeps the README true.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
psql -q -X -v ON_ERROR_STOP=1 -c "CREATE DATABASE jobreg_readme"
examples=$(mktemp)
trap 'rm -f "$examples"' EXIT
awk '/^```sql$/ {on = 1; next} /^```/ {on = 0} on' "$REPO/README.md" > "$examples"
psql -q -X -v ON_ERROR_STOP=1 -d jobreg_readme -c "CREATE EXTENSION jobreg" -f "$examples" >/dev/null
echo "jobreg: README examples ran: $(grep -c '^```sql$' "$REPO/README.md") blocks"
