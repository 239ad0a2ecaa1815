# r/survival_reference.R
#
# Reference values for jobreg's survival type and log-rank test, from R's
# survival package: builds the data sets below deterministically and writes
# them, with R's results, to test/data/survival_reference.sql, which the
# regression test sql/survival_reference.sql loads and compares; and the few
# numbers the pgTAP test test/survival.sql states to test/data/survival_tap.sql.
#
#   Rscript r/survival_reference.R      (from the repository root)
#
# Numbers are printed with 17 significant digits, so they read back as the
# very doubles R computed; NA and NaN become NULL.
#
# Weighted fits use robust = FALSE (Greenwood on weighted counts), and
# sql/survival_reference.sql asks surv_table for variance => 'greenwood':
# with fractional weights both R's and surv_table's default is the
# infinitesimal-jackknife variance, checked by r/survival_robust_reference.R.

suppressPackageStartupMessages(library(survival))

out_file <- "test/data/survival_reference.sql"
num <- function(x) ifelse(is.na(x) | is.nan(x), "NULL", sprintf("%.17g", x))
lit <- function(x) ifelse(is.na(x), "NULL", paste0("'", gsub("'", "''", x), "'"))

sets <- list()
add <- function(kind, note, exit, event, entry = NULL, weight = NULL, grp = NULL,
                tau = NULL, at = NULL) {
  sets[[length(sets) + 1]] <<- list(kind = kind, note = note, exit = exit,
                                    event = as.logical(event), entry = entry,
                                    weight = weight, grp = grp, tau = tau, at = at)
}

set.seed(20240607)

# ---- Kaplan-Meier data sets ----
add("plain", "textbook: a tie of an event and a censoring",
    c(1, 2, 2, 3, 4), c(1, 1, 0, 1, 1))
add("plain", "many ties in few distinct times",
    sample(1:8, 40, replace = TRUE), runif(40) < 0.7)
add("plain", "all censored",
    c(3, 5, 5, 8, 9, 12, 12, 15, 20, 21), rep(0, 10))
add("plain", "none censored, with ties",
    sample(1:10, 15, replace = TRUE), rep(1, 15))
add("plain", "one observation, an event", 7, 1)
add("plain", "one observation, censored", 7, 0)
add("weighted", "whole-number (frequency) weights",
    sample(1:12, 30, replace = TRUE), runif(30) < 0.75,
    weight = sample(1:4, 30, replace = TRUE))
add("weighted", "fractional weights (Greenwood, robust = FALSE)",
    sample(1:15, 30, replace = TRUE), runif(30) < 0.7,
    weight = round(runif(30, 0.1, 3), 2))
add("weighted", "zero weights among whole-number weights",
    c(1, 2, 3, 3, 5, 6, 7, 7, 9, 10, 11, 12), c(1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1),
    weight = c(1, 2, 0, 1, 1, 0, 2, 3, 1, 0, 1, 0))
local({
  entry <- sample(0:10, 30, replace = TRUE)
  add("entry", "delayed entry (left truncation)",
      entry + sample(1:12, 30, replace = TRUE), runif(30) < 0.7, entry = entry)
})
add("entry", "delayed entry: entrants after the curve reached zero",
    c(2, 5, 6, 7, 9, 9), c(1, 1, 0, 1, 1, 0), entry = c(0, 3, 1, 4, 5, 2))
add("entry", "delayed entry with fractional times",
    c(1.5, 2.25, 3, 4.75, 5, 6.5, 7, 8.125), c(1, 0, 1, 1, 0, 1, 1, 0),
    entry = c(0, 0.5, 1.5, 1, 2.25, 3, 0, 5))
add("plain", "zero durations: events and censorings at time 0",
    c(0, 0, 0, 1, 2, 2, 3, 4, 5, 5), c(1, 1, 0, 1, 0, 1, 1, 0, 1, 1))
add("plain", "large times",
    c(1e9, 2.5e9, 2.5e9, 4e9, 7.25e9, 1e12, 3e14, 1e15, 2e15), c(1, 1, 0, 1, 0, 1, 1, 0, 1))
add("plain", "curve flat at exactly 0.5 (median averages two times)",
    c(1, 2, 3, 4), c(1, 1, 0, 1))
add("plain", "curve ends flat at 0.5 (median and quantile rules differ)",
    c(1, 2, 3, 4), c(1, 1, 0, 0))
add("plain", "continuous times (exponential, 4 decimals)",
    round(rexp(200, 0.1), 4), runif(200) < 0.8)
local({
  weeks <- pmin(ceiling(rexp(2000, 0.01)), 104)
  add("plain", "kontanthjaelp-like spells in weeks, censored at 104",
      weeks, weeks < 104 & runif(2000) < 0.95, tau = 52, at = c(4, 13, 26, 52, 104))
})
add("plain", "small fractional times with ties",
    c(0.001, 0.001, 0.002, 0.0025, 0.0025, 0.0025, 0.003, 0.01, 0.01, 0.02),
    c(1, 0, 1, 1, 1, 0, 1, 0, 1, 1))
add("weighted", "weights with a tie of an event and a censoring",
    c(1, 1, 2, 3, 3, 4, 6, 6), c(1, 0, 1, 1, 0, 1, 1, 0),
    weight = c(0.5, 1.5, 2, 0.25, 0.75, 1, 3, 1))

# ---- log-rank data sets (grouped right-censored data) ----
local({
  g <- rep(c("a", "b"), each = 30)
  add("logrank", "two groups",
      sample(1:20, 60, replace = TRUE) + (g == "b") * 3, runif(60) < 0.7, grp = g)
})
local({
  g <- sample(c("Koebenhavn", "Klyngen", "Hele landet"), 300, replace = TRUE)
  h <- c(Koebenhavn = 0.02, Klyngen = 0.03, "Hele landet" = 0.028)[g]
  weeks <- pmin(ceiling(rexp(300, h)), 52)
  add("logrank", "three groups, weeks censored at 52",
      weeks, weeks < 52, grp = g)
})
local({
  g <- rep(c("v", "w", "x", "y", "z"), c(12, 20, 8, 15, 10))
  add("logrank", "five groups, one without events",
      sample(1:6, 65, replace = TRUE), ifelse(g == "x", 0, runif(65) < 0.6), grp = g)
})
add("logrank", "a group leaving before the first event (expected 0)",
    c(1, 1, 2, 5, 6, 7, 8, 9, 10, 4, 6, 8), c(0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0),
    grp = c("early", "early", "early", rep("p", 6), rep("q", 3)))
add("logrank", "two small groups",
    c(1, 3, 4, 6, 2, 3, 5, 8), c(1, 1, 0, 1, 1, 1, 1, 0),
    grp = rep(c("one", "two"), each = 4))
add("logrank", "groups with zero durations and ties",
    c(0, 0, 1, 1, 2, 3, 0, 1, 1, 2, 2, 4, 0, 3, 3, 5), c(1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1),
    grp = rep(c("p", "q", "r"), c(6, 6, 4)))

# ---- R's results ----
lines <- c(
  "-- test/data/survival_reference.sql: written by r/survival_reference.R; do not edit.",
  sprintf("-- R %s, survival %s", getRversion(), packageVersion("survival")),
  "CREATE TEMP TABLE ref_sets (ds int PRIMARY KEY, kind text, note text);",
  "CREATE TEMP TABLE ref_data (ds int, grp text, entry float8, exit float8, event bool, weight float8);",
  "CREATE TEMP TABLE ref_table (ds int, conf_type text, conf_level float8, row int, time float8, n_risk float8, n_event float8, n_censor float8, surv float8, std_err float8, lower float8, upper float8);",
  "CREATE TEMP TABLE ref_scalar (ds int, what text, arg float8, value float8);",
  "CREATE TEMP TABLE ref_logrank (ds int, chisq float8, df int, p_value float8);")

for (ds in seq_along(sets)) {
  s <- sets[[ds]]
  n <- length(s$exit)
  lines <- c(lines, sprintf("INSERT INTO ref_sets VALUES (%d, %s, %s);", ds, lit(s$kind), lit(s$note)))
  rows <- sprintf("(%d, %s, %s, %s, %s, %s)", ds,
                  if (is.null(s$grp)) "NULL" else lit(s$grp),
                  if (is.null(s$entry)) "NULL" else num(s$entry),
                  num(s$exit), ifelse(s$event, "true", "false"),
                  if (is.null(s$weight)) "NULL" else num(s$weight))
  lines <- c(lines, paste0("INSERT INTO ref_data VALUES\n", paste(rows, collapse = ",\n"), ";"))

  if (s$kind == "logrank") {
    d <- survdiff(Surv(s$exit, s$event) ~ s$grp)
    df <- sum(d$exp > 0) - 1
    lines <- c(lines, sprintf("INSERT INTO ref_logrank VALUES (%d, %s, %d, %s);", ds,
                              num(d$chisq), df, num(pchisq(d$chisq, df, lower.tail = FALSE))))
    next
  }

  fit_with <- function(conf.type, conf.int) {
    if (s$kind == "entry")
      survfit(Surv(s$entry, s$exit, s$event) ~ 1, conf.type = conf.type, conf.int = conf.int)
    else if (s$kind == "weighted")
      survfit(Surv(s$exit, s$event) ~ 1, weights = s$weight, robust = FALSE,
              conf.type = conf.type, conf.int = conf.int)
    else
      survfit(Surv(s$exit, s$event) ~ 1, conf.type = conf.type, conf.int = conf.int)
  }
  levels <- list(c("log", 0.95), c("log-log", 0.95), c("plain", 0.95), c("log", 0.9), c("log-log", 0.99))
  for (lv in levels) {
    sm <- summary(fit_with(lv[1], as.numeric(lv[2])))
    if (length(sm$time) == 0) next
    rows <- sprintf("(%d, %s, %s, %d, %s, %s, %s, %s, %s, %s, %s, %s)", ds, lit(lv[1]), lv[2],
                    seq_along(sm$time), num(sm$time), num(sm$n.risk), num(sm$n.event),
                    num(sm$n.censor), num(sm$surv), num(sm$std.err), num(sm$lower), num(sm$upper))
    lines <- c(lines, paste0("INSERT INTO ref_table VALUES\n", paste(rows, collapse = ",\n"), ";"))
  }

  fit <- fit_with("log", 0.95)
  scal <- function(what, arg, value)
    sprintf("(%d, %s, %s, %s)", ds, lit(what), num(arg), num(value))
  q <- quantile(fit, c(0.1, 0.25, 0.5, 0.75, 0.9), conf.int = FALSE)
  rows <- c(scal("median", NA, survival:::survmean(fit, rmean = "none")$matrix[["median"]]),
            mapply(function(p, v) scal("quantile", p, v), c(0.1, 0.25, 0.5, 0.75, 0.9), q))
  tmax <- max(fit$time)
  taus <- if (is.null(s$tau)) c(tmax / 2, tmax, tmax * 1.5) else s$tau
  taus <- taus[taus >= min(fit$time)]   # print.survfit refuses a smaller tau
  for (tau in taus)
    rows <- c(rows, scal("rmean", tau, survival:::survmean(fit, rmean = tau)$matrix[["rmean"]]))
  at <- if (is.null(s$at)) unique(c(0, quantile(fit$time, c(0.2, 0.5, 0.8), type = 1), tmax)) else s$at
  sa <- summary(fit, times = at)
  rows <- c(rows, mapply(function(t, v) scal("surv_at", t, v), sa$time, sa$surv))
  lines <- c(lines, paste0("INSERT INTO ref_scalar VALUES\n", paste(rows, collapse = ",\n"), ";"))
}

writeLines(lines, out_file)
cat(sprintf("wrote %s: %d data sets\n", out_file, length(sets)))

# ---- the R numbers the pgTAP test test/survival.sql states ----
tap_file <- "test/data/survival_tap.sql"
km <- list(exit = c(1, 2, 2, 3, 4), event = c(TRUE, FALSE, TRUE, TRUE, TRUE))
fit <- function(conf.type) survfit(Surv(km$exit, km$event) ~ 1, conf.type = conf.type)
flat <- survfit(Surv(c(1, 2, 3, 4), c(TRUE, TRUE, FALSE, TRUE)) ~ 1)
lr <- survdiff(Surv(c(1, 3, 4, 2, 5, 6), c(TRUE, TRUE, FALSE, TRUE, TRUE, TRUE)) ~ rep(c("a", "b"), each = 3))
tap <- c(
  surv_3 = summary(fit("log"), times = 3)$surv,
  lower_log_1 = summary(fit("log"), times = 1)$lower,
  lower_loglog_1 = summary(fit("log-log"), times = 1)$lower,
  median = survival:::survmean(fit("log"), rmean = "none")$matrix[["median"]],
  median_flat_half = survival:::survmean(flat, rmean = "none")$matrix[["median"]],
  rmean_4 = survival:::survmean(fit("log"), rmean = 4)$matrix[["rmean"]],
  logrank_p = pchisq(lr$chisq, 1, lower.tail = FALSE))
writeLines(c(
  "-- test/data/survival_tap.sql: written by r/survival_reference.R; do not edit.",
  sprintf("-- R %s, survival %s", getRversion(), packageVersion("survival")),
  "CREATE TEMP TABLE survival_r (name text PRIMARY KEY, value float8);",
  "INSERT INTO survival_r VALUES",
  paste0(sprintf("  (%s, %s)", lit(names(tap)), num(tap)), collapse = ",\n"),
  ";"), tap_file)
cat(sprintf("wrote %s: %d values\n", tap_file, length(tap)))
