-- The calendar every other figure stands on: ISO weeks, and quarters by the Thursday rule.
SELECT q AS kvartal, quarter_weeks(2015, q) AS uger,
       upper(quarter_weeks(2015, q)) - lower(quarter_weeks(2015, q)) AS antal_uger
FROM generate_series(1, 4) AS q;

SELECT dream_week('y_1410') AS dream_kolonne, monday(dream_week('y_1410')) AS mandag,
       dream_week('y_1410') + 52 AS et_aar_senere;
