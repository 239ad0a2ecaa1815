--
-- svg: surv_svg, survival curves as an SVG picture (src/present/svg.c)
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- three curves of 4,000 persons each on random data (right-censored with
-- ties, weighted, delayed entry) and a small one of 7 persons
\i test/lib/random_spells.sql
CREATE TEMP TABLE small AS
SELECT survival(d, e) AS s FROM (VALUES (1, true), (2, false), (2, true), (3, true), (5, false), (6, true), (8, false)) v(d, e);

-- surv_svg: a well-formed SVG, labels escaped for XML
SELECT xml_is_well_formed_document(svg) AS well_formed,
	   svg LIKE '<svg xmlns="http://www.w3.org/2000/svg"%' AS is_svg,
	   (length(svg) - length(replace(svg, '<path ', ''))) / 6 AS curves,
	   svg LIKE '%Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#39;%' AS escaped,
	   svg LIKE '%K&#xFFFD;benhavn%' AS control_replaced,
	   svg LIKE '%<title>Andel på ydelsen</title>%' AS title
FROM (SELECT surv_svg(array_agg(s ORDER BY kind), ARRAY['Tom & Jerry <3 "x" ''y''', E'K\001benhavn', 'hele landet'],
					  'Andel på ydelsen', 52, 4, 'uger', 'andel') AS svg FROM km) x;
-- labels with noncharacters and controls still make a document that parses
-- (they become U+FFFD; tab, newline and CR become spaces); markup and Danish
-- letters come back as they were
CREATE TEMP TABLE odd_labels AS
SELECT surv_svg(ARRAY[s, s, s, s],
				ARRAY[E'a\uFFFEb\uFFFFc', E'd\x01e\x7Ff\u0085g\x0Bh', U&'i\FDD0j\+01FFFEk\+10FFFFl',
					  'Æblegrød & <ost> "x" ''y'' på Ærø'],
				E'T\titel\nmed\rlinjer\uFFFF', 52, 4, E'uger\x02', E'andel\uFFFE') AS svg
FROM small;
SELECT xmlparse(document svg) IS NOT NULL AS parses FROM odd_labels;
SELECT t.element, t.text, t.text = 'Æblegrød & <ost> "x" ''y'' på Ærø' AS round_trip
FROM odd_labels,
	 XMLTABLE(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '//s:title | //s:text'
			  PASSING xmlparse(document svg)
			  COLUMNS n FOR ORDINALITY, element text PATH 'local-name()', text text PATH '.') AS t
WHERE t.text !~ '^[0-9 %]*$' ORDER BY t.n;
DROP TABLE odd_labels;
SELECT surv_svg(ARRAY[s], ARRAY['a']) LIKE '%</svg>%' AS defaults,
	   surv_svg(NULL, ARRAY['a']) IS NULL AS null_curves,
	   xml_is_well_formed_document(surv_svg(ARRAY[NULL, s], ARRAY[NULL, 'b'], NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS null_parts
FROM small;
-- with disclosure control a curve is the one surv_table shows: it steps
-- down (a "V" in the path) once per row of surv_table and ends at the last
SELECT length(surv_svg(ARRAY[s], ARRAY['a'])) AS full_svg FROM km WHERE kind = 'plain';
SET jobreg.min_cell = 1000;
SELECT length(surv_svg(ARRAY[s], ARRAY['a'])) AS cut_svg,
	   (SELECT count(*) FROM regexp_matches(surv_svg(ARRAY[s], ARRAY['a']), 'H[0-9.]+V', 'g')) AS steps,
	   (SELECT count(*) FROM surv_table(s) WHERE time IS NOT NULL) AS table_rows
FROM km WHERE kind = 'plain';
RESET jobreg.min_cell;
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	'SELECT surv_svg(ARRAY[s], ARRAY[''a'', ''b'']) FROM small',
	'SELECT surv_svg(ARRAY[]::survival[], ARRAY[]::text[])',
	'SELECT surv_svg(ARRAY[[s]], ARRAY[[''a'']]) FROM small',
	'SELECT surv_svg(ARRAY[s], ARRAY[''a''], max_time => 0) FROM small',
	'SELECT surv_svg(ARRAY[s], ARRAY[''a''], time_step => ''NaN'') FROM small',
	'SELECT surv_svg(ARRAY[s], ARRAY[''a''], max_time => 1000, time_step => 1) FROM small',
	'SELECT surv_svg(ARRAY[s], ARRAY[''a''], width => 100) FROM small',
	'SELECT surv_svg(ARRAY[s], ARRAY[''a''], height => 99999) FROM small',
	'SELECT surv_svg(array_fill(s, ARRAY[43]), array_fill(''a''::text, ARRAY[43])) FROM small']) AS q;
