/*
 * src/present/present.h
 *		Presentation: Danish numbers, percentages and kommune names with ICU
 *		(presentation.c), and SVG plots of survival curves (svg.c).  The top
 *		layer: it reads the states of the layers below and nothing reads it.
 */
#ifndef JOBREG_PRESENT_H
#define JOBREG_PRESENT_H

#include "survival/survival.h"

#endif							/* JOBREG_PRESENT_H */
