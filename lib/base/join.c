#include "i18n.h"
#include "join.h"

void lms_join(struct lms_buf *out, const char *const *names, enum lms_join how)
{
	struct lms_buf head = LMS_BUF_INIT;
	const char *last = NULL;

	for (; *names; names++) {
		if (!**names)
			continue;
		if (last)
			lms_buf_addf(&head, "%s%s", head.len ? ", " : "", last);
		last = *names;
	}
	if (!last)		/* head is empty too */
		return;
	if (!head.len)
		lms_buf_adds(out, last);
	else if (how == LMS_JOIN_OR)
		/* TRANSLATORS: the last two items of a list of choices,
		 * "A, B or C". */
		lms_buf_addf(out, _("%s or %s"), head.buf, last);
	else if (how == LMS_JOIN_AND)
		/* TRANSLATORS: the last two items of a list, "A, B and C". */
		lms_buf_addf(out, _("%s and %s"), head.buf, last);
	else
		lms_buf_addf(out, "%s, %s", head.buf, last);
	lms_buf_release(&head);
}
