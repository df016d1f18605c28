#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "courseedit.h"
#include "facilitator.h"
#include "date.h"
#include "emit.h"
#include "join.h"
#include "error.h"
#include "i18n.h"
#include "utf8.h"
#include "words.h"
#include "yedit.h"

static bool is_list(const struct lms_field *f)
{
	return f->type == LMS_T_STRS || f->type == LMS_T_IDS ||
	       f->type == LMS_T_MUNIS || f->type == LMS_T_FLAGS;
}

/*
 * A date or a time as people type it, which the file keeps as ISO and
 * HH:MM; the strict readers of files (lms_value_parse) would refuse it.
 */
static int parse_input(const struct lms_field *f, const char *value,
		       void *out, struct lms_buf *why)
{
	if (f->type == LMS_T_DATE && !lms_date_parse_input(value, out)) {
		lms_buf_addf(why, _("'%s' is not a date (use 2026-09-07, "
				    "07.09.2026, 7.9.2026 or 7.9.26)"), value);
		return LMS_EDATA;
	}
	if (f->type == LMS_T_TIME && !lms_time_parse_input(value, out)) {
		lms_buf_addf(why, _("'%s' is not a time (use 18:00, 18.00 or "
				    "kl. 18.00)"), value);
		return LMS_EDATA;
	}
	return 0;
}

/* One value checked against its field and written in canonical form. */
static int format_scalar(const struct lms_field *f, const char *key,
			 const char *value, struct lms_buf *out)
{
	union { int i; unsigned u; double d; int32_t date; const char *s; } v;
	struct lms_field one = *f;
	struct lms_buf why = LMS_BUF_INIT;
	bool typed = f->type == LMS_T_DATE || f->type == LMS_T_TIME;
	int err;

	memset(&v, 0, sizeof(v));
	if (is_list(f))
		one.type = f->type == LMS_T_IDS ? LMS_T_ID :
			   f->type == LMS_T_MUNIS ? LMS_T_MUNI :
			   f->type == LMS_T_FLAGS ? LMS_T_ENUM : LMS_T_STR;
	if ((err = typed ? parse_input(&one, value, &v, &why) :
		   lms_value_parse(&one, value, &v, &why)) ||
	    !lms_utf8_valid(value)) {
		err = lms_error(LMS_EUSAGE, "%s: %s", key,
				why.len ? why.buf : _("not UTF-8 text"));
		lms_buf_release(&why);
		return err;
	}
	if (one.type == LMS_T_STR || one.type == LMS_T_ID || one.type == LMS_T_MUNI)
		v.s = value;
	if (one.type == LMS_T_MUNI)
		one.flags |= LMS_QUOTED;
	if (is_list(f) && one.type == LMS_T_STR) {
		/* Items may end up inside [...], where ',' ends a plain word. */
		lms_yaml_scalar(out, value, LMS_YAML_FLOW);
		return 0;
	}
	lms_emit_value(out, &one, &v, 0);
	return 0;
}

static int set_list(struct lms_buf *text, const char *path,
		    const struct lms_schema *s, const char *keypath,
		    const char *key, const struct lms_field *f,
		    const char *value)
{
	struct lms_buf *items;
	const char **texts;
	char **words;
	size_t n;
	int err = 0;

	lms_words_split(value, &words, &n);
	items = lms_calloc(n, sizeof(*items));
	texts = lms_calloc(n, sizeof(*texts));
	for (size_t i = 0; i < n && !err; i++) {
		lms_buf_init(&items[i]);
		err = format_scalar(f, key, words[i], &items[i]);
		texts[i] = items[i].buf;
	}
	if (!err)
		err = lms_yedit_set_list(text, path, s, keypath, texts, n);
	for (size_t i = 0; i < n; i++)
		lms_buf_release(&items[i]);
	lms_free(items);
	lms_free(texts);
	lms_words_free(words, n);
	return err;
}

/*
 * YAML takes NEL, LS and PS (U+0085, U+2028, U+2029) for line breaks, as
 * libyaml does; the editor's lines end at LF alone, so it would place a
 * key by the parser's line in another.  Such a file is refused, at the
 * first of them.
 */
static int unicode_break(const struct lms_buf *text, const char *path)
{
	static const char *const breaks[] = {
		"\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"
	};
	unsigned line = 1, col = 1;

	for (size_t i = 0; i < text->len; i++) {
		for (size_t b = 0; b < 3; b++)
			if (!strncmp(text->buf + i, breaks[b],
				     strlen(breaks[b])))
				return lms_error_at(LMS_EDATA, path, line, col,
						    _("a Unicode line break (NEL, "
						      "LS or PS), which YAML "
						      "reads as a new line: "
						      "lms cannot edit this "
						      "file safely; edit it "
						      "by hand"));
		if (text->buf[i] == '\n')
			line++, col = 1;
		else if (((unsigned char)text->buf[i] & 0xc0) != 0x80)
			col++;
	}
	return 0;
}

int lms_course_set(struct lms_buf *text, const char *path, const char *key,
		   const char *value)
{
	const struct lms_field *f;
	int err;

	if ((err = lms_schema_resolve(&lms_course_schema, key, &f)))
		return err;
	if (!strcmp(key, "id"))
		return lms_error(LMS_EUSAGE, _("the id is the name of the "
					       "course's folder and cannot be "
					       "set"));
	if (f->type == LMS_T_SEQ || f->type == LMS_T_STRUCT ||
	    f->type == LMS_T_CUSTOM)
		/* TRANSLATORS: "'sessions' is a list of sessions: set one of
		 * its keys, as in sessions.1.date": %1$s is the key of the
		 * list, %2$s a key of its items. */
		return lms_error(LMS_EUSAGE, _("'%1$s' is a list of %1$s: set "
					       "one of its keys, as in "
					       "%1$s.1.%2$s"), key,
				 ((const struct lms_schema *)f->aux)->fields[0].key);
	return lms_record_set(text, path, &lms_course_schema, key, key, f,
			      value);
}

int lms_record_set(struct lms_buf *text, const char *path,
		   const struct lms_schema *s, const char *keypath,
		   const char *key, const struct lms_field *f,
		   const char *value)
{
	struct lms_buf b = LMS_BUF_INIT;
	int err;

	if ((err = unicode_break(text, path)))
		return err;
	if (!*value)
		return lms_yedit_remove(text, path, s, keypath);
	if (is_list(f))
		return set_list(text, path, s, keypath, key, f, value);
	if (!(err = format_scalar(f, key, value, &b)))
		err = lms_yedit_set_scalar(text, path, s, keypath, b.buf);
	lms_buf_release(&b);
	return err;
}

static long find_facilitator(const struct lms_course *c, const char *id)
{
	for (size_t i = 0; i < c->nfacilitators; i++)
		if (!strcmp(c->facilitators[i].id, id))
			return (long)i;
	return -1;
}


int lms_course_assign(struct lms_buf *text, const char *path,
		      const struct lms_course *c, const char *facilitator,
		      unsigned phases)
{
	return lms_course_assign_role(text, path, c, facilitator, phases, 0);
}

int lms_course_assign_role(struct lms_buf *text, const char *path,
			   const struct lms_course *c, const char *facilitator,
			   unsigned phases, int role)
{
	long i = find_facilitator(c, facilitator);
	struct lms_buf list = LMS_BUF_INIT, id = LMS_BUF_INIT;
	const char *words[8];
	char key[64];
	size_t n;
	int err;

	n = lms_flag_names(lms_phase_names, phases, words, 8);
	if (i >= 0) {
		snprintf(key, sizeof(key), "facilitators.%ld.phases", i + 1);
		err = lms_yedit_set_list(text, path, &lms_course_schema, key,
					 words, n);
		snprintf(key, sizeof(key), "facilitators.%ld.role", i + 1);
		if (!err && role)
			err = lms_yedit_set_scalar(text, path,
						   &lms_course_schema, key,
						   lms_kind_names[role]);
		return err;
	}
	lms_buf_addch(&list, '[');
	for (size_t k = 0; k < n; k++)
		lms_buf_addf(&list, "%s%s", k ? ", " : "", words[k]);
	lms_buf_addch(&list, ']');
	/* An id such as "no" or "1e3" is quoted, as the emitter does. */
	lms_yaml_scalar(&id, facilitator, LMS_YAML_FLOW);
	err = lms_yedit_append(text, path, &lms_course_schema, "facilitators",
			       (const struct lms_yedit_pair[]){
				       { "id", id.buf },
				       { "phases", list.buf },
				       { "role", lms_kind_names[role] } },
			       role ? 3 : 2);
	lms_buf_release(&list);
	lms_buf_release(&id);
	return err;
}

int lms_course_unassign(struct lms_buf *text, const char *path,
			const struct lms_course *c, const char *facilitator)
{
	long i = find_facilitator(c, facilitator);
	char key[64];

	if (i < 0)
		return lms_error(LMS_ENOENT, _("'%s' is not a facilitator of "
					       "course '%s'"), facilitator, c->id);
	snprintf(key, sizeof(key), "facilitators.%ld", i + 1);
	return lms_yedit_remove(text, path, &lms_course_schema, key);
}

void lms_course_describe(struct lms_buf *out, const struct lms_course *c,
			 const char *key)
{
	const struct lms_schema *s = &lms_course_schema;
	const void *obj = c;
	const char *k = key;

	/* Walk the path through the struct as lms_schema_resolve does. */
	for (;;) {
		size_t len = strcspn(k, ".");
		char word[LMS_KEY_MAX];
		const struct lms_field *f;
		const void *field;
		size_t index, count;

		snprintf(word, sizeof(word), "%.*s", (int)len, k);
		if (!(f = lms_schema_field(s, word)))
			return;
		field = (const char *)obj + f->offset;
		k += len;
		if (!*k) {
			if (!lms_field_is_empty(f, field))
				lms_emit_value(out, f, field, 0);
			return;
		}
		k++;
		if (f->type != LMS_T_SEQ)
			return;
		index = strtoul(k, NULL, 10);
		count = *(const size_t *)((const char *)obj + f->count_offset);
		s = f->aux;
		if (index < 1 || index > count)
			return;
		obj = *(char *const *)field + (index - 1) * s->size;
		k += strcspn(k, ".");
		if (*k)
			k++;
	}
}
