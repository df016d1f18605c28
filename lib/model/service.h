#ifndef LMS_SERVICE_H
#define LMS_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "money.h"
#include "schema.h"

/* The largest min_cell: reports count some things only up to it. */
#define LMS_MIN_CELL_MAX 100

/* A period in which the service is closed (closed: in lms.yaml). */
struct lms_closed {
	int32_t from, to;		/* both included; to is from when not given */
	char *name;			/* "sommerferie", or NULL */
	struct lms_mark mark;
};

/*
 * Fees of facilitators (fees: in lms.yaml), in øre: per session led, per
 * hour of sessions led and of meetings, travel per session led in person,
 * and a yearly limit per person.  Who is paid: user representatives (the default),
 * or everyone on a course.
 */
enum lms_fees_to { LMS_FEES_TO_UR = 1, LMS_FEES_TO_ALL };
extern const char *const lms_fees_to_names[];

struct lms_fee_rates {
	struct lms_mark mark;
	struct lms_amount per_session, per_hour, travel, yearly_limit;
	int to;				/* enum lms_fees_to; 0: not given */
};

/* An amount in kroner ("250", "312.50") as a field of a schema. */
extern const struct lms_custom lms_amount_custom;

/* lms.yaml: the service that owns the tree. */
struct lms_service {
	char *name;
	char *municipality;		/* the host, "1806" */
	char **partners;		/* whose residents may enrol too */
	size_t npartners;
	int min_cell;			/* shared reports round groups below */
	double completion;		/* share of sessions for "completed" */
	int retention_months;		/* private records kept this long */
	struct lms_closed *closed;	/* its own closed days and periods */
	size_t nclosed;
	int language;			/* of its documents: enum lms_lang */
	char *phone, *email;		/* its own, public (contact: service) */
	struct lms_fee_rates fees;	/* no fees when not given */
};

extern const struct lms_schema lms_service_schema;

/* Loads lms.yaml text; absent settings get their defaults. */
int lms_service_load(struct lms_service *out, const char *path,
		     const char *text, size_t len);
void lms_service_release(struct lms_service *s);
/* True if residents of muni may enrol: the host or a partner. */
int lms_service_serves(const struct lms_service *s, const char *muni);
/*
 * A municipality as a person gives it, a number or a name (see
 * lms_municipality_lookup, whose how it sets), for this service: the
 * numbers of its host and partners count as written, also when they are
 * newer than lms's table of municipalities.
 */
int lms_service_municipality(const struct lms_service *s, const char *text,
			     char out[5], int *how);

/*
 * Why the service holds no sessions on a day: a public holiday, one of its
 * closed periods, or both.
 */
struct lms_day_off {
	const char *holiday;			/* its name, or NULL */
	const struct lms_closed *closed;	/* the first, or NULL */
};

/* Fills *out and returns true when date is a day off. */
bool lms_service_day_off(const struct lms_service *s, int32_t date,
			 struct lms_day_off *out);

struct lms_course;
typedef void lms_day_off_fn(int32_t date, const struct lms_day_off *why,
			    void *arg);
/*
 * A date given by hand (lms course set) is taken as it is, holiday or
 * not, but a new session on a day off is worth a word, as lms check would
 * say: calls fn for each session of after that before did not have and
 * that falls on a day off, in after's order.
 */
void lms_service_new_days_off(const struct lms_service *s,
			      const struct lms_course *before,
			      const struct lms_course *after,
			      lms_day_off_fn *fn, void *arg);

#endif
