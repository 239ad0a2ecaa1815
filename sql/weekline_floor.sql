--
-- weekline_floor: weekline_runs_count, the decoding floor of the benchmarks
-- (src/history/weekline.c)
--
SELECT weekline_runs_count('2015-W50 0x2 1101x3 1102x4') AS three,
	   weekline_runs_count('2015-W01 1101x1') AS one,
	   weekline_runs_count('empty') AS empty,
	   weekline_runs_count(NULL) AS null_in;
-- long runs and large codes take longer varints: counted alike
SELECT weekline_runs_count(weekline_from_runs('1991-W27', '{0,2147483647,1101,0}', '{100000,3,20000,1}')) AS four;

-- random histories (fixed seed): the count equals the rows of runs()
SELECT setseed(0.5);
CREATE TABLE fl_hist AS
SELECT p, weekline_from_runs('2015-W01'::isoweek + p % 7, array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM (SELECT p, r, (ARRAY[0, 1101, 1102, 1201, 1301, 70000])[1 + floor(random() * 6)::int] AS code,
			 1 + floor(random() * 300)::int AS len
	  FROM generate_series(1, 1000) AS p, LATERAL generate_series(1, 1 + floor(random() * 40)::int + 0 * p) AS r) AS runs
GROUP BY p;
SELECT count(*) AS histories,
	   sum(weekline_runs_count(w)) AS runs,
	   count(*) FILTER (WHERE weekline_runs_count(w) <> (SELECT count(*) FROM runs(w))) AS differ
FROM fl_hist;

-- forced parallel plan equals serial
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum(weekline_runs_count(w)) AS runs_parallel FROM fl_hist;
SELECT sum(weekline_runs_count(w)) AS runs_parallel FROM fl_hist;
RESET max_parallel_workers_per_gather;
DROP TABLE fl_hist;
