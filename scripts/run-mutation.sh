#!/usr/bin/env bash
# scripts/run-mutation.sh: proves that the oracle tests can fail.  Builds
# jobreg as it is and then with each mutant of src/core/core.h and src/history/history.h (-DJOBREG_MUTANT=n:
# 1 float8 results NULL, 2 float8 results off by a relative 1e-6, 3 weekline
# codes misread), runs the oracle pg_regress files against each build on one
# throwaway cluster and prints a table of file x build.
# Fails unless every file passes unmutated and every file fails under every
# mutant it is meant to catch: the float8 mutants (1, 2) must be caught by
# every file that compares float8 results with an oracle, the weekline
# mutant (3) by every file that compares what is read from weeklines.
# A server crash under a mutant is an error too (a crash is not a caught
# wrong number, and the files after it could fail for that reason alone).
# Nothing here depends on timing: a file passes or fails on its diff.
#
# Built in a copy of the source tree: the developer's own build and results/ stay.
SRC=$(cd "$(dirname "$0")/.." && pwd)
unset JOBREG_PRIV		# builds of its own
JOBREG_RUN_DIR=$(mktemp -d /tmp/jobreg-run.XXXXXX)	# becomes $WORK
mkdir "$JOBREG_RUN_DIR/src"
tar -C "$SRC" --exclude=./.git --exclude=./results -cf - . | tar -C "$JOBREG_RUN_DIR/src" -xf -
source "$JOBREG_RUN_DIR/src/scripts/cluster.sh"	# REPO is the copy

FLOAT8_ORACLES="survival_reference survival survival_robust logrank grouptest distributions smr paired graytest regression cuminc fuldtid aktivering fuldtid_weeks anciennitet benchmark bi"
WEEKLINE_ORACLES="weekline_oracle fuldtid_weeks anciennitet bi"
ORACLES="$FLOAT8_ORACLES weekline_oracle"
MUTANTS="1 2 3"
must_catch() {	# must_catch MUTANT FILE
	case $1 in
		1|2) [[ " $FLOAT8_ORACLES " == *" $2 "* ]] ;;
		3) [[ " $WEEKLINE_ORACLES " == *" $2 "* ]] ;;
	esac
}

ensure_deps
make -C "$REPO" -s clean
build_and_install			# unmutated, also builds jobreg_synth
start_cluster
mkdir -p "$SRC/results"

declare -A outcome
status=0
for m in 0 $MUTANTS; do
	if [ "$m" != 0 ]; then
		make -C "$REPO" -s clean
		make -C "$REPO" -s PG_CFLAGS="-Werror -DJOBREG_MUTANT=$m" >/dev/null
		make -C "$REPO" -s install DESTDIR="$PRIV" >/dev/null
		# a new server: no backend keeps the old library loaded
		as_cluster_user "$PRIV_BINDIR/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null
		launch_server "$WORK" "$PGPORT"
	fi
	crashes_before=$(grep -c "terminated by signal" "$WORK/server.log" || true)
	rm -f "$REPO/regression.diffs"
	# each build runs the files that must pass (0) or must catch it
	files=""
	for f in $ORACLES; do { [ "$m" = 0 ] || must_catch "$m" "$f"; } && files="$files $f"; done
	# bi is the synthetic register's test (synth/sql): it needs jobreg_synth
	core_files=$(echo $files | tr ' ' '\n' | grep -vx bi | tr '\n' ' ' || true)
	rm -f "$REPO/synth/regression.diffs"
	make -C "$REPO" -s installcheck REGRESS="$core_files" >"$WORK/regress-$m.out" 2>&1 || true
	if [[ " $files " == *" bi "* ]]; then
		make -C "$REPO/synth" -s installcheck REGRESS=bi >>"$WORK/regress-$m.out" 2>&1 || true
	fi
	cat "$REPO/regression.diffs" "$REPO/synth/regression.diffs" >"$SRC/results/mutation-$m.diffs" 2>/dev/null || true
	crashes=$(( $(grep -c "terminated by signal" "$WORK/server.log" || true) - crashes_before ))
	if [ "$crashes" -gt 0 ]; then
		echo "jobreg: the server crashed under build $m (see the server log)" >&2
		status=1
	fi
	for f in $files; do
		if grep -Eq "^(not )?ok .* $f |^test $f +\.\.\. ok" "$WORK/regress-$m.out" \
			&& ! grep -Eq "^not ok .* $f |^test $f +\.\.\. FAILED" "$WORK/regress-$m.out"; then
			outcome[$m,$f]=pass
		else
			outcome[$m,$f]=FAIL
		fi
		if [ "$m" = 0 ]; then
			[ "${outcome[$m,$f]}" = pass ] || { echo "jobreg: $f fails without a mutant" >&2; status=1; }
		elif must_catch "$m" "$f" && [ "${outcome[$m,$f]}" = pass ]; then
			echo "jobreg: $f does not notice mutant $m" >&2
			status=1
		fi
	done
done

# the table: "pass"/"FAIL" per file and build; a "*" marks what must fail
printf '%-20s %-10s' file unmutated
for m in $MUTANTS; do printf ' %-10s' "mutant $m"; done
echo
for f in $ORACLES; do
	printf '%-20s %-10s' "$f" "${outcome[0,$f]}"
	for m in $MUTANTS; do
		mark=" "; must_catch "$m" "$f" && mark="*"
		printf ' %-10s' "${outcome[$m,$f]:--}$mark"
	done
	echo
done
echo "(* = must FAIL, - = not run: a mutant runs only the files meant to catch it; the diffs are in results/mutation-N.diffs)"
if [ $status -eq 0 ]; then echo "jobreg: every oracle file catches every mutant it is meant to"
else echo "jobreg: MUTATION CHECK FAILED" >&2; fi
exit $status
