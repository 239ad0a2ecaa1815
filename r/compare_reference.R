# r/compare_reference.R
#
# Reference values for the adjusted comparisons of issue 17 (sql/smr.sql,
# sql/matching.sql, sql/paired.sql, sql/logrank.sql's stratified part,
# sql/graytest.sql): R's poisson.test, MatchIt's nearest-neighbour matching,
# mcnemar.test, t.test(paired = TRUE), survdiff with strata and cmprsk's
# cuminc tests.  Run from the repository root with a section name:
#
#     Rscript r/compare_reference.R smr|matching|paired|logrank|gray
#
# Each section prints SQL VALUES rows (17 significant digits) that are
# pasted into the regression test; the test suite does not need R.
# Data sets are built from integer formulas that the tests repeat in SQL.

options(digits = 17)
num <- function(x) ifelse(is.na(x), "NULL", sprintf("%.17g", x))
row <- function(...) cat("\t(", paste(..., sep = ", "), "),\n", sep = "")
section <- commandArgs(trailingOnly = TRUE)[1]

if (section == "smr") {
  cases <- list(c(0, 1), c(0, 0.3), c(1, 1), c(3, 7.5), c(7, 7), c(12, 5.5),
                c(5, 12.25), c(40, 31.7), c(100, 130.2), c(250, 249.6),
                c(2, 0.04), c(1000, 1100), c(31, 30.999999), c(8, 8.5),
                c(17, 13), c(15000, 14700.5))
  for (cl in c(0.95, 0.9, 0.998))
    for (cc in cases) {
      t <- poisson.test(cc[1], T = cc[2], conf.level = cl)
      row(num(cc[1]), num(cc[2]), num(cl), num(t$estimate), num(t$conf.int[1]),
          num(t$conf.int[2]), num(t$p.value))
    }
}
