#!/usr/bin/env bash
# The test command (`make test`): every part of the test suite, on one build
# of jobreg and one throwaway cluster (the parts that need servers of their
# own start them from the same installed tree; the sanitizer and mutant runs
# build their own, by design).  Each part is reported as passed, FAILED or
# NOT RUN (exit status 77: it could not run here), with its wall time, and
# so is every check inside a part that printed "jobreg: NOT RUN: <why>"; the
# last line is the count.  Exits non-zero when any part failed.
#   TEST_PARTS="regress tap" runs only the named parts (see the list below).
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
export JOBREG_PRIV=$PRIV		# the parts below reuse this build
start_cluster
mkdir -p "$REPO/results"

passed=() failed=() notrun=()
summary=()
# part NAME COMMAND...: runs one part; its output goes to results/NAME.out
# except for the suites, whose output the developer wants to see.
part() {
	local name=$1; shift
	case " ${TEST_PARTS:-$name} " in *" $name "*) ;; *) return 0 ;; esac
	local t0=$SECONDS rc=0
	echo "=== $name"
	"$@" || rc=$?
	local took=$((SECONDS - t0))
	if [ $rc -eq 0 ]; then passed+=("$name"); summary+=("passed   $name (${took} s)")
	elif [ $rc -eq 77 ]; then notrun+=("$name"); summary+=("NOT RUN  $name (${took} s)")
	else failed+=("$name"); summary+=("FAILED   $name (${took} s)")
	fi
}
# logged NAME SCRIPT...: a script whose output is kept in results/NAME.out;
# its last line is shown, the whole output when it fails.
logged() {
	local name=$1; shift
	local rc=0
	"$@" >"$REPO/results/$name.out" 2>&1 || rc=$?
	if [ $rc -eq 0 ] || [ $rc -eq 77 ]; then tail -n 1 "$REPO/results/$name.out"
	else tail -n 40 "$REPO/results/$name.out" >&2; echo "jobreg: $name failed, see results/$name.out" >&2
	fi
	return $rc
}

part regress suite_regress
# single long calls cancelled and terminated from a second session
part cancel logged cancel bash "$REPO/scripts/run-cancel.sh"
part synth suite_synth
part tap suite_tap
part examples bash "$REPO/scripts/readme-examples.sh"
part doc-coverage bash "$REPO/scripts/doc-coverage.sh"
# a feature's C file, install fragment, regression test and doc section share its name; includes go downward
part layout bash "$REPO/scripts/layout-check.sh"
part doc-links python3 "$REPO/scripts/doc-links.py"
part svg bash "$REPO/scripts/svg-render-check.sh"
part sharded logged sharded bash "$REPO/scripts/run-sharded.sh"
part dump-restore logged dump-restore env PRIV="$PRIV" bash "$REPO/scripts/run-dump-restore.sh"
# every demo file runs (a tiny register: the figures are not checked here, synth/calibrate.sh does that)
part demo logged demo env DEMO_SCALE=0.02 DEMO_OUT="$REPO/results/demo-output" bash "$REPO/scripts/run-demo.sh"
# pgbench clients on the BI views while the nightly refresh runs, counted
part concurrency logged concurrency bash "$REPO/scripts/run-concurrency.sh"
# every oracle file fails when a reader is broken (builds of its own)
part mutation logged mutation bash "$REPO/scripts/run-mutation.sh"
# the regression suites again, jobreg built with AddressSanitizer and UBSan (its own cluster)
part sanitizers logged sanitizers bash "$REPO/scripts/run-sanitizers.sh"

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
grep -h '^jobreg: NOT RUN: ' "$REPO"/results/*.out 2>/dev/null | sed 's/^jobreg: /         /' || true
echo "jobreg: ${#passed[@]} passed, ${#failed[@]} failed, ${#notrun[@]} not run"
[ ${#failed[@]} -eq 0 ]
