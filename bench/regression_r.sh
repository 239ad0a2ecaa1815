#!/usr/bin/env bash
# bench/regression_r.sh CSV: R's glm (binomial) and coxph
# (Efron) on the rows bench/regression.sql wrote to CSV, the six categorical
# covariates as factors (the same 25 dummies), timed after the rows are read;
# printed beside jobreg's times for the same rows (aggregate and coef_table),
# which bench/regression.sql passes in JOBREG_LOGISTIC_MS and JOBREG_COX_MS.
# Without Rscript (or the survival package), or with BENCH_R=0: "R not measured".
set -euo pipefail
csv=$1 logistic_ms=${JOBREG_LOGISTIC_MS:-NA} cox_ms=${JOBREG_COX_MS:-NA} floor_ms=${JOBREG_FLOOR_MS:-NA}
if [ "${BENCH_R:-1}" = 0 ]; then
	echo "R not measured (BENCH_R=0)"
	exit 0
fi
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(survival)' >/dev/null 2>&1; then
	echo "R not measured (Rscript or its survival package is not installed)"
	exit 0
fi
echo "R starts: load average $(cut -d' ' -f1-3 /proc/loadavg), $(awk '/MemAvailable/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) available"
Rscript - "$csv" "$logistic_ms" "$cox_ms" "$floor_ms" <<'R'
suppressPackageStartupMessages(library(survival))
a <- commandArgs(TRUE)
d <- read.csv(a[1], colClasses = c(rep("factor", 6), "character", "numeric", "character"))
d$y <- d$y == "t"
d$ev <- d$ev == "t"
f <- ~ koen + age + her + civ + udd + anc
load <- function() strsplit(readLines("/proc/loadavg"), " ")[[1]][1]
invisible(gc(reset = TRUE))
l0 <- load()
tg <- system.time(g <- glm(update(f, y ~ .), binomial, d))[["elapsed"]] * 1000
l1 <- load()
sg <- summary(g)$coefficients
rm(g); invisible(gc())
tc <- system.time(cx <- coxph(update(f, Surv(weeks, ev) ~ .), d))[["elapsed"]] * 1000
l2 <- load()
peak <- sum(gc()[, 6])   # "max used" (Mb) of R's heap since the reset
jl <- as.numeric(a[2]); jc <- as.numeric(a[3]); fl <- as.numeric(a[4])
cat(sprintf("R %s on %d rows (%s): glm %.0f ms, coxph %.0f ms; R's heap peak %.0f MB; load average %s, %s, %s (before glm, after glm, after coxph)\n",
            R.version.string, nrow(d), paste("survival", packageVersion("survival")), tg, tc, peak, l0, l1, l2))
cat(sprintf("jobreg logistic + coef_table %.0f ms (%.2f x reading the arrays): R glm / jobreg = %.1f\n", jl, jl / fl, tg / jl))
cat(sprintf("jobreg cox + coef_table %.0f ms (%.2f x reading the arrays): R coxph / jobreg = %.1f\n", jc, jc / fl, tc / jc))
# the same figures: jobreg's estimates and standard errors against R's, in the order of the dummies
j <- if (file.exists("/tmp/jobreg_bench_regression_coef.csv")) read.csv("/tmp/jobreg_bench_regression_coef.csv") else NULL
if (!is.null(j)) {
  rel <- function(a, b) max(abs(a / b - 1))
  dif <- function(a, b) max(abs(a - b))
  sc <- summary(cx)$coefficients
  jl <- j[j$model == "logistic", ]; jcx <- j[j$model == "cox", ]
  cat(sprintf("R parity on these rows, max relative (absolute) difference: logistic estimates %.1e (%.1e), standard errors %.1e; cox estimates %.1e (%.1e), standard errors %.1e\n",
              rel(jl$estimate, sg[, 1]), dif(jl$estimate, sg[, 1]), rel(jl$std_err, sg[, 2]),
              rel(jcx$estimate, sc[, 1]), dif(jcx$estimate, sc[, 1]), rel(jcx$std_err, sc[, 3])))
}
R

