#!/usr/bin/env bash
# synth/calibrate.sh: the strict calibration check at the default scale.
#
# Starts a throwaway cluster (scripts/cluster.sh), installs jobreg and
# jobreg_synth, times the generation of the default register, and runs
# sql/calibration.sql at SCALE (default 1, the whole country) with no
# allowance for sampling noise.  Exits non-zero when a calibrated figure
# misses its tolerance or a curve has the wrong shape.
#   SCALE=0.5 SEED=2 bash synth/calibrate.sh
source "$(dirname "$0")/../scripts/cluster.sh"
SCALE=${SCALE:-1}
SEED=${SEED:-1}
ensure_deps
build_and_install
start_cluster
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION jobreg_synth CASCADE"

echo "--- generating the register: seed $SEED, scale $SCALE, weeks 2008-W01 to 2024-W52"
psql -X -q -v ON_ERROR_STOP=1 <<SQL
\timing on
CREATE TABLE persons AS SELECT * FROM synth_persons($SEED, $SCALE);
CREATE TABLE histories AS SELECT * FROM synth_histories($SEED, $SCALE);
CREATE TABLE offers AS SELECT * FROM synth_offers($SEED, $SCALE);
CREATE TABLE population AS SELECT * FROM synth_population($SEED, $SCALE);
\timing off
SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM histories) AS histories,
       (SELECT sum(cardinality(codes)) FROM histories) AS runs, (SELECT count(*) FROM offers) AS offers,
       (SELECT count(*) FROM population) AS population_cells,
       pg_size_pretty(pg_total_relation_size('histories')) AS histories_size,
       pg_size_pretty(pg_total_relation_size('offers')) AS offers_size;
DROP TABLE persons, histories, offers, population;
SQL

echo "--- calibration: every target at seed $SEED, scale $SCALE, no allowance for noise"
start=$(date +%s)
out=$(psql -X -v ON_ERROR_STOP=1 -v seed="$SEED" -v scale="$SCALE" -v widen=0 -f "$REPO/synth/sql/calibration.sql")
echo "$out"
echo "calibration queries took $(( $(date +%s) - start )) s"
grep -q "kalibreret: t" <<<"$out" || { echo "jobreg_synth: NOT CALIBRATED" >&2; exit 1; }
echo "jobreg_synth: calibrated"
