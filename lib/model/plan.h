#ifndef LMS_PLAN_H
#define LMS_PLAN_H

#include <stddef.h>

#include "course.h"
#include "schedule.h"
#include "template.h"

/* What `lms course new` was asked for. */
struct lms_plan_facilitator {
	const char *id;
	unsigned phases;		/* LMS_PLAN...; 0: all three */
	int role;			/* lms_kind_names; 0: the registry's */
};

struct lms_plan {
	const char *id;
	const char *title;
	const struct lms_template *template;	/* or NULL */
	struct lms_schedule schedule;		/* start NONE: no sessions yet */
	int start_time, end_time;		/* LMS_TIME_NONE if not given */
	const char *place;
	int capacity;				/* LMS_UNSET if not given */
	unsigned target_groups;
	const struct lms_plan_facilitator *facilitators;
	size_t nfacilitators;
};

/* Builds the course: the template's keys, then the options, then sessions. */
int lms_plan_course(const struct lms_plan *p, struct lms_course *out);

#endif
