-- bench/klynge_presentation.sql: klynge_benchmark against its plain-SQL equivalent and the
-- scan floor on 10 million rows; dk_number, dk_pct and kommune_kode against plain SQL on
-- 1 million values.  Each query runs 3 times; the best time counts.
\pset footer off
\o /dev/null
SELECT setseed(0.5);
CREATE TEMP TABLE kb_bench_rows AS
SELECT (SELECT array_agg(kode ORDER BY kode) FROM kommune)[1 + (i % 98)] AS kode,
	   round((random() * 10)::numeric, 2)::float8 AS num, 100 + random() * 400 AS den
FROM generate_series(1, 10000000) AS i;
CREATE TEMP TABLE kb_bench_names AS
SELECT (ARRAY[navn, upper(navn), navn || ' Kommune', replace(navn, '-', ' ')])[1 + (i % 4)] AS navn,
	   round(((random() - 0.3) * 1e7)::numeric, 3) AS x, random() AS r
FROM generate_series(1, 1000000) AS i, LATERAL (SELECT navn FROM kommune WHERE kode = (SELECT array_agg(kode) FROM kommune)[1 + (i % 98)]) AS k;
VACUUM ANALYZE kb_bench_rows;
VACUUM ANALYZE kb_bench_names;

CREATE TEMP TABLE kb_bench_times (what text, variant text, seconds float8);
CREATE FUNCTION pg_temp.time_it(what text, variant text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best float8;
BEGIN
	FOR i IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		best := least(best, extract(epoch FROM clock_timestamp() - t0));
	END LOOP;
	INSERT INTO kb_bench_times VALUES (what, variant, best);
END $$;

-- 10 million rows, 98 kommuner, København against all others
SELECT pg_temp.time_it('klynge_benchmark, 10M rows', 'scan floor: count(*)',
	'SELECT count(*) FROM kb_bench_rows');
SELECT pg_temp.time_it('klynge_benchmark, 10M rows', 'jobreg: klynge_benchmark',
	$$SELECT klynge_benchmark(kode, num, den, 101, 'lower') FROM kb_bench_rows$$);
SELECT pg_temp.time_it('klynge_benchmark, 10M rows', 'plain SQL: GROUP BY kommune, then rates, rank, best',
	$$WITH per AS (SELECT kode, sum(num) AS num, sum(den) AS den, sum(num) / sum(den) AS rate
				   FROM kb_bench_rows GROUP BY kode),
		   own AS (SELECT rate FROM per WHERE kode = 101)
	  SELECT (SELECT rate FROM own),
			 (SELECT sum(num) / sum(den) FROM per WHERE kode <> 101),
			 1 + (SELECT count(*) FROM per, own WHERE per.rate < own.rate),
			 (SELECT kode FROM per ORDER BY rate, kode LIMIT 1)$$);

-- 1 million values or names
SELECT pg_temp.time_it('dk_number, 1M values', 'scan floor: count(x)',
	'SELECT count(x) FROM kb_bench_names');
SELECT pg_temp.time_it('dk_number, 1M values', 'jobreg: dk_number(x, 2)',
	'SELECT count(dk_number(x, 2)) FROM kb_bench_names');
SELECT pg_temp.time_it('dk_number, 1M values', 'plain SQL: translate(to_char(x, …))',
	$$SELECT count(translate(to_char(x, 'FM999,999,999,990.00'), ',.', '.,')) FROM kb_bench_names$$);
SELECT pg_temp.time_it('dk_pct, 1M values', 'jobreg: dk_pct(r)',
	'SELECT count(dk_pct(r)) FROM kb_bench_names');
SELECT pg_temp.time_it('dk_pct, 1M values', 'plain SQL: to_char(r * 100, …) || pct.',
	$$SELECT count(translate(to_char(round((r * 100)::numeric, 1), 'FM999,990.0'), ',.', '.,') || ' pct.') FROM kb_bench_names$$);
SELECT pg_temp.time_it('kommune_kode, 1M names', 'scan floor: count(navn)',
	'SELECT count(navn) FROM kb_bench_names');
SELECT pg_temp.time_it('kommune_kode, 1M names', 'jobreg: kommune_kode(navn)',
	'SELECT count(kommune_kode(navn)) FROM kb_bench_names');
SELECT pg_temp.time_it('kommune_kode, 1M names', 'plain SQL: join on lower(name) minus " kommune", hyphens as spaces',
	$$SELECT count(k.kode) FROM kb_bench_names b
	  JOIN kommune k ON replace(lower(k.navn), '-', ' ') = replace(regexp_replace(lower(b.navn), ' kommune$', ''), '-', ' ')$$);

\o
SELECT what, variant, round(seconds::numeric, 3) AS seconds,
	   round((seconds / min(seconds) FILTER (WHERE variant LIKE 'jobreg%') OVER (PARTITION BY what))::numeric, 2) AS relative_to_jobreg
FROM kb_bench_times ORDER BY what, variant LIKE 'jobreg%' DESC, seconds;
