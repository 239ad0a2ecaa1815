/*
 * src/measures/measures.h
 *		The Jobindsats measures: fuldtidspersoner over dateranges and weeklines
 *		(fuldtid.c), activation (aktivering.c: aktiveringsgrad, andel
 *		aktiveringsberørte, virksomhedsrettet andel) and durations
 *		(anciennitet.c: anciennitet, langvarige, outcome within N weeks).
 *		They offer SQL objects only; their C helpers come from the layers
 *		below.
 */
#ifndef JOBREG_MEASURES_H
#define JOBREG_MEASURES_H

#include "history/history.h"
#include "stats/stats.h"

#endif							/* JOBREG_MEASURES_H */
