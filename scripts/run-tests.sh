#!/usr/bin/env bash
# The test command (`make test`): pg_regress suite, then pgTAP suite, on a throwaway cluster.
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

status=0
regression_suites || status=1

bash "$REPO/scripts/readme-examples.sh" || status=1
bash "$REPO/scripts/svg-render-check.sh" || status=1
bash "$REPO/scripts/run-sharded.sh" >"$REPO/results/sharded.out" 2>&1 && tail -n 1 "$REPO/results/sharded.out" || { echo "jobreg: sharded check failed, see results/sharded.out" >&2; status=1; }
PRIV="$PRIV" bash "$REPO/scripts/run-dump-restore.sh" || status=1
# every demo file runs (a tiny register: the figures are not checked here, synth/calibrate.sh does that)
DEMO_SCALE=0.02 DEMO_OUT="$REPO/results/demo-output" bash "$REPO/scripts/run-demo.sh" >"$REPO/results/demo.out" 2>&1 && tail -n 1 "$REPO/results/demo.out" || { echo "jobreg: demo failed, see results/demo.out" >&2; status=1; }
# 8 pgbench clients on the BI views while the nightly refresh loops (60 s)
bash "$REPO/scripts/run-concurrency.sh" >"$REPO/results/concurrency.out" 2>&1 && tail -n 1 "$REPO/results/concurrency.out" || { echo "jobreg: concurrency check failed, see results/concurrency.out" >&2; status=1; }
# the regression suites again, jobreg built with AddressSanitizer and UBSan (its own cluster)
bash "$REPO/scripts/run-sanitizers.sh" >"$REPO/results/sanitizers.out" 2>&1 && tail -n 1 "$REPO/results/sanitizers.out" || { echo "jobreg: sanitizer run failed, see results/sanitizers.out" >&2; status=1; }

if [ $status -ne 0 ]; then echo "jobreg: TESTS FAILED" >&2; else echo "jobreg: all tests passed"; fi
exit $status
