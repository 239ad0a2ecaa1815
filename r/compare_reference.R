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

# Matching: data sets rebuilt in sql/matching.sql from the same formulas.
#   set 1: 40 units, scores in tenths (many ties, treated against treated
#          and against controls); set 2: 300 units, scores k/1009;
#   set 3: 30 units, more treated than controls.
match_data <- function(set) {
  if (set == 1) { i <- 1:40;  s <- ((i * 37) %% 11) / 10;   tr <- (i * 7) %% 5 < 2 }
  if (set == 2) { i <- 1:300; s <- ((i * 7919) %% 1009) / 1009; tr <- (i * 104729) %% 7 < 3 }
  if (set == 3) { i <- 1:30;  s <- ((i * 13) %% 17) / 17;   tr <- (i * 3) %% 4 != 0 }
  data.frame(id = 1000 * set + i, treat = as.integer(tr), x = s, score = s)
}
if (section == "matching") {
  # MatchIt 4.5.1 as Debian 12 ships it compares distances with C's integer
  # abs() on some systems (its issue #163, fixed in 4.5.4): scores below 1
  # then all look equally far.  The values here come from 4.5.1's source
  # with that fix (std::abs); see r/README.md.
  suppressMessages(library(MatchIt))
  for (set in 1:3)
    for (cal in list(NULL, 0.1, 0, 0.05)) {
      d <- match_data(set)
      rownames(d) <- d$id
      # MatchIt stops when no unit is matched: that case has no rows
      m <- tryCatch(if (is.null(cal))
        matchit(treat ~ x, data = d, method = "nearest", distance = d$score,
                replace = FALSE, m.order = "largest")
      else
        matchit(treat ~ x, data = d, method = "nearest", distance = d$score,
                replace = FALSE, m.order = "largest", caliper = cal, std.caliper = FALSE),
        error = function(e) NULL)
      if (is.null(m)) next
      mm <- m$match.matrix
      for (t in rownames(mm)) if (!is.na(mm[t, 1]))
        row(set, if (is.null(cal)) "NULL" else num(cal), t, mm[t, 1])
    }
}

# Paired tests.  McNemar: tables given by their cells (a = both, b = treated
# only, c = control only, d = neither).  Paired t: pair i of set s has
# x = 10 + ((i * 7919) %% 101) / 10 and y = x - shift - scale * (((i * 104729) %% 97) - 48) / 10.
if (section == "paired") {
  cells <- list(c(30, 12, 5, 53), c(10, 4, 4, 20), c(0, 1, 0, 0), c(5, 0, 7, 3),
                c(120, 250, 210, 1420), c(2, 9, 1, 0), c(3, 1, 2, 4))
  for (cc in cells)
    for (corr in c(TRUE, FALSE)) {
      tab <- matrix(c(cc[1], cc[3], cc[2], cc[4]), 2,
                    dimnames = list(treated = c("yes", "no"), control = c("yes", "no")))
      t <- mcnemar.test(tab, correct = corr)
      row(paste(cc, collapse = ", "), corr, num(t$statistic), num(t$p.value))
    }
  cat("\n")
  for (s in list(c(1, 12, 0.4, 1), c(2, 5, -0.2, 0.5), c(3, 200, 0.05, 2), c(4, 2, 1, 1)))
    for (cl in c(0.95, 0.9)) {
      i <- seq_len(s[2])
      x <- 10 + ((i * 7919) %% 101) / 10
      y <- x - s[3] - s[4] * (((i * 104729) %% 97) - 48) / 10
      t <- t.test(x, y, paired = TRUE, conf.level = cl)
      row(s[1], s[2], num(s[3]), num(s[4]), num(cl), num(t$estimate), num(t$conf.int[1]),
          num(t$conf.int[2]), num(t$statistic), num(t$parameter), num(t$p.value), num(t$stderr))
    }
}

# Stratified log-rank: survdiff(Surv(t, e) ~ g + strata(s)) on data sets
# rebuilt in sql/logrank.sql: row i (1..n) of set k has
#   set 1 (n = 600): g = a/b/c by i %% 3, s = x/y by (i * 7) %% 2,
#                    t = (i * 7919) %% 53 + 1 + 5 * (s == "y") + 4 * (g == "c"),
#                    e = (i * 104729) %% 5 != 0
#   set 2 (n = 300): g = a/b by (i %/% 4) %% 2, s = s1..s4 by i %% 4, group b absent
#                    from stratum s4, t = (i * 31) %% 17 + 1, e = (i * 13) %% 3 != 0
lr_data <- function(k) {
  if (k == 1) {
    i <- 1:600; g <- c("a", "b", "c")[1 + i %% 3]; s <- c("x", "y")[1 + (i * 7) %% 2]
    t <- (i * 7919) %% 53 + 1 + 5 * (s == "y") + 4 * (g == "c"); e <- (i * 104729) %% 5 != 0
  } else {
    i <- 1:300; g <- c("a", "b")[1 + (i %/% 4) %% 2]; s <- paste0("s", 1 + i %% 4)
    g[s == "s4"] <- "a"
    t <- (i * 31) %% 17 + 1; e <- (i * 13) %% 3 != 0
  }
  data.frame(t = t, e = e, g = g, s = s)
}
if (section == "logrank") {
  suppressMessages(library(survival))
  for (k in 1:2) {
    d <- lr_data(k)
    sd <- survdiff(Surv(t, e) ~ g + strata(s), data = d)
    df <- sum(rowSums(sd$exp) > 0) - 1
    row(k, num(sd$chisq), df, num(pchisq(sd$chisq, df, lower.tail = FALSE)))
  }
}

# Gray's test: cmprsk::cuminc(ftime, fstatus, group)$Tests on data sets
# rebuilt in sql/graytest.sql: row i (1..n) of set k has
#   set 1 (n = 400): g = a/b/c by i %% 3, cause (i * 7) %% 4 (0 = censored),
#                    time (i * 7919) %% 37 + 1, divided by 3 (%/%) for group b's cause 1
#   set 2 (n = 150): g = x/y by (i %/% 3) %% 2, cause 1 + (i * 5) %% 2, or 0 when i %% 6 == 0,
#                    time ((i * 31) %% 23) / 2
#   set 3 (n = 60):  g = p/q/r/s by i %% 4, cause (i * 7) %% 3, time (i * 13) %% 11
gray_data <- function(k) {
  if (k == 1) {
    i <- 1:400; g <- c("a", "b", "c")[1 + i %% 3]; cause <- (i * 7) %% 4
    time <- (i * 7919) %% 37 + 1
    time <- ifelse(g == "b" & cause == 1, time %/% 3, time)
  } else if (k == 2) {
    i <- 1:150; g <- c("x", "y")[1 + (i %/% 3) %% 2]; cause <- ifelse(i %% 6 == 0, 0, 1 + (i * 5) %% 2)
    time <- ((i * 31) %% 23) / 2
  } else {
    i <- 1:60; g <- c("p", "q", "r", "s")[1 + i %% 4]; cause <- (i * 7) %% 3
    time <- (i * 13) %% 11
  }
  data.frame(time = time, cause = cause, g = g)
}
if (section == "gray") {
  suppressMessages(library(cmprsk))
  for (k in 1:3) {
    d <- gray_data(k)
    tt <- cuminc(d$time, d$cause, d$g)$Tests
    for (r in seq_len(nrow(tt)))
      row(k, rownames(tt)[r], num(tt[r, "stat"]), tt[r, "df"], num(tt[r, "pv"]))
  }
}
