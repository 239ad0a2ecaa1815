/* ---------- activation: offer types ---------- */

CREATE TABLE tilbudstype (
	kode text PRIMARY KEY,
	navn text NOT NULL,
	virksomhedsrettet bool NOT NULL,
	standard bool NOT NULL DEFAULT false,
	shipped bool NOT NULL DEFAULT false
);
COMMENT ON TABLE tilbudstype IS 'activation offer types (tilbud) and whether each counts as virksomhedsrettet (company-directed) activation';
COMMENT ON COLUMN tilbudstype.kode IS 'the code used in the offer data, e.g. virksomhedspraktik';
COMMENT ON COLUMN tilbudstype.navn IS 'the name of the offer type';
COMMENT ON COLUMN tilbudstype.virksomhedsrettet IS 'true if the offer is company-directed activation (virksomhedspraktik, løntilskud)';
COMMENT ON COLUMN tilbudstype.standard IS 'true for the standard offer types of the official classification (the extension ships them); a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
COMMENT ON COLUMN tilbudstype.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';

CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON tilbudstype
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON tilbudstype
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON tilbudstype IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON tilbudstype IS 'records shipped keys that leave the table in shipped_deleted';

INSERT INTO tilbudstype (kode, navn, virksomhedsrettet, standard, shipped) VALUES
	('virksomhedspraktik', 'Virksomhedspraktik', true, true, true),
	('løntilskud privat', 'Ansættelse med løntilskud, privat arbejdsgiver', true, true, true),
	('løntilskud offentlig', 'Ansættelse med løntilskud, offentlig arbejdsgiver', true, true, true),
	('nytteindsats', 'Nytteindsats', false, true, true),
	('jobrotation', 'Jobrotation (ansættelse som vikar)', false, true, true),
	('vejledning og opkvalificering', 'Øvrig vejledning og opkvalificering', false, true, true),
	('ordinær uddannelse', 'Ordinær uddannelse', false, true, true);

SELECT pg_catalog.pg_extension_config_dump('tilbudstype', 'WHERE NOT shipped');

/* ---------- activation: per person ---------- */

CREATE TYPE aktivering AS (
	personer int8,
	aktiveringsberoerte int8,
	ydelsestimer float8,
	aktiveringstimer float8,
	virksomhedsrettede_timer float8
);
COMMENT ON TYPE aktivering IS 'activation of one person or many in a period: persons on the benefit, persons with activation, possible hours (37 a week on the benefit), activation hours, company-directed activation hours';

CREATE FUNCTION aktivering_trans(internal, datemultirange, daterange, text, daterange, float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION aktivering_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION aktivering_serial(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_deserial(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_final(internal) RETURNS aktivering
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION aktivering_trans(internal, datemultirange, daterange, text, daterange, float8) IS 'aktivering transition: collects one person''s offers, clipped to the period';
COMMENT ON FUNCTION aktivering_combine(internal, internal) IS 'aktivering combine: joins the offers of two partial states of the same person';
COMMENT ON FUNCTION aktivering_serial(internal) IS 'aktivering serialization: the period, benefit intervals and offers';
COMMENT ON FUNCTION aktivering_deserial(bytea, internal) IS 'aktivering deserialization, checked';
COMMENT ON FUNCTION aktivering_final(internal) IS 'aktivering final: benefit hours, activation hours capped at 37 a week, company-directed hours';

CREATE AGGREGATE aktivering(ydelse datemultirange, periode daterange, tilbudstype text, tilbud daterange, timer float8) (
	SFUNC = aktivering_trans,
	STYPE = internal,
	COMBINEFUNC = aktivering_combine,
	SERIALFUNC = aktivering_serial,
	DESERIALFUNC = aktivering_deserial,
	FINALFUNC = aktivering_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE aktivering(datemultirange, daterange, text, daterange, float8) IS 'activation of one person in a period, from the benefit periods and the offers (type, days, hours per week); rows without an offer (NULL type, days and hours) count the benefit only';

/* ---------- activation: populations ---------- */

CREATE FUNCTION aktivering_accum(float8[], aktivering) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_sum_final(float8[]) RETURNS aktivering
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktiveringsgrad_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktiveringsberoerte_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION virksomhedsrettet_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION aktivering_accum(float8[], aktivering) IS 'transition of the population activation aggregates: adds one aktivering value (counts whole, hours in fixed point of 2^-64 hours: exact sums)';
COMMENT ON FUNCTION aktivering_sum_final(float8[]) IS 'aktivering_sum final: the summed aktivering value, NULL for no rows or fewer persons than jobreg.min_cell';
COMMENT ON FUNCTION aktiveringsgrad_final(float8[]) IS 'aktiveringsgrad final: activation hours ÷ possible hours';
COMMENT ON FUNCTION aktiveringsberoerte_final(float8[]) IS 'andel_aktiveringsberoerte final: persons with activation ÷ persons on the benefit';
COMMENT ON FUNCTION virksomhedsrettet_final(float8[]) IS 'virksomhedsrettet_andel final: company-directed activation hours ÷ activation hours';

/* ---------- activation: the persons behind the population figures, and the inverse (issues 19, 20) ---------- */

CREATE FUNCTION aktivering_inv(float8[], aktivering) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_persons_final(float8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION aktivering_inv(float8[], aktivering) IS 'moving-aggregate inverse of the population activation aggregates: takes one aktivering value out (exact: whole counts, fixed-point hours)';
COMMENT ON FUNCTION aktivering_persons_final(float8[]) IS 'aktivering_personer final: the persons on the benefit behind the sums';

CREATE AGGREGATE aktivering_sum(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktivering_sum_final,
	MSFUNC = aktivering_accum, MINVFUNC = aktivering_inv, MSTYPE = float8[], MINITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	MFINALFUNC = aktivering_sum_final, PARALLEL = SAFE
);
CREATE AGGREGATE aktiveringsgrad(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktiveringsgrad_final,
	MSFUNC = aktivering_accum, MINVFUNC = aktivering_inv, MSTYPE = float8[], MINITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	MFINALFUNC = aktiveringsgrad_final, PARALLEL = SAFE
);
CREATE AGGREGATE andel_aktiveringsberoerte(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktiveringsberoerte_final,
	MSFUNC = aktivering_accum, MINVFUNC = aktivering_inv, MSTYPE = float8[], MINITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	MFINALFUNC = aktiveringsberoerte_final, PARALLEL = SAFE
);
CREATE AGGREGATE virksomhedsrettet_andel(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = virksomhedsrettet_final,
	MSFUNC = aktivering_accum, MINVFUNC = aktivering_inv, MSTYPE = float8[], MINITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	MFINALFUNC = virksomhedsrettet_final, PARALLEL = SAFE
);
CREATE AGGREGATE aktivering_personer(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktivering_persons_final,
	MSFUNC = aktivering_accum, MINVFUNC = aktivering_inv, MSTYPE = float8[], MINITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	MFINALFUNC = aktivering_persons_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE aktivering_sum(aktivering) IS 'sum of aktivering values (persons, hours), for rollups; NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE aktiveringsgrad(aktivering) IS 'aktiveringsgrad: activation hours ÷ possible activation hours (37 a week on the benefit); NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE andel_aktiveringsberoerte(aktivering) IS 'andel aktiveringsberørte: persons with any activation in the period ÷ persons on the benefit in the period; NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE virksomhedsrettet_andel(aktivering) IS 'virksomhedsrettet andel: company-directed activation hours ÷ all activation hours; NULL under jobreg.min_cell activated persons';
COMMENT ON AGGREGATE aktivering_personer(aktivering) IS 'the persons behind the activation figures: the sum of the field personer (persons on the benefit), 0 for no rows';
