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
