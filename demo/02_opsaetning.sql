-- Before the documents' tables: what the demo files share.
--
-- 1. The register's offer types in jobreg's `tilbudstype` table.  jobreg ships the
--    Danish names ('løntilskud privat', ...); the synthetic register writes its own codes
--    ('loentilskud_privat', ...), as a real register writes its own, and these are added
--    as the user's rows (shipped = false, kept by pg_dump).  Three codes are the same in
--    both; of these, jobrotation is virksomhedsrettet in the register's classification
--    (synth_tilbudstype) and not in jobreg's shipped row: the demo follows the register,
--    so that it counts the hours the generator was calibrated with.
-- 2. register.geografi: the areas the documents compare, per målgruppe: København, its
--    klynge (jobreg's `klynge` rows 'København 2015') and the whole country.
-- 3. register.demo_figur: every figure a demo file prints, the document's and jobreg's,
--    in the document's unit (fuldtidspersoner, personer, pct., år); 99_opsummering.sql
--    compares them with the calibration targets (synth_target, by noegle).
SET client_min_messages = warning;

INSERT INTO tilbudstype (kode, navn, virksomhedsrettet)
SELECT s.tilbudstype, s.betegnelse, s.virksomhedsrettet
FROM synth_tilbudstype s
WHERE s.tilbudstype NOT IN (SELECT kode FROM tilbudstype);
UPDATE tilbudstype t SET virksomhedsrettet = s.virksomhedsrettet
FROM synth_tilbudstype s
WHERE s.tilbudstype = t.kode AND s.virksomhedsrettet <> t.virksomhedsrettet;

SELECT kode, navn, virksomhedsrettet FROM tilbudstype
WHERE kode IN (SELECT tilbudstype FROM synth_tilbudstype) ORDER BY virksomhedsrettet DESC, kode;

CREATE VIEW register.geografi (maalgruppe, kommunekode, geografi) AS
SELECT m.maalgruppe, k.kode, 'hele landet'
FROM kommune k, (SELECT DISTINCT maalgruppe FROM klynge WHERE klynge = 'København 2015') m
UNION ALL
SELECT maalgruppe, kommunekode,
	   CASE WHEN kommunekode = 101 THEN 'København'                 -- the focus is in its own klynge
			WHEN maalgruppe = 'ledighedsydelse' THEN 'klyngen (ledighedsydelse)' ELSE 'klyngen' END
FROM klynge WHERE klynge = 'København 2015';
COMMENT ON VIEW register.geografi IS 'København, its klynge and the whole country, per målgruppe (the kommuner of each)';

-- a row of a document's table "København | klyngen | hele landet" as one row per area,
-- named as register.geografi names them
CREATE FUNCTION register.tre_geografier(maalgruppe text, koebenhavn float8, klyngen float8, hele_landet float8)
RETURNS TABLE (geografi text, dokument float8)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	VALUES ('København', koebenhavn),
		   (CASE WHEN maalgruppe = 'ledighedsydelse' THEN 'klyngen (ledighedsydelse)' ELSE 'klyngen' END, klyngen),
		   ('hele landet', hele_landet);
END;

CREATE TABLE register.demo_figur (
	kilde text NOT NULL,        -- the document and its table: 'seeds/000 Tabel 1'
	maal text NOT NULL,         -- the row of the table
	geografi text NOT NULL,     -- København, klyngen, hele landet, ...
	enhed text NOT NULL,        -- fuldtidspersoner, personer, pct., år
	dokument float8,            -- the figure the document printed
	jobreg float8,              -- the same figure computed by the demo query
	noegle text,                -- the definition followed: synth_maal.noegle (NULL: none)
	UNIQUE (kilde, maal, geografi, noegle)
);
COMMENT ON TABLE register.demo_figur IS 'every figure printed by the demo files: the document''s and jobreg''s, in the document''s unit';

-- a figure as the document prints it (dk_number, dk_pct): counts and ranks whole, percentages and
-- years with the document's decimals (plus `ekstra`, to show jobreg's figure a little finer)
CREATE FUNCTION register.tal(x float8, enhed text, dokument float8, ekstra int DEFAULT 0) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN enhed IN ('fuldtidspersoner', 'personer', 'placering', 'antal år') THEN dk_number(round(x)::numeric)
			WHEN enhed LIKE 'pct.%' THEN dk_pct(x / 100, coalesce(scale(dokument::numeric), 0) + ekstra)
			ELSE dk_number(x::numeric, coalesce(scale(dokument::numeric), 0) + ekstra) END;

-- The kontanthjælp family (the synthetic codebook, issue 18): kontanthjælp, uddannelseshjælp
-- (under 30 without a vocational education, from 2014), integrationsydelse (2015-2019),
-- overgangsydelse and selvforsørgelses- og hjemrejseydelse (from July 2019).  seeds/002 counts a
-- spell (anciennitet) over all of them, and its Tabel 11 counts the aktivitetsparate on
-- kontanthjælp or overgangsydelse.
CREATE FUNCTION register.kth_familie() RETURNS int4[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'kontanthjælp jobparat')
	|| codes('synthetic', 'uddannelseshjælp aktivitetsparat') || codes('synthetic', 'uddannelseshjælp uddannelsesparat')
	|| codes('synthetic', 'integrationsydelse') || codes('synthetic', 'overgangsydelse aktivitetsparat')
	|| codes('synthetic', 'overgangsydelse jobparat') || codes('synthetic', 'selvforsørgelses- og hjemrejseydelse');
COMMENT ON FUNCTION register.kth_familie() IS 'codes of kontanthjælp, uddannelseshjælp, integrationsydelse, overgangsydelse and selvforsørgelses- og hjemrejseydelse';
CREATE FUNCTION register.akt_kth_ovg() RETURNS int4[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'overgangsydelse aktivitetsparat');
COMMENT ON FUNCTION register.akt_kth_ovg() IS 'codes of the aktivitetsparate on kontanthjælp or overgangsydelse (seeds/002 Tabel 11)';
