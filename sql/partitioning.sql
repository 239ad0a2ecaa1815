--
-- The support functions no other test reaches: isoweek_hash_extended and
-- weekline_hash_extended (hash partitioning calls them), isoweek_subdiff
-- (weekrange's subtype difference, which GiST uses to choose subtrees).
--

-- the extended hashes with seed 0 agree with the 32-bit ones in the low 32 bits
-- (the hash operator class contract), and a seed changes them
SELECT count(*) AS weeks,
	   count(*) FILTER (WHERE (isoweek_hash_extended(w, 0) & 4294967295) <> (isoweek_hash(w)::int8 & 4294967295)) AS low_bits_differ,
	   count(*) FILTER (WHERE isoweek_hash_extended(w, 0) = isoweek_hash_extended(w, 1)) AS seed_ignored
FROM (SELECT '1991-W27'::isoweek + i AS w FROM generate_series(0, 2000) i) x;
SELECT count(*) AS weeklines,
	   count(*) FILTER (WHERE (weekline_hash_extended(wl, 0) & 4294967295) <> (weekline_hash(wl)::int8 & 4294967295)) AS low_bits_differ,
	   count(*) FILTER (WHERE weekline_hash_extended(wl, 0) = weekline_hash_extended(wl, 1)) AS seed_ignored
FROM (SELECT weekline_from_runs('2014-W01'::isoweek + i % 60, ARRAY[0, 1101 + i % 3, 0], ARRAY[1 + i % 5, 1 + i % 7, 1]) AS wl
	  FROM generate_series(0, 999) i) x;

-- hash partitioning by isoweek: every row is in the partition satisfies_hash_partition names
CREATE TABLE part_week (w isoweek, n int) PARTITION BY HASH (w);
CREATE TABLE part_week_0 PARTITION OF part_week FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE part_week_1 PARTITION OF part_week FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE part_week_2 PARTITION OF part_week FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO part_week SELECT '2010-W01'::isoweek + i, i FROM generate_series(0, 999) i;
SELECT tableoid::regclass AS partition, count(*) AS rows,
	   count(*) FILTER (WHERE NOT satisfies_hash_partition('part_week'::regclass, 3, right(tableoid::regclass::text, 1)::int, w)) AS misplaced
FROM part_week GROUP BY 1 ORDER BY 1;
-- the counts each partition should have, from the hash alone
SELECT r AS remainder, count(*) AS rows
FROM generate_series(0, 999) i, generate_series(0, 2) r
WHERE satisfies_hash_partition('part_week'::regclass, 3, r, '2010-W01'::isoweek + i)
GROUP BY r ORDER BY r;
-- a lookup by week is pruned to one partition
EXPLAIN (COSTS OFF) SELECT n FROM part_week WHERE w = '2011-W05';
SELECT n FROM part_week WHERE w = '2011-W05';

-- hash partitioning by weekline
CREATE TABLE part_wl (wl weekline, n int) PARTITION BY HASH (wl);
CREATE TABLE part_wl_0 PARTITION OF part_wl FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE part_wl_1 PARTITION OF part_wl FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO part_wl
SELECT weekline_from_runs('2014-W01'::isoweek + i % 60, ARRAY[0, 1101 + i % 3, 0], ARRAY[1 + i % 5, 1 + i % 7, 1]), i
FROM generate_series(0, 999) i;
SELECT tableoid::regclass AS partition, count(*) AS rows,
	   count(*) FILTER (WHERE NOT satisfies_hash_partition('part_wl'::regclass, 2, right(tableoid::regclass::text, 1)::int, wl)) AS misplaced
FROM part_wl GROUP BY 1 ORDER BY 1;
SELECT r AS remainder, count(*) AS rows
FROM part_wl, generate_series(0, 1) r
WHERE satisfies_hash_partition('part_wl'::regclass, 2, r, wl)
GROUP BY r ORDER BY r;
EXPLAIN (COSTS OFF) SELECT n FROM part_wl WHERE wl = '2014-W01 0x1 1101x1 0x1';
SELECT n FROM part_wl WHERE wl = '2014-W01 0x1 1101x1 0x1' ORDER BY n;
DROP TABLE part_week, part_wl;

-- weekrange's subtype difference is isoweek_subdiff: weeks between, as float8
SELECT rngsubdiff AS subdiff FROM pg_range WHERE rngtypid = 'weekrange'::regtype;
SELECT isoweek_subdiff('2016-W09', '2015-W10') AS a_year_over_week_53,
	   isoweek_subdiff('2015-W10', '2016-W09') AS backwards,
	   isoweek_subdiff('2015-W10', '2015-W10') AS same;

-- a GiST index on weekrange (built with many subtree choices, which call the
-- subtype difference) answers overlap and containment as a sequential scan does
CREATE TABLE gist_spell (id int, spell weekrange);
INSERT INTO gist_spell
SELECT i, weekrange('2000-W01'::isoweek + (i * 7919) % 1500, '2000-W01'::isoweek + (i * 7919) % 1500 + 1 + i % 40)
FROM generate_series(1, 20000) i;
CREATE TEMP TABLE seq_overlap AS SELECT id FROM gist_spell WHERE spell && weekrange('2010-W10', '2010-W20');
CREATE TEMP TABLE seq_contains AS SELECT id FROM gist_spell WHERE spell @> '2012-W30'::isoweek;
CREATE INDEX gist_spell_idx ON gist_spell USING gist (spell);
ANALYZE gist_spell;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gist_spell WHERE spell && weekrange('2010-W10', '2010-W20');
SELECT (SELECT count(*) FROM seq_overlap) AS seq_rows,
	   (SELECT count(*) FROM gist_spell WHERE spell && weekrange('2010-W10', '2010-W20')) AS index_rows,
	   (SELECT count(*) FROM (SELECT id FROM gist_spell WHERE spell && weekrange('2010-W10', '2010-W20')
							  EXCEPT ALL SELECT id FROM seq_overlap) d) +
	   (SELECT count(*) FROM (SELECT id FROM seq_overlap
							  EXCEPT ALL SELECT id FROM gist_spell WHERE spell && weekrange('2010-W10', '2010-W20')) d) AS differ;
EXPLAIN (COSTS OFF) SELECT id FROM gist_spell WHERE spell @> '2012-W30'::isoweek;
SELECT (SELECT count(*) FROM seq_contains) AS seq_rows,
	   (SELECT count(*) FROM (SELECT id FROM gist_spell WHERE spell @> '2012-W30'::isoweek
							  EXCEPT ALL SELECT id FROM seq_contains) d) +
	   (SELECT count(*) FROM (SELECT id FROM seq_contains
							  EXCEPT ALL SELECT id FROM gist_spell WHERE spell @> '2012-W30'::isoweek) d) AS differ;
RESET enable_seqscan;

-- an exclusion constraint: no two offers of one kind may overlap
CREATE TABLE gist_offer (spell weekrange, EXCLUDE USING gist (spell WITH &&));
INSERT INTO gist_offer VALUES ('[2015-W01,2015-W10)'), ('[2015-W10,2015-W20)');
INSERT INTO gist_offer VALUES ('[2015-W19,2015-W25)');
DROP TABLE gist_spell, gist_offer;
