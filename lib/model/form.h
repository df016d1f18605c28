#ifndef LMS_FORM_H
#define LMS_FORM_H

#include <stddef.h>

#include "schema.h"

enum lms_item_type { LMS_ITEM_SCALE = 1, LMS_ITEM_TEXT };
enum lms_score { LMS_SCORE_MEAN = 1, LMS_SCORE_SUM };

struct lms_scale {
	int min, max;
	char **labels;			/* one per step from min to max */
	size_t nlabels;
};

struct lms_form_item {
	struct lms_mark mark;
	char *id;
	char *text;
	int reverse;			/* bool: scored max + min - answer */
	int type;
};

/* forms/<id>.yaml: an evaluation form. */
struct lms_form {
	struct lms_mark mark;
	char *id;
	char *title;
	char *description;
	struct lms_scale scale;
	int score;
	struct lms_form_item *items;
	size_t nitems;
};

extern const struct lms_schema lms_form_schema;

/* Loads and validates a form; folder_id, if not NULL, must equal its id. */
int lms_form_load(struct lms_form *out, const char *path, const char *text,
		  size_t len, const char *file_id, struct lms_diags *diags);
void lms_form_release(struct lms_form *f);
const struct lms_form_item *lms_form_item(const struct lms_form *f,
					  const char *id);

#endif
