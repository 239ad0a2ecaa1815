/*
 * src/stats/glm.c
 *		The fit of the logistic and Poisson models of a regression state:
 *		iteratively reweighted least squares as R's glm.fit runs it on the
 *		individual rows, run here on the covariate patterns.
 *
 * Every row of a pattern has the same linear predictor, so the weighted
 * least-squares problem of an IRLS step over the rows is the same problem
 * over the patterns, with a pattern's weight the sum of its rows' working
 * weights and its response their weighted mean working response.  Only the
 * first step differs: R starts each row from its own y (mustart = (y + 0.5)
 * / 2 for binary y, y + 0.1 for counts), so rows of one pattern start
 * apart; the per-pattern sums of the state (events, and for Poisson the
 * sums with y + 0.1) give that step exactly too.  The fit therefore takes
 * R's steps, stops at R's iteration with R's criterion
 * (|dev - devold| / (|dev| + 0.1) < 1e-8, at most 25 iterations) and
 * returns R's estimates, not only the same maximum.
 *
 * Each step solves the weighted least-squares problem with a Householder
 * QR decomposition with R's limited column pivoting (LINPACK dqrdc2 as R
 * modified it): a column whose norm, after the columns before it are
 * projected out, falls below 1e-11 (glm.fit's min(1e-7, epsilon / 1000))
 * times its original norm is aliased and moved to the end.  The covariance
 * is (R'R)^-1 of the last step's decomposition, as summary.glm takes it.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "miscadmin.h"
#include "utils/float.h"

#include "stats/stats.h"

#define GLM_EPSILON 1e-8		/* glm.control()$epsilon */
#define GLM_MAXIT 25			/* glm.control()$maxit */
#define GLM_QR_TOL 1e-11		/* min(1e-7, epsilon / 1000) */
#define LOGIT_THRESH 30.0		/* R's family.c */
#define LOGIT_MTHRESH -30.0

/* ---------- the families, as R's binomial() and poisson() ---------- */

float8
regression_linkinv(int kind, float8 eta)
{
	if (kind == REG_LOGISTIC)
	{
		float8		t = eta < LOGIT_MTHRESH ? DBL_EPSILON
			: eta > LOGIT_THRESH ? 1.0 / DBL_EPSILON : exp(eta);

		return t / (1 + t);
	}
	return Max(exp(eta), DBL_EPSILON);
}

static float8
LogitMuEta(float8 eta)
{
	float8		opexp = 1 + exp(eta);

	return (eta > LOGIT_THRESH || eta < LOGIT_MTHRESH) ? DBL_EPSILON
		: exp(eta) / (opexp * opexp);
}

/* ---------- QR with R's limited pivoting ---------- */

static float8
Norm2(const float8 *x, int n)
{
	float8		s = 0;

	for (int i = 0; i < n; i++)
		s += x[i] * x[i];
	return sqrt(s);
}

/* moves column l of the m x k column-major a to the end, with its bookkeeping */
static void
RotateToEnd(float8 *a, int m, int k, int l, int *pivot, float8 *qraux,
			float8 *norm_now, float8 *norm_orig)
{
	float8	   *col = palloc(sizeof(float8) * m);
	int			pv = pivot[l];
	float8		q = qraux[l],
				w1 = norm_now[l],
				w2 = norm_orig[l];

	memcpy(col, a + (Size) l * m, sizeof(float8) * m);
	memmove(a + (Size) l * m, a + (Size) (l + 1) * m, sizeof(float8) * m * (k - l - 1));
	memcpy(a + (Size) (k - 1) * m, col, sizeof(float8) * m);
	for (int j = l + 1; j < k; j++)
	{
		pivot[j - 1] = pivot[j];
		qraux[j - 1] = qraux[j];
		norm_now[j - 1] = norm_now[j];
		norm_orig[j - 1] = norm_orig[j];
	}
	pivot[k - 1] = pv;
	qraux[k - 1] = q;
	norm_now[k - 1] = w1;
	norm_orig[k - 1] = w2;
	pfree(col);
}

/*
 * Householder QR of the m x k column-major matrix a in place, columns with
 * a negligible reduced norm moved to the right; returns the rank.  After
 * it, the upper triangle of the first rank columns is R, column l below
 * the diagonal and qraux[l] hold the l-th transformation, and pivot[j] is
 * the original index of column j.
 */
static int
QrDecompose(float8 *a, int m, int k, float8 tol, int *pivot, float8 *qraux)
{
	float8	   *norm_now = palloc(sizeof(float8) * k);
	float8	   *norm_orig = palloc(sizeof(float8) * k);
	int			lup = Min(m, k);
	int			last = k;		/* columns from `last` on are aliased */

	for (int j = 0; j < k; j++)
	{
		pivot[j] = j;
		qraux[j] = Norm2(a + (Size) j * m, m);
		norm_now[j] = qraux[j];
		norm_orig[j] = qraux[j] == 0 ? 1 : qraux[j];
	}
	for (int l = 0; l < lup; l++)
	{
		float8	   *u = a + (Size) l * m;
		float8		nrm;

		/* columns from `last` on are aliased already: no cycling past them */
		while (l < last && qraux[l] < norm_orig[l] * tol)
		{
			RotateToEnd(a, m, k, l, pivot, qraux, norm_now, norm_orig);
			last--;
		}
		if (l == m - 1)
			continue;			/* the last row: nothing to transform */
		nrm = Norm2(u + l, m - l);
		if (nrm == 0)
			continue;
		if (u[l] != 0)
			nrm = copysign(nrm, u[l]);
		for (int i = l; i < m; i++)
			u[i] *= 1.0 / nrm;
		u[l] += 1.0;
		for (int j = l + 1; j < k; j++)
		{
			float8	   *c = a + (Size) j * m;
			float8		t = 0;

			for (int i = l; i < m; i++)
				t -= u[i] * c[i];
			t /= u[l];
			for (int i = l; i < m; i++)
				c[i] += t * u[i];
			if (qraux[j] != 0)
			{
				float8		tt = 1.0 - (fabs(c[l]) / qraux[j]) * (fabs(c[l]) / qraux[j]);

				tt = Max(tt, 0.0);
				if (fabs(tt) >= 1e-6)
					qraux[j] *= sqrt(tt);
				else
				{
					qraux[j] = Norm2(c + l + 1, m - l - 1);
					norm_now[j] = qraux[j];
				}
			}
		}
		qraux[l] = u[l];
		u[l] = -nrm;
	}
	pfree(norm_now);
	pfree(norm_orig);
	return Min(last, m);
}

/* Q'y for the first rank transformations, in place */
static void
QrQty(const float8 *a, int m, int rank, const float8 *qraux, float8 *y)
{
	int			ju = Min(rank, m - 1);

	for (int j = 0; j < ju; j++)
	{
		const float8 *u = a + (Size) j * m;
		float8		ujj = qraux[j];
		float8		t;

		if (qraux[j] == 0)
			continue;
		t = -ujj * y[j];
		for (int i = j + 1; i < m; i++)
			t -= u[i] * y[i];
		t /= ujj;
		y[j] += t * ujj;
		for (int i = j + 1; i < m; i++)
			y[i] += t * u[i];
	}
}

/* ---------- IRLS ---------- */

/* a pattern's sums as float8s */
typedef struct PatSums
{
	float8		rows;
	float8		y;
	float8		e;				/* poisson: exposure and the sums with 0.1 */
	float8		ylogy01;
	float8		yloge01;
} PatSums;

/* the poisson global sums as float8s */
typedef struct GlobSums
{
	float8		yloge;
	float8		lgamma;
	float8		ylogy;
	float8		ylogy01;
	float8		nonint;
} GlobSums;

typedef struct Irls
{
	const Regression *r;
	PatSums    *pat;
	GlobSums	g;
	int			kind;
	int			m;				/* patterns */
	int			k;				/* columns used: the intercept and x1..x(k-1) */
	float8	   *eta;			/* per pattern, without offset */
	float8	   *w;				/* working weight of the pattern */
	float8	   *z;				/* working response of the pattern */
	float8	   *a;				/* m x k */
	float8	   *b;
	float8	   *qraux;
	int		   *pivot;
	int			rank;
	float8	   *coef;			/* k, original order */
	float8	   *coefold;
	bool		have_coefold;
	float8		dev;
	int			iterations;
	bool		converged;
} Irls;

static inline float8
X(const Irls *s, int i, int j)
{
	return j == 0 ? 1.0 : REG_KEY(s->r, i)[j - 1];
}

/* the weights and responses of R's first step, from its starting values */
static float8
StartingStep(Irls *s)
{
	float8		devold = 0;

	if (s->kind == REG_LOGISTIC)
	{
		/* a row starts at mu = (y + 0.5) / 2: 0.75 or 0.25 */
		float8		eta1 = log(0.75 / (1 - 0.75));
		float8		eta0 = log(0.25 / (1 - 0.25));
		float8		mu1 = regression_linkinv(REG_LOGISTIC, eta1);
		float8		mu0 = regression_linkinv(REG_LOGISTIC, eta0);
		float8		me1 = LogitMuEta(eta1);
		float8		me0 = LogitMuEta(eta0);
		float8		w1 = me1 * me1 / (mu1 * (1 - mu1));
		float8		w0 = me0 * me0 / (mu0 * (1 - mu0));
		float8		z1 = eta1 + (1 - mu1) / me1;
		float8		z0 = eta0 + (0 - mu0) / me0;
		float8		d1 = 2 * log(1 / mu1);
		float8		d0 = 2 * log(1 / (1 - mu0));

		for (int i = 0; i < s->m; i++)
		{
			const PatSums *v = &s->pat[i];
			float8		ev = v->y,
						ne = v->rows - v->y;

			s->w[i] = ev * w1 + ne * w0;
			s->z[i] = (ev * w1 * z1 + ne * w0 * z0) / s->w[i];
			devold += ev * d1 + ne * d0;
		}
	}
	else
	{
		/* a row starts at mu = y + 0.1, eta = log(y + 0.1) */
		const GlobSums *g = &s->g;
		float8		rows = 0;

		for (int i = 0; i < s->m; i++)
		{
			const PatSums *v = &s->pat[i];

			s->w[i] = v->y + 0.1 * v->rows;
			s->z[i] = (v->ylogy01 - v->yloge01 - 0.1 * v->rows) / s->w[i];
			rows += v->rows;
		}
		devold = 2 * (g->ylogy - g->ylogy01 + 0.1 * rows);
	}
	return devold;
}

/* the weights and responses at the current eta */
static void
WorkingStep(Irls *s)
{
	for (int i = 0; i < s->m; i++)
	{
		const PatSums *v = &s->pat[i];
		float8		eta = s->eta[i];

		if (s->kind == REG_LOGISTIC)
		{
			float8		mu = regression_linkinv(REG_LOGISTIC, eta);
			float8		me = LogitMuEta(eta);

			s->w[i] = v->rows * me * me / (mu * (1 - mu));
			s->z[i] = eta + (v->y / v->rows - mu) / me;
		}
		else
		{
			float8		mu = exp(eta) * v->e;

			s->w[i] = mu;
			s->z[i] = eta + v->y / mu - 1;
		}
	}
}

/* the deviance (over the rows) at the current eta */
static float8
Deviance(const Irls *s)
{
	float8		dev = 0;

	if (s->kind == REG_LOGISTIC)
	{
		for (int i = 0; i < s->m; i++)
		{
			const PatSums *v = &s->pat[i];
			float8		mu = regression_linkinv(REG_LOGISTIC, s->eta[i]);

			dev += 2 * (v->y * log(1 / mu) + (v->rows - v->y) * log(1 / (1 - mu)));
		}
		return dev;
	}
	else
	{
		const GlobSums *g = &s->g;
		float8		ylogmu = g->yloge,
					ysum = 0,
					musum = 0;

		for (int i = 0; i < s->m; i++)
		{
			const PatSums *v = &s->pat[i];

			ylogmu += v->y * s->eta[i];
			ysum += v->y;
			musum += exp(s->eta[i]) * v->e;
		}
		return 2 * ((g->ylogy - ylogmu) - ysum + musum);
	}
}

static void
SetEta(Irls *s, const float8 *coef)
{
	for (int i = 0; i < s->m; i++)
	{
		float8		e = 0;

		for (int j = 0; j < s->k; j++)
			e += X(s, i, j) * coef[j];
		s->eta[i] = e;
	}
}

/* one weighted least-squares solve; false when a coefficient is not finite */
static bool
Solve(Irls *s)
{
	int			m = s->m,
				k = s->k;

	for (int i = 0; i < m; i++)
	{
		float8		sw = sqrt(s->w[i]);

		for (int j = 0; j < k; j++)
			s->a[(Size) j * m + i] = X(s, i, j) * sw;
		s->b[i] = s->z[i] * sw;
	}
	s->rank = QrDecompose(s->a, m, k, GLM_QR_TOL, s->pivot, s->qraux);
	QrQty(s->a, m, s->rank, s->qraux, s->b);
	/* back substitution R c = (Q'b)[1..rank] */
	for (int j = s->rank - 1; j >= 0; j--)
	{
		float8		t = s->b[j];

		for (int l = j + 1; l < s->rank; l++)
			t -= s->a[(Size) l * m + j] * s->b[l];
		s->b[j] = t / s->a[(Size) j * m + j];
	}
	for (int j = 0; j < k; j++)
		s->coef[s->pivot[j]] = j < s->rank ? s->b[j] : 0;
	for (int j = 0; j < k; j++)
		if (!isfinite(s->coef[j]))
			return false;
	return true;
}

static void
RunIrls(Irls *s)
{
	float8		devold = StartingStep(s);

	s->converged = false;
	s->have_coefold = false;
	for (int iter = 1; iter <= GLM_MAXIT; iter++)
	{
		CHECK_FOR_INTERRUPTS();
		s->iterations = iter;
		if (iter > 1)
			WorkingStep(s);
		if (!Solve(s))
			break;
		SetEta(s, s->coef);
		s->dev = Deviance(s);
		if (!isfinite(s->dev))
		{
			int			ii = 1;

			if (!s->have_coefold)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("the model cannot be fitted"),
						 errdetail("The first step of the fit gives a deviance that is not finite, as R's glm.fit reports with \"no valid set of coefficients has been found\".")));
			while (!isfinite(s->dev))
			{
				if (ii++ > GLM_MAXIT)
					ereport(ERROR,
							(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							 errmsg("the model cannot be fitted"),
							 errdetail("Halving the step did not give a finite deviance.")));
				for (int j = 0; j < s->k; j++)
					s->coef[j] = (s->coef[j] + s->coefold[j]) / 2;
				SetEta(s, s->coef);
				s->dev = Deviance(s);
			}
		}
		if (fabs(s->dev - devold) / (0.1 + fabs(s->dev)) < GLM_EPSILON)
		{
			s->converged = true;
			break;
		}
		devold = s->dev;
		memcpy(s->coefold, s->coef, sizeof(float8) * s->k);
		s->have_coefold = true;
	}
}

static void
IrlsInit(Irls *s, const Regression *r, int k)
{
	int			m = r->nentries;

	s->r = r;
	s->kind = r->kind;
	s->pat = palloc(sizeof(PatSums) * Max(m, 1));
	for (int i = 0; i < m; i++)
	{
		const float8 *v = REG_VAL(r, i);
		PatSums    *ps = &s->pat[i];

		ps->rows = v[REG_ROWS];
		if (r->kind == REG_LOGISTIC)
			ps->y = v[REG_Y];
		else
		{
			ps->y = regression_fixed(v + REG_Y);
			ps->e = regression_fixed(v + REG_EXPOSURE);
			ps->ylogy01 = regression_fixed(v + REG_YLOGY01);
			ps->yloge01 = regression_fixed(v + REG_YLOGE01);
		}
	}
	if (r->kind == REG_POISSON)
	{
		const float8 *g = REG_GLOBALS(r);

		s->g.yloge = regression_fixed(g + REG_G_YLOGE);
		s->g.lgamma = regression_fixed(g + REG_G_LGAMMA);
		s->g.ylogy = regression_fixed(g + REG_G_YLOGY);
		s->g.ylogy01 = regression_fixed(g + REG_G_YLOGY01);
		s->g.nonint = g[REG_G_NONINT];
	}
	s->m = m;
	s->k = k;
	s->eta = palloc0(sizeof(float8) * m);
	s->w = palloc(sizeof(float8) * m);
	s->z = palloc(sizeof(float8) * m);
	s->a = palloc_extended(sizeof(float8) * (Size) m * k, MCXT_ALLOC_HUGE);
	s->b = palloc(sizeof(float8) * m);
	s->qraux = palloc(sizeof(float8) * k);
	s->pivot = palloc(sizeof(int) * k);
	s->coef = palloc0(sizeof(float8) * k);
	s->coefold = palloc0(sizeof(float8) * k);
}

/* the log-likelihood over the rows at the current eta */
static float8
LogLik(const Irls *s)
{

	if (s->kind == REG_LOGISTIC)
		return -s->dev / 2;		/* the saturated model of 0/1 rows has likelihood 1 */
	else
	{
		const GlobSums *g = &s->g;
		float8		ll;

		if (g->nonint > 0)
			return get_float8_nan();	/* R's dpois is -Inf at non-integer counts */
		ll = g->yloge - g->lgamma;
		for (int i = 0; i < s->m; i++)
		{
			const PatSums *v = &s->pat[i];

			ll += v->y * s->eta[i] - exp(s->eta[i]) * v->e;
		}
		return ll;
	}
}

void
regression_glm_fit(const Regression *r, RegressionFit *fit)
{
	Irls		s;
	Irls		nul;
	int			k = r->p + 1;
	float8	   *rinv;
	int			rank;
	float8		eps = 10 * DBL_EPSILON;

	memset(fit, 0, sizeof(RegressionFit));
	fit->k = k;
	IrlsInit(&s, r, k);
	for (int i = 0; i < s.m; i++)
	{
		fit->rows += s.pat[i].rows;
		fit->events += s.pat[i].y;
	}
	RunIrls(&s);
	fit->iterations = s.iterations;
	fit->converged = s.converged;
	fit->rank = rank = s.rank;
	fit->deviance = s.dev;
	fit->loglik = LogLik(&s);
	fit->aic = -2 * fit->loglik + 2 * rank;
	fit->coef = s.coef;
	fit->aliased = palloc0(sizeof(bool) * k);
	for (int j = rank; j < k; j++)
		fit->aliased[s.pivot[j]] = true;

	/* fitted probabilities numerically 0 or 1, rates numerically 0 */
	for (int i = 0; i < s.m; i++)
	{
		const PatSums *v = &s.pat[i];

		if (s.kind == REG_LOGISTIC)
		{
			float8		mu = regression_linkinv(REG_LOGISTIC, s.eta[i]);

			if (mu > 1 - eps || mu < eps)
				fit->boundary = true;
		}
		else if (exp(s.eta[i]) * v->e / v->rows < eps)
			fit->boundary = true;
	}

	/* (R'R)^-1 of the last step, in the original column order */
	rinv = palloc0(sizeof(float8) * Max(rank * rank, 1));
	for (int j = 0; j < rank; j++)
	{
		/* column j of R^-1: solve R c = e_j */
		for (int i = j; i >= 0; i--)
		{
			float8		t = i == j ? 1.0 : 0.0;

			for (int l = i + 1; l <= j; l++)
				t -= s.a[(Size) l * s.m + i] * rinv[l * rank + j];
			rinv[i * rank + j] = t / s.a[(Size) i * s.m + i];
		}
	}
	fit->cov = palloc0(sizeof(float8) * k * k);
	for (int i = 0; i < rank; i++)
		for (int j = 0; j < rank; j++)
		{
			float8		t = 0;

			for (int l = Max(i, j); l < rank; l++)
				t += rinv[i * rank + l] * rinv[j * rank + l];
			fit->cov[s.pivot[i] * k + s.pivot[j]] = t;
		}

	/* the intercept-only model, fitted the same way */
	IrlsInit(&nul, r, 1);
	RunIrls(&nul);
	fit->null_loglik = LogLik(&nul);
	fit->null_converged = nul.converged;
}
