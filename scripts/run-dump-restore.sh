#!/usr/bin/env bash
# scripts/run-dump-restore.sh: round trips of stored jobreg data.
#
#  1. dump and restore: a database holding every jobreg type in tables, a
#     materialized view of rolled-up states with a unique index, and rows of
#     the user's own in the reference tables is dumped with pg_dump -Fc and
#     restored with pg_restore into a new database; a set of queries (the text
#     of every table, surv_table and cuminc_table of every state, the
#     measures) must give the same output in both.
#  2. binary COPY: every table is copied out of the source database in binary
#     and into empty tables of the restored one; their text must be the same.
#  3. upgrades: for every earlier release in RELEASES, a database is made
#     with CREATE EXTENSION jobreg VERSION '<version>' from that release's
#     install script, filled, and updated with ALTER EXTENSION jobreg UPDATE;
#     it must give what it gave before, what a fresh install gives, define
#     every object as a fresh install does, and survive pg_dump/restore.
#     Without an earlier release it prints "jobreg: NOT RUN: upgrade leg".
#
# The reference tables hold, besides users' own rows, shipped rows the user
# edited, deleted, moved to another key, deleted and inserted again, and
# user rows tagged as the old dump filters tagged shipped rows (codebook
# 'synthetic', kilde 'jobreg', standard): all of them must come back as they
# were (the full text of every row, sorted), from pg_restore and from a
# serial pg_restore (not -j: see below), and no row of a user may be marked shipped.
#
# Exits non-zero on any difference.  Runs on its own throwaway cluster, or on
# the one of scripts/run-tests.sh when it is called from there (PGHOST and
# PRIV set).
set -euo pipefail

# Released versions, one per line: the version and the git commit of its
# release (tag v<version>; the commit, because a clone need not carry tags).
# Adding a release means adding its line; the version being built is skipped.
RELEASES="
0.1.0 6f8f09ad34d6aad2d4bc5831f31f289a2356af98
"

REPO=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${PGHOST:-}" ] || [ -z "${PRIV:-}" ]; then
	source "$REPO/scripts/cluster.sh"
	ensure_deps
	build_and_install
	start_cluster				# removes $WORK on exit
	TMP=$WORK/roundtrip
	mkdir "$TMP"
else
	TMP=$(mktemp -d /tmp/jobreg-roundtrip.XXXXXX)
	trap 'rm -rf "$TMP"' EXIT
fi
EXTVERSION=$(sed -n 's/^EXTVERSION *= *//p' "$REPO/Makefile")
export PGOPTIONS="-c client_min_messages=warning"
run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# ---------- the data: every type, composite results, a rollup, user rows ----------
cat > "$TMP/fill.sql" <<'SQL'
SELECT setseed(0.42);

CREATE TABLE jr_weeks AS
SELECT i AS id, isoweek(1991, 1) + i * 7 AS w,
	   weekrange(isoweek(1991, 1) + i * 7, isoweek(1991, 1) + i * 7 + i % 60) AS r,
	   weekmultirange(weekrange(isoweek(2000, 1) + i, isoweek(2000, 1) + i + 3),
					  weekrange(isoweek(2000, 1) + i + 10, NULL)) AS m
FROM generate_series(0, 299) i;

-- histories of up to 1,748 weeks, some long enough to be compressed and toasted
CREATE TABLE jr_lines AS
SELECT i AS id, 101 + i % 3 AS kommune,
	   CASE WHEN i = 0 THEN 'empty'::weekline
			ELSE weekline_from_runs(isoweek(1991, 27) + i % 50, codes, lengths) END AS wl
FROM (SELECT i, array_agg((ARRAY[0, 1101, 1102, 1111, 1201, 1301, 5001])[1 + floor(random() * 7)::int] ORDER BY k) AS codes,
			 array_agg(1 + floor(random() * 30)::int ORDER BY k) AS lengths
	  FROM generate_series(0, 399) i, generate_series(1, 1 + (i * 13) % 90) k
	  GROUP BY i) x
UNION ALL
SELECT 400 + i, 101, weekline_from_runs(isoweek(1991, 27), array_agg(1101 + k % (2 + i) ORDER BY k), array_fill(1, ARRAY[1700]))
FROM generate_series(0, 2) i, generate_series(1, 1700) k GROUP BY i;

CREATE TABLE jr_spells AS
SELECT l.id, l.kommune, s AS spell
FROM jr_lines l, spells(l.wl, '{1101,1102,1111}', 5) s;

CREATE TABLE jr_surv AS
SELECT kommune, 'plain' AS kind, survival((spell).weeks, NOT (spell).right_censored) AS s
FROM jr_spells GROUP BY kommune
UNION ALL
SELECT kommune, 'weighted', survival((spell).weeks, NOT (spell).right_censored, 0.5 + id % 3)
FROM jr_spells GROUP BY kommune
UNION ALL
SELECT kommune, 'delayed', survival(id % 5, (spell).weeks + 5, NOT (spell).right_censored)
FROM jr_spells GROUP BY kommune
UNION ALL
SELECT 999, 'fractional', survival(random() * 100, random() < 0.7) FROM generate_series(1, 200);

CREATE TABLE jr_cuminc AS
SELECT kommune, cuminc((spell).weeks,
					   CASE WHEN (spell).right_censored THEN 0 WHEN (spell).exit_code = 5001 THEN 1 ELSE 2 END) AS c
FROM jr_spells GROUP BY kommune
UNION ALL
SELECT 999, cuminc(round(random() * 1000) / 7, floor(random() * 4)::int) FROM generate_series(1, 300);

-- a logrank state: the survival states of the groups, in byte order of their labels
CREATE TABLE jr_logrank AS
SELECT ('v1' || string_agg('|"' || replace(replace(kind, '\', '\\'), '"', '\"') || '":' || s::text, ''
						   ORDER BY kind COLLATE "C"))::logrank_state AS st
FROM jr_surv WHERE kommune = 101;

CREATE TABLE jr_results AS
SELECT (SELECT logrank((spell).weeks, NOT (spell).right_censored, kommune::text) FROM jr_spells) AS logrank,
	   (SELECT prop_test(NOT (spell).right_censored, kommune = 101) FROM jr_spells) AS prop,
	   (SELECT welch_test((spell).weeks, kommune = 101) FROM jr_spells) AS welch,
	   (SELECT klynge_benchmark(kommune, weeks_in(wl, '{1101,1102}', weekrange('2000-W01', '2001-W01')), 52, 101, 'lower')
		FROM jr_lines WHERE kommune <> 999) AS benchmark,
	   (SELECT anciennitet_fordeling(anciennitet(wl, '{1101,1102,1111}', '1993-W10')) FROM jr_lines) AS fordeling,
	   (SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik',
						  '[2015-01-05,2015-02-02)', 37)) AS aktivering;

-- a nightly rollup, refreshed concurrently, so with a unique index
CREATE MATERIALIZED VIEW jr_rollup AS
SELECT s.kommune, survival_merge(s.s) AS s, (SELECT cuminc_merge(c) FROM jr_cuminc c WHERE c.kommune = s.kommune) AS c,
	   count(*) AS states
FROM jr_surv s WHERE s.kind = 'plain' GROUP BY s.kommune;
CREATE UNIQUE INDEX ON jr_rollup (kommune);
-- a view, as BI tools read them: plain columns over stored states
CREATE VIEW jr_view AS
SELECT kommune, surv_median(s) AS median, surv_at(s, 52) AS s52, states FROM jr_rollup;

SQL

# rows of the user's own and changes of shipped rows in the reference tables
# (valid in every release, so that an upgrade starts from the same rows)
cat > "$TMP/fill-reference.sql" <<'SQL'
-- rows of the user's own in the reference tables: pg_dump keeps them
INSERT INTO codebook (codebook, code, gruppe, label, priority) VALUES
	('dream', 1, 'a-dagpenge', 'a-dagpenge', 1), ('dream', 2, 'kontanthjælp', 'kontanthjælp', 5);
INSERT INTO kommune (kode, navn, region) VALUES (999, 'Prøveby', 'Sjælland');
INSERT INTO klynge (maalgruppe, kommunekode, klynge, gyldig) VALUES
	('alle', 999, 'Prøveklyngen', '[2020-01-01,2021-01-01)'), ('alle', 101, 'Prøveklyngen', '[2020-01-01,2021-01-01)');
INSERT INTO tilbudstype (kode, navn, virksomhedsrettet) VALUES ('praktik i udlandet', 'Praktik i udlandet', true);

-- shipped rows changed: edited, deleted (after an edit, too), moved to another
-- key, deleted and made again; a klynge's kommune deleted with its klynge rows
UPDATE codebook SET label = 'kontanthjælp, aktivitetsparat (edited)' WHERE codebook = 'synthetic' AND code = 1101;
UPDATE codebook SET priority = 2 WHERE codebook = 'synthetic' AND code = 1951;
DELETE FROM codebook WHERE codebook = 'synthetic' AND code IN (1951, 1991);
UPDATE codebook SET code = 1992 WHERE codebook = 'synthetic' AND code = 1901;
DELETE FROM codebook WHERE codebook = 'synthetic' AND code = 1202;
INSERT INTO codebook VALUES ('synthetic', 1202, 'a-dagpenge', 'a-dagpenge, my own row', 1);
UPDATE kommune SET navn = 'Københavns Kommune' WHERE kode = 101;
DELETE FROM klynge WHERE kommunekode = 561;
DELETE FROM kommune WHERE kode IN (561, 825);
UPDATE klynge SET gyldig = '[2015-01-01,2017-01-01)' WHERE klynge = '6-byerne' AND kommunekode = 751;
UPDATE tilbudstype SET virksomhedsrettet = true WHERE kode = 'nytteindsats';
DELETE FROM tilbudstype WHERE kode = 'jobrotation';
-- user rows tagged as the old dump filters tagged the shipped ones
INSERT INTO codebook VALUES ('synthetic', 1993, 'other', 'a code of mine in the synthetic codebook', 18);
INSERT INTO kommune (kode, navn, region, kilde) VALUES (998, 'Jobregby', 'Nordjylland', 'jobreg');
INSERT INTO klynge (maalgruppe, kommunekode, klynge, gyldig, kilde)
VALUES ('alle', 998, '6-byerne', '[2015-01-01,2016-01-01)', 'jobreg');
INSERT INTO tilbudstype (kode, navn, virksomhedsrettet, standard) VALUES ('mentor', 'Mentorstøtte', false, true);
SQL

# a user cannot mark a row shipped (releases with the flag)
cat > "$TMP/fill-marks.sql" <<'SQL'
-- rows a user tries to mark shipped
INSERT INTO kommune (kode, navn, region, shipped) VALUES (997, 'Flagby', 'Sjælland', true);
UPDATE codebook SET shipped = true WHERE codebook = 'dream';
SQL

# ---------- the queries whose output must not change ----------
cat > "$TMP/compare.sql" <<'SQL'
SET extra_float_digits = 3;
SELECT * FROM jr_weeks ORDER BY id;
SELECT id, kommune, wl, md5(weekline_send(wl)::text) FROM jr_lines ORDER BY id;
SELECT * FROM jr_spells ORDER BY id, (spell).spell;
SELECT kommune, kind, s FROM jr_surv ORDER BY kommune, kind;
SELECT kommune, kind, t.* FROM jr_surv, surv_table(s) t ORDER BY kommune, kind, t.time;
SELECT kommune, kind, t.* FROM jr_surv, surv_table(s, 'log-log', 0.9) t ORDER BY kommune, kind, t.time;
SELECT kommune, kind, surv_at(s, 10), surv_median(s), surv_quantile(s, 0.25), surv_rmean(s, 52) FROM jr_surv ORDER BY 1, 2;
SELECT kommune, c FROM jr_cuminc ORDER BY kommune;
SELECT kommune, t.* FROM jr_cuminc, cuminc_table(c) t ORDER BY kommune, t.time, t.cause;
SELECT st, logrank_final(st) FROM jr_logrank;
SELECT * FROM jr_results;
SELECT * FROM jr_rollup ORDER BY kommune;
SELECT * FROM jr_view ORDER BY kommune;
SELECT kommune, t.* FROM jr_rollup, surv_table(s) t ORDER BY kommune, t.time;
SELECT (logrank(kommune::text, s)).* FROM jr_rollup;
SELECT kommune, fuldtidspersoner(wl, '{1101,1102}', quarter_weeks(1992, 2)),
	   fuldtidspersoner(wl, codes('dream', 'a-dagpenge') || '{1201}', quarter_weeks(1992, 2), 13)
FROM jr_lines GROUP BY kommune ORDER BY kommune;
SQL

# the reference tables, as the release being built has them
cat > "$TMP/compare-reference.sql" <<'SQL'
SELECT 'codebook', t::text FROM codebook t ORDER BY 2;
SELECT 'kommune', t::text FROM kommune t ORDER BY 2;
SELECT 'klynge', t::text FROM klynge t ORDER BY 2;
SELECT 'tilbudstype', t::text FROM tilbudstype t ORDER BY 2;
SELECT 'shipped_key', t::text FROM shipped_key t ORDER BY 2;
SQL
# with the shipped keys deleted (an update records a shipped row deleted and
# made again by the user as the user's row, not as a deletion: the same rows
# after a restore, other records)
cat > "$TMP/compare-all.sql" <<'SQL'
\ir compare.sql
\ir compare-reference.sql
SELECT 'shipped_deleted', t::text FROM shipped_deleted t ORDER BY 2;
SELECT kommune_kode('Prøveby'), codes('dream', 'kontanthjælp');
SELECT count(*) AS extension_members FROM pg_depend
WHERE refobjid = (SELECT oid FROM pg_extension WHERE extname = 'jobreg') AND deptype = 'e';
SQL

# Tables whose text must survive binary COPY (all the jobreg types are in them)
BINARY_TABLES="jr_weeks jr_lines jr_spells jr_surv jr_cuminc jr_logrank jr_results"
status=0
same() {	# same <what> <file a> <file b>
	if diff -q "$2" "$3" >/dev/null; then
		echo "jobreg: $1: same ($(wc -l < "$2") lines compared)"
	else
		echo "jobreg: $1: DIFFERENT" >&2
		diff "$2" "$3" | head -n 40 >&2
		status=1
	fi
}

# ---------- 1. dump and restore ----------
run -c "DROP DATABASE IF EXISTS jr_source" -c "DROP DATABASE IF EXISTS jr_restored" \
	-c "CREATE DATABASE jr_source" -c "CREATE DATABASE jr_restored"
run -d jr_source -c "CREATE EXTENSION jobreg" -f "$TMP/fill.sql" -f "$TMP/fill-reference.sql" -f "$TMP/fill-marks.sql" >/dev/null
run -d jr_source -A -t -c "SELECT 'jobreg: stored values: ' || count(*) || ' weeklines, ' ||
	count(*) FILTER (WHERE pg_column_compression(wl) IS NOT NULL) || ' of them compressed, ' ||
	(SELECT count(*) FROM jr_surv WHERE pg_column_compression(s) IS NOT NULL) || ' survival states compressed'
	FROM jr_lines"
# the reference rows are not vacuous, and no user row is marked shipped
run -d jr_source -A -t -c "SELECT 'jobreg: reference rows: ' ||
	(SELECT count(*) FROM codebook WHERE NOT shipped) + (SELECT count(*) FROM kommune WHERE NOT shipped) +
	(SELECT count(*) FROM klynge WHERE NOT shipped) + (SELECT count(*) FROM tilbudstype WHERE NOT shipped) ||
	' user rows (dumped), ' || (SELECT count(*) FROM shipped_deleted) || ' shipped keys deleted'"
marked=$(run -d jr_source -A -t -c "SELECT (SELECT count(*) FROM kommune WHERE kode IN (997, 998) AND shipped) +
	(SELECT count(*) FROM codebook WHERE (codebook = 'dream' OR code IN (1101, 1202, 1992, 1993)) AND shipped) +
	(SELECT count(*) FROM tilbudstype WHERE kode IN ('nytteindsats', 'mentor') AND shipped)")
if [ "$marked" != 0 ]; then
	echo "jobreg: $marked user rows of the reference tables are marked shipped" >&2
	status=1
else
	echo "jobreg: user rows marked shipped: none"
fi
pg_dump -Fc -d jr_source -f "$TMP/jr_source.dump"
pg_restore --exit-on-error -d jr_restored "$TMP/jr_source.dump"
run -d jr_source -A -t -f "$TMP/compare-all.sql" > "$TMP/source.out"
run -d jr_restored -A -t -f "$TMP/compare-all.sql" > "$TMP/restored.out"
same "pg_dump -Fc / pg_restore" "$TMP/source.out" "$TMP/restored.out"
# Not checked: pg_restore -j.  It may load klynge's rows before kommune's and
# fail on their foreign key when both hold rows of the user's (pg_restore
# does not order the data of extension configuration tables in parallel
# mode); doc/reliability.md says to restore such a database serially.
run -d jr_restored -c "REFRESH MATERIALIZED VIEW CONCURRENTLY jr_rollup"
run -d jr_restored -A -t -f "$TMP/compare-all.sql" > "$TMP/refreshed.out"
same "REFRESH MATERIALIZED VIEW CONCURRENTLY after restore" "$TMP/source.out" "$TMP/refreshed.out"

# ---------- 2. binary COPY into the other database ----------
for t in $BINARY_TABLES; do
	run -d jr_source -c "\\copy $t TO '$TMP/$t.bin' WITH (FORMAT binary)"
	run -d jr_restored -c "CREATE TABLE ${t}_bin (LIKE $t)" -c "\\copy ${t}_bin FROM '$TMP/$t.bin' WITH (FORMAT binary)"
	run -d jr_source -A -t -c "SELECT t::text FROM $t t ORDER BY 1" > "$TMP/$t.a"
	run -d jr_restored -A -t -c "SELECT t::text FROM ${t}_bin t ORDER BY 1" > "$TMP/$t.b"
	same "binary COPY of $t" "$TMP/$t.a" "$TMP/$t.b"
done

# ---------- 3. ALTER EXTENSION jobreg UPDATE from every earlier release ----------
# A database at the release, filled (values of every type, a rollup, user rows
# and changed shipped rows in the reference tables), is updated; then
#  - its values and results are those it had before the update;
#  - they are those of a fresh install filled the same way, and so are the
#    reference tables (rows, shipped flags, shipped keys);
#  - every object of the extension is defined as in the fresh install
#    (scripts/extension-fingerprint.sql: definitions, comments, privileges);
#  - a pg_dump/restore of the updated database keeps all of it.
SHAREDIR=$PRIV$(pg_config --sharedir)/extension
upgrades=0
run -c "DROP DATABASE IF EXISTS jr_fresh" -c "CREATE DATABASE jr_fresh"
run -d jr_fresh -c "CREATE EXTENSION jobreg" -f "$TMP/fill.sql" -f "$TMP/fill-reference.sql" >/dev/null
run -d jr_fresh -A -t -f "$TMP/compare.sql" > "$TMP/fresh.out"
run -d jr_fresh -A -t -f "$TMP/compare-reference.sql" > "$TMP/fresh.reference"
run -d jr_fresh -A -t -f "$REPO/scripts/extension-fingerprint.sql" > "$TMP/fresh.objects"
while read -r version ref; do
	[ -n "$version" ] && [ "$version" != "$EXTVERSION" ] || continue
	db="jr_upgrade_${version//./_}"
	if ! git -C "$REPO" rev-parse -q --verify "$ref^{commit}" >/dev/null; then
		echo "jobreg: release $version: no git commit $ref" >&2
		status=1
		continue
	fi
	for f in $(git -C "$REPO" ls-tree --name-only "$ref" sql/install/ | sort); do
		git -C "$REPO" show "$ref:$f"
	done > "$SHAREDIR/jobreg--$version.sql"
	run -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS ${db}_restored" -c "CREATE DATABASE $db" -c "CREATE DATABASE ${db}_restored"
	run -d "$db" -c "CREATE EXTENSION jobreg VERSION '$version'" -f "$TMP/fill.sql" -f "$TMP/fill-reference.sql" >/dev/null
	run -d "$db" -A -t -f "$TMP/compare.sql" > "$TMP/$db.before"
	run -d "$db" -c "ALTER EXTENSION jobreg UPDATE"
	installed=$(run -d "$db" -A -t -c "SELECT extversion FROM pg_extension WHERE extname = 'jobreg'")
	if [ "$installed" != "$EXTVERSION" ]; then
		echo "jobreg: release $version: ALTER EXTENSION UPDATE left version $installed, not $EXTVERSION" >&2
		status=1
	fi
	run -d "$db" -A -t -f "$TMP/compare.sql" > "$TMP/$db.after"
	same "ALTER EXTENSION jobreg UPDATE from $version to $installed: values and results" "$TMP/$db.before" "$TMP/$db.after"
	same "updated from $version against a fresh $EXTVERSION install: values and results" "$TMP/fresh.out" "$TMP/$db.after"
	run -d "$db" -A -t -f "$TMP/compare-reference.sql" > "$TMP/$db.reference"
	same "updated from $version against a fresh $EXTVERSION install: reference tables" "$TMP/fresh.reference" "$TMP/$db.reference"
	run -d "$db" -A -t -f "$REPO/scripts/extension-fingerprint.sql" > "$TMP/$db.objects"
	same "updated from $version against a fresh $EXTVERSION install: extension objects" "$TMP/fresh.objects" "$TMP/$db.objects"
	pg_dump -Fc -d "$db" -f "$TMP/$db.dump"
	pg_restore --exit-on-error -d "${db}_restored" "$TMP/$db.dump"
	run -d "$db" -A -t -f "$TMP/compare-all.sql" > "$TMP/$db.all"
	run -d "${db}_restored" -A -t -f "$TMP/compare-all.sql" > "$TMP/$db.restored"
	same "updated from $version, then pg_dump / pg_restore" "$TMP/$db.all" "$TMP/$db.restored"
	run -c "DROP DATABASE $db" -c "DROP DATABASE ${db}_restored"
	upgrades=$((upgrades + 1))
done <<< "$RELEASES"
run -c "DROP DATABASE jr_fresh"
[ $upgrades -gt 0 ] || echo "jobreg: NOT RUN: upgrade leg: no release before $EXTVERSION"

run -c "DROP DATABASE jr_source" -c "DROP DATABASE jr_restored"
if [ $status -eq 0 ]; then echo "jobreg: round trips passed"; else echo "jobreg: ROUND TRIPS FAILED" >&2; fi
exit $status
