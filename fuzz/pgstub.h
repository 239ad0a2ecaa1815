/*
 * fuzz/pgstub.h
 *		The stand-in backend of the fuzz harnesses (see pgstub.c).
 */
#ifndef PGSTUB_H
#define PGSTUB_H

extern int	stub_sqlerrcode;	/* SQLSTATE of the last error raised */

/* Free everything palloc'd since the last call */
extern void stub_free_all(void);

#endif							/* PGSTUB_H */
