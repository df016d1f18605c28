#ifndef LMS_COLLATE_H
#define LMS_COLLATE_H

#include <stdbool.h>

/*
 * The order of names and titles in what lms lists, as a Norwegian reader
 * looks for them: ... X, Y, Z, Æ, Ø, Å, whatever the case.
 *
 * Letters compare without regard to case, and Æ, Ø and Å come after Z in
 * that order.  As Norwegian dictionaries do, Ä sorts as Æ, Ö (and Ő, Œ)
 * as Ø, Ü (and Ű) as Y; other accented Latin letters sort as their base
 * letter (É as E, Š as S), ß as SS and Þ as TH.  A letter written with a
 * combining mark (A and U+030A, as some systems store Å) sorts as the
 * letter it makes.  "Aa" is two letters, not Å.
 *
 * Spaces and punctuation come first, each as itself, then digits (one by
 * one, not as numbers), then letters, then characters of other scripts
 * by code point.  Bytes that are not UTF-8 come last.  Strings that are
 * equal so far are told apart by case, lower case first, then byte by
 * byte, so that only equal strings compare equal and a sort is the same
 * on every run.
 */

/* Less than, equal to or greater than 0 as a sorts before, with or after
 * b; NULL sorts as "". */
int lms_collate(const char *a, const char *b);

/*
 * True when a and b are the same word to a reader who searches for it
 * (a topic, a course of training): equal but for case and accents, by
 * the weights above, so "Ålesund", "ålesund" and "A\u030alesund" are
 * one, and so are "Kafé" and "kafe".
 */
bool lms_collate_same(const char *a, const char *b);

#endif
