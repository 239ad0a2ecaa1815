/*
 * src/stats/distributions.c
 *		Distribution functions: chi-square, Student t, normal, gamma and
 *		Poisson, in C for the statistics of every layer and as SQL functions
 *		(pchisq, pt, qt, qnorm).
 *
 * The regularized incomplete gamma and beta functions are computed with a
 * power series or a continued fraction (modified Lentz), whichever
 * converges on the side of the argument at hand, so that each tail is
 * computed directly and never as 1 minus a number close to 1.  The factor
 * x^a e^-x / Γ(a+1) (and its beta analogue) is computed with Loader's
 * saddle-point form (Stirling's error term and the deviance term bd0),
 * which keeps full relative precision for large degrees of freedom where
 * the plain logarithmic form loses digits to cancellation.  Quantiles of t
 * are found by safeguarded Newton iteration on the distribution function;
 * the normal quantile is Wichura's AS 241.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(jobreg_pchisq_sql);
PG_FUNCTION_INFO_V1(jobreg_pt_sql);
PG_FUNCTION_INFO_V1(jobreg_qt_sql);
PG_FUNCTION_INFO_V1(jobreg_qnorm_sql);

#define LN_SQRT_2PI 0.918938533204672741780329736406	/* log(sqrt(2 pi)) */
/*
 * The series and continued fractions below take about 9 sqrt(a) terms where
 * x is near a, which for the chi-square is sqrt(20 df): at most 10 million
 * terms (well under a second) covers df up to JOBREG_MAX_CHISQ_DF, and
 * bounds the work for any other arguments (doc/bounds.md).
 */
#define MAX_ITERATIONS 10000000
#define JOBREG_MAX_CHISQ_DF 1e12

/* ---------- special functions ---------- */

/*
 * Stirling's error: log Γ(n+1) - (n + 1/2) log n + n - log sqrt(2 pi).
 * Small n directly (the absolute error, which is what matters in an
 * exponent, stays near 1e-15); large n by the asymptotic series, whose
 * first omitted term is below 1e-16 for n > 15.
 */
static double
StirlingError(double n)
{
	double		nn;

	if (n <= 15.0)
		return lgamma(n + 1.0) - (n + 0.5) * log(n) + n - LN_SQRT_2PI;
	nn = n * n;
	return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * nn)) / nn) / nn) / nn) / n;
}

/*
 * The deviance term x log(x / m) + m - x, by a series in (x - m)/(x + m)
 * when x and m are close, where the direct form would cancel.
 */
static double
Deviance(double x, double m)
{
	double		v,
				s,
				ej,
				s1;
	int			j;

	if (fabs(x - m) >= 0.1 * (x + m))
		return x * log(x / m) + m - x;
	v = (x - m) / (x + m);
	s = (x - m) * v;
	ej = 2.0 * x * v;
	v = v * v;
	for (j = 1; j < 1000; j++)
	{
		ej *= v;
		s1 = s + ej / (2 * j + 1);
		if (s1 == s)
			break;
		s = s1;
	}
	return s;
}

/* x^a e^-x / Γ(a+1), for a > 0 and x > 0 */
static double
PoissonTerm(double a, double x)
{
	return exp(-StirlingError(a) - Deviance(a, x)) / sqrt(2.0 * M_PI * a);
}

/* Γ(a+b+1) / (Γ(a+1) Γ(b+1)) x^a y^b with y = 1 - x, for a, b, x, y > 0 */
static double
BinomialTerm(double a, double b, double x, double y)
{
	double		n = a + b;

	return exp(StirlingError(n) - StirlingError(a) - StirlingError(b)
			   - Deviance(a, n * x) - Deviance(b, n * y))
		* sqrt(n / (2.0 * M_PI * a * b));
}

/* Lentz's guard against a zero denominator */
static double
NonZero(double d)
{
	return fabs(d) < 1e-300 ? 1e-300 : d;
}

static void
NoConvergence(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s did not converge", what),
			 errdetail("The arguments are beyond the range this implementation handles.")));
}

/*
 * log Γ(1 + a) for 0 <= a < 0.1, by its Taylor series -γa + Σ (-a)^k ζ(k)/k:
 * lgamma(1 + a) would first round 1 + a and lose the digits of a small a.
 */
static double
LogGamma1pSmall(double a)
{
	static const double zeta[] = {
		1.6449340668482264, 1.2020569031595943, 1.0823232337111382,
		1.0369277551433699, 1.0173430619844491, 1.0083492773819228,
		1.0040773561979443, 1.0020083928260822, 1.0009945751278181,
		1.0004941886041195, 1.0002460865533080, 1.0001227133475785,
		1.0000612481350587, 1.0000305882363070, 1.0000152822594087
	};								/* ζ(2) ... ζ(16) */
	double		sum = 0.0;

	for (int k = lengthof(zeta) + 1; k >= 2; k--)
		sum = (sum - zeta[k - 2] / k) * -a;
	return a * (sum - 0.57721566490153286061);
}

/*
 * Q(a, x) for a < 0.1 and x < a + 1 where P > 1/2: P is then near 1, and
 * 1 - P would lose the digits of Q: with u = x^a / Γ(1 + a) and the series
 * P = u (1 + a Σ_{n>=1} (-x)^n / (n! (a + n))),
 * Q = -expm1(log u) - u a Σ, each term of the size of a.
 */
static double
GammaUpperSmallShape(double a, double x)
{
	double		log_u = a * log(x) - LogGamma1pSmall(a);
	double		t = 1.0,
				sum = 0.0;

	for (int n = 1; n < 100; n++)
	{
		t *= -x / n;
		sum += t / (a + n);
		if (fabs(t) < DBL_EPSILON * fabs(sum))
			break;
	}
	return -expm1(log_u) - exp(log_u) * a * sum;
}

/*
 * The regularized incomplete gamma function P(a, x), or Q(a, x) = 1 - P
 * when upper: by the series for P below x = a + 1, by the continued
 * fraction for Q above.  Either way the smaller tail is computed directly.
 */
static double
GammaRegularized(double a, double x, bool upper)
{
	double		term,
				r;
	int			i;

	if (x <= 0.0)
		return upper ? 1.0 : 0.0;
	if (isinf(x))
		return upper ? 0.0 : 1.0;
	term = PoissonTerm(a, x);
	if (term == 0.0)
		return (x < a) == upper ? 1.0 : 0.0;

	if (x < a + 1.0)
	{
		/* P = term (1 + x/(a+1) + x^2/((a+1)(a+2)) + ...) */
		double		u = 1.0,
					sum = 1.0;

		for (i = 1;; i++)
		{
			if (i > MAX_ITERATIONS)
				NoConvergence("incomplete gamma series");
			u *= x / (a + i);
			sum += u;
			if (u < sum * DBL_EPSILON)
				break;
			if (i % 100000 == 0)
				CHECK_FOR_INTERRUPTS();
		}
		r = term * sum;
		if (a < 0.1 && r > 0.5)
		{
			double		q = GammaUpperSmallShape(a, x);

			return upper ? q : 1.0 - q;
		}
		return upper ? 1.0 - r : r;
	}
	else
	{
		/* Q = a term / (x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(x+5-a - ...))) */
		double		b = x + 1.0 - a,
					c = 1.0 / 1e-300,
					d,
					h,
					delta;

		h = 1.0 / b;
		d = h;
		for (i = 1;; i++)
		{
			double		an = -i * (i - a);

			if (i > MAX_ITERATIONS)
				NoConvergence("incomplete gamma continued fraction");
			b += 2.0;
			d = 1.0 / NonZero(an * d + b);
			c = NonZero(b + an / c);
			delta = d * c;
			h *= delta;
			if (fabs(delta - 1.0) < DBL_EPSILON)
				break;
			if (i % 100000 == 0)
				CHECK_FOR_INTERRUPTS();
		}
		r = a * term * h;
		return upper ? r : 1.0 - r;
	}
}

/*
 * The regularized incomplete beta function I_x(a, b), or 1 - I_x(a, b)
 * when upper; y = 1 - x is given separately so that a small y keeps its
 * precision.  The continued fraction converges fast below
 * x = (a+1)/(a+b+2); above, the symmetry I_x(a, b) = 1 - I_y(b, a) is used.
 */
static double
BetaRegularized(double x, double y, double a, double b, bool upper)
{
	double		c,
				d,
				h,
				r;
	int			m;

	if (x <= 0.0)
		return upper ? 1.0 : 0.0;
	if (y <= 0.0)
		return upper ? 0.0 : 1.0;
	if (x > (a + 1.0) / (a + b + 2.0))
	{
		double		t;

		t = x, x = y, y = t;
		t = a, a = b, b = t;
		upper = !upper;
	}

	/* 1/(1+ d1/(1+ d2/(1+ ...))) with the even and odd terms of A&S 26.5.8 */
	c = 1.0;
	/* 1 - (a+b) x / (a+1), written with y so that it does not cancel */
	d = 1.0 / NonZero((1.0 - b + (a + b) * y) / (a + 1.0));
	h = d;
	for (m = 1;; m++)
	{
		double		even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
		double		odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
		double		delta;

		if (m > MAX_ITERATIONS)
			NoConvergence("incomplete beta continued fraction");
		d = 1.0 / NonZero(1.0 + even * d);
		c = NonZero(1.0 + even / c);
		h *= d * c;
		d = 1.0 / NonZero(1.0 + odd * d);
		c = NonZero(1.0 + odd / c);
		delta = d * c;
		h *= delta;
		if (fabs(delta - 1.0) < DBL_EPSILON)
			break;
		if (m % 100000 == 0)
			CHECK_FOR_INTERRUPTS();
	}
	/* I_x(a, b) = x^a y^b / (a B(a, b)) h */
	r = BinomialTerm(a, b, x, y) * b / (a + b) * h;
	return upper ? 1.0 - r : r;
}

/*
 * I_x(a, b) for large a and small b with x = 1 - y near 1, where the
 * continued fraction is ill-conditioned.  With w = e^-s the integral
 * becomes ∫ from u = -log x to ∞ of e^-as s^(b-1) (s/(1-e^-s))^(1-b) ds,
 * over B(a, b); the power series of the last factor, Σ c_n s^n, turns it
 * into a sum of incomplete gamma functions,
 *		I_x(a, b) = R Σ c_n (b)_n Q(b+n, a u) / a^n,  R = Γ(a+b) / (Γ(a) a^b),
 * whose terms fall like (u / 2π)^n.  Q(b+n, z) comes from Q(b, z) by the
 * upward recurrence Q(s+1, z) = Q(s, z) + z^s e^-z / Γ(s+1), which adds
 * positive terms only.
 */
#define LARGE_A_TERMS 60

static double
BetaLargeA(double y, double a, double b)
{
	double		u = -log1p(-y),
				z = a * u,
				g[LARGE_A_TERMS],
				c[LARGE_A_TERMS],
				q,
				dq,
				rising = 1.0,
				apow = 1.0,
				sum,
				r;
	int			n,
				k;

	/* s/(1-e^-s) = 1 / Σ_j (-s)^j/(j+1)!: the reciprocal series */
	g[0] = 1.0;
	for (n = 1; n < LARGE_A_TERMS; n++)
	{
		double		e = 1.0;

		g[n] = 0.0;
		for (k = 1; k <= n; k++)
		{
			e *= -1.0 / (k + 1);
			g[n] -= e * g[n - k];
		}
	}
	/* c = g^(1-b) by J. C. P. Miller's recurrence for powers of series */
	c[0] = 1.0;
	for (n = 1; n < LARGE_A_TERMS; n++)
	{
		c[n] = 0.0;
		for (k = 1; k <= n; k++)
			c[n] += ((2.0 - b) * k - n) * g[k] * c[n - k];
		c[n] /= n;
	}

	q = GammaRegularized(b, z, true);
	dq = PoissonTerm(b, z);
	sum = q;
	for (n = 1; n < LARGE_A_TERMS; n++)
	{
		double		term;

		q += dq;
		dq *= z / (b + n);
		rising *= b + n - 1;
		apow *= a;
		term = c[n] * rising * q / apow;
		sum += term;
		if (fabs(term) < DBL_EPSILON * sum)
			break;
	}
	r = exp((a + b - 0.5) * log1p(b / a) - b + StirlingError(a + b) - StirlingError(a));
	return r * sum;
}

/* ---------- distributions (exported in jobreg.h) ---------- */

/* P[X <= x] (or P[X > x] when !lower_tail) for X chi-square with df > 0 */
double
jobreg_pchisq(double x, double df, bool lower_tail)
{
	double		p;

	if (isnan(x) || isnan(df) || df <= 0.0)
		return NAN;
	p = GammaRegularized(df / 2.0, x / 2.0, !lower_tail);
	/* where the series and fraction fail (df near 1e15 and beyond): an error */
	if (!(p >= 0.0 && p <= 1.0))
		NoConvergence("the chi-square distribution function");
	return p;
}

/* P[X > x] for X chi-square with df degrees of freedom: a test's p-value */
double
jobreg_pchisq_upper(double x, double df)
{
	return jobreg_pchisq(x, df, false);
}

/* P[T <= t] (or P[T > t] when !lower_tail) for T Student t with df > 0 */
double
jobreg_pt(double t, double df, bool lower_tail)
{
	double		tail;			/* P[T > |t|] */

	if (isnan(t) || isnan(df) || df <= 0.0)
		return NAN;
	if (isinf(df))
		return jobreg_pnorm(t, lower_tail);
	if (isinf(t))
		tail = 0.0;
	else if (t * t > 1e300)
	{
		/* x = df/(df+t²) underflows; the leading term of the series */
		tail = 0.5 * exp(df / 2.0 * (log(df) - 2.0 * log(fabs(t)))
						 - log(df / 2.0)
						 - (lgamma(df / 2.0) + lgamma(0.5) - lgamma(df / 2.0 + 0.5)));
	}
	else
	{
		double		t2 = t * t,
					y = t2 / (df + t2);

		if (df > 2000.0 && y < 0.5)
			tail = 0.5 * BetaLargeA(y, df / 2.0, 0.5);
		else
			tail = 0.5 * BetaRegularized(df / (df + t2), y, df / 2.0, 0.5, false);
	}
	return (t > 0.0) == lower_tail ? 1.0 - tail : tail;
}

/* P[Z <= z] (or P[Z > z] when !lower_tail) for Z standard normal */
double
jobreg_pnorm(double z, bool lower_tail)
{
	return 0.5 * erfc((lower_tail ? -z : z) * M_SQRT1_2);
}

static double
NormalDensity(double z)
{
	return exp(-0.5 * z * z) / sqrt(2.0 * M_PI);
}

static double
StudentDensity(double t, double df)
{
	if (isinf(df))
		return NormalDensity(t);
	return exp(lgamma((df + 1.0) / 2.0) - lgamma(df / 2.0)) / sqrt(df * M_PI)
		* pow(1.0 + t * t / df, -(df + 1.0) / 2.0);
}

/*
 * One step of Newton's method kept inside a bracket, for an increasing g
 * with its root in [*lo, *hi]: f = g(x), dens = g'(x).  Narrows the bracket
 * to the side of x that holds the root and returns the Newton step (the
 * midpoint when the density vanishes); the caller bisects, its own way,
 * when the step leaves the bracket.
 */
static inline double
BracketedNewtonStep(double x, double f, double dens, double *lo, double *hi)
{
	if (f < 0.0)
		*lo = x;
	else
		*hi = x;
	return dens > 0.0 ? x - f / dens : (*lo + *hi) / 2.0;
}

/*
 * The lower quantile x <= 0 of a symmetric distribution with cdf(x) = p,
 * p in (0, 1/2]: Newton's method, kept inside a bracket [lo, hi] by
 * bisection.  The cdf is convex below 0, so Newton converges from the
 * right of the root monotonically.
 */
static double
LowerQuantile(double p, double df, double x0)
{
	double		lo = Min(x0, -1.0),
				hi = 0.0,
				x;
	int			i;

	while (jobreg_pt(lo, df, true) >= p)
	{
		lo *= 2.0;
		if (isinf(lo))
			return lo;
	}
	x = Min(x0, hi);
	if (x <= lo)
		x = (lo + hi) / 2.0;
	for (i = 0; i < 2000; i++)
	{
		double		f = jobreg_pt(x, df, true) - p;
		double		dens = StudentDensity(x, df);
		double		next;

		if (f == 0.0)
			break;
		next = BracketedNewtonStep(x, f, dens, &lo, &hi);
		if (!(next > lo && next < hi))
			next = (lo + hi) / 2.0;
		if (fabs(next - x) <= 2.0 * DBL_EPSILON * fabs(x) || next == x)
		{
			x = next;
			break;
		}
		x = next;
	}
	return x;
}

/*
 * The quantile of Student's t with df > 0 (df = infinity: the normal).
 * The start is the normal quantile with the first Cornish-Fisher terms.
 */
double
jobreg_qt(double p, double df)
{
	double		q,
				z,
				x0;

	if (isnan(p) || isnan(df) || df <= 0.0 || p < 0.0 || p > 1.0)
		return NAN;
	if (p == 0.0)
		return -INFINITY;
	if (p == 1.0)
		return INFINITY;
	if (isinf(df))
		return jobreg_qnorm(p);
	q = p > 0.5 ? 1.0 - p : p;
	if (q == 0.5)
		return 0.0;

	/* A&S 26.2.23 for the normal, within 4.5e-4 */
	{
		double		w = sqrt(-2.0 * log(q));

		z = -(w - (2.515517 + 0.802853 * w + 0.010328 * w * w) /
			  (1.0 + 1.432788 * w + 0.189269 * w * w + 0.001308 * w * w * w));
	}
	x0 = isinf(df) ? z : z + (z * z * z + z) / (4.0 * df);
	x0 = LowerQuantile(q, df, x0);
	return p > 0.5 ? -x0 : x0;
}

/*
 * The standard normal quantile, Wichura's algorithm AS 241 (PPND16, Applied
 * Statistics 37, 1988), which is also what R's qnorm uses: accurate to about
 * 1e-16.
 */
static float8
Horner(const float8 *c, int n, float8 x)
{
	float8		v = c[n - 1];

	for (int i = n - 2; i >= 0; i--)
		v = v * x + c[i];
	return v;
}

double
jobreg_qnorm(double p)
{
	static const float8 a[8] = {
		3.3871328727963666080e0, 1.3314166789178437745e+2,
		1.9715909503065514427e+3, 1.3731693765509461125e+4,
		4.5921953931549871457e+4, 6.7265770927008700853e+4,
		3.3430575583588128105e+4, 2.5090809287301226727e+3};
	static const float8 b[8] = {
		1.0, 4.2313330701600911252e+1,
		6.8718700749205790830e+2, 5.3941960214247511077e+3,
		2.1213794301586595867e+4, 3.9307895800092710610e+4,
		2.8729085735721942674e+4, 5.2264952788528545610e+3};
	static const float8 c[8] = {
		1.42343711074968357734e0, 4.63033784615654529590e0,
		5.76949722146069140550e0, 3.64784832476320460504e0,
		1.27045825245236838258e0, 2.41780725177450611770e-1,
		2.27238449892691845833e-2, 7.74545014278341407640e-4};
	static const float8 d[8] = {
		1.0, 2.05319162663775882187e0,
		1.67638483018380384940e0, 6.89767334985100004550e-1,
		1.48103976427480074590e-1, 1.51986665636164571966e-2,
		5.47593808499534494600e-4, 1.05075007164441684324e-9};
	static const float8 e[8] = {
		6.65790464350110377720e0, 5.46378491116411436990e0,
		1.78482653991729133580e0, 2.96560571828504891230e-1,
		2.65321895265761230930e-2, 1.24266094738807843860e-3,
		2.71155556874348757815e-5, 2.01033439929228813265e-7};
	static const float8 f[8] = {
		1.0, 5.99832206555887937690e-1,
		1.36929880922735805310e-1, 1.48753612908506148525e-2,
		7.86869131145613259100e-4, 1.84631831751005468180e-5,
		1.42151175831644588870e-7, 2.04426310338993978564e-15};
	float8		q = p - 0.5;
	float8		r;
	float8		z;

	if (isnan(p) || p < 0 || p > 1)
		return NAN;
	if (p == 0)
		return -INFINITY;
	if (p == 1)
		return INFINITY;
	if (fabs(q) <= 0.425)
	{
		r = 0.180625 - q * q;
		return q * Horner(a, 8, r) / Horner(b, 8, r);
	}
	r = sqrt(-log(q < 0 ? p : 1 - p));
	if (r <= 5)
		z = Horner(c, 8, r - 1.6) / Horner(d, 8, r - 1.6);
	else
		z = Horner(e, 8, r - 5) / Horner(f, 8, r - 5);
	return q < 0 ? -z : z;
}

/*
 * The Poisson probability P[X = x] for X Poisson with mean lambda >= 0 and a
 * whole x >= 0: Loader's saddle-point form, as R's dpois, so that equal
 * probabilities compare equal (poisson.test's two-sided p-value does).
 */
double
jobreg_dpois(double x, double lambda)
{
	if (isnan(x) || isnan(lambda) || lambda < 0.0 || x < 0.0)
		return NAN;
	if (lambda == 0.0)
		return x == 0.0 ? 1.0 : 0.0;
	if (isinf(lambda) || isinf(x))
		return 0.0;
	if (x == 0.0)
		return exp(-lambda);
	return PoissonTerm(x, lambda);
}

/* P[X <= x] (or P[X > x] when !lower_tail) for X Poisson with mean lambda, x whole */
double
jobreg_ppois(double x, double lambda, bool lower_tail)
{
	if (isnan(x) || isnan(lambda) || lambda < 0.0)
		return NAN;
	if (x < 0.0)
		return lower_tail ? 0.0 : 1.0;
	if (lambda == 0.0 || isinf(x))
		return lower_tail ? 1.0 : 0.0;
	/* P[X <= x] = Q(x + 1, lambda) */
	return GammaRegularized(floor(x) + 1.0, lambda, lower_tail);
}

/*
 * The quantile of the gamma distribution with the given shape and scale 1:
 * the x with P(shape, x) = p, or Q(shape, x) = p when !lower_tail (then
 * the upper tail is solved directly and keeps its digits).  Newton's
 * method, kept inside a bracket by bisection (geometric, for small
 * quantiles); the density is shape / x times x^shape e^-x / Γ(shape + 1).
 */
double
jobreg_qgamma(double p, double shape, bool lower_tail)
{
	double		lo = 0.0,
				hi,
				x;

	if (isnan(p) || isnan(shape) || shape <= 0.0 || p < 0.0 || p > 1.0)
		return NAN;
	if (p == (lower_tail ? 0.0 : 1.0))
		return 0.0;
	if (p == (lower_tail ? 1.0 : 0.0))
		return INFINITY;
	/* g(x) = P(shape, x) - p, or p - Q(shape, x): increasing in x */
#define QGAMMA_G(x) (lower_tail ? GammaRegularized(shape, (x), false) - p : \
					 p - GammaRegularized(shape, (x), true))
	hi = Max(shape, 1.0);
	while (QGAMMA_G(hi) < 0.0)
	{
		lo = hi;
		hi *= 2.0;
		if (isinf(hi))
			return hi;
	}
	x = (lo + hi) / 2.0;
	for (int i = 0; i < 2000; i++)
	{
		double		f = QGAMMA_G(x);
		double		dens = shape / x * PoissonTerm(shape, x);
		double		next;

		if (f == 0.0)
			break;
		next = BracketedNewtonStep(x, f, dens, &lo, &hi);
		if (!(next > lo && next < hi))
			next = lo > 0.0 ? sqrt(lo * hi) : hi / 2.0;
		if (fabs(next - x) <= 4.0 * DBL_EPSILON * x || hi - lo <= 4.0 * DBL_EPSILON * hi)
		{
			x = next;
			break;
		}
		x = next;
		CHECK_FOR_INTERRUPTS();
	}
#undef QGAMMA_G
	return x;
}

/* ---------- SQL distribution functions ---------- */

static void
CheckDf(double df)
{
	if (isnan(df) || df <= 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("degrees of freedom must be positive"),
				 errdetail("The value given was %g.", df)));
}

static void
CheckProbability(double p)
{
	if (isnan(p) || p < 0.0 || p > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("probability %g is out of range", p),
				 errdetail("A probability is a number from 0 to 1.")));
}

Datum
jobreg_pchisq_sql(PG_FUNCTION_ARGS)
{
	CheckDf(PG_GETARG_FLOAT8(1));
	if (PG_GETARG_FLOAT8(1) > JOBREG_MAX_CHISQ_DF)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("degrees of freedom must be at most %g", JOBREG_MAX_CHISQ_DF),
				 errdetail("The value given was %.15g; beyond the limit the series for the distribution function needs too many terms.",
						   PG_GETARG_FLOAT8(1))));
	PG_RETURN_FLOAT8(jobreg_pchisq(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_BOOL(2)));
}

Datum
jobreg_pt_sql(PG_FUNCTION_ARGS)
{
	CheckDf(PG_GETARG_FLOAT8(1));
	PG_RETURN_FLOAT8(jobreg_pt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_BOOL(2)));
}

Datum
jobreg_qt_sql(PG_FUNCTION_ARGS)
{
	CheckProbability(PG_GETARG_FLOAT8(0));
	CheckDf(PG_GETARG_FLOAT8(1));
	PG_RETURN_FLOAT8(jobreg_qt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum
jobreg_qnorm_sql(PG_FUNCTION_ARGS)
{
	CheckProbability(PG_GETARG_FLOAT8(0));
	PG_RETURN_FLOAT8(jobreg_qnorm(PG_GETARG_FLOAT8(0)));
}
