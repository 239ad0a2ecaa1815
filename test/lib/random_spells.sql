\set random_spells_echo :ECHO
\set ECHO none
--
-- test/lib/random_spells.sql: the temp table sp of 12,000 random spells
-- (seed 0.5), 4,000 of each kind: 'plain' (right-censored, ties and zeros),
-- 'weighted' (dyadic weights 0 to 3.75, so sums are exact) and 'entry'
-- (delayed entry); and km, the survival state of each kind.
--
SELECT setseed(0.5);
CREATE TEMP TABLE sp AS
SELECT kind, i, entry, coalesce(entry, 0) + floor(random() * 60) + (kind = 'entry')::int AS exit, random() < 0.7 AS event, w
FROM (SELECT 'plain' AS kind, i, NULL::float8 AS entry, 1::float8 AS w FROM generate_series(1, 4000) i
	  UNION ALL
	  SELECT 'weighted', i, NULL, floor(random() * 16) / 4 FROM generate_series(1, 4000) i
	  UNION ALL
	  SELECT 'entry', i, floor(random() * 30), 1 FROM generate_series(1, 4000) i) x;
CREATE TEMP TABLE km AS
SELECT 'plain' AS kind, survival(exit, event) AS s FROM sp WHERE kind = 'plain'
UNION ALL SELECT 'weighted', survival(exit, event, w) FROM sp WHERE kind = 'weighted'
UNION ALL SELECT 'entry', survival(entry, exit, event) FROM sp WHERE kind = 'entry';
\set ECHO :random_spells_echo
