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
 * rows.  The covariates are kept per pattern, as lists of their non-zero
 * values, so exp(x'b) is computed once per pattern and an entry adds to
 * the risk-set sums at the cost of its pattern's non-zeros squared (see
 * CoxEvaluate).  As coxph: the covariates are centred (below) and scaled
 * (by their mean absolute deviation) before the fit, the iteration starts
 * at b = 0, a
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

/*
 * The work of the fit.  Per pattern: its covariates, centred and scaled,
 * as a list of the non-zero ones (index and value), and its risk exp(x'b)
 * at the beta being evaluated (one exp per pattern, not per entry).  Per
 * entry: stratum, time, pattern and counts.
 */
typedef struct Cox
{
	int			m;				/* entries */
	int			npat;
	int			p;
	bool		efron;
	const float8 *stratum;		/* per entry */
	const float8 *time;
	const int  *pattern;
	float8	   *rows;
	float8	   *events;
	float8	   *entered;
	int		   *nzstart;		/* npat + 1: pattern k's non-zeros at nzstart[k] .. */
	int		   *nzidx;
	float8	   *nzval;
	float8	   *zbeta;			/* npat */
	float8	   *risk;			/* npat */
	/* results of one evaluation */
	float8	   *u;				/* p */
	float8	   *imat;			/* p x p, upper triangle filled */
	/* work */
	float8	   *a,
			   *a2,
			   *cmat,
			   *cmat2;
} Cox;

/* adds w x to a and w x x' to the lower triangle of cmat, over x's non-zeros */
static inline void
AddOuter(const Cox *c, int k, float8 w, float8 *a, float8 *cmat)
{
	int			p = c->p;
	const int  *idx = c->nzidx + c->nzstart[k];
	const float8 *val = c->nzval + c->nzstart[k];
	int			nz = c->nzstart[k + 1] - c->nzstart[k];

	for (int q = 0; q < nz; q++)
	{
		int			i = idx[q];
		float8		wx = w * val[q];

		a[i] += wx;
		for (int r = 0; r <= q; r++)
			cmat[i * p + idx[r]] += wx * val[r];
	}
}

/*
 * Efron's sums over the d tied deaths of a time: with c_k = k / d and
 * den_k = denom + c_k denom2 (k = 1 .. d), sums gets the sums of 1 / den_k,
 * c_k / den_k, 1 / den_k^2, c_k / den_k^2 and c_k^2 / den_k^2, and the
 * result is the sum of log(den_k).  A weekly register has thousands of
 * ties a week, so this is the fit's inner loop: past a few deaths the
 * logarithm of each den_k is not taken, the den_k are multiplied instead,
 * the product kept in [1, 2) with its power of 2 counted apart, and one
 * logarithm is taken at the end (as exact as the sum of logarithms).
 */
#define EFRON_LOG_EACH 16

static float8
EfronSums(float8 denom, float8 denom2, float8 ndead, float8 *sums)
{
	float8		s1 = 0,
				sc = 0,
				s2 = 0,
				sc2 = 0,
				scc2 = 0,
				logsum = 0;
	int64		d = (int64) ndead;
	float8		first = denom + denom2 / ndead,
				last = denom + denom2;
	bool		product = d > EFRON_LOG_EACH && first >= DBL_MIN && last <= DBL_MAX / 4;
	float8		mant = 1;
	int64		exp2sum = 0;

	for (int64 k = 1; k <= d; k++)
	{
		float8		ck = k / ndead;
		float8		den = denom + ck * denom2;
		float8		inv = 1 / den;
		float8		inv2 = inv * inv;

		if (product)
		{
			uint64		bits;

			mant *= den;
			memcpy(&bits, &mant, sizeof(bits));
			exp2sum += (int64) ((bits >> 52) & 0x7FF) - 1023;
			bits = (bits & UINT64CONST(0x800FFFFFFFFFFFFF)) | (UINT64CONST(1023) << 52);
			memcpy(&mant, &bits, sizeof(bits));
		}
		else
			logsum += log(den);
		s1 += inv;
		sc += ck * inv;
		s2 += inv2;
		sc2 += ck * inv2;
		scc2 += ck * ck * inv2;
	}
	if (product)
		logsum = log(mant) + exp2sum * M_LN2;
	sums[0] = s1;
	sums[1] = sc;
	sums[2] = s2;
	sums[3] = sc2;
	sums[4] = scc2;
	return logsum;
}

/*
 * The log-partial likelihood, score and information at beta.  The
 * risk-set sums (denominator, S1 = a, S2 = cmat) are kept cumulatively,
 * going back in time, entry by entry at the cost of the entry's non-zero
 * covariates squared; the score and information are updated once per
 * distinct event time (p^2), as coxph does per death.
 */
static float8
CoxEvaluate(Cox *c, const float8 *beta)
{
	int			p = c->p;
	float8		loglik = 0;
	float8		denom = 0;
	int			e = c->m - 1;

	for (int k = 0; k < c->npat; k++)
	{
		float8		z = 0;

		for (int q = c->nzstart[k]; q < c->nzstart[k + 1]; q++)
			z += beta[c->nzidx[q]] * c->nzval[q];
		c->zbeta[k] = z;
		c->risk[k] = exp(z);
	}
	memset(c->u, 0, sizeof(float8) * p);
	memset(c->imat, 0, sizeof(float8) * p * p);
	while (e >= 0)
	{
		float8		dtime = c->time[e];
		float8		s = c->stratum[e];
		float8		ndead = 0,
					denom2 = 0,
					denom3 = 0;
		bool		deaths_any = false;

		CHECK_FOR_INTERRUPTS();
		/* the last time of a stratum starts its risk set */
		if (e == c->m - 1 || c->stratum[e + 1] != s)
		{
			denom = 0;
			memset(c->a, 0, sizeof(float8) * p);
			memset(c->cmat, 0, sizeof(float8) * p * p);
		}
		for (; e >= 0 && c->time[e] == dtime && c->stratum[e] == s; e--)
		{
			int			k = c->pattern[e];
			float8		risk = c->risk[k],
						cens = c->rows[e] - c->events[e],
						dead = c->events[e],
						late = c->entered[e];

			if (late > 0)
			{
				/* rows entering at this time are not at risk at it: (entry, exit] */
				denom3 += late * risk;
				AddOuter(c, k, -late * risk, c->a, c->cmat);
			}
			if (cens > 0)
			{
				denom += cens * risk;
				AddOuter(c, k, cens * risk, c->a, c->cmat);
			}
			if (dead > 0)
			{
				if (!deaths_any)
				{
					memset(c->a2, 0, sizeof(float8) * p);
					memset(c->cmat2, 0, sizeof(float8) * p * p);
					deaths_any = true;
				}
				ndead += dead;
				denom2 += dead * risk;
				loglik += dead * c->zbeta[k];
				for (int q = c->nzstart[k]; q < c->nzstart[k + 1]; q++)
					c->u[c->nzidx[q]] += dead * c->nzval[q];
				AddOuter(c, k, dead * risk, c->a2, c->cmat2);
			}
		}
		denom -= denom3;
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
			float8		sums[5];

			loglik -= EfronSums(denom, denom2, ndead, sums);
			for (int i = 0; i < p; i++)
			{
				c->u[i] -= c->a[i] * sums[0] + c->a2[i] * sums[1];
				for (int j = 0; j <= i; j++)
					c->imat[j * p + i] += c->cmat[i * p + j] * sums[0] + c->cmat2[i * p + j] * sums[1]
						- (c->a[i] * c->a[j] * sums[2]
						   + (c->a[i] * c->a2[j] + c->a2[i] * c->a[j]) * sums[3]
						   + c->a2[i] * c->a2[j] * sums[4]);
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
	int			npat = REG_NPATTERNS(r);
	Cox			c;
	float8	   *mean = palloc0(sizeof(float8) * Max(p, 1));
	float8	   *shift = palloc0(sizeof(float8) * Max(p, 1));
	float8	   *scale = palloc(sizeof(float8) * Max(p, 1));
	float8	   *prows = palloc0(sizeof(float8) * Max(npat, 1));
	float8	   *stratum = palloc(sizeof(float8) * m);
	float8	   *time = palloc(sizeof(float8) * m);
	int		   *pattern = palloc(sizeof(int) * m);
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
	int			nz = 0;

	memset(fit, 0, sizeof(RegressionFit));
	fit->k = p;
	c.m = m;
	c.npat = npat;
	c.p = p;
	c.efron = efron;
	c.rows = palloc(sizeof(float8) * m);
	c.events = palloc(sizeof(float8) * m);
	c.entered = palloc(sizeof(float8) * m);
	c.u = palloc(sizeof(float8) * Max(p, 1));
	c.imat = palloc(sizeof(float8) * Max(p * p, 1));
	c.a = palloc(sizeof(float8) * Max(p, 1));
	c.a2 = palloc0(sizeof(float8) * Max(p, 1));
	c.cmat = palloc(sizeof(float8) * Max(p * p, 1));
	c.cmat2 = palloc0(sizeof(float8) * Max(p * p, 1));
	c.zbeta = palloc(sizeof(float8) * Max(npat, 1));
	c.risk = palloc(sizeof(float8) * Max(npat, 1));
	for (int i = 0; i < m; i++)
	{
		const float8 *key = REG_KEY(r, i);
		int			k = (int) key[2];

		if (!(k >= 0 && k < npat))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("corrupted regression value"),
					 errdetail("Entry %d has a pattern number out of range.", i + 1)));
		stratum[i] = key[0];
		time[i] = key[1];
		pattern[i] = k;
		c.rows[i] = REG_VAL(r, i)[REG_ROWS];
		c.events[i] = REG_VAL(r, i)[REG_Y];
		c.entered[i] = REG_VAL(r, i)[REG_ENTERED];
		prows[k] += c.rows[i];
		total += c.rows[i];
		fit->rows += c.rows[i];
		fit->events += c.events[i];
	}
	c.stratum = stratum;
	c.time = time;
	c.pattern = pattern;

	/*
	 * Centre and scale the covariates, as coxph: scaled by the inverse of
	 * their mean absolute deviation from the mean.  The fit's estimates,
	 * log-likelihood and information do not depend on the centre, so a
	 * covariate that is 0 in at least half of the rows (a dummy, say) is
	 * centred at 0 instead of its mean: its zeros stay zeros, and the
	 * risk-set sums cost the non-zero covariates only.  Others (a
	 * continuous covariate) are centred at their mean, as coxph does.
	 */
	for (int j = 0; j < p; j++)
	{
		float8		s = 0,
					zeros = 0;

		for (int k = 0; k < npat; k++)
		{
			float8		x = REG_PATTERN(r, k)[j];

			mean[j] += prows[k] * x;
			if (x == 0)
				zeros += prows[k];
		}
		mean[j] /= total;
		for (int k = 0; k < npat; k++)
			s += prows[k] * fabs(REG_PATTERN(r, k)[j] - mean[j]);
		scale[j] = s > 0 ? total / s : 1.0;
		shift[j] = 2 * zeros >= total ? 0 : mean[j];
	}
	c.nzstart = palloc(sizeof(int) * (npat + 1));
	for (int k = 0; k < npat; k++)
		for (int j = 0; j < p; j++)
			nz += REG_PATTERN(r, k)[j] != shift[j];
	c.nzidx = palloc(sizeof(int) * Max(nz, 1));
	c.nzval = palloc(sizeof(float8) * Max(nz, 1));
	nz = 0;
	for (int k = 0; k < npat; k++)
	{
		c.nzstart[k] = nz;
		for (int j = 0; j < p; j++)
		{
			float8		x = REG_PATTERN(r, k)[j];

			if (x != shift[j])
			{
				c.nzidx[nz] = j;
				c.nzval[nz] = (x - shift[j]) * scale[j];
				nz++;
			}
		}
	}
	c.nzstart[npat] = nz;

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
