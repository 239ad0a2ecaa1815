/*
 * src/benchmark/benchmark.h
 *		Klynge benchmarks (benchmark.c): a kommune against the other kommuner
 *		of its klynge, the change that brings it to the klynge's level, and
 *		targets as a distance to the best.  SQL objects only.
 */
#ifndef JOBREG_BENCHMARK_H
#define JOBREG_BENCHMARK_H

#include "stats/stats.h"

#endif							/* JOBREG_BENCHMARK_H */
