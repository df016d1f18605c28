#ifndef LMS_MONEY_H
#define LMS_MONEY_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/*
 * Amounts of money in kroner, kept in øre as whole numbers: a sum of fees
 * must come out to the øre, which floating point does not promise.
 */
struct lms_amount {
	int64_t ore;
	bool given;		/* false: the file does not say */
};

/* The most lms takes: a billion kroner, far above any fee, far below
 * what a sum of them could overflow. */
#define LMS_MONEY_MAX INT64_C(100000000000)

/*
 * Parses kroner as people and files write them: "250", "312.5",
 * "312.50", "312,50"; never negative, at most two decimals (øre), at
 * most LMS_MONEY_MAX.  False for anything else.
 */
bool lms_money_parse(const char *s, int64_t *ore);
/* Kroner as C writes them, with two decimals: "1250.00", for files and
 * machine formats (a dot, no thousands separator). */
void lms_money_format(int64_t ore, char out[32]);
/* Kroner for people: "1250.00" in English, "1250,00" and "12 500,00" in
 * Norwegian (lms_i18n_number). */
void lms_money_add_shown(struct lms_buf *out, int64_t ore);

#endif
