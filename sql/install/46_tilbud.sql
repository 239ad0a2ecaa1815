
/* ---------- offers (tilbud) over time ---------- */

CREATE FUNCTION offer_weeks(offers datemultirange, period weekrange) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION offer_gaps(offers datemultirange, exempt datemultirange, within daterange,
						   OUT gap daterange, OUT days int4, OUT net_days int4) RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
CREATE FUNCTION longest_without_offer(offers datemultirange, exempt datemultirange, within daterange) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION offer_weeks(datemultirange, weekrange) IS 'weeks of the period with an offer on at least one day (DREAM''s one-day rule)';
COMMENT ON FUNCTION offer_gaps(datemultirange, datemultirange, daterange) IS 'the periods of within without an offer day: the gap, its days, and its days net of exemption days';
COMMENT ON FUNCTION longest_without_offer(datemultirange, datemultirange, daterange) IS 'the longest period of within without an offer, in days net of exemption days; 0 when offers cover within, NULL for an empty within';
