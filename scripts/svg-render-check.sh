#!/usr/bin/env bash
# scripts/svg-render-check.sh: renders an SVG made by surv_svg, one made by
# flow_svg and one made by funnel_svg in headless Chromium and checks that the pictures are not
# blank: the surv_svg plot is mostly white, with enough pixels in each
# curve's colour; the flow_svg chronogram has enough pixels in each state's
# colour, and the largest state covers much of the plot.  Fails where
# Chromium is not installed (ensure_deps in scripts/cluster.sh installs it).
#
# Uses the cluster in PGHOST/PGPORT when one answers (as inside
# scripts/run-tests.sh); otherwise starts its own throwaway cluster.
# Leaves results/surv_svg.{svg,png} and results/flow_svg.{svg,png} to look at.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "jobreg: svg render check FAILED: chromium is not installed (scripts/cluster.sh ensure_deps installs it)" >&2
	exit 1
fi

OWN_CLUSTER=
if ! psql -X -q -c "SELECT 1" >/dev/null 2>&1; then
	source "$REPO/scripts/cluster.sh"
	ensure_deps
	build_and_install
	start_cluster >/dev/null
	OWN_CLUSTER=1
fi

OUT=$REPO/results
PROFILE=$(mktemp -d)
DB=jobreg_svg_$$
cleanup() {
	local rc=$?
	rm -rf "$PROFILE"
	psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
	if [ -n "$OWN_CLUSTER" ]; then stop_cluster; fi
	exit $rc
}
trap cleanup EXIT
mkdir -p "$OUT"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"

# Figur 3 of the 2015 analysis, on made-up spells: the share still on
# kontanthjælp after 4, 8, ... 52 weeks, for a kommune, its klynge and the country
psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" >"$OUT/surv_svg.svg" <<'SQL'
CREATE EXTENSION jobreg;
SELECT setseed(0.4);
WITH spells AS (
	SELECT k, ceil(-ln(1 - random()) / h) AS weeks, random() < 0.9 AS ended
	FROM (VALUES ('København', 0.0040), ('Klyngen <Aarhus & Odense>', 0.0053), ('Hele landet', 0.0050)) v(k, h),
		 generate_series(1, 4000)
), curves AS (
	SELECT k, survival(least(weeks, 52), ended AND weeks <= 52) AS s FROM spells GROUP BY k
)
SELECT surv_svg(array_agg(s ORDER BY k DESC), array_agg(k ORDER BY k DESC),
				'Andel af aktivitetsparate kontanthjælpsmodtagere, der bliver på ydelsen',
				52, 4, 'uger efter start af forløbet', 'andel stadig på ydelsen')
FROM curves;
SQL


# seeds/000 Figur 4-5 on made-up histories: of a cohort on kontanthjælp in
# week 10, week by week for a year, the shares still on it, in job and on
# other benefits, with some histories ending early (censored)
psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" >"$OUT/flow_svg.svg" <<'SQL'
SELECT setseed(0.16);
CREATE TEMP TABLE kohorte AS
SELECT weekline_from_runs('2014-W10', ARRAY[1, s, 1, 0],
						  ARRAY[1 + floor(-ln(1 - random()) * 60)::int, 1 + floor(random() * 30)::int,
								1 + floor(random() * 20)::int, 1 + floor(random() * 40)::int]) AS uger
FROM (SELECT CASE WHEN random() < 0.7 THEN 2 ELSE 0 END AS s FROM generate_series(1, 3000)) AS p;
SELECT flow_svg(flow(uger, '2014-W10', 52), ARRAY[1, 0, 2],
				ARRAY['stadig på kontanthjælp', 'i job (ingen ydelse)', 'andre ydelser'],
				'Afgang fra kontanthjælp: status måned for måned', 4, 'uger efter uge 10 2014')
FROM kohorte;
SQL
sed -i '/^SELECT [0-9]*$/d; /^$/d' "$OUT/flow_svg.svg"

# "forventet vs faktisk": 40 kommuner against their expected counts, three
# of them outside the limits, the focus kommune named
psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" >"$OUT/funnel_svg.svg" <<'SQL'
SELECT funnel_svg(array_agg(k ORDER BY k), array_agg(o ORDER BY k), array_agg(e ORDER BY k),
				  array_agg('Kommune ' || k ORDER BY k), 31, 'Afgang fra kontanthjælp: faktisk mod forventet')
FROM (SELECT k, e, CASE k WHEN 7 THEN round(e * 1.6) WHEN 23 THEN round(e * 0.6) WHEN 31 THEN round(e * 1.3)
						  ELSE round(e * (0.9 + (k % 5) / 20.0)) END AS o
	  FROM (SELECT k, 5 + (k * k * 37 % 800)::float8 AS e FROM generate_series(1, 40) AS k) AS s) AS c;
SQL

# render NAME: Chromium draws results/NAME.svg into results/NAME.png
render() {
	rm -f "$OUT/$1.png"
	# Chromium refuses to run as root without --no-sandbox
	timeout 900 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$PROFILE" --screenshot="$OUT/$1.png" --window-size=900,600 \
		"$OUT/$1.svg" >"$PROFILE/chromium.log" 2>&1 || true
	if [ ! -s "$OUT/$1.png" ]; then
		echo "jobreg: svg render check FAILED: chromium wrote no picture of $1" >&2
		tail -n 20 "$PROFILE/chromium.log" >&2
		exit 1
	fi
}
render surv_svg
render flow_svg
render funnel_svg

# Decode the PNGs (8-bit RGB or RGBA, as Chromium writes them) and count pixels
python3 - "$OUT/surv_svg.png" "$OUT/flow_svg.png" "$OUT/funnel_svg.png" <<'PY'
import struct, sys, zlib

def pixels(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6) and interlace == 0, 'unexpected PNG format'
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, [tuple(r[i:i + 3]) for r in rows for i in range(0, stride, bpp)]

colours = {'#0072B2': (0, 114, 178), '#D55E00': (213, 94, 0), '#009E73': (0, 158, 115)}
def near(pix):
    return {name: sum(1 for p in pix if max(abs(p[k] - rgb[k]) for k in range(3)) < 40)
            for name, rgb in colours.items()}

width, height, pix = pixels(sys.argv[1])
white = sum(1 for p in pix if min(p) > 245)
counts = near(pix)
print('jobreg: surv_svg rendered %dx%d, %.1f %% white, curve pixels %s'
      % (width, height, 100.0 * white / len(pix), counts))
if white > 0.99 * len(pix) or white < 0.5 * len(pix):
    sys.exit('jobreg: svg render check FAILED: the surv_svg picture is blank or not a plot')
if min(counts.values()) < 300:
    sys.exit('jobreg: svg render check FAILED: a curve is missing')

# the chronogram: three stacked states filling the plot (about 620 x 300 px
# of the 900 x 600 window), each visible, the largest a big area
width, height, pix = pixels(sys.argv[2])
white = sum(1 for p in pix if min(p) > 245)
counts = near(pix)
print('jobreg: flow_svg rendered %dx%d, %.1f %% white, state pixels %s'
      % (width, height, 100.0 * white / len(pix), counts))
if white > 0.9 * len(pix):
    sys.exit('jobreg: svg render check FAILED: the flow_svg picture is blank')
if min(counts.values()) < 1000 or max(counts.values()) < 40000:
    sys.exit('jobreg: svg render check FAILED: a state of the chronogram is missing')

# the funnel plot: mostly white, grey points, the blue 95 % and orange 99.8 %
# limits (dashed lines), the green focus point
width, height, pix = pixels(sys.argv[3])
white = sum(1 for p in pix if min(p) > 245)
counts = near(pix)
grey = sum(1 for p in pix if max(abs(p[k] - 85) for k in range(3)) < 20)
print('jobreg: funnel_svg rendered %dx%d, %.1f %% white, limit and focus pixels %s, point pixels %d'
      % (width, height, 100.0 * white / len(pix), counts, grey))
if white > 0.995 * len(pix) or white < 0.5 * len(pix):
    sys.exit('jobreg: svg render check FAILED: the funnel_svg picture is blank or not a plot')
if counts['#0072B2'] < 300 or counts['#D55E00'] < 200 or counts['#009E73'] < 40 or grey < 800:
    sys.exit('jobreg: svg render check FAILED: limits or points of the funnel plot are missing')
PY
echo "jobreg: svg render check passed ($OUT/surv_svg.png, $OUT/flow_svg.png, $OUT/funnel_svg.png)"
