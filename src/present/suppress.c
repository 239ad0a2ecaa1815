/*
 * src/present/suppress.c
 *		suppress_cells: primary and secondary cell suppression over a set of
 *		published tables whose cells add up along hierarchies (kommune →
 *		klynge / region → country, quarter → year, age groups → i alt), and
 *		rounding of the published counts.
 *
 * The caller gives every published cell (an id and the persons behind it)
 * and every relation between cells: a relation is a set of cells of which
 * one (its total) is the sum of the others (a klynge and its kommuner, a
 * year and its quarters).  A cell of fewer persons than the threshold is
 * withheld (primary).
 *
 * Secondary suppression has two passes.  The greedy pass: a relation with
 * exactly one withheld cell would give it as the total less the others, so
 * the smallest other cell of the relation is withheld too (the least
 * information lost, one cell at a time), and the relations of that cell are
 * looked at again, until no relation has exactly one withheld cell.  Its
 * work is linear in the memberships times the rounds a relation is
 * revisited, which is at most its size.
 *
 * The audit then solves all relations together.  The published cells are
 * known, so each relation is a linear equation in the withheld cells; a
 * withheld cell is disclosed when its value is the same in every solution,
 * that is when the unit vector of its column lies in the row space of the
 * relation matrix restricted to the withheld columns.  Withheld cells fall
 * into components (cells linked through relations that hold both); each
 * component is brought to echelon form by sparse Gaussian elimination
 * (pivot: the shortest row, in it the column of fewest rows) and a random
 * solution of the homogeneous system is drawn: a cell is disclosed exactly
 * when it is 0 in every such solution, and a random one is non-zero in
 * every undisclosed cell but with probability 1/p.  The arithmetic is
 * exact modulo the prime p = 2^61 - 1; the coefficients are +1 and -1, and
 * p could only mislead by dividing a minor of the matrix (see
 * doc/disclosure.md).  For a disclosed cell the published cell of fewest
 * persons in its relations is withheld, the greedy pass runs again, and the
 * components that changed are solved again, to a fixed point.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "common/pg_prng.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "present/present.h"

PG_FUNCTION_INFO_V1(suppress_cells);
PG_FUNCTION_INFO_V1(suppress_report);

/*
 * Bounds of the audit (doc/bounds.md): withheld cells linked through
 * relations into one component, and the non-zero entries its elimination
 * may hold at once (12 bytes each: 96 MB).
 */
#define SUPPRESS_MAX_COMPONENT 50000
#define SUPPRESS_MAX_ENTRIES 8000000

/* A cell: its id, persons and state; sorted by id to be found by bsearch */
typedef struct SuppressCell
{
	int64		id;
	int64		persons;
	int			input;			/* its place in the input arrays */
	char		rule;			/* 0 shown, 'p' primary, 's' secondary */
} SuppressCell;

typedef struct Membership
{
	int64		relation;
	int			cell;			/* index into the sorted cells */
	bool		total;			/* the cell is the relation's total */
} Membership;

static int
CompareCells(const void *a, const void *b)
{
	int64		x = ((const SuppressCell *) a)->id;
	int64		y = ((const SuppressCell *) b)->id;

	return (x > y) - (x < y);
}

static int
CompareMemberships(const void *a, const void *b)
{
	const Membership *x = (const Membership *) a;
	const Membership *y = (const Membership *) b;

	if (x->relation != y->relation)
		return (x->relation > y->relation) - (x->relation < y->relation);
	if (x->cell != y->cell)
		return (x->cell > y->cell) - (x->cell < y->cell);
	return (int) y->total - (int) x->total;	/* a total first */
}

/* The elements of a list argument, none NULL (else 22023) */
static Datum *
ListElements(ArrayType *arr, const char *what, int *n)
{
	Datum	   *elems;
	bool	   *nulls;

	jobreg_list_elements(arr, what, &elems, &nulls, n);
	for (int i = 0; i < *n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells %s must not contain NULL", what)));
	return elems;
}

static int64 *
Int8Elements(ArrayType *arr, const char *what, int *n)
{
	Datum	   *elems = ListElements(arr, what, n);
	int64	   *out = palloc(Max(*n, 1) * sizeof(int64));

	for (int i = 0; i < *n; i++)
		out[i] = DatumGetInt64(elems[i]);
	return out;
}

static bool *
BoolElements(ArrayType *arr, int *n)
{
	Datum	   *elems = ListElements(arr, "member_total", n);
	bool	   *out = palloc(Max(*n, 1) * sizeof(bool));

	for (int i = 0; i < *n; i++)
		out[i] = DatumGetBool(elems[i]);
	return out;
}

/* Published counts are rounded to the nearest multiple of base, halves up */
static int64
RoundTo(int64 v, int base)
{
	if (base <= 1 || v > PG_INT64_MAX - base)
		return v;
	return ((v + base / 2) / base) * base;
}

/*
 * The cells and relations being protected.  Memberships are grouped by
 * relation and, within one, by cell; a member given twice counts once (the
 * first of a run of equal cells stands for it).
 */
typedef struct SuppressWork
{
	SuppressCell *cells;		/* sorted by id */
	int			ncells;
	Membership *ms;
	int		   *rstart;			/* relation r: ms[rstart[r] .. rstart[r + 1]) */
	int		   *rsize;			/* its distinct cells */
	int			nrelations;
	int		   *cstart;			/* cell c's relations: crel[cstart[c] .. cstart[c + 1]) */
	int		   *crel;
	int		   *queue;			/* greedy pass: relations to look at */
	bool	   *queued;
	int			qhead;
	int			qlen;
	bool	   *fresh;			/* withheld since the last audit */
} SuppressWork;

static inline bool
FirstOfRun(const SuppressWork *w, int i, int r)
{
	return i == w->rstart[r] || w->ms[i].cell != w->ms[i - 1].cell;
}

/* Withholds cell c (secondary) and queues its relations for the greedy pass */
static void
WithholdSecondary(SuppressWork *w, int c)
{
	w->cells[c].rule = 's';
	w->fresh[c] = true;
	for (int j = w->cstart[c]; j < w->cstart[c + 1]; j++)
	{
		int			r2 = w->crel[j];

		if (!w->queued[r2])
		{
			w->queue[(w->qhead + w->qlen) % w->nrelations] = r2;
			w->qlen++;
			w->queued[r2] = true;
		}
	}
}

/*
 * The greedy pass: until no queued relation has exactly one withheld cell,
 * withhold the published cell of fewest persons of such a relation.
 */
static void
GreedyPass(SuppressWork *w)
{
	while (w->qlen > 0)
	{
		int			r = w->queue[w->qhead];
		int			nwithheld = 0;
		int			smallest = -1;

		CHECK_FOR_INTERRUPTS();
		w->qhead = (w->qhead + 1) % w->nrelations;
		w->qlen--;
		w->queued[r] = false;
		for (int i = w->rstart[r]; i < w->rstart[r + 1]; i++)
		{
			const SuppressCell *c = &w->cells[w->ms[i].cell];

			if (!FirstOfRun(w, i, r))
				continue;
			if (c->rule)
				nwithheld++;
			else if (smallest < 0 || c->persons < w->cells[smallest].persons)
				smallest = w->ms[i].cell;
		}
		if (nwithheld != 1 || smallest < 0)
			continue;
		WithholdSecondary(w, smallest);
	}
}

/* ---------- the audit: arithmetic modulo a prime ---------- */

#define AUDIT_P ((uint64) 0x1FFFFFFFFFFFFFFF)	/* 2^61 - 1 */

static inline uint64
ModMul(uint64 a, uint64 b)
{
	uint128		z = (uint128) a * b;
	uint64		r = (uint64) (z & AUDIT_P) + (uint64) (z >> 61);

	return r >= AUDIT_P ? r - AUDIT_P : r;
}

static inline uint64
ModSub(uint64 a, uint64 b)
{
	return a >= b ? a - b : a + AUDIT_P - b;
}

static uint64
ModInverse(uint64 a)
{
	uint64		result = 1;
	uint64		e = AUDIT_P - 2;

	if (a == 1 || a == AUDIT_P - 1)
		return a;				/* most pivots are +1 or -1 */

	while (e)
	{
		if (e & 1)
			result = ModMul(result, a);
		a = ModMul(a, a);
		e >>= 1;
	}
	return result;
}

/* A sparse row of the elimination: columns ascending, values non-zero mod p */
typedef struct AuditRow
{
	int			n;
	int			cap;
	int		   *col;
	uint64	   *val;
} AuditRow;

/* A column's rows: may hold rows that no longer have it, and repeats */
typedef struct AuditColumn
{
	int			n;
	int			cap;
	int		   *row;
	int			count;			/* active rows that have it */
} AuditColumn;

static void
ColumnAddRow(AuditColumn *c, int row)
{
	if (c->n == c->cap)
	{
		c->cap = Max(4, 2 * c->cap);
		c->row = c->row ? repalloc(c->row, c->cap * sizeof(int)) : palloc(c->cap * sizeof(int));
	}
	c->row[c->n++] = row;
}

/*
 * A min-heap of (row length, row) with stale entries: a row is pushed again
 * whenever its length changes, and an entry counts only while the row is
 * active and has that length.
 */
typedef struct RowHeap
{
	int64	   *key;			/* length << 32 | row */
	int			n;
	int			cap;
} RowHeap;

static void
HeapPush(RowHeap *h, int len, int row)
{
	int			i;

	if (h->n == h->cap)
	{
		h->cap = Max(64, 2 * h->cap);
		h->key = h->key ? repalloc(h->key, h->cap * sizeof(int64)) : palloc(h->cap * sizeof(int64));
	}
	i = h->n++;
	h->key[i] = ((int64) len << 32) | (uint32) row;
	while (i > 0 && h->key[(i - 1) / 2] > h->key[i])
	{
		int64		t = h->key[i];

		h->key[i] = h->key[(i - 1) / 2];
		h->key[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

static int64
HeapPop(RowHeap *h)
{
	int64		top = h->key[0];
	int			i = 0;

	h->key[0] = h->key[--h->n];
	for (;;)
	{
		int			l = 2 * i + 1;
		int			m = i;
		int64		t;

		if (l < h->n && h->key[l] < h->key[m])
			m = l;
		if (l + 1 < h->n && h->key[l + 1] < h->key[m])
			m = l + 1;
		if (m == i)
			break;
		t = h->key[i];
		h->key[i] = h->key[m];
		h->key[m] = t;
		i = m;
	}
	return top;
}

static int
RowFind(const AuditRow *row, int col)
{
	int			lo = 0;
	int			hi = row->n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (row->col[mid] == col)
			return mid;
		if (row->col[mid] < col)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/*
 * Which columns of a system of m sparse rows over n columns are determined
 * (their unit vector lies in the row space): sets determined[j].  Counts
 * the entries held against SUPPRESS_MAX_ENTRIES.
 */
static void
AuditSolve(AuditRow *rows, int m, int n, uint64 seed, bool *determined)
{
	AuditColumn *cols = palloc0(Max(n, 1) * sizeof(AuditColumn));
	bool	   *active = palloc(Max(m, 1) * sizeof(bool));
	int		   *pivrow = palloc(Max(Min(m, n), 1) * sizeof(int));
	int		   *pivcol = palloc(Max(Min(m, n), 1) * sizeof(int));
	bool	   *pivoted = palloc0(Max(n, 1) * sizeof(bool));
	uint64	   *x = palloc(Max(n, 1) * sizeof(uint64));
	int			npiv = 0;
	int64		entries = 0;
	AuditRow	tmp = {0, 0, NULL, NULL};
	RowHeap		heap = {NULL, 0, 0};
	pg_prng_state prng;

	for (int r = 0; r < m; r++)
	{
		active[r] = rows[r].n > 0;
		if (active[r])
			HeapPush(&heap, rows[r].n, r);
		entries += rows[r].n;
		for (int k = 0; k < rows[r].n; k++)
		{
			ColumnAddRow(&cols[rows[r].col[k]], r);
			cols[rows[r].col[k]].count++;
		}
	}

	for (;;)
	{
		int			pr = -1;
		int			pc = -1;
		int			pk = -1;
		uint64		inv;

		CHECK_FOR_INTERRUPTS();
		/* the pivot: the shortest active row, its column of fewest rows */
		while (heap.n > 0)
		{
			int64		top = HeapPop(&heap);
			int			r = (int) (top & 0xFFFFFFFF);

			if (active[r] && rows[r].n == (int) (top >> 32))
			{
				pr = r;
				break;
			}
		}
		if (pr < 0)
			break;
		for (int k = 0; k < rows[pr].n; k++)
			if (pk < 0 || cols[rows[pr].col[k]].count < cols[pc].count)
			{
				pk = k;
				pc = rows[pr].col[k];
			}
		inv = ModInverse(rows[pr].val[pk]);
		active[pr] = false;
		for (int k = 0; k < rows[pr].n; k++)
			cols[rows[pr].col[k]].count--;
		pivrow[npiv] = pr;
		pivcol[npiv++] = pc;
		pivoted[pc] = true;

		/* take the pivot column out of every other active row */
		for (int t = 0; t < cols[pc].n; t++)
		{
			int			r = cols[pc].row[t];
			AuditRow   *a = &rows[r];
			AuditRow   *b = &rows[pr];
			int			at;
			uint64		f;
			int			i = 0;
			int			j = 0;

			if (!active[r] || (at = RowFind(a, pc)) < 0)
				continue;
			f = ModMul(a->val[at], inv);
			/* tmp = a - f * b, merged by column */
			if (tmp.cap < a->n + b->n)
			{
				tmp.cap = Max(16, 2 * (a->n + b->n));
				if (tmp.col)
				{
					pfree(tmp.col);
					pfree(tmp.val);
				}
				tmp.col = palloc(tmp.cap * sizeof(int));
				tmp.val = palloc(tmp.cap * sizeof(uint64));
			}
			tmp.n = 0;
			while (i < a->n || j < b->n)
			{
				int			c;
				uint64		v;

				if (j >= b->n || (i < a->n && a->col[i] < b->col[j]))
				{
					c = a->col[i];
					v = a->val[i++];
				}
				else if (i >= a->n || b->col[j] < a->col[i])
				{
					c = b->col[j];
					v = ModSub(0, ModMul(f, b->val[j++]));
					cols[c].count++;
					ColumnAddRow(&cols[c], r);
				}
				else
				{
					c = a->col[i];
					v = ModSub(a->val[i++], ModMul(f, b->val[j++]));
				}
				if (v != 0)
				{
					tmp.col[tmp.n] = c;
					tmp.val[tmp.n++] = v;
				}
				else
					cols[c].count--;
			}
			entries += tmp.n - a->n;
			if (entries > SUPPRESS_MAX_ENTRIES)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("suppress_cells audit of %d linked withheld cells needs more than %d matrix entries",
								n, SUPPRESS_MAX_ENTRIES),
						 errhint("Protect independent tables in separate calls (for example one per målgruppe or year), or publish fewer levels.")));
			/* swap the buffers: the row takes tmp, tmp takes the old row */
			{
				AuditRow	old = *a;

				*a = tmp;
				tmp = old;
			}
			if (a->n == 0)
				active[r] = false;	/* a dependent relation */
			else
				HeapPush(&heap, a->n, r);
		}
	}

	/*
	 * A random solution of the homogeneous system: random values for the
	 * free columns, the pivots from their rows in reverse order.
	 */
	pg_prng_seed(&prng, seed);
	for (int c = 0; c < n; c++)
		x[c] = pivoted[c] ? 0 : pg_prng_uint64_range(&prng, 1, AUDIT_P - 1);
	for (int k = npiv - 1; k >= 0; k--)
	{
		const AuditRow *a = &rows[pivrow[k]];
		uint64		sum = 0;
		uint64		pv = 0;

		for (int i = 0; i < a->n; i++)
		{
			if (a->col[i] == pivcol[k])
				pv = a->val[i];
			else
			{
				sum += ModMul(a->val[i], x[a->col[i]]);
				if (sum >= AUDIT_P)
					sum -= AUDIT_P;
			}
		}
		x[pivcol[k]] = ModMul(ModSub(0, sum), ModInverse(pv));
	}
	for (int c = 0; c < n; c++)
		determined[c] = pivoted[c] && x[c] == 0;

	for (int c = 0; c < n; c++)
		if (cols[c].row)
			pfree(cols[c].row);
	pfree(cols);
	pfree(active);
	pfree(pivrow);
	pfree(pivcol);
	pfree(pivoted);
	pfree(x);
	if (tmp.col)
	{
		pfree(tmp.col);
		pfree(tmp.val);
	}
	if (heap.key)
		pfree(heap.key);
}

static int
UnionFind(int *parent, int c)
{
	while (parent[c] != c)
	{
		parent[c] = parent[parent[c]];
		c = parent[c];
	}
	return c;
}

/* Whether every relation of cell c holds a withheld cell (other than c) */
static bool
Cascadeless(const SuppressWork *w, int c)
{
	for (int j = w->cstart[c]; j < w->cstart[c + 1]; j++)
	{
		int			r = w->crel[j];
		bool		any = false;

		if (w->rsize[r] < 2)
			continue;
		for (int i = w->rstart[r]; i < w->rstart[r + 1] && !any; i++)
			any = w->ms[i].cell != c && w->cells[w->ms[i].cell].rule != 0;
		if (!any)
			return false;
	}
	return true;
}

/*
 * The published cell to withhold for a disclosed cell c: the one of fewest
 * persons in the relations of c, or when they have none, in the relations
 * of their withheld cells, and so on outwards, ring by ring.  A cell whose
 * relations all hold a withheld cell already (withholding it leaves no
 * relation with one withheld cell, so the greedy pass adds nothing) is
 * preferred, in the first ring with a published cell or the next.  -1 when
 * no relation reachable from c through withheld cells has a published cell.
 * relseen and cellseen hold stamp for what this search has seen; ring and
 * next have room for every relation.
 */
static int
NearestPublished(SuppressWork *w, int c, int *relseen, int *cellseen, int stamp,
				 int *ring, int *next)
{
	int			nring = 0;
	int			fallback = -1;

	cellseen[c] = stamp;
	for (int j = w->cstart[c]; j < w->cstart[c + 1]; j++)
	{
		relseen[w->crel[j]] = stamp;
		ring[nring++] = w->crel[j];
	}
	while (nring > 0)
	{
		int			best = -1;
		int			quiet = -1;
		int			nnext = 0;
		int		   *swap;

		CHECK_FOR_INTERRUPTS();
		for (int q = 0; q < nring; q++)
			for (int i = w->rstart[ring[q]]; i < w->rstart[ring[q] + 1]; i++)
			{
				int			o = w->ms[i].cell;
				const SuppressCell *x = &w->cells[o];

				if (x->rule)
					continue;
				if (best < 0 || x->persons < w->cells[best].persons ||
					(x->persons == w->cells[best].persons && o < best))
					best = o;
				if ((quiet < 0 || x->persons < w->cells[quiet].persons ||
					 (x->persons == w->cells[quiet].persons && o < quiet)) &&
					Cascadeless(w, o))
					quiet = o;
			}
		if (quiet >= 0)
			return quiet;
		if (fallback >= 0)
			return fallback;
		fallback = best;
		for (int q = 0; q < nring; q++)
			for (int i = w->rstart[ring[q]]; i < w->rstart[ring[q] + 1]; i++)
			{
				int			o = w->ms[i].cell;

				if (cellseen[o] == stamp)
					continue;
				cellseen[o] = stamp;
				for (int j = w->cstart[o]; j < w->cstart[o + 1]; j++)
					if (relseen[w->crel[j]] != stamp)
					{
						relseen[w->crel[j]] = stamp;
						next[nnext++] = w->crel[j];
					}
			}
		swap = ring;
		ring = next;
		next = swap;
		nring = nnext;
	}
	return fallback;
}

/*
 * The audit, to a fixed point: withheld cells that all relations solved
 * together disclose get a published cell of their relations withheld, and
 * the greedy pass runs again.
 */
static void
AuditPass(SuppressWork *w)
{
	int			ncells = w->ncells;
	int		   *parent = palloc(Max(ncells, 1) * sizeof(int));
	int		   *local = palloc(Max(ncells, 1) * sizeof(int));
	int		   *members = palloc(Max(ncells, 1) * sizeof(int));	/* cells by component */
	int		   *mstart = palloc((ncells + 1) * sizeof(int));
	int		   *rowstamp = palloc(Max(w->nrelations, 1) * sizeof(int));
	int		   *rowlist = palloc(Max(w->nrelations, 1) * sizeof(int));
	int		   *touched = palloc(Max(w->nrelations, 1) * sizeof(int));
	bool	   *stuck = palloc0(Max(ncells, 1) * sizeof(bool));
	int		   *relseen = palloc0(Max(w->nrelations, 1) * sizeof(int));
	int		   *cellseen = palloc0(Max(ncells, 1) * sizeof(int));
	int		   *ring = palloc(Max(w->nrelations, 1) * sizeof(int));
	int		   *next = palloc(Max(w->nrelations, 1) * sizeof(int));
	int			seen = 0;
	bool	   *determined = palloc(Max(ncells, 1) * sizeof(bool));
	int			round = 0;
	int			stamp = 0;
	int			solved = 0;		/* components solved, all rounds */
	int			largest = 0;	/* cells of the largest */
	int			added = 0;		/* cells the audit withheld */
	int			nstuck = 0;

	for (int r = 0; r < w->nrelations; r++)
	{
		rowstamp[r] = -1;
		touched[r] = -1;
	}
	for (;;)
	{
		int			nadded = 0;

		round++;
		/* components of withheld cells, linked through relations */
		for (int c = 0; c < ncells; c++)
			parent[c] = c;
		for (int r = 0; r < w->nrelations; r++)
		{
			int			first = -1;

			if (w->rsize[r] < 2)
				continue;
			for (int i = w->rstart[r]; i < w->rstart[r + 1]; i++)
			{
				int			c = w->ms[i].cell;

				if (!w->cells[c].rule)
					continue;
				if (first < 0)
					first = UnionFind(parent, c);
				else
				{
					int			root = UnionFind(parent, c);

					if (root != first)
						parent[root] = first;
				}
			}
		}
		/* the cells of each component together (counting sort by root) */
		memset(mstart, 0, (ncells + 1) * sizeof(int));
		for (int c = 0; c < ncells; c++)
			if (w->cells[c].rule)
				mstart[UnionFind(parent, c) + 1]++;
		for (int c = 0; c < ncells; c++)
			mstart[c + 1] += mstart[c];
		{
			int		   *fill = palloc(Max(ncells, 1) * sizeof(int));

			memcpy(fill, mstart, Max(ncells, 1) * sizeof(int));
			for (int c = 0; c < ncells; c++)
				if (w->cells[c].rule)
					members[fill[UnionFind(parent, c)]++] = c;
			pfree(fill);
		}

		for (int root = 0; root < ncells; root++)
		{
			int			ncol = mstart[root + 1] - mstart[root];
			int			nrow = 0;
			bool		anyfresh = false;
			AuditRow   *rows;

			if (ncol == 0)
				continue;
			for (int k = mstart[root]; k < mstart[root + 1]; k++)
			{
				anyfresh |= w->fresh[members[k]];
				w->fresh[members[k]] = false;
			}
			if (!anyfresh)
				continue;		/* unchanged since it was solved */
			stamp++;
			solved++;
			largest = Max(largest, ncol);
			if (ncol > SUPPRESS_MAX_COMPONENT)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("suppress_cells: %d withheld cells are linked through relations, more than %d",
								ncol, SUPPRESS_MAX_COMPONENT),
						 errhint("Protect independent tables in separate calls (for example one per målgruppe or year), or publish fewer levels.")));
			for (int k = 0; k < ncol; k++)
				local[members[mstart[root] + k]] = k;
			/* its relations: those that hold one of its cells */
			for (int k = mstart[root]; k < mstart[root + 1]; k++)
			{
				int			c = members[k];

				for (int j = w->cstart[c]; j < w->cstart[c + 1]; j++)
				{
					int			r = w->crel[j];

					if (rowstamp[r] != stamp && w->rsize[r] >= 2)
					{
						rowstamp[r] = stamp;
						rowlist[nrow++] = r;
					}
				}
			}
			rows = palloc(Max(nrow, 1) * sizeof(AuditRow));
			for (int q = 0; q < nrow; q++)
			{
				int			r = rowlist[q];
				AuditRow   *a = &rows[q];

				a->n = 0;
				a->cap = 0;
				for (int i = w->rstart[r]; i < w->rstart[r + 1]; i++)
					if (FirstOfRun(w, i, r) && w->cells[w->ms[i].cell].rule)
						a->cap++;
				a->col = palloc(Max(a->cap, 1) * sizeof(int));
				a->val = palloc(Max(a->cap, 1) * sizeof(uint64));
				/* memberships are by cell, and local numbers follow the cells */
				for (int i = w->rstart[r]; i < w->rstart[r + 1]; i++)
				{
					int			c = w->ms[i].cell;

					if (!FirstOfRun(w, i, r) || !w->cells[c].rule)
						continue;
					a->col[a->n] = local[c];
					a->val[a->n++] = w->ms[i].total ? 1 : AUDIT_P - 1;
				}
			}
			AuditSolve(rows, nrow, ncol, (uint64) w->cells[members[mstart[root]]].id, determined);
			for (int q = 0; q < nrow; q++)
			{
				pfree(rows[q].col);
				pfree(rows[q].val);
			}
			pfree(rows);

			/*
			 * A disclosed cell: withhold the published cell of fewest persons
			 * nearest to it (NearestPublished), unless one of its relations
			 * got a new withheld cell in this round already (that may have
			 * covered it; the next round tells).
			 */
			for (int k = 0; k < ncol; k++)
			{
				int			c = members[mstart[root] + k];
				int			best;
				bool		covered = false;

				if (!determined[k] || stuck[c])
					continue;
				for (int j = w->cstart[c]; j < w->cstart[c + 1]; j++)
					covered |= touched[w->crel[j]] == round;
				if (covered)
					continue;
				best = NearestPublished(w, c, relseen, cellseen, ++seen, ring, next);
				if (best < 0)
				{
					stuck[c] = true;	/* nothing left to withhold */
					elog(DEBUG2, "suppress_cells audit: cell " INT64_FORMAT " is disclosed with no published cell left to withhold", w->cells[c].id);
					continue;
				}
				for (int j = w->cstart[best]; j < w->cstart[best + 1]; j++)
					touched[w->crel[j]] = round;
				WithholdSecondary(w, best);
				nadded++;
			}
		}
		added += nadded;
		if (nadded == 0)
			break;
		/* the new cells are fresh; the greedy pass may add more */
		GreedyPass(w);
	}
	for (int c = 0; c < ncells; c++)
		nstuck += stuck[c];
	elog(DEBUG1, "suppress_cells audit: %d rounds, %d components solved (largest %d withheld cells), %d cells withheld for a disclosed one, %d disclosed cells with nothing left to withhold",
		 round, solved, largest, added, nstuck);
	pfree(parent);
	pfree(local);
	pfree(members);
	pfree(mstart);
	pfree(rowstamp);
	pfree(rowlist);
	pfree(touched);
	pfree(stuck);
	pfree(relseen);
	pfree(cellseen);
	pfree(ring);
	pfree(next);
	pfree(determined);
}

/*
 * suppress_cells(cells int8[], persons int8[], relations int8[],
 * members int8[], min_persons int4 DEFAULT NULL, round_to int4 DEFAULT 0,
 * member_total bool[] DEFAULT NULL, audit bool DEFAULT true)
 * → setof (cell int8, persons int8, withheld bool, rule text)
 *
 * relations[i] and members[i] say that cell members[i] belongs to relation
 * relations[i], member_total[i] that it is the relation's total (NULL: the
 * member of most persons).  min_persons NULL is the threshold in force
 * (min_cell_effective()).  One row per cell, in the order given: persons
 * NULL when withheld, else rounded to round_to (0 or 1: not rounded).
 */
typedef struct SuppressResult
{
	SuppressCell *cells;		/* sorted by id */
	int		   *order;			/* input place → sorted index */
	int			ncells;
	int			round_to;
} SuppressResult;

static void
Suppress(FunctionCallInfo fcinfo, SuppressResult *res)
{
	int64	   *ids;
	int64	   *persons;
	int64	   *rel;
	int64	   *mem;
	bool	   *tot = NULL;
	int			ncells;
	int			npersons;
	int			nrel;
	int			nmem;
	int			ntot = 0;
	int			threshold;
	int			round_to;
	bool		audit;
	SuppressCell *cells;
	int		   *order;			/* input place → sorted index */
	Membership *ms;
	int		   *rstart;
	int			nrelations = 0;
	int		   *cstart;
	int		   *crel;
	SuppressWork w;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells cells, persons, relations and members must not be NULL"),
				 errhint("Pass empty arrays for no relations.")));
	ids = Int8Elements(PG_GETARG_ARRAYTYPE_P(0), "cells", &ncells);
	persons = Int8Elements(PG_GETARG_ARRAYTYPE_P(1), "persons", &npersons);
	rel = Int8Elements(PG_GETARG_ARRAYTYPE_P(2), "relations", &nrel);
	mem = Int8Elements(PG_GETARG_ARRAYTYPE_P(3), "members", &nmem);
	threshold = PG_ARGISNULL(4) ? jobreg_min_cell_in_force() : PG_GETARG_INT32(4);
	round_to = PG_ARGISNULL(5) ? 0 : PG_GETARG_INT32(5);
	if (PG_NARGS() > 6 && !PG_ARGISNULL(6))
		tot = BoolElements(PG_GETARG_ARRAYTYPE_P(6), &ntot);
	audit = PG_NARGS() <= 7 || PG_ARGISNULL(7) || PG_GETARG_BOOL(7);
	if (ncells != npersons || nrel != nmem || (tot && ntot != nmem))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells arrays differ in length"),
				 errdetail("cells and persons must have the same length (%d and %d), and so must relations, members and member_total when given (%d, %d and %d).",
						   ncells, npersons, nrel, nmem, tot ? ntot : nmem)));
	if (threshold < jobreg_min_cell_in_force())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("suppress_cells min_persons %d is below the threshold in force, %d",
						threshold, jobreg_min_cell_in_force())));
	if (round_to < 0 || round_to > 1000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("suppress_cells round_to must be between 0 and 1000, not %d", round_to)));

	/* the cells, sorted by id; ids must be distinct, persons >= 0 */
	cells = palloc(Max(ncells, 1) * sizeof(SuppressCell));
	for (int i = 0; i < ncells; i++)
	{
		if (persons[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells persons must be >= 0, not " INT64_FORMAT " (cell " INT64_FORMAT ")",
							persons[i], ids[i])));
		cells[i].id = ids[i];
		cells[i].persons = persons[i];
		cells[i].input = i;
		cells[i].rule = (threshold > 0 && persons[i] < threshold) ? 'p' : 0;
	}
	qsort(cells, ncells, sizeof(SuppressCell), CompareCells);
	order = palloc(Max(ncells, 1) * sizeof(int));
	for (int i = 0; i < ncells; i++)
	{
		if (i > 0 && cells[i].id == cells[i - 1].id)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells cell " INT64_FORMAT " is given twice", cells[i].id)));
		order[cells[i].input] = i;
	}

	/* the memberships, grouped by relation */
	ms = palloc(Max(nrel, 1) * sizeof(Membership));
	for (int i = 0; i < nrel; i++)
	{
		SuppressCell key;
		SuppressCell *found;

		key.id = mem[i];
		found = bsearch(&key, cells, ncells, sizeof(SuppressCell), CompareCells);
		if (found == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells member " INT64_FORMAT " of relation " INT64_FORMAT " is not among the cells",
							mem[i], rel[i])));
		ms[i].relation = rel[i];
		ms[i].cell = (int) (found - cells);
		ms[i].total = tot ? tot[i] : false;
	}
	qsort(ms, nrel, sizeof(Membership), CompareMemberships);
	rstart = palloc((nrel + 1) * sizeof(int));
	for (int i = 0; i < nrel; i++)
	{
		if (i == 0 || ms[i].relation != ms[i - 1].relation)
			rstart[nrelations++] = i;
	}
	rstart[nrelations] = nrel;

	/*
	 * Each relation's total: given (exactly one distinct cell), or the member
	 * of most persons (the first of them by id).  A member given twice is
	 * the total when any of its entries says so (the first of its run).
	 */
	for (int r = 0; r < nrelations; r++)
	{
		int			ntotals = 0;
		int			best = -1;

		for (int i = rstart[r]; i < rstart[r + 1]; i++)
		{
			if (i > rstart[r] && ms[i].cell == ms[i - 1].cell)
				continue;
			if (tot)
				ntotals += ms[i].total;
			else if (best < 0 || cells[ms[i].cell].persons > cells[ms[best].cell].persons)
				best = i;
		}
		if (tot && ntotals != 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("suppress_cells relation " INT64_FORMAT " has %d totals in member_total, not one",
							ms[rstart[r]].relation, ntotals)));
		if (!tot)
			ms[best].total = true;
	}

	/* each cell's relations (a member given twice: the relation once) */
	cstart = palloc0((ncells + 1) * sizeof(int));
	crel = palloc(Max(nrel, 1) * sizeof(int));
	for (int r = 0; r < nrelations; r++)
		for (int i = rstart[r]; i < rstart[r + 1]; i++)
			if (i == rstart[r] || ms[i].cell != ms[i - 1].cell)
				cstart[ms[i].cell + 1]++;
	for (int c = 0; c < ncells; c++)
		cstart[c + 1] += cstart[c];
	{
		int		   *fill = palloc(Max(ncells, 1) * sizeof(int));

		memcpy(fill, cstart, Max(ncells, 1) * sizeof(int));
		for (int r = 0; r < nrelations; r++)
			for (int i = rstart[r]; i < rstart[r + 1]; i++)
				if (i == rstart[r] || ms[i].cell != ms[i - 1].cell)
					crel[fill[ms[i].cell]++] = r;
		pfree(fill);
	}

	/* secondary suppression: the greedy pass over every relation, the audit */
	w.cells = cells;
	w.ncells = ncells;
	w.ms = ms;
	w.rstart = rstart;
	w.rsize = palloc0(Max(nrelations, 1) * sizeof(int));
	for (int r = 0; r < nrelations; r++)
		for (int i = rstart[r]; i < rstart[r + 1]; i++)
			w.rsize[r] += FirstOfRun(&w, i, r);
	w.nrelations = nrelations;
	w.cstart = cstart;
	w.crel = crel;
	w.queue = palloc(Max(nrelations, 1) * sizeof(int));
	w.queued = palloc(Max(nrelations, 1) * sizeof(bool));
	w.qhead = 0;
	w.qlen = 0;
	w.fresh = palloc(Max(ncells, 1) * sizeof(bool));
	for (int r = 0; r < nrelations; r++)
	{
		w.queue[w.qlen++] = r;
		w.queued[r] = true;
	}
	GreedyPass(&w);
	if (audit && nrelations > 0)
	{
		for (int c = 0; c < ncells; c++)
			w.fresh[c] = cells[c].rule != 0;
		AuditPass(&w);
	}

	res->cells = cells;
	res->order = order;
	res->ncells = ncells;
	res->round_to = round_to;
}

Datum
suppress_cells(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SuppressResult res;

	Suppress(fcinfo, &res);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < res.ncells; i++)
	{
		const SuppressCell *c = &res.cells[res.order[i]];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int64GetDatum(c->id);
		values[1] = Int64GetDatum(RoundTo(c->persons, res.round_to));
		nulls[1] = c->rule != 0;
		values[2] = BoolGetDatum(c->rule != 0);
		if (c->rule)
			values[3] = CStringGetTextDatum(c->rule == 'p' ? "primary" : "secondary");
		else
			nulls[3] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * suppress_report(the arguments of suppress_cells) → setof (rule text,
 * cells int8, persons int8, smallest int8): for output checkers, per rule
 * (primary, secondary, published) the cells, the persons behind them (exact,
 * not rounded) and the smallest count among them.
 */
Datum
suppress_report(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SuppressResult res;
	static const char rules[3] = {'p', 's', 0};
	static const char *const names[3] = {"primary", "secondary", "published"};

	Suppress(fcinfo, &res);
	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < 3; k++)
	{
		int64		n = 0;
		int64		sum = 0;
		int64		smallest = 0;
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		for (int i = 0; i < res.ncells; i++)
		{
			const SuppressCell *c = &res.cells[i];

			if (c->rule != rules[k])
				continue;
			if (n == 0 || c->persons < smallest)
				smallest = c->persons;
			n++;
			if (pg_add_s64_overflow(sum, c->persons, &sum))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("suppress_report persons out of range")));
		}
		values[0] = CStringGetTextDatum(names[k]);
		values[1] = Int64GetDatum(n);
		values[2] = Int64GetDatum(sum);
		values[3] = Int64GetDatum(smallest);
		nulls[3] = n == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
