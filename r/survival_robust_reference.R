# r/survival_robust_reference.R
#   Reference values for surv_table's robust (infinitesimal jackknife)
#   variance: R's survfit with case weights, whose default with weights that
#   are not whole numbers is robust = TRUE (each row its own cluster), and
#   the Greenwood variance (robust = FALSE), for the three interval types.
#
# Writes test/data/survival_robust_reference.sql (17 significant digits),
# which sql/survival_robust.sql loads.  Run from the repository root:
#   Rscript r/survival_robust_reference.R
suppressPackageStartupMessages(library(survival))
set.seed(20261208)
num <- function(v) ifelse(is.na(v), "NULL", sprintf("%.17g", v))
# ties: whole weeks; fractional weights (a survey's inverse selection probabilities)
n <- 300
ties <- data.frame(id = 1:n, t = pmin(1 + floor(rexp(n, 1 / 20)), 60),
				   w = round(runif(n, 0.2, 3.5), 3))
ties$e <- as.integer(ties$t < 60 & runif(n) < 0.7)
# no ties: continuous times
m <- 120
noties <- data.frame(id = 1:m, t = round(rexp(m, 1 / 15), 6), w = round(runif(m, 0.5, 2.5), 4))
noties$e <- as.integer(runif(m) < 0.8)
# whole weights: R's default is Greenwood; robust = TRUE on request
whole <- data.frame(id = 1:n, t = ties$t, e = ties$e, w = 1 + (1:n) %% 3)
# a last risk set that all die: S reaches 0
zero <- data.frame(id = 1:6, t = c(1, 2, 2, 3, 4, 4), e = c(1, 0, 1, 1, 1, 1),
				   w = c(0.5, 1.5, 2.25, 1, 0.75, 1.25))
out <- c("-- written by r/survival_robust_reference.R; do not edit",
		 "CREATE TABLE sr_rows (data text, id int, t float8, e bool, w float8);")
rows <- function(name, d) paste0("INSERT INTO sr_rows VALUES ",
	paste(sprintf("('%s', %d, %s, %s, %s)", name, d$id, num(d$t), ifelse(d$e == 1, "true", "false"), num(d$w)),
		  collapse = ", "), ";")
out <- c(out, rows("ties", ties), rows("noties", noties), rows("whole", whole), rows("zero", zero),
		 "CREATE TABLE sr_ref (data text, variance text, conf_type text, time float8, n_risk float8, n_event float8, surv float8, std_err float8, lower float8, upper float8);")
ref <- function(name, d, variance, robust) {
	lines <- character(0)
	for (ct in c("log", "log-log", "plain")) {
		f <- if (is.na(robust)) survfit(Surv(t, e) ~ 1, d, weights = w, conf.type = ct)
			 else survfit(Surv(t, e) ~ 1, d, weights = w, conf.type = ct, robust = robust)
		s <- summary(f)
		lines <- c(lines, sprintf("('%s', '%s', '%s', %s, %s, %s, %s, %s, %s, %s)", name, variance, ct,
								  num(s$time), num(s$n.risk), num(s$n.event), num(s$surv), num(s$std.err),
								  num(s$lower), num(s$upper)))
	}
	paste0("INSERT INTO sr_ref VALUES ", paste(lines, collapse = ", "), ";")
}
out <- c(out,
		 ref("ties", ties, "auto", NA), ref("ties", ties, "greenwood", FALSE), ref("ties", ties, "robust", TRUE),
		 ref("noties", noties, "auto", NA), ref("noties", noties, "greenwood", FALSE),
		 ref("whole", whole, "auto", NA), ref("whole", whole, "robust", TRUE),
		 ref("zero", zero, "auto", NA))
writeLines(out, "test/data/survival_robust_reference.sql")
