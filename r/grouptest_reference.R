# r/grouptest_reference.R
#
# Reference values for sql/grouptest.sql: R's pt, pchisq, qt, qnorm over a
# grid that reaches far into the tails, prop.test(correct = FALSE) on a set
# of counts, and t.test (Welch) on data sets that the test rebuilds in SQL
# from the same integer formula.  Run from the repository root:
#
#     Rscript r/grouptest_reference.R
#
# It writes test/data/grouptest_*.csv; the test suite reads those and does
# not need R.

options(digits = 17)
num <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
out <- function(df, name) {
  path <- file.path("test", "data", name)
  write.csv(df, path, row.names = FALSE, quote = FALSE, na = "")
  cat("wrote", path, nrow(df), "rows\n")
}
dir.create(file.path("test", "data"), showWarnings = FALSE, recursive = TRUE)

## distribution functions
d <- list()
for (df in c(1, 2, 3, 4.5, 7.3, 10, 30, 120, 1000, 1e4, 1e6, 1e8))
  for (t in c(-1e4, -200, -40, -12, -5, -2.5, -1, -0.1, 0, 0.7, 1.96, 3, 8, 30))
    for (lower in c(TRUE, FALSE))
      d[[length(d) + 1]] <- data.frame(fn = "pt", x = t, df = df, lower = lower,
                                       value = pt(t, df, lower.tail = lower))
for (df in c(1, 2, 3, 5, 9, 20, 50, 200, 1000, 1e4, 1e5)) {
  xs <- c(1e-6, 0.01, 0.3, 1, 2, 3.84, 6.63, 10, 25, 100, 500, 1300)
  xs <- c(xs, df + c(-3, -1, 0, 1, 3, 10) * sqrt(2 * df))
  for (x in xs[xs > 0])
    for (lower in c(TRUE, FALSE))
      d[[length(d) + 1]] <- data.frame(fn = "pchisq", x = x, df = df, lower = lower,
                                       value = pchisq(x, df, lower.tail = lower))
}
ps <- c(1e-12, 1e-6, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.9, 0.975, 0.995, 1 - 1e-9)
for (df in c(1, 2, 3, 5.5, 10, 30, 100, 1e4, 1e7))
  for (p in ps)
    d[[length(d) + 1]] <- data.frame(fn = "qt", x = p, df = df, lower = TRUE, value = qt(p, df))
for (p in ps)
  d[[length(d) + 1]] <- data.frame(fn = "qnorm", x = p, df = NA, lower = TRUE, value = qnorm(p))
d <- do.call(rbind, d)
# relative comparison needs normal (not subnormal or zero) numbers
d <- d[d$value == 0 | abs(d$value) > 1e-300, ]
out(data.frame(fn = d$fn, x = num(d$x), df = num(d$df), lower = d$lower, value = num(d$value)),
    "grouptest_dist.csv")

## pchisq's upper tail for tiny df (the README states the accuracy on this grid)
g <- expand.grid(x = c(1e-6, 0.01, 0.3, 1, 3.84, 10, 50), df = 10^seq(-16, -1))
g$value <- pchisq(g$x, g$df, lower.tail = FALSE)
g <- g[g$value == 0 | abs(g$value) > 1e-300, ]
out(data.frame(x = num(g$x), df = num(g$df), value = num(g$value)), "grouptest_pchisq_small_df.csv")

## prop.test(correct = FALSE)
cases <- rbind(
  c(0.123 * 2052, 2052, 0.103 * 2052, 2052, 0.95),   # seeds/001 M3, from the printed shares
  c(252, 2052, 211, 2052, 0.95),                     # M3 as counts
  c(357, 2052, 365, 2052, 0.95),                     # M1
  c(51, 434, 365, 2289, 0.95),                       # seeds/001, 11.8 % against 15.9 %
  c(0, 10, 3, 10, 0.95),
  c(10, 10, 0, 10, 0.95),                            # interval clipped at 1
  c(5, 5, 0, 7, 0.95),
  c(0, 10, 0, 12, 0.95),                             # pooled share 0: no statistic
  c(12, 12, 7, 7, 0.95),                             # pooled share 1: no statistic
  c(500000, 1000000, 501500, 1000000, 0.95),
  c(100, 10000, 400, 10000, 0.95),                   # p-value far in the tail
  c(1, 1e6, 2000, 1e6, 0.95),
  c(30, 80, 45, 90, 0.99),
  c(30, 80, 45, 90, 0.5))
p <- list()
for (i in seq_len(nrow(cases))) {
  k <- cases[i, ]
  r <- suppressWarnings(prop.test(k[c(1, 3)], k[c(2, 4)], conf.level = k[5], correct = FALSE))
  p[[i]] <- data.frame(x1 = num(k[1]), n1 = num(k[2]), x2 = num(k[3]), n2 = num(k[4]),
                       conf_level = num(k[5]),
                       estimate1 = num(r$estimate[1]), estimate2 = num(r$estimate[2]),
                       conf_low = num(r$conf.int[1]), conf_high = num(r$conf.int[2]),
                       statistic = num(ifelse(is.nan(r$statistic), NA, r$statistic)),
                       p_value = num(r$p.value))
}
out(do.call(rbind, p), "grouptest_prop.csv")

## Welch t.test on data sets built from an integer formula (sql/grouptest.sql
## builds the same numbers with the same operations in the same order)
sets <- rbind(
  #   set  n1      n2     offset  scale1 scale2 shift
  c(1,    50,     40,    0,      1,     2.5,   0.3),
  c(2,    2,      2,     0,      1,     1,     0.5),
  c(3,    1000,   3000,  1e6,    0.01,  0.02,  0.001),
  c(4,    100000, 80000, 0,      1,     1,     0.02),
  c(5,    5,      200,   0,      10,    0.1,   5),
  c(6,    5000,   5000,  0,      0.3,   0.3,   3))
group1 <- function(s) {
  i <- seq_len(s[2])
  s[4] + s[5] * ((((i * 7919) %% 1009) - 504) / 100)
}
group2 <- function(s) {
  i <- seq_len(s[3])
  s[4] + s[7] + s[6] * ((((i * 104729) %% 1013) - 506) / 100)
}
w <- list()
for (j in seq_len(nrow(sets))) {
  s <- sets[j, ]
  x <- group1(s)
  y <- group2(s)
  for (conf in c(0.95, 0.9)) {
    r <- t.test(x, y, var.equal = FALSE, conf.level = conf)
    w[[length(w) + 1]] <- data.frame(set = s[1], n1 = num(s[2]), n2 = num(s[3]), offset = num(s[4]),
                                     scale1 = num(s[5]), scale2 = num(s[6]), shift = num(s[7]),
                                     conf_level = num(conf),
                                     mean1 = num(mean(x)), mean2 = num(mean(y)),
                                     sd1 = num(sd(x)), sd2 = num(sd(y)),
                                     statistic = num(r$statistic), df = num(r$parameter),
                                     p_value = num(r$p.value), conf_low = num(r$conf.int[1]),
                                     conf_high = num(r$conf.int[2]), std_err = num(r$stderr))
  }
}
out(do.call(rbind, w), "grouptest_welch.csv")
