#include <string.h>

#include "error.h"
#include "i18n.h"
#include "ingroup.h"

static int record(const char *course, struct lms_enrolments *e,
		  const struct lms_in_group *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int err;
		struct lms_enrolment *r = lms_enrolments_find_on_course(
			e, v[i].person, course, &err);

		if (!r)
			return err;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(v[j].person, v[i].person))
				return lms_error(LMS_EUSAGE, _("%s is named "
							       "twice"),
						 v[i].person);
		if (r->status != LMS_COMPLETED)
			return lms_error(LMS_EREFUSED, _("%s did not complete "
							 "course '%s': only "
							 "those who did are "
							 "asked at follow-up"),
					 v[i].person, course);
		r->still_in_group = v[i].yes;
	}
	return 0;
}

int lms_ops_record_in_group(const struct lms_ops_io *io, const char *course,
			    const struct lms_in_group *v, size_t n)
{
	struct lms_enrolments e;
	struct lms_course c;
	int err;

	if ((err = io->load_course(io->arg, course, &c, NULL)))
		return err;
	if (!(err = io->load_enrolments(io->arg, c.id, &e))) {
		if (!(err = record(c.id, &e, v, n)))
			err = lms_ops_save_enrolments(io, c.id, &e);
		lms_enrolments_release(&e);
	}
	lms_course_release(&c);
	return err;
}
