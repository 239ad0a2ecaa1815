--
-- cancel: statement_timeout stops every long-running function and aggregate.
-- Each statement below runs for seconds without the timeout (on a laptop:
-- many seconds); with it, each must end with SQLSTATE 57014, printed alone so
-- that the output does not depend on where the cancel landed.  Some cases
-- spend their time in the executor between rows, the others inside one call
-- (the states are made first, without a timeout).
--
SET max_parallel_workers_per_gather = 0;

-- states and values that make single calls long
CREATE TEMP TABLE cn_logrank AS
SELECT ('v1' || string_agg('|"' || g || '":' || s::text, '' ORDER BY g))::logrank_state AS st
FROM (SELECT lpad((i % 1200)::text, 4, '0') AS g, survival(i / 1200 % 600, i % 3 > 0) AS s
	  FROM generate_series(1, 720000) i GROUP BY 1) x;
CREATE TEMP TABLE cn_cuminc AS
SELECT cuminc(i, i) AS c FROM generate_series(1, 4000) i;
CREATE TEMP TABLE cn_survival AS
SELECT survival(i % 100000 + 0.5, i % 3 > 0) AS s FROM generate_series(1, 200000) i;
CREATE TEMP TABLE cn_dream (h text, l text);
ALTER TABLE cn_dream ALTER h SET STORAGE EXTERNAL, ALTER l SET STORAGE EXTERNAL;	-- read without decompressing
INSERT INTO cn_dream SELECT 'pnr;y_1501;' || repeat('x;', 50000000) || 'x', '1;1101;' || repeat(';', 50000000);
CREATE TEMP TABLE cn_lines AS
SELECT weekline_from_runs('2000-W01', ARRAY[0, 1101, 0, 1102, 0], ARRAY[1 + i % 7, 20, 3, 30, 2]) AS wl
FROM generate_series(1, 1000) i;

\set VERBOSITY sqlstate
SET statement_timeout = '200ms';

-- aggregates over many rows
SELECT survival(i % 520, i % 3 > 0) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT survival(i % 520, i % 3 > 0, 1.5) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT logrank(i % 520, i % 3 > 0, (i % 7)::text) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT cuminc(i % 520, i % 4) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT count(*) FROM (SELECT weekline_agg(isoweek(2000, 1) + i % 900, i % 3)
					  FROM (SELECT generate_series(1, 2000000000) AS i) g GROUP BY i % 100000) w;
SELECT fuldtidspersoner(daterange('2015-01-01'::date + i % 90, NULL), '[2015-01-01,2015-04-01)')
FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT fuldtidspersoner(wl, '{1101,1102}', quarter_weeks(2000, 1)) FROM cn_lines, generate_series(1, 2000000000);
SELECT anciennitet_fordeling(i % 1000) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT andel_inden_for(isoweek(2016, 1 + i % 40), NULL, 13, '2016-W52') FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT klynge_benchmark(100 + i % 98, i % 10, 10, 101, 'lower') FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT prop_test(i % 3 = 0, i % 2 = 0) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT welch_test(i % 100, i % 2 = 0) FROM (SELECT generate_series(1, 2000000000) AS i) g;
SELECT count(*) FROM (SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik',
										daterange('2015-01-01'::date + i % 80, '2015-01-01'::date + i % 80 + 7), 20)
					  FROM (SELECT generate_series(1, 2000000000) AS i) g GROUP BY i % 1000) a;

-- functions over many rows
SELECT count(*) FROM cn_lines, generate_series(1, 2000000000), spells(wl, '{1101,1102}', 5);
SELECT sum(anciennitet(wl, '{1101,1102}', '2000-W30')) FROM cn_lines, generate_series(1, 2000000000);
SELECT count(dream_weekline('pnr;y_0001;y_0002;y_0003', '1;1101;;1102')) FROM generate_series(1, 2000000000);
SELECT count(kommune_kode(navn)) FROM kommune, generate_series(1, 2000000000);
SELECT sum(length(dk_number(x, 99))) FROM (SELECT ('9' || repeat('9', 131000))::numeric AS x) n, generate_series(1, 2000000000);

-- single long calls
SELECT logrank_final(st) FROM cn_logrank;
SELECT count(*) FROM cn_cuminc, cuminc_table(c);
SELECT surv_svg(array_fill(s, ARRAY[42]), array_fill('x'::text, ARRAY[42])) IS NULL FROM cn_survival, generate_series(1, 2000000000);
SELECT dream_weekline(h, l) FROM cn_dream;
SELECT pchisq(1e300, 1e300);

RESET statement_timeout;
\set VERBOSITY default
SELECT 'alive' AS backend;
