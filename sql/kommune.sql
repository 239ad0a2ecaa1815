--
-- kommune and klynge reference tables, and the Danish collation on them
--
SET datestyle = ISO;

-- all 98 municipalities, per region
SELECT count(*) AS kommuner, count(DISTINCT navn) AS names, count(DISTINCT kode) AS codes,
	   count(*) FILTER (WHERE shipped) AS shipped,
	   count(*) FILTER (WHERE navn IS NOT NFC NORMALIZED) AS not_nfc,
	   count(*) FILTER (WHERE navn ~ '[^A-Za-zÆØÅæøå -]') AS odd_characters
FROM kommune;
SELECT region, count(*) AS kommuner, min(kode) AS first_code, max(kode) AS last_code
FROM kommune GROUP BY region ORDER BY min(kode);

-- codes and spellings that are easy to get wrong
SELECT kode, navn, region FROM kommune
WHERE kode IN (101, 147, 153, 165, 169, 173, 183, 185, 190, 360, 400, 430, 461, 480, 492, 561,
			   563, 580, 730, 741, 751, 756, 760, 810, 820, 825, 851)
ORDER BY kode;
-- Christiansø is administered by the state, not a kommune; no pre-2007 names
SELECT count(*) AS not_kommuner FROM kommune
WHERE navn IN ('Christiansø', 'Århus', 'Ålborg', 'Aabenraa-Rødekro', 'Lyngby', 'Københavns')
   OR kode = 411;

-- the Danish collation: Æ, Ø, Å after Z, and Aa as Å (whatever the database locale is)
SELECT collprovider, colliculocale FROM pg_collation WHERE collname = 'dansk';
SELECT string_agg(navn, ', ' ORDER BY navn COLLATE dansk) AS danish_order FROM kommune;
SELECT string_agg(navn, ', ' ORDER BY navn COLLATE dansk) AS last_six
FROM (SELECT navn FROM kommune ORDER BY navn COLLATE dansk DESC LIMIT 6) AS x;
SELECT 'Aabenraa' > 'Ærø' COLLATE dansk AS aabenraa_after_aeroe,
	   'Ærø' > 'Zealand' COLLATE dansk AS ae_after_z,
	   'Ærø' < 'Ølstykke' COLLATE dansk AND 'Ølstykke' < 'Åbenrå' COLLATE dansk AS ae_oe_aa,
	   'Faaborg-Midtfyn' > 'Furesø' COLLATE dansk AS faaborg_after_furesoe,
	   'Aabenraa' > 'Ærø' COLLATE "C" AS c_collation_differs;
-- the neighbours of every kommune in Danish order, checked against ICU's
-- rule spelled out by hand: sort by the name with Aa → Å, then Æ Ø Å moved past Z
SELECT count(*) AS kommuner,
	   count(*) FILTER (WHERE danish <> by_rule) AS misplaced
FROM (SELECT navn,
			 row_number() OVER (ORDER BY navn COLLATE dansk) AS danish,
			 row_number() OVER (ORDER BY translate(replace(replace(lower(navn), 'aa', 'å'), '-', ' '), 'æøå', '{|}') COLLATE "C") AS by_rule
	  FROM kommune) AS x;

-- the klynger of the documents
SELECT maalgruppe, klynge, gyldig, count(*) AS members,
	   string_agg(k.navn, ', ' ORDER BY k.navn COLLATE dansk) AS kommuner
FROM klynge JOIN kommune k ON k.kode = klynge.kommunekode
GROUP BY maalgruppe, klynge, gyldig ORDER BY klynge, maalgruppe;
-- København's klynge for a målgruppe at a date
SELECT string_agg(k.navn, ', ' ORDER BY k.navn COLLATE dansk) AS ledighedsydelse_q1_2015
FROM klynge JOIN kommune k ON k.kode = klynge.kommunekode
WHERE maalgruppe = 'ledighedsydelse' AND gyldig @> date '2015-03-31';

-- both tables are extension configuration tables; pg_dump dumps only the rows users add
SELECT c.relname, x.condition
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x (tab, condition)
JOIN pg_class c ON c.oid = x.tab
WHERE e.extname = 'jobreg' AND c.relname IN ('kommune', 'klynge') ORDER BY c.relname;
BEGIN;
INSERT INTO klynge (maalgruppe, kommunekode, klynge, gyldig)
VALUES ('jobparate kontanthjælpsmodtagere', 101, 'min klynge', daterange('2017-01-01', '2018-01-01'));
SELECT kilde, shipped, count(*) AS rows
FROM klynge GROUP BY kilde, shipped ORDER BY kilde, shipped;
ROLLBACK;

-- constraints
\i test/lib/errors.sql
SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('four digits', $$INSERT INTO kommune VALUES (1001, 'X', 'Hovedstaden')$$),
	('unknown region', $$INSERT INTO kommune VALUES (998, 'X', 'Bornholm')$$),
	('duplicate name', $$INSERT INTO kommune VALUES (998, 'København', 'Hovedstaden')$$),
	('unknown kommune', $$INSERT INTO klynge VALUES ('alle', 999, 'x', daterange('2015-01-01', '2016-01-01'))$$),
	('empty period', $$INSERT INTO klynge VALUES ('alle', 101, 'x', 'empty')$$)
) AS t (what, q);
