#ifndef LMS_TEMPLATE_H
#define LMS_TEMPLATE_H

#include <stddef.h>

#include "course.h"
#include "schema.h"

struct lms_template_session {
	struct lms_mark mark;
	char *theme;
	int duration;			/* minutes */
};

/*
 * templates/<id>.yaml: the keys of a course plan, with sessions as themes
 * and durations instead of dates, and optionally the usual weekdays and
 * start time.
 */
struct lms_template {
	struct lms_mark mark;
	char *id;
	char *title;
	char *description;
	unsigned target_groups;
	char **topics;
	size_t ntopics;
	int diagnosis_independent;
	int capacity;
	int waitlist;
	char *place;
	/* LMS_MON... (date.h) once loaded, not the schema's bits (which
	 * count from names[1]): lms reads templates, never writes them. */
	unsigned days;
	int start;
	struct lms_template_session *sessions;
	size_t nsessions;
	char **forms;
	size_t nforms;
	char **follow_up;
	size_t nfollow_up;
	char *followup_after;		/* as a course's */
	struct lms_public pub;		/* course.h */
};

extern const struct lms_schema lms_template_schema;

int lms_template_load(struct lms_template *out, const char *path,
		      const char *text, size_t len, const char *file_id,
		      struct lms_diags *diags);
void lms_template_release(struct lms_template *t);

#endif
