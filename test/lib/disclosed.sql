\set disclosed_sql_echo :ECHO
\set ECHO none
--
-- test/lib/disclosed.sql: pg_temp.disclosed(relation_ids, member_ids,
-- member_total, withheld_ids, max_component) tells which withheld cells
-- the published cells give away through all relations solved together.
-- Written apart from suppress_cells (src/present/suppress.c), with other
-- arithmetic, to check it: exact integer Gauss-Jordan elimination (each
-- changed row divided by the gcd of its entries; an int8 overflow is an
-- error, never a wrong answer) of each component's relation matrix
-- restricted to the withheld cells (+1 for a relation's total, -1 for its
-- parts), with sparse rows.  A withheld cell is disclosed when a row of the
-- reduced matrix has its column as the only non-zero entry.  One row per
-- withheld cell that is in some relation: its component (the least cell id
-- in it), the component's size, and disclosed (NULL when the component has
-- more than max_component cells and was not solved here).
--
CREATE FUNCTION pg_temp.disclosed(rel int8[], mem int8[], tot bool[], withheld int8[],
								  max_component int DEFAULT 200)
RETURNS TABLE (cell int8, component int8, size int, disclosed bool) LANGUAGE plpgsql AS $$
DECLARE
	changed int8;
	comp record;
	cols int8[];
	rows int8[];
	a int8[];
	rnz int[];
	rlen int[];
	crow int[];
	clen int[];
	pivcol int[];
	nr int;
	nc int;
	i int;
	j int;
	k int;
	n int;
	f int8;
	pv int8;
	g int8;
	disc int8[];
BEGIN
	IF to_regclass('pg_temp.dq_m') IS NOT NULL THEN
		DROP TABLE pg_temp.dq_m, pg_temp.dq_label, pg_temp.dq_out;
	END IF;
	CREATE TEMP TABLE dq_m AS
	SELECT u.r, u.c, CASE WHEN bool_or(u.t) THEN 1 ELSE -1 END::int8 AS coef
	FROM unnest(rel, mem, tot) AS u (r, c, t) JOIN unnest(withheld) AS w (c) USING (c)
	WHERE u.r IN (SELECT x.r FROM unnest(rel, mem) AS x (r, c) GROUP BY x.r HAVING count(DISTINCT x.c) >= 2)
	GROUP BY u.r, u.c;
	CREATE INDEX ON dq_m (c);
	CREATE INDEX ON dq_m (r);
	ANALYZE dq_m;
	CREATE TEMP TABLE dq_label AS SELECT DISTINCT m.c, m.c AS lab FROM dq_m AS m;
	CREATE UNIQUE INDEX ON dq_label (c);
	CREATE TEMP TABLE dq_out (cell int8, component int8, size int, disclosed bool);
	-- components: each cell takes the least label of the cells it shares a relation with
	LOOP
		WITH rl AS (SELECT m.r, min(l.lab) AS lab FROM dq_m AS m JOIN dq_label AS l USING (c) GROUP BY m.r),
			 cl AS (SELECT m.c, min(rl.lab) AS lab FROM dq_m AS m JOIN rl USING (r) GROUP BY m.c)
		UPDATE dq_label AS l SET lab = cl.lab FROM cl WHERE cl.c = l.c AND cl.lab < l.lab;
		GET DIAGNOSTICS changed = ROW_COUNT;
		EXIT WHEN changed = 0;
	END LOOP;
	FOR comp IN SELECT l.lab, array_agg(l.c ORDER BY l.c) AS cells FROM dq_label AS l GROUP BY l.lab LOOP
		cols := comp.cells;
		nc := cardinality(cols);
		IF nc > max_component THEN
			INSERT INTO dq_out SELECT x, comp.lab, nc, NULL FROM unnest(cols) AS x;
			CONTINUE;
		END IF;
		-- the rows, shortest first; a[i][k] dense values, rnz[i][1 .. rlen[i]]
		-- the non-zero columns of row i, crow[k][1 .. clen[k]] rows that have
		-- (or once had) column k
		SELECT array_agg(x.r ORDER BY x.n, x.r) INTO rows
		FROM (SELECT m.r, count(*) AS n FROM dq_m AS m
			  WHERE m.r IN (SELECT m2.r FROM dq_m AS m2 WHERE m2.c = ANY (cols)) GROUP BY m.r) AS x;
		nr := cardinality(rows);
		a := array_fill(0::int8, ARRAY[nr, nc]);
		rnz := array_fill(0, ARRAY[nr, nc]);
		rlen := array_fill(0, ARRAY[nr]);
		crow := array_fill(0, ARRAY[nc, 2 * nr + 8]);
		clen := array_fill(0, ARRAY[nc]);
		FOR i, k, f IN
			SELECT array_position(rows, m.r), array_position(cols, m.c), m.coef
			FROM dq_m AS m WHERE m.r = ANY (rows) ORDER BY 1, 2
		LOOP
			a[i][k] := f;
			rlen[i] := rlen[i] + 1;
			rnz[i][rlen[i]] := k;
			clen[k] := clen[k] + 1;
			crow[k][clen[k]] := i;
		END LOOP;
		pivcol := array_fill(0, ARRAY[nr]);
		-- Gauss-Jordan: row p's first non-zero column is cleared from every other row
		FOR p IN 1 .. nr LOOP
			CONTINUE WHEN rlen[p] = 0;
			j := rnz[p][1];
			pivcol[p] := j;
			pv := a[p][j];
			FOR t IN 1 .. clen[j] LOOP
				i := crow[j][t];
				CONTINUE WHEN i = p OR a[i][j] = 0;
				f := a[i][j];
				-- row i := pv * row i - f * row p
				FOR q IN 1 .. rlen[i] LOOP
					k := rnz[i][q];
					a[i][k] := a[i][k] * pv;
				END LOOP;
				FOR q IN 1 .. rlen[p] LOOP
					k := rnz[p][q];
					IF a[i][k] = 0 THEN
						rlen[i] := rlen[i] + 1;
						rnz[i][rlen[i]] := k;
						clen[k] := clen[k] + 1;
						crow[k][clen[k]] := i;
					END IF;
					a[i][k] := a[i][k] - f * a[p][k];
				END LOOP;
				-- drop the zeros, divide by the gcd
				g := 0;
				n := 0;
				FOR q IN 1 .. rlen[i] LOOP
					k := rnz[i][q];
					IF a[i][k] <> 0 THEN
						n := n + 1;
						rnz[i][n] := k;
						g := gcd(g, a[i][k]);
					END IF;
				END LOOP;
				rlen[i] := n;
				IF g > 1 THEN
					FOR q IN 1 .. n LOOP
						k := rnz[i][q];
						a[i][k] := a[i][k] / g;
					END LOOP;
				END IF;
			END LOOP;
		END LOOP;
		-- a reduced row with one non-zero entry gives that cell
		disc := '{}';
		FOR p IN 1 .. nr LOOP
			IF rlen[p] = 1 THEN
				disc := disc || cols[rnz[p][1]];
			END IF;
		END LOOP;
		INSERT INTO dq_out SELECT x, comp.lab, nc, x = ANY (disc) FROM unnest(cols) AS x;
	END LOOP;
	RETURN QUERY SELECT * FROM dq_out ORDER BY 1;
END $$;
\set ECHO :disclosed_sql_echo
