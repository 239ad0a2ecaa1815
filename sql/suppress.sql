--
-- suppress: primary and secondary cell suppression over relations
-- (a total and its parts), and rounding
--
\i test/lib/errors.sql

-- a region of four kommuner: 12 + 3 + 20 + 8 = 43.  Under 5, kommune 2 (3 persons) is primary; the
-- region would give it (43 − 12 − 20 − 8), so the smallest other kommune
-- (8) is withheld too.
SELECT * FROM suppress_cells(ARRAY[100, 1, 2, 3, 4], ARRAY[43, 12, 3, 20, 8],
							 ARRAY[1, 1, 1, 1, 1], ARRAY[100, 1, 2, 3, 4], 5);
-- two hierarchies sharing cells: quarters of two kommuner and their years
-- cells: kommune k quarter q = 10k + q, year of k = 10k, region quarter q = q,
-- region year = 0
CREATE TEMP TABLE c (id int8, persons int8);
INSERT INTO c VALUES (11, 2), (12, 9), (13, 10), (14, 11), (21, 30), (22, 31), (23, 6), (24, 40);
INSERT INTO c SELECT 10 * (id / 10), sum(persons) FROM c GROUP BY id / 10;
INSERT INTO c SELECT id % 10, sum(persons) FROM c WHERE id % 10 > 0 GROUP BY id % 10;
INSERT INTO c SELECT 0, sum(persons) FROM c WHERE id BETWEEN 1 AND 9;
CREATE TEMP TABLE r (rel int8, member int8);
-- a kommune's year and its quarters; the region's quarter and its kommuner; the region's year
INSERT INTO r SELECT 1000 + id / 10, id FROM c WHERE id >= 10;
INSERT INTO r SELECT 2000 + id % 10, id FROM c WHERE id >= 10 AND id % 10 > 0;
INSERT INTO r SELECT 2000 + id, id FROM c WHERE id BETWEEN 1 AND 9;
INSERT INTO r SELECT 3000, id FROM c WHERE id BETWEEN 0 AND 9;
INSERT INTO r SELECT 3001, id FROM c WHERE id IN (0, 10, 20);
SELECT s.* FROM suppress_cells((SELECT array_agg(id ORDER BY id) FROM c), (SELECT array_agg(persons ORDER BY id) FROM c),
							   (SELECT array_agg(rel) FROM r), (SELECT array_agg(member) FROM r), 5) AS s;
-- the rule holds: no relation has exactly one withheld cell
SELECT r.rel, count(*) FILTER (WHERE s.withheld) AS withheld
FROM r JOIN suppress_cells((SELECT array_agg(id ORDER BY id) FROM c), (SELECT array_agg(persons ORDER BY id) FROM c),
						   (SELECT array_agg(rel) FROM r), (SELECT array_agg(member) FROM r), 5) AS s ON s.cell = r.member
GROUP BY r.rel HAVING count(*) FILTER (WHERE s.withheld) = 1;
SELECT * FROM suppress_report((SELECT array_agg(id ORDER BY id) FROM c), (SELECT array_agg(persons ORDER BY id) FROM c),
							  (SELECT array_agg(rel) FROM r), (SELECT array_agg(member) FROM r), 5);
-- rounding to 5 and 10 (halves up); withheld cells stay NULL
SELECT s5.cell, s5.persons AS base_5, s10.persons AS base_10
FROM suppress_cells(ARRAY[1, 2, 3, 4], ARRAY[2, 12, 15, 17], '{}', '{}', 5, 5) AS s5
	 JOIN suppress_cells(ARRAY[1, 2, 3, 4], ARRAY[2, 12, 15, 17], '{}', '{}', 5, 10) AS s10 USING (cell);
-- the threshold in force is the default; min_persons may not go below it
SET jobreg.min_cell = 3;
SELECT * FROM suppress_cells(ARRAY[1, 2], ARRAY[2, 3], '{}', '{}');
SELECT pg_temp.err($$SELECT * FROM suppress_cells(ARRAY[1], ARRAY[2], '{}', '{}', 1)$$) AS below_threshold;
RESET jobreg.min_cell;
-- empty input, bad input
SELECT count(*) AS empty FROM suppress_cells('{}', '{}', '{}', '{}', 5);
SELECT q, pg_temp.err(q) FROM unnest(ARRAY[
	$$SELECT * FROM suppress_cells(ARRAY[1, 2], ARRAY[1], '{}', '{}')$$,
	$$SELECT * FROM suppress_cells(ARRAY[1, 1], ARRAY[1, 2], '{}', '{}')$$,
	$$SELECT * FROM suppress_cells(ARRAY[1], ARRAY[-1], '{}', '{}')$$,
	$$SELECT * FROM suppress_cells(ARRAY[1], ARRAY[NULL::int8], '{}', '{}')$$,
	$$SELECT * FROM suppress_cells(ARRAY[1], ARRAY[1], ARRAY[1], ARRAY[2])$$,
	$$SELECT * FROM suppress_cells(ARRAY[1], ARRAY[1], ARRAY[1], '{}')$$,
	$$SELECT * FROM suppress_cells(NULL, ARRAY[1], '{}', '{}')$$,
	$$SELECT * FROM suppress_cells(ARRAY[1], ARRAY[1], '{}', '{}', 5, -5)$$,
	$$SELECT * FROM suppress_cells(ARRAY[[1]], ARRAY[[1]], '{}', '{}')$$]) AS q;

-- All relations solved together (the audit).  Region 10 = kommuner 1 + 2 + 3
-- (2 + 20 + 3 = 25), klynge 11 = kommuner 1 + 2 (22), region 12 = kommuner
-- 4 + 5 (70), the country 20 = regions 10 + 12 (95).  Kommuner 1 and 3 are
-- primary; the greedy pass withholds kommune 2 (klynge 11 had one withheld
-- cell), and then no relation has exactly one withheld cell, but region less
-- klynge is kommune 3.
\i test/lib/disclosed.sql
CREATE TEMP TABLE ex (cells int8[], persons int8[], rels int8[], mems int8[], tots bool[]);
INSERT INTO ex VALUES (ARRAY[1, 2, 3, 4, 5, 10, 11, 12, 20], ARRAY[2, 20, 3, 30, 40, 25, 22, 70, 95],
					   ARRAY[100, 100, 100, 100, 101, 101, 101, 102, 102, 102, 103, 103, 103],
					   ARRAY[10, 1, 2, 3, 11, 1, 2, 12, 4, 5, 20, 10, 12],
					   ARRAY[true, false, false, false, true, false, false, true, false, false, true, false, false]);
-- one relation at a time (audit => false): kommune 3 = region 10 − klynge 11 = 25 − 22
SELECT s.cell, s.persons, s.rule,
	   (SELECT r.persons FROM ex, suppress_cells(cells, persons, rels, mems, 5, 0, tots, false) AS r WHERE r.cell = 10)
	   - (SELECT r.persons FROM ex, suppress_cells(cells, persons, rels, mems, 5, 0, tots, false) AS r WHERE r.cell = 11)
		   AS region_less_klynge
FROM ex, suppress_cells(cells, persons, rels, mems, 5, 0, tots, false) AS s WHERE s.withheld;
SELECT d.* FROM ex, pg_temp.disclosed(rels, mems, tots,
	(SELECT array_agg(s.cell) FROM suppress_cells(cells, persons, rels, mems, 5, 0, tots, false) AS s WHERE s.withheld)) AS d;
-- solved together: klynge 11 goes too.  Region 10, the published cell of kommune 3's relation,
-- would leave the country's relation with one withheld cell; klynge 11, next to it through
-- kommuner 1 and 2, leaves none
SELECT s.* FROM ex, suppress_cells(cells, persons, rels, mems, 5, 0, tots) AS s;
SELECT d.* FROM ex, pg_temp.disclosed(rels, mems, tots,
	(SELECT array_agg(s.cell) FROM suppress_cells(cells, persons, rels, mems, 5, 0, tots) AS s WHERE s.withheld)) AS d;
-- without member_total the total of a relation is its cell of most persons: the same here
SELECT count(*) AS differ
FROM ex AS e, suppress_cells(e.cells, e.persons, e.rels, e.mems, 5, 0, e.tots) AS a
	 JOIN suppress_cells(e.cells, e.persons, e.rels, e.mems, 5) AS b USING (cell)
WHERE (a.withheld, a.rule) IS DISTINCT FROM (b.withheld, b.rule);
SELECT r.* FROM ex AS e, suppress_report(e.cells, e.persons, e.rels, e.mems, 5, 0, e.tots) AS r;

-- A table of 12 kommuner × 4 quarters and their year × 2 age groups and i alt,
-- kommuner in 3 regions and, across them, 4 klynger, and the country; random
-- persons (a fixed seed), many small.  Cells: 1000 * area + 10 * quarter + age
-- (area 1-12 kommuner, 21-23 regions, 31-34 klynger, 40 the country; quarter 0
-- the year; age 0 i alt).
SELECT setseed(0.71);
CREATE TEMP TABLE t3 AS
SELECT k AS area, q, g, (random() * random() * 60)::int8 AS persons
FROM generate_series(1, 12) AS k, generate_series(1, 4) AS q, generate_series(1, 2) AS g;
CREATE TEMP TABLE area (area int, kommune int);
INSERT INTO area SELECT k, k FROM generate_series(1, 12) AS k;
INSERT INTO area SELECT 21 + (k - 1) / 4, k FROM generate_series(1, 12) AS k;
INSERT INTO area SELECT 31 + k % 4, k FROM generate_series(1, 12) AS k;
INSERT INTO area SELECT 40, k FROM generate_series(1, 12) AS k;
CREATE TEMP TABLE t3cells AS
SELECT 1000 * a.area + 10 * x.q + x.g AS id, a.area, x.q, x.g, sum(t3.persons)::int8 AS persons
FROM area AS a
	 CROSS JOIN (SELECT q, g FROM generate_series(0, 4) AS q, generate_series(0, 2) AS g) AS x
	 JOIN t3 ON t3.area = a.kommune AND (t3.q = x.q OR x.q = 0) AND (t3.g = x.g OR x.g = 0)
GROUP BY a.area, x.q, x.g;
CREATE TEMP TABLE t3rel AS
-- an area and its kommuner
SELECT 1000000 + 1000 * a.area + 10 * q + g AS rel, 1000 * a.kommune + 10 * q + g AS member, false AS total
FROM area AS a, generate_series(0, 4) AS q, generate_series(0, 2) AS g
WHERE a.area > 12
UNION ALL
SELECT 1000000 + id, id, true FROM t3cells WHERE area > 12
UNION ALL
-- a year and its quarters
SELECT 2000000 + 1000 * area + g, id, q = 0 FROM t3cells
UNION ALL
-- i alt and its age groups
SELECT 3000000 + 1000 * area + 10 * q, id, g = 0 FROM t3cells;
CREATE TEMP TABLE t3arr AS
SELECT (SELECT array_agg(id ORDER BY id) FROM t3cells) AS cells, (SELECT array_agg(persons ORDER BY id) FROM t3cells) AS persons,
	   (SELECT array_agg(rel ORDER BY rel, member) FROM t3rel) AS rels, (SELECT array_agg(member ORDER BY rel, member) FROM t3rel) AS mems,
	   (SELECT array_agg(total ORDER BY rel, member) FROM t3rel) AS tots;
-- the relations hold in the table
SELECT count(*) AS relations,
	   count(*) FILTER (WHERE sum_parts <> total) AS not_holding
FROM (SELECT r.rel, sum(c.persons) FILTER (WHERE NOT r.total) AS sum_parts, sum(c.persons) FILTER (WHERE r.total) AS total
	  FROM t3rel AS r JOIN t3cells AS c ON c.id = r.member GROUP BY r.rel) AS x;
-- one relation at a time leaves cells that relations solved together give away; the audit leaves none
SELECT audit, count(*) FILTER (WHERE s.rule = 'primary') AS primary_cells,
	   count(*) FILTER (WHERE s.rule = 'secondary') AS secondary_cells,
	   (SELECT count(*) FILTER (WHERE d.disclosed) FROM pg_temp.disclosed(a.rels, a.mems, a.tots,
			array_agg(s.cell) FILTER (WHERE s.withheld)) AS d) AS disclosed,
	   (SELECT count(*) FILTER (WHERE d.disclosed IS NULL) FROM pg_temp.disclosed(a.rels, a.mems, a.tots,
			array_agg(s.cell) FILTER (WHERE s.withheld)) AS d) AS not_solved_here,
	   count(*) FILTER (WHERE NOT s.withheld AND s.persons < 5) AS published_under_5
FROM t3arr AS a, (VALUES (false), (true)) AS v (audit),
	 LATERAL suppress_cells(a.cells, a.persons, a.rels, a.mems, 5, 0, a.tots, v.audit) AS s
GROUP BY audit, a.rels, a.mems, a.tots ORDER BY audit;
-- the audit keeps the greedy pass's cells and the rule of no relation with one withheld cell
SELECT count(*) FILTER (WHERE g.withheld AND NOT s.withheld) AS greedy_cells_published,
	   (SELECT count(*) FROM (SELECT r.rel FROM t3rel AS r
							  JOIN t3arr AS a2 ON true
							  JOIN suppress_cells(a2.cells, a2.persons, a2.rels, a2.mems, 5, 0, a2.tots) AS x ON x.cell = r.member
							  GROUP BY r.rel HAVING count(*) FILTER (WHERE x.withheld) = 1) AS y) AS one_withheld
FROM t3arr AS a, suppress_cells(a.cells, a.persons, a.rels, a.mems, 5, 0, a.tots, false) AS g
	 JOIN suppress_cells(a.cells, a.persons, a.rels, a.mems, 5, 0, a.tots) AS s USING (cell);
-- the same cells whatever the order of the input
SELECT count(*) AS differ
FROM t3arr AS a, suppress_cells(a.cells, a.persons, a.rels, a.mems, 5, 0, a.tots) AS s
	 JOIN (SELECT x.* FROM t3arr AS b,
				  suppress_cells((SELECT array_agg(c ORDER BY c DESC) FROM unnest(b.cells) AS c),
								 (SELECT array_agg(p ORDER BY c DESC) FROM unnest(b.cells, b.persons) AS u (c, p)),
								 (SELECT array_agg(r ORDER BY m DESC, r) FROM unnest(b.rels, b.mems) AS u (r, m)),
								 (SELECT array_agg(m ORDER BY m DESC, r) FROM unnest(b.rels, b.mems) AS u (r, m)), 5, 0,
								 (SELECT array_agg(t ORDER BY m DESC, r) FROM unnest(b.rels, b.mems, b.tots) AS u (r, m, t))) AS x) AS y
		 USING (cell)
WHERE (s.withheld, s.rule) IS DISTINCT FROM (y.withheld, y.rule);

-- member_total: one total per relation, same length, no NULL; the audit's bound (54000)
SELECT q, pg_temp.err(q) FROM unnest(ARRAY[
	$$SELECT * FROM suppress_cells(ARRAY[1, 2, 3], ARRAY[9, 4, 5], ARRAY[1, 1, 1], ARRAY[1, 2, 3], 5, 0, ARRAY[true, false])$$,
	$$SELECT * FROM suppress_cells(ARRAY[1, 2, 3], ARRAY[9, 4, 5], ARRAY[1, 1, 1], ARRAY[1, 2, 3], 5, 0, ARRAY[true, true, false])$$,
	$$SELECT * FROM suppress_cells(ARRAY[1, 2, 3], ARRAY[9, 4, 5], ARRAY[1, 1, 1], ARRAY[1, 2, 3], 5, 0, ARRAY[false, false, false])$$,
	$$SELECT * FROM suppress_cells(ARRAY[1, 2, 3], ARRAY[9, 4, 5], ARRAY[1, 1, 1], ARRAY[1, 2, 3], 5, 0, ARRAY[true, NULL, false])$$]) AS q;
SELECT pg_temp.err($$SELECT * FROM suppress_cells((SELECT array_agg(c) FROM generate_series(1, 50002) AS c),
												   array_fill(1::int8, ARRAY[50002]), array_fill(1::int8, ARRAY[50002]),
												   (SELECT array_agg(c) FROM generate_series(1, 50002) AS c), 5)$$) AS too_many_linked;
SELECT count(*) FILTER (WHERE withheld) AS withheld
FROM suppress_cells((SELECT array_agg(c) FROM generate_series(1, 50002) AS c),
					array_fill(1::int8, ARRAY[50002]), array_fill(1::int8, ARRAY[50002]),
					(SELECT array_agg(c) FROM generate_series(1, 50002) AS c), 5, audit => false);
