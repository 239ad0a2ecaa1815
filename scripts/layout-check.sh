#!/usr/bin/env bash
# The layout rules of doc/development.md, checked:
# 1. A feature is a C file under src/LAYER/ that defines SQL-callable functions
#    (PG_FUNCTION_INFO_V1).  Its install fragment sql/install/NN_NAME.sql, its
#    regression test sql/NAME.sql and its doc section (an anchor
#    <a id="NAME"></a> in doc/LAYER.md) carry the same name.
# 2. Every install fragment but the header and the privileges names a feature.
# 3. Dependencies run downward: a file of a layer includes the headers of its
#    own layer and of the layers below it only (the table below, from
#    ../shared/DESIGN.md's layer diagram).
# Prints every breach; fails when there is any.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
declare -A below=(
	[core]=""
	[time]="core"
	[history]="time core"
	[stats]="core"
	[survival]="history stats time core"
	[measures]="history stats time core"
	[benchmark]="stats core"
	[present]="survival history stats time core"
)
bad=0 features=0
breach() { echo "layout: $*"; bad=$((bad + 1)); }

for dir in src/*/; do
	layer=$(basename "$dir")
	[ -n "${below[$layer]+x}" ] || { breach "src/$layer is not a layer of the table in $0"; continue; }
	for f in "$dir"*.c "$dir"*.h; do
		[ -e "$f" ] || continue
		# project headers are named LAYER/NAME.h; PostgreSQL's (utils/, lib/ ...) are not layers
		for inc in $(sed -n 's/^#include "\([a-z_]*\)\/[a-z_]*\.h"/\1/p' "$f"); do
			[ -n "${below[$inc]+x}" ] || continue
			case " $layer ${below[$layer]} " in
				*" $inc "*) ;;
				*) breach "$f includes a header of layer $inc, which is not below $layer" ;;
			esac
		done
	done
	for f in "$dir"*.c; do
		[ -e "$f" ] || continue
		grep -q '^PG_FUNCTION_INFO_V1' "$f" || continue	# an internal module
		name=$(basename "$f" .c)
		features=$((features + 1))
		ls sql/install/[0-9][0-9]_"$name".sql >/dev/null 2>&1 || breach "$f has no install fragment sql/install/NN_$name.sql"
		[ -f "sql/$name.sql" ] || breach "$f has no regression test sql/$name.sql"
		[ -f "doc/$layer.md" ] && grep -qF "<a id=\"$name\"></a>" "doc/$layer.md" ||
			breach "$f has no doc section <a id=\"$name\"></a> in doc/$layer.md"
	done
done
for frag in sql/install/*.sql; do
	name=$(basename "$frag" .sql); name=${name#[0-9][0-9]_}
	case $name in header | privileges) continue ;; esac
	ls src/*/"$name".c >/dev/null 2>&1 || breach "$frag names no feature (no src/*/$name.c)"
done
echo "jobreg: layout: $features features, $bad breaches"
[ $bad -eq 0 ]
