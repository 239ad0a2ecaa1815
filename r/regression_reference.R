# r/regression_reference.R
#   Reference values for jobreg's logistic and poisson aggregates from R's
#   glm: summary(glm)$coefficients, confint.default, logLik, deviance, AIC,
#   the iterations, and logLik of the intercept-only model.
#
# Builds the data deterministically and writes them and R's figures (17
# significant digits) to test/data/regression_reference.sql, which
# sql/regression.sql loads.  Run from the repository root:
#   Rscript r/regression_reference.R
#
# The data: 600 persons with køn (sex 0/1), herkomst in three levels as two
# 0/1 dummies (h2, h3), age in whole years (many ties), a 0/1 outcome y and
# a count of events over a non-integer exposure; some values missing (NA,
# NULL in SQL: R's na.omit and jobreg both drop the row for the model that
# uses the column).  sex2 = 1 - sex and age2 = age are collinear with the
# intercept and sex, and with age: R's QR aliases them (NA).  sep is a
# small set where age > 40 separates y completely; allev and noev have
# every y true or false.
set.seed(20261204)
n <- 600
sex <- rbinom(n, 1, 0.5)
her <- sample(1:3, n, replace = TRUE, prob = c(0.7, 0.2, 0.1))
h2 <- as.integer(her == 2)
h3 <- as.integer(her == 3)
age <- sample(18:66, n, replace = TRUE)
lp <- -1 + 0.5 * sex + 0.8 * h2 - 0.4 * h3 + 0.03 * (age - 40)
y <- rbinom(n, 1, plogis(lp))
exposure <- round(runif(n, 0.1, 3), 3)
events <- rpois(n, exposure * exp(-1.2 + 0.3 * sex - 0.5 * h2 + 0.2 * h3 + 0.02 * (age - 40)))
y[sample(n, 8)] <- NA
age[sample(n, 6)] <- NA
h2[sample(n, 3)] <- NA
exposure[sample(n, 4)] <- NA
events[sample(n, 4)] <- NA
d <- data.frame(id = 1:n, y, events, exposure, sex, h2, h3, age, sex2 = 1 - sex, age2 = age)

sep <- data.frame(id = 1:30, age = c(20:34, 45:59))
sep$y <- as.integer(sep$age > 40)
allev <- data.frame(id = 1:40, sex = rep(0:1, 20), age = 20 + (0:39) %% 17)
allev$y <- 1L
noev <- allev
noev$y <- 0L

num <- function(v) ifelse(is.na(v), "NULL", sprintf("%.17g", v))
lgl <- function(v) ifelse(is.na(v), "NULL", ifelse(v == 1, "true", "false"))

out <- c("-- written by r/regression_reference.R; do not edit",
		 "CREATE TABLE reg_rows (id int, y bool, events float8, exposure float8, sex float8, h2 float8, h3 float8, age float8, sex2 float8, age2 float8);",
		 "INSERT INTO reg_rows VALUES")
rows <- sprintf("(%d, %s, %s, %s, %s, %s, %s, %s, %s, %s)", d$id, lgl(d$y), num(d$events), num(d$exposure),
				num(d$sex), num(d$h2), num(d$h3), num(d$age), num(d$sex2), num(d$age2))
out <- c(out, paste0("\t", rows, c(rep(",", n - 1), ";")))
small <- function(name, s) {
	c(sprintf("CREATE TABLE %s (id int, y bool, sex float8, age float8);", name),
	  sprintf("INSERT INTO %s VALUES", name),
	  paste0("\t", sprintf("(%d, %s, %s, %s)", s$id, lgl(s$y), num(if (is.null(s$sex)) rep(NA, nrow(s)) else s$sex), num(s$age)),
			 c(rep(",", nrow(s) - 1), ";")))
}
out <- c(out, small("reg_sep", sep), small("reg_allev", allev), small("reg_noev", noev))

out <- c(out, "CREATE TABLE reg_ref_coef (model text, term text, estimate float8, std_err float8, statistic float8, p_value float8, lower float8, upper float8);",
		 "CREATE TABLE reg_ref_fit (model text, n int8, events float8, loglik float8, null_loglik float8, deviance float8, aic float8, iterations int4, converged bool);")

ref <- function(model, f, null) {
	s <- summary(f)$coefficients
	ci <- suppressMessages(confint.default(f))
	cf <- coef(f)
	lines <- character(0)
	for (t in names(cf)) {
		if (is.na(cf[t]))
			lines <- c(lines, sprintf("('%s', '%s', NULL, NULL, NULL, NULL, NULL, NULL)", model, t))
		else
			lines <- c(lines, sprintf("('%s', '%s', %s, %s, %s, %s, %s, %s)", model, t,
									  num(s[t, 1]), num(s[t, 2]), num(s[t, 3]), num(s[t, 4]),
									  num(ci[t, 1]), num(ci[t, 2])))
	}
	yy <- f$y * f$prior.weights
	c(paste0("INSERT INTO reg_ref_coef VALUES ", paste(lines, collapse = ", "), ";"),
	  sprintf("INSERT INTO reg_ref_fit VALUES ('%s', %d, %s, %s, %s, %s, %s, %d, %s);", model,
			  nobs(f), num(sum(yy)), num(as.numeric(logLik(f))), num(as.numeric(logLik(null))),
			  num(deviance(f)), num(AIC(f)), f$iter, if (f$converged) "true" else "false"))
}
q <- function(e) suppressWarnings(e)
L1 <- q(glm(y ~ sex + h2 + h3 + age, binomial, d))
L1n <- q(glm(y ~ 1, binomial, model.frame(y ~ sex + h2 + h3 + age, d)))
L2 <- q(glm(y ~ sex + h2 + h3 + age + sex2 + age2, binomial, d))
L0 <- q(glm(y ~ 1, binomial, d))
P1 <- q(glm(events ~ sex + h2 + h3 + age + offset(log(exposure)), poisson, d))
P1n <- q(glm(events ~ 1 + offset(log(exposure)), poisson, model.frame(events ~ sex + h2 + h3 + age + exposure, d)))
P0 <- q(glm(events ~ 1 + offset(log(exposure)), poisson, d))
P2 <- q(glm(events ~ sex + sex2 + age, poisson, d))	# no offset: exposure 1 in SQL
P2n <- q(glm(events ~ 1, poisson, model.frame(events ~ sex + age, d)))
S1 <- q(glm(y ~ age, binomial, sep))
A1 <- q(glm(y ~ sex + age, binomial, allev))
N1 <- q(glm(y ~ sex + age, binomial, noev))
out <- c(out, ref("L1", L1, L1n), ref("L2", L2, L1n), ref("L0", L0, L0),
		 ref("P1", P1, P1n), ref("P0", P0, P0), ref("P2", P2, P2n),
		 ref("S1", S1, q(glm(y ~ 1, binomial, sep))),
		 ref("A1", A1, q(glm(y ~ 1, binomial, allev))),
		 ref("N1", N1, q(glm(y ~ 1, binomial, noev))))
# the warnings R gives for the separated and all/no-event sets
for (m in list(list("S1", y ~ age, sep), list("A1", y ~ sex + age, allev), list("N1", y ~ sex + age, noev))) {
	w <- character(0)
	withCallingHandlers(glm(m[[2]], binomial, m[[3]]),
						warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
	out <- c(out, sprintf("-- R warns for %s: %s", m[[1]], paste(w, collapse = "; ")))
}
writeLines(out, "test/data/regression_reference.sql")

# Cox models (survival::coxph) on the same persons: a duration in whole weeks
# (many ties) and an event; Efron (R's default) and Breslow ties; sex2 is
# aliased; cinf has events only where sex = 1 (an infinite coefficient).
suppressPackageStartupMessages(library(survival))
set.seed(20261205)
weeks <- pmin(1 + floor(rexp(n, 1 / 30) * exp(-0.4 * sex + 0.3 * h3)), 104)
event <- as.integer(weeks < 104 & runif(n) < 0.75)
weeks[sample(n, 5)] <- NA
dc <- data.frame(id = 1:n, weeks, event, sex, h2, h3, age, sex2 = 1 - sex)
out2 <- c("CREATE TABLE reg_cox (id int, weeks float8, event bool, sex float8, h2 float8, h3 float8, age float8, sex2 float8);",
		  "INSERT INTO reg_cox VALUES",
		  paste0("\t", sprintf("(%d, %s, %s, %s, %s, %s, %s, %s)", dc$id, num(dc$weeks), lgl(dc$event), num(dc$sex),
							   num(dc$h2), num(dc$h3), num(dc$age), num(dc$sex2)), c(rep(",", n - 1), ";")))
cref <- function(model, f) {
	s <- summary(f)$coefficients
	ci <- confint.default(f)
	cf <- coef(f)
	lines <- character(0)
	for (t in names(cf)) {
		if (is.na(cf[t]))
			lines <- c(lines, sprintf("('%s', '%s', NULL, NULL, NULL, NULL, NULL, NULL)", model, t))
		else
			lines <- c(lines, sprintf("('%s', '%s', %s, %s, %s, %s, %s, %s)", model, t,
									  num(s[t, "coef"]), num(s[t, "se(coef)"]), num(s[t, "z"]), num(s[t, "Pr(>|z|)"]),
									  num(ci[t, 1]), num(ci[t, 2])))
	}
	c(paste0("INSERT INTO reg_ref_coef VALUES ", paste(lines, collapse = ", "), ";"),
	  sprintf("INSERT INTO reg_ref_fit VALUES ('%s', %d, %d, %s, %s, NULL, %s, %d, %s);", model,
			  f$n, f$nevent, num(f$loglik[2]), num(f$loglik[1]), num(AIC(f)), f$iter, "true"))
}
C1 <- coxph(Surv(weeks, event) ~ sex + h2 + h3 + age, dc)
C1b <- coxph(Surv(weeks, event) ~ sex + h2 + h3 + age, dc, ties = "breslow")
C2 <- coxph(Surv(weeks, event) ~ sex + sex2 + age, dc)
cinf <- data.frame(weeks = c(1:20, 1:20), event = c(rep(0L, 20), rep(1L, 20)), sex = rep(0:1, each = 20))
w <- character(0)
C3 <- withCallingHandlers(coxph(Surv(weeks, event) ~ sex, cinf),
						  warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") })
out2 <- c(out2, cref("C1", C1), cref("C1b", C1b), cref("C2", C2), cref("C3", C3),
		  sprintf("-- R warns for C3: %s", paste(w, collapse = "; ")))
out <- readLines("test/data/regression_reference.sql")
writeLines(c(out, out2), "test/data/regression_reference.sql")

# Delayed entry: Surv(entry, exit, event), at risk on (entry, exit]; some
# entries tie with exits and with each other.
set.seed(20261206)
entry <- floor(runif(n, 0, 20))
dd <- data.frame(id = 1:n, entry, exit = entry + dc$weeks, event = dc$event, sex, h2, h3, age)
out3 <- c("CREATE TABLE reg_cox_entry (id int, entry float8, exit float8, event bool, sex float8, h2 float8, h3 float8, age float8);",
		  "INSERT INTO reg_cox_entry VALUES",
		  paste0("\t", sprintf("(%d, %s, %s, %s, %s, %s, %s, %s)", dd$id, num(dd$entry), num(dd$exit), lgl(dd$event),
							   num(dd$sex), num(dd$h2), num(dd$h3), num(dd$age)), c(rep(",", n - 1), ";")))
D1 <- coxph(Surv(entry, exit, event) ~ sex + h2 + h3 + age, dd)
D1b <- coxph(Surv(entry, exit, event) ~ sex + h2 + h3 + age, dd, ties = "breslow")
out3 <- c(out3, cref("D1", D1), cref("D1b", D1b))
out <- readLines("test/data/regression_reference.sql")
writeLines(c(out, out3), "test/data/regression_reference.sql")

# Stratified Cox: coxph(Surv(weeks, event) ~ x + strata(region)), a baseline
# hazard per region; rows with a NULL region are skipped (na.omit).  The
# hazard differs by region, so the stratified fit differs from the plain one.
set.seed(20261207)
region <- sample(c("Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"), n, replace = TRUE)
region[sample(n, 7)] <- NA
ds <- data.frame(id = 1:n, weeks = pmin(dc$weeks * ifelse(is.na(region), 1, ifelse(region == "Hovedstaden", 1.5, 1)), 104),
				 event = dc$event, sex, h2, h3, age, region)
str_or_null <- function(v) ifelse(is.na(v), "NULL", sprintf("'%s'", v))
out4 <- c("CREATE TABLE reg_cox_strata (id int, weeks float8, event bool, sex float8, h2 float8, h3 float8, age float8, region text);",
		  "INSERT INTO reg_cox_strata VALUES",
		  paste0("\t", sprintf("(%d, %s, %s, %s, %s, %s, %s, %s)", ds$id, num(ds$weeks), lgl(ds$event), num(ds$sex),
							   num(ds$h2), num(ds$h3), num(ds$age), str_or_null(ds$region)), c(rep(",", n - 1), ";")))
S2 <- coxph(Surv(weeks, event) ~ sex + h2 + h3 + age + strata(region), ds)
S2b <- coxph(Surv(weeks, event) ~ sex + h2 + h3 + age + strata(region), ds, ties = "breslow")
out4 <- c(out4, cref("CS1", S2), cref("CS1b", S2b))
out <- readLines("test/data/regression_reference.sql")
writeLines(c(out, out4), "test/data/regression_reference.sql")
