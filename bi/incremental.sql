-- bi/incremental.sql: updating the rollups with a delivery (schema bi).
--
-- A delivery of changed weeklines changes a small share of persons.  Instead
-- of rebuilding the rollups, bi.rollups_opdater(levering) takes the changed
-- persons' old contributions out of each rollup row and puts their new ones
-- in: it reads their old weeklines through bi.kilde_dream (and their rows of
-- bi.kilde_person), writes the delivery into the register
-- (bi.indlaes_levering, bi/source.sql), reads the new ones, runs each
-- rollup's own query (bi/rollups.sql) over the two small sets and applies
-- the differences per rollup row.  Only what can differ is computed: from
-- the first week in which a person's old and new histories differ
-- (weekline_first_difference), the quarters and spells that those weeks can
-- change; the rest would be the same on both sides and cancel.  Every state is exact
-- under this (whole-number counts, survival states through
-- survival_subtract, fixed-point hours), so the rows are exactly those a
-- rebuild gives.  All of it happens in the caller's transaction: readers see
-- the old register and rollups or the new ones, never a mix.  A rollup that
-- is out of step with the register (it changed without going through here)
-- makes it fail (22023 from survival_subtract, or P0001), and nothing is
-- changed: rebuild with bi.rollups_genopbyg().

-- Element-wise a + sign × b of the state arrays (b NULL: a).  Written out
-- element by element, so that PostgreSQL inlines them.
CREATE FUNCTION bi.plus(a int8[], b int8[], fortegn int) RETURNS int8[]
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN b IS NULL THEN a
				ELSE ARRAY[a[1] + fortegn * b[1], a[2] + fortegn * b[2], a[3] + fortegn * b[3],
						   a[4] + fortegn * b[4], a[5] + fortegn * b[5], a[6] + fortegn * b[6]] END;
CREATE FUNCTION bi.plus(a float8[], b float8[], fortegn int) RETURNS float8[]
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN b IS NULL THEN a
				ELSE ARRAY[a[1] + fortegn * b[1], a[2] + fortegn * b[2], a[3] + fortegn * b[3],
						   a[4] + fortegn * b[4], a[5] + fortegn * b[5], a[6] + fortegn * b[6],
						   a[7] + fortegn * b[7], a[8] + fortegn * b[8]] END;
COMMENT ON FUNCTION bi.plus(int8[], int8[], int) IS 'BI internal: element-wise a + fortegn × b of ydelse_rollup''s sums (b NULL: a)';
COMMENT ON FUNCTION bi.plus(float8[], float8[], int) IS 'BI internal: element-wise a + fortegn × b of anciennitet_fordeling''s states (b NULL: a)';

CREATE FUNCTION bi.rollups_opdater(levering regclass)
	RETURNS TABLE (rollup text, opdateret int8, nye int8, slettet int8)
	LANGUAGE plpgsql
	-- small queries over few rows: compiling them would cost more than it saves
	SET jit = off
	AS $f$
DECLARE
	u int8;
	i int8;
	d int8;
	ud int8;					-- rows whose counts went wrong
	t text;
	id int8;
BEGIN
	-- one update or rebuild at a time; readers are not blocked
	LOCK TABLE bi.ydelse_rollup, bi.forloeb_rollup, bi.anciennitet_rollup IN SHARE ROW EXCLUSIVE MODE;
	-- the work tables of an earlier call in this transaction
	FOR t IN SELECT unnest(ARRAY['bi_foer', 'bi_par', 'bi_gamle', 'bi_nye', 'bi_personer', 'bi_y', 'bi_f', 'bi_a']) LOOP
		IF to_regclass('pg_temp.' || t) IS NOT NULL THEN
			EXECUTE format('DROP TABLE pg_temp.%I', t);
		END IF;
	END LOOP;
	-- the changed persons' weeklines before and after the delivery, and their
	-- rows of bi.kilde_person: lookups by pnr (= ANY, in pnr order), not
	-- joins with the whole register, where it has an index
	EXECUTE format('CREATE TEMP TABLE bi_foer ON COMMIT DROP AS SELECT d.pnr, d.uger FROM bi.kilde_dream AS d'
				   ' WHERE d.pnr = ANY (ARRAY(SELECT l.pnr FROM %s AS l ORDER BY 1))', levering);
	EXECUTE format('CREATE TEMP TABLE bi_personer ON COMMIT DROP AS SELECT p.pnr, p.kommunekode, p.foedselsdato'
				   ' FROM bi.kilde_person AS p WHERE p.pnr = ANY (ARRAY(SELECT l.pnr FROM %s AS l ORDER BY 1))', levering);
	PERFORM bi.indlaes_levering(levering);
	-- from which week each person's history changed (fra): the rollup
	-- queries compute only what the weeks from then on can change, on both
	-- sides alike, and the rest cancels; NULL (all) for a person without a
	-- history before or after; persons whose history is the same are left out
	EXECUTE format('CREATE TEMP TABLE bi_par ON COMMIT DROP AS'
				   ' SELECT pnr, f.uger AS gammel, e.uger AS ny, weekline_first_difference(f.uger, e.uger) AS fra'
				   ' FROM pg_temp.bi_foer AS f'
				   '	  FULL JOIN (SELECT d.pnr, d.uger FROM bi.kilde_dream AS d'
				   '				 WHERE d.pnr = ANY (ARRAY(SELECT l.pnr FROM %s AS l ORDER BY 1))) AS e USING (pnr)',
				   levering);
	CREATE TEMP TABLE bi_gamle ON COMMIT DROP AS
	SELECT pnr, gammel AS uger, fra FROM pg_temp.bi_par WHERE gammel IS NOT NULL AND (ny IS NULL OR fra IS NOT NULL);
	CREATE TEMP TABLE bi_nye ON COMMIT DROP AS
	SELECT pnr, ny AS uger, fra FROM pg_temp.bi_par WHERE ny IS NOT NULL AND (gammel IS NULL OR fra IS NOT NULL);
	ANALYZE pg_temp.bi_gamle;
	ANALYZE pg_temp.bi_nye;
	ANALYZE pg_temp.bi_personer;

	-- ydelse_rollup: counts and fixed-point sums; the differences per row
	EXECUTE format($q$CREATE TEMP TABLE bi_y ON COMMIT DROP AS
		SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe,
			   coalesce(n.personer, 0) - coalesce(g.personer, 0) AS personer,
			   coalesce(n.uger, 0) - coalesce(g.uger, 0) AS uger,
			   bi.plus(coalesce(n.summer, '{0,0,0,0,0,0}'), g.summer, -1) AS summer,
			   g.personer IS NOT NULL AS hadde
		FROM (%s) AS g FULL JOIN (%s) AS n USING (kommunekode, aar, kvartal, maalgruppe, aldersgruppe)
		WHERE (g.personer, g.uger, g.summer) IS DISTINCT FROM (n.personer, n.uger, n.summer)$q$,
				   bi.ydelse_sql('pg_temp.bi_gamle', 'pg_temp.bi_personer', true),
				   bi.ydelse_sql('pg_temp.bi_nye', 'pg_temp.bi_personer', true));
	ANALYZE pg_temp.bi_y;
	WITH r AS (
		UPDATE bi.ydelse_rollup AS r
		SET personer = r.personer + y.personer, uger = r.uger + y.uger,
			summer = bi.plus(r.summer, y.summer, 1), aktivering = bi.aktivering_af(bi.plus(r.summer, y.summer, 1))
		FROM pg_temp.bi_y AS y
		WHERE (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
			  = (y.kommunekode, y.aar, y.kvartal, y.maalgruppe, y.aldersgruppe)
		RETURNING r.personer, r.uger, r.summer)
	SELECT count(*), count(*) FILTER (WHERE personer < 0 OR uger < 0 OR 0 > ANY (summer)
											OR (personer = 0 AND (uger <> 0 OR 0 <> ANY (summer))))
	INTO u, ud
	FROM r;
	WITH r AS (
		INSERT INTO bi.ydelse_rollup
		SELECT y.kommunekode, y.aar, y.kvartal, y.maalgruppe, y.aldersgruppe,
			   CASE WHEN y.hadde THEN -1 ELSE y.personer END,	-- an old row the rollup lacks: out of step
			   y.uger, bi.aktivering_af(y.summer), y.summer
		FROM pg_temp.bi_y AS y
		WHERE NOT EXISTS (SELECT FROM bi.ydelse_rollup AS r
						  WHERE (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
								= (y.kommunekode, y.aar, y.kvartal, y.maalgruppe, y.aldersgruppe))
		RETURNING personer, uger, summer)
	SELECT count(*), count(*) FILTER (WHERE personer <= 0 OR uger < 0 OR 0 > ANY (summer))
	INTO i, id
	FROM r;
	IF ud + id > 0 THEN
		RAISE EXCEPTION 'bi.ydelse_rollup is out of step with the register'
			USING HINT = 'Rebuild the rollups with bi.rollups_genopbyg().';
	END IF;
	-- rows left without persons (only the update above can leave such rows)
	DELETE FROM bi.ydelse_rollup AS r WHERE r.personer = 0;
	GET DIAGNOSTICS d = ROW_COUNT;
	rollup := 'ydelse_rollup'; opdateret := u - d; nye := i; slettet := d;
	RETURN NEXT;

	-- forloeb_rollup: the old spells' survival state out, the new one in
	EXECUTE format($q$CREATE TEMP TABLE bi_f ON COMMIT DROP AS
		SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe,
			   coalesce(n.nye_forloeb, 0) - coalesce(g.nye_forloeb, 0) AS nye_forloeb,
			   g.overlevelse AS gammel, n.overlevelse AS ny
		FROM (%s) AS g FULL JOIN (%s) AS n USING (kommunekode, aar, kvartal, maalgruppe, aldersgruppe)
		WHERE (g.nye_forloeb, g.overlevelse::text) IS DISTINCT FROM (n.nye_forloeb, n.overlevelse::text)$q$,
				   bi.forloeb_sql('pg_temp.bi_gamle', 'pg_temp.bi_personer', true),
				   bi.forloeb_sql('pg_temp.bi_nye', 'pg_temp.bi_personer', true));
	ANALYZE pg_temp.bi_f;
	WITH r AS (
		UPDATE bi.forloeb_rollup AS r
		SET nye_forloeb = r.nye_forloeb + f.nye_forloeb,
			overlevelse = (SELECT survival_merge(s)
						   FROM (VALUES (CASE WHEN f.gammel IS NULL THEN r.overlevelse ELSE r.overlevelse - f.gammel END),
										(f.ny)) AS v (s))
		FROM pg_temp.bi_f AS f
		WHERE (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
			  = (f.kommunekode, f.aar, f.kvartal, f.maalgruppe, f.aldersgruppe)
		RETURNING r.nye_forloeb, r.overlevelse)
	SELECT count(*), count(*) FILTER (WHERE nye_forloeb < 0 OR (nye_forloeb = 0) <> (overlevelse IS NULL))
	INTO u, ud
	FROM r;
	WITH r AS (
		INSERT INTO bi.forloeb_rollup
		SELECT f.kommunekode, f.aar, f.kvartal, f.maalgruppe, f.aldersgruppe,
			   CASE WHEN f.gammel IS NOT NULL THEN -1 ELSE f.nye_forloeb END, f.ny
		FROM pg_temp.bi_f AS f
		WHERE NOT EXISTS (SELECT FROM bi.forloeb_rollup AS r
						  WHERE (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
								= (f.kommunekode, f.aar, f.kvartal, f.maalgruppe, f.aldersgruppe))
		RETURNING nye_forloeb, overlevelse)
	SELECT count(*), count(*) FILTER (WHERE nye_forloeb <= 0 OR overlevelse IS NULL)
	INTO i, id
	FROM r;
	IF ud + id > 0 THEN
		RAISE EXCEPTION 'bi.forloeb_rollup is out of step with the register'
			USING HINT = 'Rebuild the rollups with bi.rollups_genopbyg().';
	END IF;
	-- rows left without persons (only the update above can leave such rows)
	DELETE FROM bi.forloeb_rollup AS r WHERE r.nye_forloeb = 0;
	GET DIAGNOSTICS d = ROW_COUNT;
	rollup := 'forloeb_rollup'; opdateret := u - d; nye := i; slettet := d;
	RETURN NEXT;

	-- anciennitet_rollup: the counts of anciennitet_fordeling's state
	EXECUTE format($q$CREATE TEMP TABLE bi_a ON COMMIT DROP AS
		SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe,
			   bi.plus(coalesce(n.fordeling, '{0,0,0,0,0,0,0,0}'), g.fordeling, -1) AS fordeling,
			   g.fordeling IS NOT NULL AS hadde
		FROM (%s) AS g FULL JOIN (%s) AS n USING (kommunekode, aar, kvartal, maalgruppe, aldersgruppe)
		WHERE g.fordeling IS DISTINCT FROM n.fordeling$q$,
				   bi.anciennitet_sql('pg_temp.bi_gamle', 'pg_temp.bi_personer', true),
				   bi.anciennitet_sql('pg_temp.bi_nye', 'pg_temp.bi_personer', true));
	ANALYZE pg_temp.bi_a;
	WITH r AS (
		UPDATE bi.anciennitet_rollup AS r
		SET (personer, gennemsnit_aar, andel_over_2_aar, andel_over_3_aar, andel_over_5_aar, andel_5_7_aar,
			 andel_7_10_aar, andel_10_plus_aar, fordeling)
			= (SELECT v.*, x.f	-- the function in FROM: called once, not per column
			   FROM (SELECT bi.plus(r.fordeling, a.fordeling, 1) AS f) AS x,
					LATERAL anciennitet_fordeling_final(x.f) AS v)
		FROM pg_temp.bi_a AS a
		WHERE (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
			  = (a.kommunekode, a.aar, a.kvartal, a.maalgruppe, a.aldersgruppe)
		RETURNING r.fordeling)
	SELECT count(*), count(*) FILTER (WHERE 0 > ANY (fordeling) OR (fordeling[1] = 0 AND 0 <> ANY (fordeling)))
	INTO u, ud
	FROM r;
	WITH r AS (
		INSERT INTO bi.anciennitet_rollup
		SELECT a.kommunekode, a.aar, a.kvartal, a.maalgruppe, a.aldersgruppe, v.*,
			   CASE WHEN a.hadde THEN '{-1}' ELSE a.fordeling END	-- an old row the rollup lacks: out of step
		FROM pg_temp.bi_a AS a, LATERAL anciennitet_fordeling_final(a.fordeling) AS v
		WHERE NOT EXISTS (SELECT FROM bi.anciennitet_rollup AS r
						  WHERE (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
								= (a.kommunekode, a.aar, a.kvartal, a.maalgruppe, a.aldersgruppe))
		RETURNING fordeling)
	SELECT count(*), count(*) FILTER (WHERE fordeling[1] <= 0 OR 0 > ANY (fordeling))
	INTO i, id
	FROM r;
	IF ud + id > 0 THEN
		RAISE EXCEPTION 'bi.anciennitet_rollup is out of step with the register'
			USING HINT = 'Rebuild the rollups with bi.rollups_genopbyg().';
	END IF;
	-- rows left without persons (only the update above can leave such rows)
	DELETE FROM bi.anciennitet_rollup AS r WHERE r.fordeling[1] = 0;
	GET DIAGNOSTICS d = ROW_COUNT;
	rollup := 'anciennitet_rollup'; opdateret := u - d; nye := i; slettet := d;
	RETURN NEXT;
END $f$;
COMMENT ON FUNCTION bi.rollups_opdater(regclass) IS 'BI: writes a delivery of new weeklines (pnr, uger) into the register and updates the rollups with it exactly, in the caller''s transaction; returns the rollup rows updated, added and deleted';
