#!/usr/bin/env bash
# bench/regression_r.sh CSV: R's glm (binomial) and coxph
# (Efron) on the rows bench/regression.sql wrote to CSV, the six categorical
# covariates as factors (the same 25 dummies), timed after the rows are read;
# printed beside jobreg's times for the same rows (aggregate and coef_table),
# which bench/regression.sql passes in JOBREG_LOGISTIC_MS and JOBREG_COX_MS.
# Without Rscript (or the survival package): "R not measured".
set -euo pipefail
csv=$1 logistic_ms=${JOBREG_LOGISTIC_MS:-NA} cox_ms=${JOBREG_COX_MS:-NA}
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(survival)' >/dev/null 2>&1; then
	echo "R not measured (Rscript or its survival package is not installed)"
	exit 0
fi
Rscript - "$csv" "$logistic_ms" "$cox_ms" <<'R'
suppressPackageStartupMessages(library(survival))
a <- commandArgs(TRUE)
d <- read.csv(a[1], colClasses = c(rep("factor", 6), "character", "numeric", "character"))
d$y <- d$y == "t"
d$ev <- d$ev == "t"
f <- ~ koen + age + her + civ + udd + anc
invisible(gc())
tg <- system.time(g <- glm(update(f, y ~ .), binomial, d))[["elapsed"]] * 1000
tc <- system.time(cx <- coxph(update(f, Surv(weeks, ev) ~ .), d))[["elapsed"]] * 1000
jl <- as.numeric(a[2]); jc <- as.numeric(a[3])
cat(sprintf("R %s on %d rows (%s): glm %.0f ms, coxph %.0f ms\n", R.version.string, nrow(d),
            paste("survival", packageVersion("survival")), tg, tc))
cat(sprintf("jobreg logistic + coef_table %.0f ms: R glm / jobreg = %.1f\n", jl, tg / jl))
cat(sprintf("jobreg cox + coef_table %.0f ms: R coxph / jobreg = %.1f\n", jc, tc / jc))
R

