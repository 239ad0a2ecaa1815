#!/usr/bin/env bash
# The test command (`make test`): pg_regress suite, then pgTAP suite, on a throwaway cluster.
source "$(dirname "$0")/cluster.sh"
ensure_deps
build_and_install
start_cluster

status=0
make -C "$REPO" -s installcheck || status=1
if [ $status -ne 0 ] && [ -f "$REPO/regression.diffs" ]; then
	head -n 200 "$REPO/regression.diffs" >&2
fi
# the synthetic register: structure, determinism and calibration at scale 0.05 (synth/sql)
make -C "$REPO/synth" -s installcheck || { status=1; [ -f "$REPO/synth/regression.diffs" ] && head -n 200 "$REPO/synth/regression.diffs" >&2; }

psql -q -X -v ON_ERROR_STOP=1 -c "CREATE DATABASE jobreg_tap" \
	&& psql -q -X -v ON_ERROR_STOP=1 -d jobreg_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION jobreg;" \
	&& (cd "$REPO" && pg_prove -d jobreg_tap test/*.sql) || status=1

bash "$REPO/scripts/readme-examples.sh" || status=1
bash "$REPO/scripts/svg-render-check.sh" || status=1
bash "$REPO/scripts/run-sharded.sh" >"$REPO/results/sharded.out" 2>&1 && tail -n 1 "$REPO/results/sharded.out" || { echo "jobreg: sharded check failed, see results/sharded.out" >&2; status=1; }
PRIV="$PRIV" bash "$REPO/scripts/run-dump-restore.sh" || status=1
# every demo file runs (a tiny register: the figures are not checked here, synth/calibrate.sh does that)
DEMO_SCALE=0.02 DEMO_OUT="$REPO/results/demo-output" bash "$REPO/scripts/run-demo.sh" >"$REPO/results/demo.out" 2>&1 && tail -n 1 "$REPO/results/demo.out" || { echo "jobreg: demo failed, see results/demo.out" >&2; status=1; }
# 8 pgbench clients on the BI views while the nightly refresh loops (60 s)
bash "$REPO/scripts/run-concurrency.sh" >"$REPO/results/concurrency.out" 2>&1 && tail -n 1 "$REPO/results/concurrency.out" || { echo "jobreg: concurrency check failed, see results/concurrency.out" >&2; status=1; }

if [ $status -ne 0 ]; then echo "jobreg: TESTS FAILED" >&2; else echo "jobreg: all tests passed"; fi
exit $status
