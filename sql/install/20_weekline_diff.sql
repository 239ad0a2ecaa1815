
/* ---------- weekline_first_difference: where two histories part (weekline_diff.c) ---------- */

CREATE FUNCTION weekline_first_difference(a weekline, b weekline) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_first_difference(weekline, weekline) IS 'the first week in which two weeklines differ (a week in one span only, or other codes); NULL when they are the same week for week';
