-- pgTAP: every aggregate of jobreg can run in parallel and be merged
--
-- Partial aggregation (parallel workers, and the two-level queries of a sharded
-- setup) needs a combine function, PARALLEL SAFE support functions, and, for an
-- `internal` state, serialization functions.  Citus's generic pushdown and
-- shipping states between servers need a state type other than `internal`:
-- only weekline_agg and aktivering have one, and the README says so.
BEGIN;
SELECT plan(8);

CREATE TEMP VIEW jobreg_aggregate AS
SELECT a.*, a.aggfnoid::regprocedure::text AS signature, p.proparallel
FROM pg_aggregate AS a
	 JOIN pg_proc AS p ON p.oid = a.aggfnoid
	 JOIN pg_depend AS d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
	 JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'jobreg';

SELECT cmp_ok((SELECT count(*) FROM jobreg_aggregate), '>=', 25::bigint, 'the extension has its aggregates');
SELECT is_empty($$SELECT signature FROM jobreg_aggregate WHERE aggcombinefn = 0$$,
				'every aggregate has a combine function');
SELECT is_empty($$SELECT signature FROM jobreg_aggregate WHERE proparallel <> 's'$$,
				'every aggregate is PARALLEL SAFE');
SELECT is_empty($$SELECT a.signature || ': ' || f.fn::regproc
				  FROM jobreg_aggregate AS a,
					   LATERAL (VALUES (a.aggtransfn), (a.aggcombinefn), (a.aggfinalfn), (a.aggserialfn), (a.aggdeserialfn)) AS f(fn)
					   JOIN pg_proc AS p ON p.oid = f.fn
				  WHERE p.proparallel <> 's'$$,
				'every support function of an aggregate is PARALLEL SAFE');
SELECT is_empty($$SELECT signature FROM jobreg_aggregate
				  WHERE aggtranstype = 'internal'::regtype AND (aggserialfn = 0 OR aggdeserialfn = 0)$$,
				'every aggregate with an internal state has serialization functions');
SELECT is_empty($$SELECT signature FROM jobreg_aggregate WHERE aggkind <> 'n'$$,
				'no ordered-set or hypothetical-set aggregates (they cannot run partially)');
SELECT set_eq($$SELECT aggfnoid::regproc::text FROM jobreg_aggregate WHERE aggtranstype = 'internal'::regtype$$,
			  ARRAY['weekline_agg', 'aktivering'],
			  'only weekline_agg and aktivering have internal states (README, scale-out)');
SELECT is_empty($$SELECT signature FROM jobreg_aggregate AS a JOIN pg_proc AS c ON c.oid = a.aggcombinefn
				  WHERE c.prorettype <> a.aggtranstype OR c.pronargs <> 2
					 OR c.proargtypes[0] <> a.aggtranstype OR c.proargtypes[1] <> a.aggtranstype$$,
				'every combine function takes and returns the state type');

SELECT * FROM finish();
ROLLBACK;
