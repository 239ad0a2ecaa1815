-- bi/source.sql: the BI layer's inputs (schema bi, part 1 of 3).
--
-- The layer is a template: this file is the only one that names the register's
-- tables.  Point the four kilde_* views at your own tables (same column names
-- and types), set the målgrupper and the quarters, then run bi/rollups.sql and
-- bi/views.sql (or all three with bi/install.sql).  As shipped it reads the
-- demo register (demo/01_register.sql, schema register) in jobreg's synthetic
-- codebook.
\if :{?bi_fra_aar}
\else
\set bi_fra_aar 2014
\endif
\if :{?bi_til_aar}
\else
\set bi_til_aar 2024
\endif
DROP SCHEMA IF EXISTS bi CASCADE;
CREATE SCHEMA bi;
COMMENT ON SCHEMA bi IS 'jobreg BI layer: rollups with mergeable states (materialized views, refreshed nightly) and views with plain columns for BI tools';

-- One row per person: the kommune the person is counted in, and the birth date
-- (for the age group on the first day of each quarter).
CREATE VIEW bi.kilde_person AS
SELECT pnr, kommunekode, foedselsdato FROM register.person;

-- One row per person: the weekly DREAM codes as a weekline.
CREATE VIEW bi.kilde_dream AS
SELECT pnr, uger FROM register.dream;

-- Activation offers; tilbudstype must be a kode of jobreg's tilbudstype table
-- (aktivering() refuses unknown types), so the register's own keys are
-- translated here.
CREATE VIEW bi.kilde_tilbud AS
SELECT pnr,
	   CASE tilbudstype
		   WHEN 'loentilskud_privat' THEN 'løntilskud privat'
		   WHEN 'loentilskud_offentlig' THEN 'løntilskud offentlig'
		   WHEN 'vejledning_opkvalificering' THEN 'vejledning og opkvalificering'
		   WHEN 'ordinaer_uddannelse' THEN 'ordinær uddannelse'
		   ELSE tilbudstype
	   END AS tilbudstype,
	   periode, timer_pr_uge
FROM register.tilbud;

-- Population by kommune and age (years) on the first day of each quarter.
CREATE VIEW bi.kilde_befolkning AS
SELECT kommunekode, aar, kvartal, alder, antal FROM register.befolkning;

-- How a delivery of changed weeklines is written into the register, when the
-- rollups are updated with it (bi.rollups_opdater, bi/incremental.sql):
-- levering is a table (pnr, uger) holding the new weekline of each changed
-- person (NULL: the person has none any more).  Edit it with the views above.
CREATE FUNCTION bi.indlaes_levering(levering regclass) RETURNS void
	LANGUAGE plpgsql AS $f$
BEGIN
	-- = ANY: lookups in the primary key, not a join with the whole register
	EXECUTE format('DELETE FROM register.dream AS d WHERE d.pnr = ANY (ARRAY(SELECT l.pnr FROM %s AS l))', levering);
	EXECUTE format('INSERT INTO register.dream (pnr, uger) SELECT l.pnr, l.uger FROM %s AS l WHERE l.uger IS NOT NULL',
				   levering);
END $f$;
COMMENT ON FUNCTION bi.indlaes_levering(regclass) IS 'BI input: writes a delivery of new weeklines (a table pnr, uger; NULL uger: none any more) into the register that bi.kilde_dream reads; edit to point at your own table';

COMMENT ON VIEW bi.kilde_person IS 'BI input: one row per person (pnr, kommunekode, foedselsdato); edit to point at your own table';
COMMENT ON VIEW bi.kilde_dream IS 'BI input: one weekline per person (pnr, uger); edit to point at your own table';
COMMENT ON VIEW bi.kilde_tilbud IS 'BI input: activation offers (pnr, tilbudstype as in jobreg''s tilbudstype table, periode, timer_pr_uge); edit to point at your own table';
COMMENT ON VIEW bi.kilde_befolkning IS 'BI input: population by kommune, year, quarter and age on the first day of the quarter; edit to point at your own table';

-- The målgrupper: the codes that put a person in each, and the målgruppe of
-- jobreg's klynge table whose klynger apply to it (klynger with målgruppe
-- 'alle' apply to every målgruppe).  Rows may be added or changed; the next
-- refresh of the rollups picks them up.
CREATE TABLE bi.maalgruppe (
	maalgruppe text PRIMARY KEY,
	koder int[] NOT NULL CHECK (cardinality(koder) > 0),
	klynge_maalgruppe text
);
COMMENT ON TABLE bi.maalgruppe IS 'BI målgrupper: the weekly codes of each (from your codebook) and the klynge målgruppe it is benchmarked in';
COMMENT ON COLUMN bi.maalgruppe.koder IS 'weekly codes that count as being in the målgruppe that week';
COMMENT ON COLUMN bi.maalgruppe.klynge_maalgruppe IS 'the maalgruppe of jobreg''s klynge table whose klynger apply (NULL: only klynger with maalgruppe alle)';

INSERT INTO bi.maalgruppe
SELECT m.maalgruppe, k.koder, m.klynge_maalgruppe
FROM (VALUES ('aktivitetsparate', ARRAY['kontanthjælp aktivitetsparat'], 'aktivitetsparate kontanthjælpsmodtagere'),
			 ('jobparate', ARRAY['kontanthjælp jobparat'], NULL),
			 ('ledighedsydelse', ARRAY['ledighedsydelse'], 'ledighedsydelse'),
			 ('fleksjobvisiterede', ARRAY['fleksjob', 'ledighedsydelse'], 'fleksjobvisiterede'),
			 ('ressourceforløb', ARRAY['ressourceforløb'], 'ressourceforløb'),
			 ('revalidering', ARRAY['revalidering'], 'revalidering')) AS m (maalgruppe, grupper, klynge_maalgruppe),
	 LATERAL (SELECT array_agg(c ORDER BY c) AS koder
			  FROM unnest(m.grupper) AS g, unnest(codes('synthetic', g)) AS c) AS k;

-- The quarters the rollups cover, years :bi_fra_aar to :bi_til_aar (psql
-- variables, default 2014-2024); weeks belong to the quarter holding their
-- Thursday (quarter_weeks).  Rows may be added; the next refresh covers them.
CREATE TABLE bi.kvartal (
	nr int NOT NULL UNIQUE,
	aar int NOT NULL,
	kvartal int NOT NULL CHECK (kvartal BETWEEN 1 AND 4),
	uger weekrange NOT NULL,
	antal_uger int NOT NULL,
	dage daterange NOT NULL,
	foerste_dag date NOT NULL,
	sidste_uge isoweek NOT NULL,
	PRIMARY KEY (aar, kvartal)
);
COMMENT ON TABLE bi.kvartal IS 'BI quarters: the weeks of each (Thursday rule), their days, the first day of the calendar quarter (age and population date) and the last week (anciennitet date)';

-- The quarter of a week: the quarter holding its Thursday, numbered 4 × year + quarter − 1
-- so that consecutive quarters have consecutive numbers.
CREATE FUNCTION bi.kvartalsnr(uge isoweek) RETURNS int
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN (4 * date_part('year', thursday(uge)) + date_part('quarter', thursday(uge)))::int - 1;
COMMENT ON FUNCTION bi.kvartalsnr(isoweek) IS 'the number (4 × year + quarter − 1) of the quarter whose weeks include this week (the quarter of its Thursday)';

INSERT INTO bi.kvartal
SELECT 4 * a + k - 1, a, k, w, upper(w) - lower(w), daterange(monday(lower(w)), monday(upper(w))),
	   make_date(a, 3 * k - 2, 1), upper(w) - 1
FROM generate_series(:bi_fra_aar, :bi_til_aar) AS a, generate_series(1, 4) AS k, quarter_weeks(a, k) AS w;

-- All the covered weeks and days, and every code of a målgruppe.
CREATE VIEW bi.spaend AS
SELECT weekrange(min(lower(q.uger)), max(upper(q.uger))) AS uger,
	   daterange(min(lower(q.dage)), max(upper(q.dage))) AS dage,
	   (SELECT array_agg(DISTINCT k ORDER BY k) FROM bi.maalgruppe AS m, unnest(m.koder) AS k) AS koder
FROM bi.kvartal AS q;
COMMENT ON VIEW bi.spaend IS 'BI: the span of the covered quarters (weeks and days) and the codes of all målgrupper';

-- Age groups: the population table counts ages 16-66; the documents' målgrupper
-- are mostly the 30+.  A person's age is taken on the first day of the quarter.
CREATE FUNCTION bi.aldersgruppe(alder int) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN alder >= 30 THEN '30+' WHEN alder < 30 THEN '16-29' END;
CREATE FUNCTION bi.aldersgruppe(foedselsdato date, dag date) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN bi.aldersgruppe(date_part('year', age(dag::timestamp, foedselsdato::timestamp))::int);
COMMENT ON FUNCTION bi.aldersgruppe(int) IS 'age group of an age in years: 16-29 or 30+';
COMMENT ON FUNCTION bi.aldersgruppe(date, date) IS 'age group of a person born on foedselsdato, on the day dag';

ANALYZE bi.maalgruppe, bi.kvartal;
