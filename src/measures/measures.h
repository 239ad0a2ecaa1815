/*
 * src/measures/measures.h
 *		The Jobindsats measures: fuldtidspersoner over dateranges and weeklines
 *		(fuldtid.c), activation (aktivering.c: aktiveringsgrad, andel
 *		aktiveringsberørte, virksomhedsrettet andel), durations
 *		(anciennitet.c: anciennitet, langvarige, outcome within N weeks) and
 *		offers over time (tilbud.c: offer_weeks, offer_gaps,
 *		longest_without_offer).
 *		They offer SQL objects only; their C helpers come from the layers
 *		below.
 */
#ifndef JOBREG_MEASURES_H
#define JOBREG_MEASURES_H

#include "history/history.h"
#include "stats/stats.h"

#endif							/* JOBREG_MEASURES_H */
