/*
 * src/stats/cox.c
 *		The fit of a Cox model of a regression state: Newton-Raphson on the
 *		partial likelihood as R's coxph runs it (survival's coxfit6), with
 *		Efron's or Breslow's handling of tied event times.
 *
 * A Cox state keeps, per stratum, time and covariate pattern, the rows
 * leaving the risk set at that time and how many of them had the event.
 * The partial likelihood walks the times from the last: every row of an
 * entry contributes the same risk exp(x'b), so an entry's rows enter the
 * risk-set sums multiplied by their count, and the sums are those of the
 * rows.  As coxph: the covariates are centred and scaled (by their mean
 * absolute deviation) before the fit, the iteration starts at b = 0, a
 * step that lowers the log-likelihood is halved, and the fit stops when
 * |1 - loglik_old / loglik_new| <= 1e-9 (at most 20 iterations).  The
 * information matrix is decomposed as L D L' with coxph's tolerance
 * (.Machine$double.eps^0.75 times its largest diagonal element): a column
 * whose pivot falls below it is singular, its coefficient aliased (R's NA).
 * The covariance is the inverse information at the final b.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "miscadmin.h"
#include "utils/float.h"

#include "stats/stats.h"

#define COX_EPS 1e-9			/* coxph.control()$eps */
#define COX_MAXIT 20			/* coxph.control()$iter.max */
#define COX_TOLER_CHOL 1.8189894035458565e-12	/* .Machine$double.eps^0.75 */
#define COX_TOLER_INF 3.1622776601683795e-05	/* sqrt(eps) */

typedef struct Cox
{
	int			m;				/* entries */
	int			p;
	bool		efron;
	const float8 *stratum;		/* per entry */
	const float8 *time;
	float8	   *x;				/* m x p, centred and scaled */
	float8	   *rows;
	float8	   *events;
	float8	   *entered;
	/* results of one evaluation */
	float8	   *u;				/* p */
	float8	   *imat;			/* p x p, upper triangle filled */
	/* work */
	float8	   *a,
			   *a2,
			   *a3,
			   *cmat,
			   *cmat2,
			   *cmat3;
	bool		delayed;		/* some rows enter late */
} Cox;

/* The log-partial likelihood, score and information at beta */
static float8
CoxEvaluate(Cox *c, const float8 *beta)
{
	int			p = c->p;
	float8		loglik = 0;
	float8		denom = 0;
	int			e = c->m - 1;

	memset(c->u, 0, sizeof(float8) * p);
	memset(c->imat, 0, sizeof(float8) * p * p);
	while (e >= 0)
	{
		float8		dtime = c->time[e];
		float8		s = c->stratum[e];
		float8		ndead = 0,
					denom2 = 0,
					denom3 = 0;

		CHECK_FOR_INTERRUPTS();
		/* the last time of a stratum starts its risk set */
		if (e == c->m - 1 || c->stratum[e + 1] != s)
		{
			denom = 0;
			memset(c->a, 0, sizeof(float8) * p);
			memset(c->cmat, 0, sizeof(float8) * p * p);
		}
		memset(c->a2, 0, sizeof(float8) * p);
		memset(c->cmat2, 0, sizeof(float8) * p * p);
		if (c->delayed)
		{
			memset(c->a3, 0, sizeof(float8) * p);
			memset(c->cmat3, 0, sizeof(float8) * p * p);
		}
		for (; e >= 0 && c->time[e] == dtime && c->stratum[e] == s; e--)
		{
			const float8 *x = c->x + (Size) e * p;
			float8		zbeta = 0,
						risk,
						cens = c->rows[e] - c->events[e],
						dead = c->events[e],
						late = c->entered[e];

			for (int i = 0; i < p; i++)
				zbeta += beta[i] * x[i];
			risk = exp(zbeta);
			if (late > 0)
			{
				/* rows entering at this time, taken out below */
				denom3 += late * risk;
				for (int i = 0; i < p; i++)
				{
					c->a3[i] += late * risk * x[i];
					for (int j = 0; j <= i; j++)
						c->cmat3[i * p + j] += late * risk * x[i] * x[j];
				}
			}
			if (cens > 0)
			{
				denom += cens * risk;
				for (int i = 0; i < p; i++)
				{
					c->a[i] += cens * risk * x[i];
					for (int j = 0; j <= i; j++)
						c->cmat[i * p + j] += cens * risk * x[i] * x[j];
				}
			}
			if (dead > 0)
			{
				ndead += dead;
				denom2 += dead * risk;
				loglik += dead * zbeta;
				for (int i = 0; i < p; i++)
				{
					c->u[i] += dead * x[i];
					c->a2[i] += dead * risk * x[i];
					for (int j = 0; j <= i; j++)
						c->cmat2[i * p + j] += dead * risk * x[i] * x[j];
				}
			}
		}
		/* rows entering at this time are not at risk at it: (entry, exit] */
		if (denom3 > 0)
		{
			denom -= denom3;
			for (int i = 0; i < p; i++)
			{
				c->a[i] -= c->a3[i];
				for (int j = 0; j <= i; j++)
					c->cmat[i * p + j] -= c->cmat3[i * p + j];
			}
		}
		if (ndead > 0 && (!c->efron || ndead == 1))
		{
			/* Breslow: every death sees the whole risk set */
			denom += denom2;
			loglik -= ndead * log(denom);
			for (int i = 0; i < p; i++)
			{
				float8		mean;

				c->a[i] += c->a2[i];
				mean = c->a[i] / denom;
				c->u[i] -= ndead * mean;
				for (int j = 0; j <= i; j++)
				{
					c->cmat[i * p + j] += c->cmat2[i * p + j];
					c->imat[j * p + i] += ndead * (c->cmat[i * p + j] - mean * c->a[j]) / denom;
				}
			}
		}
		else if (ndead > 0)
		{
			/*
			 * Efron: of d tied deaths, the k-th (k = 1 .. d) sees the risk
			 * set with the survivors' sums and k / d of the deaths' sums.
			 * The terms are sums over k of scalars times the sums, so the
			 * scalars are summed first: O(d + p^2) for d ties, not
			 * O(d p^2) (a weekly register has thousands of ties a week).
			 */
			float8		s1 = 0,
						sc = 0,
						s2 = 0,
						sc2 = 0,
						scc2 = 0;

			for (int64 k = 1; k <= (int64) ndead; k++)
			{
				float8		ck = k / ndead;
				float8		den = denom + ck * denom2;

				loglik -= log(den);
				s1 += 1 / den;
				sc += ck / den;
				s2 += 1 / (den * den);
				sc2 += ck / (den * den);
				scc2 += ck * ck / (den * den);
			}
			for (int i = 0; i < p; i++)
			{
				c->u[i] -= c->a[i] * s1 + c->a2[i] * sc;
				for (int j = 0; j <= i; j++)
					c->imat[j * p + i] += c->cmat[i * p + j] * s1 + c->cmat2[i * p + j] * sc
						- (c->a[i] * c->a[j] * s2
						   + (c->a[i] * c->a2[j] + c->a2[i] * c->a[j]) * sc2
						   + c->a2[i] * c->a2[j] * scc2);
			}
			/* earlier times see every death of this one */
			denom += denom2;
			for (int i = 0; i < p; i++)
			{
				c->a[i] += c->a2[i];
				for (int j = 0; j <= i; j++)
					c->cmat[i * p + j] += c->cmat2[i * p + j];
			}
		}
	}
	return loglik;
}

/*
 * L D L' of the symmetric p x p matrix whose upper triangle is m (the
 * lower triangle is overwritten with L, the diagonal with D); a pivot below
 * toler times the largest diagonal element is set to 0 (a singular
 * column).  Returns the rank.
 */
static int
LdlDecompose(float8 *m, int p, float8 toler)
{
	float8		eps = 0;
	int			rank = 0;

	for (int i = 0; i < p; i++)
	{
		if (m[i * p + i] > eps)
			eps = m[i * p + i];
		for (int j = i + 1; j < p; j++)
			m[j * p + i] = m[i * p + j];
	}
	eps = eps == 0 ? toler : eps * toler;
	for (int i = 0; i < p; i++)
	{
		float8		pivot = m[i * p + i];

		if (!isfinite(pivot) || pivot < eps)
		{
			m[i * p + i] = 0;
			continue;
		}
		rank++;
		for (int j = i + 1; j < p; j++)
		{
			float8		t = m[j * p + i] / pivot;

			m[j * p + i] = t;
			m[j * p + j] -= t * t * pivot;
			for (int k = j + 1; k < p; k++)
				m[k * p + j] -= t * m[k * p + i];
		}
	}
	return rank;
}

/* solves (L D L') z = y in place; singular components are 0 */
static void
LdlSolve(const float8 *m, int p, float8 *y)
{
	for (int i = 0; i < p; i++)
		for (int j = 0; j < i; j++)
			y[i] -= y[j] * m[i * p + j];
	for (int i = p - 1; i >= 0; i--)
	{
		if (m[i * p + i] == 0)
		{
			y[i] = 0;
			continue;
		}
		y[i] /= m[i * p + i];
		for (int j = i + 1; j < p; j++)
			y[i] -= y[j] * m[j * p + i];
	}
}

void
regression_cox_fit(const Regression *r, bool efron, RegressionFit *fit)
{
	int			m = r->nentries;
	int			p = r->p;
	Cox			c;
	float8	   *mean = palloc0(sizeof(float8) * Max(p, 1));
	float8	   *scale = palloc(sizeof(float8) * Max(p, 1));
	float8	   *stratum = palloc(sizeof(float8) * m);
	float8	   *time = palloc(sizeof(float8) * m);
	float8	   *beta = palloc0(sizeof(float8) * Max(p, 1));
	float8	   *newbeta = palloc0(sizeof(float8) * Max(p, 1));
	float8	   *step = palloc0(sizeof(float8) * Max(p, 1));
	float8		total = 0,
				loglik0,
				best,
				newlk = 0;
	int			halving = 0;
	int			iter;
	bool		converged = false;
	int			rank;

	memset(fit, 0, sizeof(RegressionFit));
	fit->k = p;
	c.m = m;
	c.p = p;
	c.efron = efron;
	c.x = palloc_extended(sizeof(float8) * (Size) m * Max(p, 1), MCXT_ALLOC_HUGE);
	c.rows = palloc(sizeof(float8) * m);
	c.events = palloc(sizeof(float8) * m);
	c.entered = palloc(sizeof(float8) * m);
	c.a3 = palloc(sizeof(float8) * Max(p, 1));
	c.cmat3 = palloc(sizeof(float8) * Max(p * p, 1));
	c.delayed = false;
	c.u = palloc(sizeof(float8) * Max(p, 1));
	c.imat = palloc(sizeof(float8) * Max(p * p, 1));
	c.a = palloc(sizeof(float8) * Max(p, 1));
	c.a2 = palloc(sizeof(float8) * Max(p, 1));
	c.cmat = palloc(sizeof(float8) * Max(p * p, 1));
	c.cmat2 = palloc(sizeof(float8) * Max(p * p, 1));
	for (int i = 0; i < m; i++)
	{
		const float8 *key = REG_KEY(r, i);

		stratum[i] = key[0];
		time[i] = key[1];
		c.rows[i] = REG_VAL(r, i)[REG_ROWS];
		c.events[i] = REG_VAL(r, i)[REG_Y];
		c.entered[i] = REG_VAL(r, i)[REG_ENTERED];
		if (c.entered[i] > 0)
			c.delayed = true;
		memcpy(c.x + (Size) i * p, REG_X(r, i), sizeof(float8) * p);
		total += c.rows[i];
		fit->rows += c.rows[i];
		fit->events += c.events[i];
	}
	c.stratum = stratum;
	c.time = time;

	/* centre and scale the covariates, as coxph */
	for (int j = 0; j < p; j++)
	{
		float8		s = 0;

		for (int i = 0; i < m; i++)
			mean[j] += c.rows[i] * c.x[(Size) i * p + j];
		mean[j] /= total;
		for (int i = 0; i < m; i++)
		{
			c.x[(Size) i * p + j] -= mean[j];
			s += c.rows[i] * fabs(c.x[(Size) i * p + j]);
		}
		scale[j] = s > 0 ? total / s : 1.0;
		for (int i = 0; i < m; i++)
			c.x[(Size) i * p + j] *= scale[j];
	}

	/* the first step, from beta = 0 */
	loglik0 = best = CoxEvaluate(&c, beta);
	memcpy(step, c.u, sizeof(float8) * p);
	LdlDecompose(c.imat, p, COX_TOLER_CHOL);
	LdlSolve(c.imat, p, step);
	for (int j = 0; j < p; j++)
		newbeta[j] = beta[j] + step[j];
	for (iter = 1; iter <= COX_MAXIT; iter++)
	{
		bool		notfinite = false;

		newlk = CoxEvaluate(&c, newbeta);
		LdlDecompose(c.imat, p, COX_TOLER_CHOL);
		for (int i = 0; i < p; i++)
		{
			if (!isfinite(c.u[i]))
				notfinite = true;
			for (int j = 0; j < p; j++)
				if (!isfinite(c.imat[i * p + j]))
					notfinite = true;
		}
		if (!isfinite(newlk))
			notfinite = true;
		if (!notfinite && fabs(1 - best / newlk) <= COX_EPS)
		{
			best = newlk;
			memcpy(beta, newbeta, sizeof(float8) * p);
			converged = true;
			break;
		}
		if (notfinite || newlk < best)
		{
			/* not improving: halve the step, more each time */
			halving++;
			for (int j = 0; j < p; j++)
				newbeta[j] = (newbeta[j] + halving * beta[j]) / (halving + 1.0);
		}
		else
		{
			halving = 0;
			best = newlk;
			memcpy(step, c.u, sizeof(float8) * p);
			LdlSolve(c.imat, p, step);
			for (int j = 0; j < p; j++)
			{
				beta[j] = newbeta[j];
				newbeta[j] += step[j];
			}
		}
	}
	if (!converged)
	{
		/* the information of the last good beta, as coxph */
		iter = COX_MAXIT;
		best = CoxEvaluate(&c, beta);
		LdlDecompose(c.imat, p, COX_TOLER_CHOL);
	}

	/* the inverse information, column by column; singular columns 0 */
	fit->cov = palloc0(sizeof(float8) * Max(p * p, 1));
	fit->coef = palloc0(sizeof(float8) * Max(p, 1));
	fit->aliased = palloc0(sizeof(bool) * Max(p, 1));
	rank = 0;
	for (int j = 0; j < p; j++)
	{
		float8	   *col = palloc0(sizeof(float8) * p);

		if (c.imat[j * p + j] == 0)
		{
			fit->aliased[j] = true;
			continue;
		}
		rank++;
		col[j] = 1;
		LdlSolve(c.imat, p, col);
		for (int i = 0; i < p; i++)
			fit->cov[i * p + j] = col[i] * scale[i] * scale[j];
		pfree(col);
	}
	for (int j = 0; j < p; j++)
		fit->coef[j] = fit->aliased[j] ? 0 : beta[j] * scale[j];

	/* coxph's test for coefficients that may be infinite: |u' V| large */
	if (converged)
		for (int j = 0; j < p; j++)
		{
			float8		inf = 0;

			if (fit->aliased[j])
				continue;
			for (int i = 0; i < p; i++)
				inf += c.u[i] / scale[i] * fit->cov[i * p + j];
			inf = fabs(inf);
			if (inf > COX_EPS && inf > COX_TOLER_INF * fabs(fit->coef[j]))
				fit->infinite = true;
		}

	fit->rank = rank;
	fit->iterations = iter;
	fit->converged = converged;
	fit->loglik = best;
	fit->null_loglik = loglik0;
	fit->null_converged = true;
	fit->deviance = get_float8_nan();	/* R has no deviance for coxph */
	fit->aic = -2 * best + 2 * rank;
}
