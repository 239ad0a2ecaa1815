/* ---------- suppress_cells: primary and secondary suppression over hierarchies ---------- */

CREATE FUNCTION suppress_cells(cell_ids int8[], cell_persons int8[], relation_ids int8[], member_ids int8[],
							   min_persons int4 DEFAULT NULL, round_to int4 DEFAULT 0,
							   member_total bool[] DEFAULT NULL, audit bool DEFAULT true,
							   OUT cell int8, OUT persons int8, OUT withheld bool, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION suppress_report(cell_ids int8[], cell_persons int8[], relation_ids int8[], member_ids int8[],
								min_persons int4 DEFAULT NULL, round_to int4 DEFAULT 0,
								member_total bool[] DEFAULT NULL, audit bool DEFAULT true,
								OUT rule text, OUT cells int8, OUT persons int8, OUT smallest int8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION suppress_cells(int8[], int8[], int8[], int8[], int4, int4, bool[], bool) IS 'disclosure control of a set of published cells: primary (fewer persons than min_persons, default the threshold in force) and secondary suppression, so that no withheld cell can be computed from the published ones by solving the relations (a total and its parts) one at a time or all together; published counts rounded to round_to';
COMMENT ON FUNCTION suppress_report(int8[], int8[], int8[], int8[], int4, int4, bool[], bool) IS 'for output checkers: the cells, persons and smallest count withheld by the primary rule, by the secondary rule, and published, of suppress_cells with the same arguments';
