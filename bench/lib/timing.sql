-- bench/lib/timing.sql: the timing helpers of the benchmarks that include it
-- (\ir lib/timing.sql).  pg_temp.bm(task, method, query) runs the query three
-- times and keeps the best time in ms, and its one-value result, in bm_time;
-- pg_temp.bm_report(reference) lists them side by side, each time as a ratio
-- to the task's reference method and to its scan floor.
CREATE TEMP TABLE bm_time (task text, method text, ms float8, result text, seq serial);
CREATE FUNCTION pg_temp.bm(task text, method text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best float8 := 'infinity';
	r text;
BEGIN
	FOR k IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE q INTO r;
		best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	INSERT INTO bm_time (task, method, ms, result) VALUES (task, method, best, r);
END $$;
CREATE FUNCTION pg_temp.bm_report(reference text)
RETURNS TABLE (task text, method text, ms numeric, result text, x_reference numeric, x_floor numeric)
LANGUAGE sql AS $$
	SELECT t.task, t.method, round(t.ms::numeric, 0), t.result,
		   round((t.ms / r.ms)::numeric, 2), round((t.ms / f.ms)::numeric, 2)
	FROM bm_time AS t
		 JOIN bm_time AS r ON r.task = t.task AND r.method = reference
		 JOIN bm_time AS f ON f.task = t.task AND f.method = 'scan floor'
	ORDER BY t.seq
$$;
