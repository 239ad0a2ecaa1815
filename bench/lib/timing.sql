-- bench/lib/timing.sql: the timing helper of the benchmarks that include it
-- (\ir lib/timing.sql).  pg_temp.bm(task, method, query) runs the query three
-- times and keeps the best time in ms, and its one-value result, in bm_time.
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
