#include <stdio.h>
#include <string.h>

#include "courseedit.h"
#include "date.h"
#include "error.h"
#include "facilitatoredit.h"
#include "i18n.h"
#include "join.h"
#include "suggest.h"
#include "utf8.h"
#include "yedit.h"

/* The keys that may be set, "name, kind, profession, ...", in names
 * (NULL-terminated); their count. */
static size_t key_names(const char *names[32])
{
	size_t n = 0;

	for (const struct lms_field *f = lms_facilitator_schema.fields;
	     f->key && n + 1 < 32; f++)
		if (strcmp(f->key, "id"))
			names[n++] = f->key;
	names[n] = NULL;
	return n;
}

static int unknown_key(const char *key)
{
	struct lms_buf keys = LMS_BUF_INIT;
	const char *names[32], *hint;
	size_t n = key_names(names);
	int err;

	if ((hint = lms_suggest(key, names, n)))
		return lms_error(LMS_EUSAGE, _("'%s' is not a key of a "
					       "facilitator; did you mean "
					       "'%s'?"), key, hint);
	lms_join(&keys, names, LMS_JOIN_COMMAS);
	/* TRANSLATORS: the last %s lists the keys, "name, kind, ...". */
	err = lms_error(LMS_EUSAGE, _("'%s' is not a key of a facilitator "
				      "(the keys: %s)"), key, keys.buf);
	lms_buf_release(&keys);
	return err;
}

/*
 * A range is a list in the file, true and false a word: a list stays a
 * list, in its style (flow or block), with its two dates changed.
 */
static int set_available(struct lms_buf *text, const char *path,
			 const char *keypath, const struct lms_availability *was,
			 const char *value)
{
	struct lms_availability a;
	struct lms_buf b = LMS_BUF_INIT;
	char from[11], to[11];
	int err = 0;

	if (!lms_availability_parse_input(value, &a))
		return lms_error(LMS_EUSAGE, _("available: '%s' is not true, "
					       "false or FROM:TO (two dates, "
					       "such as 2026-08-01:2026-12-31 "
					       "or 1.8.2026:31.12.2026)"),
				 value);
	if (was->mode == LMS_AVAIL_RANGE && a.mode == LMS_AVAIL_RANGE) {
		lms_date_format(a.from, from);
		lms_date_format(a.to, to);
		return lms_yedit_set_list(text, path, &lms_facilitator_schema,
					  keypath, (const char *[]){ from, to },
					  2);
	}
	if (was->mode == LMS_AVAIL_RANGE)
		err = lms_yedit_remove(text, path, &lms_facilitator_schema,
				       keypath);
	lms_availability_format(&b, &a);
	if (!err)
		err = lms_yedit_set_scalar(text, path, &lms_facilitator_schema,
					   keypath, b.buf);
	lms_buf_release(&b);
	return err;
}

int lms_facilitator_set(struct lms_buf *text, const char *path, size_t index,
			const struct lms_facilitator *now, const char *key,
			const char *value)
{
	const struct lms_field *f =
		lms_schema_field(&lms_facilitator_schema, key);
	char keypath[64];

	if (!f)
		return unknown_key(key);
	if (!strcmp(key, "id"))
		return lms_error(LMS_EUSAGE, _("the id names the facilitator "
					       "in the courses and cannot be "
					       "set"));
	if (!*value && (f->flags & LMS_REQUIRED))
		return lms_error(LMS_EUSAGE, _("%s: every facilitator has "
					       "one; it cannot be removed"),
				 key);
	if (!lms_text_is_line(value))
		return lms_error(LMS_EUSAGE, _("%s: give it on one line"), key);
	snprintf(keypath, sizeof(keypath), "%zu.%s", index, key);
	if (!strcmp(key, "available") && *value)
		return set_available(text, path, keypath, &now->available,
				     value);
	/* travel, an amount in kroner, is written as the file has it. */
	if (f->type == LMS_T_CUSTOM && *value)
		return lms_error(LMS_EUSAGE, _("%s: edit it in %s by hand"),
				 key, path);
	return lms_record_set(text, path, &lms_facilitator_schema, keypath,
			      key, f, value);
}
