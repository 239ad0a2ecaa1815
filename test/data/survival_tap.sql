-- test/data/survival_tap.sql: written by r/survival_reference.R; do not edit.
-- R 4.2.2, survival 3.5.3
CREATE TEMP TABLE survival_r (name text PRIMARY KEY, value float8);
INSERT INTO survival_r VALUES
  ('surv_3', 0.30000000000000004),
  ('lower_log_1', 0.51612576034217206),
  ('lower_loglog_1', 0.20380926326763926),
  ('median', 3),
  ('median_flat_half', 3),
  ('rmean_4', 2.7000000000000002),
  ('logrank_p', 0.4854988026442823)
;
