--
-- scripts/extension-fingerprint.sql: every object of the jobreg extension
-- described by its catalog rows (definitions, options, comments, privileges,
-- the functions an aggregate depends on; no OIDs), one line each, sorted.
-- scripts/run-dump-restore.sh compares the lines of a database updated with
-- ALTER EXTENSION jobreg UPDATE with those of a fresh install: an upgrade
-- script that misses or differs in anything shows.
--
WITH member AS (
	SELECT d.classid, d.objid
	FROM pg_depend AS d JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'jobreg'
	WHERE d.deptype = 'e'
)
SELECT pg_describe_object(m.classid, m.objid, 0) || ' | ' || coalesce(CASE m.classid
	WHEN 'pg_proc'::regclass THEN
		(SELECT row(p.proname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), p.prokind,
					p.provolatile, p.proparallel, p.proisstrict, p.prosecdef, p.proleakproof, p.procost,
					p.prorows, p.prosupport::regproc, p.prosrc, p.probin, p.proconfig, p.proacl)::text
			|| coalesce((SELECT ' aggregate ' || row(a.aggkind, a.aggnumdirectargs, a.aggtransfn::regproc,
					a.aggfinalfn::regproc, a.aggcombinefn::regproc, a.aggserialfn::regproc, a.aggdeserialfn::regproc,
					a.aggmtransfn::regproc, a.aggminvtransfn::regproc, a.aggmfinalfn::regproc, a.aggfinalextra,
					a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify, a.aggsortop::regoperator,
					a.aggtranstype::regtype, a.aggtransspace, a.aggmtranstype::regtype, a.aggmtransspace,
					a.agginitval, a.aggminitval)::text
					-- the functions it depends on (DROP FUNCTION ... RESTRICT must refuse them)
					|| ' needs ' || (SELECT string_agg(DISTINCT d.refobjid::regprocedure::text, ', ')
						FROM pg_depend AS d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
						  AND d.refclassid = 'pg_proc'::regclass AND d.deptype = 'n')
				FROM pg_aggregate AS a WHERE a.aggfnoid = p.oid), '')
		 FROM pg_proc AS p WHERE p.oid = m.objid)
	WHEN 'pg_type'::regclass THEN
		(SELECT row(t.typname, t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred, t.typdelim,
					t.typsubscript::regproc, t.typelem::regtype, t.typinput::regproc, t.typoutput::regproc,
					t.typreceive::regproc, t.typsend::regproc, t.typmodin::regproc, t.typmodout::regproc,
					t.typanalyze::regproc, t.typalign, t.typstorage, t.typnotnull, t.typdefault, t.typacl)::text
			|| coalesce((SELECT ' attributes ' || string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
						 FROM pg_attribute AS a WHERE a.attrelid = t.typrelid AND a.attnum > 0), '')
			|| coalesce((SELECT ' range ' || row(r.rngsubtype::regtype, r.rngmultitypid::regtype, r.rngcollation,
					(SELECT opcname FROM pg_opclass WHERE oid = r.rngsubopc), r.rngcanonical::regproc, r.rngsubdiff::regproc)::text
						 FROM pg_range AS r WHERE r.rngtypid = t.oid), '')
		 FROM pg_type AS t WHERE t.oid = m.objid)
	WHEN 'pg_class'::regclass THEN
		(SELECT row(c.relname, c.relkind, c.relpersistence, c.relacl)::text
			|| ' columns ' || (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
					|| CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
					|| coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
					|| coalesce(' ' || a.attacl::text, '')
					|| coalesce(' -- ' || col_description(c.oid, a.attnum), ''), ', ' ORDER BY a.attnum)
				FROM pg_attribute AS a LEFT JOIN pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
				WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
			|| coalesce(' constraints ' || (SELECT string_agg(co.conname || ' ' || pg_get_constraintdef(co.oid), ', ' ORDER BY co.conname)
				FROM pg_constraint AS co WHERE co.conrelid = c.oid), '')
			|| coalesce(' indexes ' || (SELECT string_agg(pg_get_indexdef(i.indexrelid), ', ' ORDER BY 1)
				FROM pg_index AS i WHERE i.indrelid = c.oid), '')
			|| coalesce(' triggers ' || (SELECT string_agg(pg_get_triggerdef(tg.oid) || coalesce(' -- ' || obj_description(tg.oid, 'pg_trigger'), ''), ', ' ORDER BY tg.tgname)
				FROM pg_trigger AS tg WHERE tg.tgrelid = c.oid AND NOT tg.tgisinternal), '')
			|| coalesce(' view ' || pg_get_viewdef(c.oid), '')
			|| coalesce(' dump ' || (SELECT e.extcondition[array_position(e.extconfig, c.oid)]
				FROM pg_extension AS e WHERE e.extname = 'jobreg' AND c.oid = ANY (e.extconfig)), '')
		 FROM pg_class AS c WHERE c.oid = m.objid)
	WHEN 'pg_operator'::regclass THEN
		(SELECT row(o.oprname, o.oprkind, o.oprcanmerge, o.oprcanhash, o.oprleft::regtype, o.oprright::regtype,
					o.oprresult::regtype, o.oprcom::regoperator, o.oprnegate::regoperator, o.oprcode::regproc,
					o.oprrest::regproc, o.oprjoin::regproc)::text
		 FROM pg_operator AS o WHERE o.oid = m.objid)
	WHEN 'pg_opfamily'::regclass THEN
		(SELECT string_agg(x, ', ' ORDER BY x) FROM (
			SELECT 'op ' || amopstrategy || ' ' || amopopr::regoperator || ' ' || amoppurpose::text AS x FROM pg_amop WHERE amopfamily = m.objid
			UNION ALL
			SELECT 'proc ' || amprocnum || ' ' || amproc::regprocedure || ' ' || amproclefttype::regtype || ' ' || amprocrighttype::regtype
			FROM pg_amproc WHERE amprocfamily = m.objid) AS f)
	WHEN 'pg_opclass'::regclass THEN
		(SELECT row(c.opcname, c.opcintype::regtype, c.opcdefault, c.opckeytype::regtype)::text
		 FROM pg_opclass AS c WHERE c.oid = m.objid)
	WHEN 'pg_cast'::regclass THEN
		(SELECT row(c.castfunc::regprocedure, c.castcontext, c.castmethod)::text FROM pg_cast AS c WHERE c.oid = m.objid)
	WHEN 'pg_collation'::regclass THEN
		(SELECT row(c.collname, c.collprovider, c.collisdeterministic, c.collcollate, c.collctype, c.colliculocale)::text
		 FROM pg_collation AS c WHERE c.oid = m.objid)
	END, '?') || coalesce(' -- ' || obj_description(m.objid, (SELECT relname FROM pg_class WHERE oid = m.classid)), '')
FROM member AS m
ORDER BY 1;
