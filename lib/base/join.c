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

size_t lms_flag_names(const char *const *names, unsigned bits,
		      const char **out, size_t max)
{
	size_t n = 0;

	for (unsigned i = 0; names[i] && i < 32 && n + 1 < max; i++)
		if ((bits & (1u << i)) && *names[i])
			out[n++] = names[i];
	if (max)
		out[n] = NULL;
	return n;
}

void lms_join_flags(struct lms_buf *out, const char *const *names,
		    unsigned bits, const char *sep)
{
	const char *words[33];
	size_t n = lms_flag_names(names, bits, words, 33);

	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s", i ? sep : "", words[i]);
}
