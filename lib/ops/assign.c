#include <string.h>

#include "assign.h"
#include "courseedit.h"
#include "date.h"

/* lms course assign and unassign: see assign.h for their rules. */

struct assign {
	const char *facilitator;
	unsigned phases;
	int role;
};

static int do_assign(struct lms_buf *text, const char *path,
		     const struct lms_course *c, void *arg)
{
	const struct assign *a = arg;

	return lms_course_assign_role(text, path, c, a->facilitator, a->phases,
				      a->role);
}

static int do_unassign(struct lms_buf *text, const char *path,
		       const struct lms_course *c, void *arg)
{
	const struct assign *a = arg;

	return lms_course_unassign(text, path, c, a->facilitator);
}

int lms_ops_course_assign(const struct lms_ops_io *io, const char *course,
			  const char *facilitator, unsigned phases,
			  struct lms_assign_result *out)
{
	return lms_ops_course_assign_role(io, course, facilitator, phases, 0,
					  out);
}

int lms_ops_course_assign_role(const struct lms_ops_io *io, const char *course,
			       const char *facilitator, unsigned phases,
			       int role, struct lms_assign_result *out)
{
	struct assign a = { facilitator, phases, role };
	struct lms_facilitator *all = NULL;
	size_t nall = 0;
	int err;

	memset(out, 0, sizeof(*out));
	if (!(err = io->load_facilitators(io->arg, &all, &nall)) &&
	    !(err = lms_facilitator_check(all, nall, facilitator, 0)) &&
	    !(err = lms_ops_edit_course(io, course, do_assign, &a,
					&out->before, &out->after))) {
		if (!(err = lms_ops_course_clashes(io, &out->after,
						   &out->clashes)))
			lms_clashes_keep(&out->clashes, facilitator);
		else {
			lms_assign_result_release(out);
			memset(out, 0, sizeof(*out));
		}
	}
	lms_facilitators_free(all, nall);
	return err;
}

int lms_ops_course_unassign(const struct lms_ops_io *io, const char *course,
			    const char *facilitator,
			    struct lms_assign_result *out)
{
	struct assign a = { facilitator, 0, 0 };

	memset(out, 0, sizeof(*out));
	return lms_ops_edit_course(io, course, do_unassign, &a, &out->before,
				   &out->after);
}

void lms_assign_result_release(struct lms_assign_result *r)
{
	lms_clashes_release(&r->clashes);
	lms_course_release(&r->before);
	lms_course_release(&r->after);
}
