#!/usr/bin/env bash
# libFuzzer on every text input and binary receive function of jobreg's types,
# and on the DREAM-file readers dream_weekline and dream_monthline.
# Each harness compiles the extension's sources with fuzz/pgstub.c (a stand-in
# backend) under AddressSanitizer and UBSan, and runs FUZZ_SECONDS (default
# 600) per target, starting from the seed corpus fuzz/corpus/<target>.
# Inputs that crash are kept in fuzz/findings/ and the script fails.
# FUZZ_TARGETS="weekline_text ..." runs a subset.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${FUZZ_SECONDS:-600}
BUILD=$(mktemp -d /tmp/jobreg-fuzz.XXXXXX)
trap 'rm -rf "$BUILD"' EXIT

# type:input:output:receive:send[:DREAM-file reader, fuzzed as a third mode]
TYPES="isoweek:isoweek_in:isoweek_out:isoweek_recv:isoweek_send
cuminc:cuminc_in:cuminc_out:cuminc_recv:cuminc_send
weekline:weekline_in:weekline_out:weekline_recv:weekline_send:dream_weekline
survival:survival_in:survival_out:survival_recv:survival_send
logrank_state:logrank_state_in:logrank_state_out:logrank_state_recv:logrank_state_send
flow:flow_in:flow_out:flow_recv:flow_send
monthline:monthline_in:monthline_out:monthline_recv:monthline_send:dream_monthline
gray_state:gray_state_in:gray_state_out:gray_state_recv:gray_state_send
regression:regression_in:regression_out:regression_recv:regression_send"

SOURCES=$(ls "$REPO"/src/*/*.c | grep -v '/core/jobreg\.c$')
# Size limits (doc/limits.md) small enough for inputs of -max_len bytes to
# reach them, so that the checks at each limit are fuzzed too.
LIMITS="-DSURVIVAL_MAX_TIMES=8 -DLOGRANK_MAX_GROUPS=4 -DLOGRANK_MAX_LABEL=16
	-DCUMINC_MAX_ENTRIES=8 -DCUMINC_TABLE_MAX_ROWS=64
	-DWEEKLINE_MAX_RUNS=8 -DWEEKLINE_AGG_MAX_ROWS=16 -DFLOW_MAX_ENTRIES=64 -DFLOW_MAX_HORIZON=8
	-DMONTHLINE_MAX_RUNS=8
	-DGRAY_MAX_GROUPS=4 -DGRAY_MAX_LABEL=16 -DGRAY_MAX_ENTRIES=16 -DGRAY_MAX_CAUSES=4
	-DREGRESSION_MAX_PATTERNS=8 -DREGRESSION_MAX_COX_ENTRIES=16
	-DREGRESSION_MAX_STRATA=4 -DREGRESSION_MAX_LABEL=16"
status=0
mkdir -p "$REPO/fuzz/findings"
for spec in $TYPES; do
	IFS=: read -r type in out recv send reader <<<"$spec"
	for mode in text binary ${reader:+dream}; do
		target=${type}_$mode
		case " ${FUZZ_TARGETS:-$target} " in *" $target "*) ;; *) continue ;; esac
		flags="-DFUZZ_IN=$in -DFUZZ_OUT=$out -DFUZZ_RECV=$recv -DFUZZ_SEND=$send"
		[ $mode = binary ] && flags="$flags -DFUZZ_BINARY"
		[ $mode = dream ] && flags="$flags -DFUZZ_DREAM=$reader"
		cflags="-g -O1 -Wno-ignored-attributes -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
		cflags="$cflags -I/usr/include/postgresql/15/server -I$REPO/src -I$REPO/fuzz $flags $LIMITS"
		libs="/usr/lib/postgresql/15/lib/libpgcommon.a /usr/lib/postgresql/15/lib/libpgport.a -licui18n -licuuc -licudata -lm"
		# Backend functions the sources reference but a harness never calls
		# get stubs that abort, so that calling one is a visible harness gap.
		: >"$BUILD/missing.c"
		for attempt in 1 2; do
			if clang $cflags "$REPO/fuzz/fuzz_type.c" "$REPO/fuzz/pgstub.c" "$BUILD/missing.c" $SOURCES \
					$libs -o "$BUILD/$target" 2>"$BUILD/$target.log"; then
				break
			fi
			[ $attempt = 2 ] && { cat "$BUILD/$target.log" >&2; exit 1; }
			# a compile error, not a missing function: show it
			grep -q "undefined reference" "$BUILD/$target.log" || { cat "$BUILD/$target.log" >&2; exit 1; }
			grep -o "undefined reference to \`[A-Za-z_0-9]*'" "$BUILD/$target.log" | sed "s/.*\`//; s/'//" | sort -u |
				awk '{ printf "void %s(void); void %s(void) { __builtin_trap(); }\n", $1, $1 }' >"$BUILD/missing.c"
		done
		corpus=$BUILD/corpus-$target
		mkdir -p "$corpus"
		cp "$REPO/fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
		echo "fuzzing $target for ${SECONDS_EACH}s"
		if ! "$BUILD/$target" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 \
				-artifact_prefix="$REPO/fuzz/findings/$target-" -print_final_stats=1 \
				"$corpus" >"$BUILD/$target.out" 2>&1; then
			tail -n 40 "$BUILD/$target.out" >&2
			status=1
		fi
		grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$BUILD/$target.out" | tail -n 2 || true
	done
done
[ $status -eq 0 ] && echo "jobreg: no fuzz findings"
exit $status
