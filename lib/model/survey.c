#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "sha256.h"
#include "survey.h"
#include "utf8.h"

static int by_item(const void *a, const void *b)
{
	const struct lms_answer *x = *(const struct lms_answer *const *)a;
	const struct lms_answer *y = *(const struct lms_answer *const *)b;

	return strcmp(x->item, y->item);
}

/* Fields end with a NUL, which no field holds: "a" "bc" is not "ab" "c". */
static void field(struct lms_buf *out, const char *s)
{
	lms_buf_add(out, s, strlen(s) + 1);
}

void lms_survey_key(struct lms_buf *out, const struct lms_evaluation *e,
		    const struct lms_stamp *stamp)
{
	const struct lms_answer **sorted;
	char number[32];

	sorted = lms_calloc(e->answers.n + 1, sizeof(*sorted));
	lms_buf_reset(out);
	field(out, "lms-response-1");
	field(out, e->form);
	field(out, e->person ? e->person : "");
	if (stamp)
		snprintf(number, sizeof(number), "%lld",
			 (long long)lms_stamp_seconds(stamp));
	field(out, stamp ? number : "");
	for (size_t i = 0; i < e->answers.n; i++)
		sorted[i] = &e->answers.v[i];
	if (e->answers.n)
		qsort(sorted, e->answers.n, sizeof(*sorted), by_item);
	for (size_t i = 0; i < e->answers.n; i++) {
		field(out, sorted[i]->item);
		if (sorted[i]->is_text) {
			lms_buf_addch(out, 't');
			field(out, sorted[i]->text);
		} else {
			snprintf(number, sizeof(number), "n%d", sorted[i]->value);
			field(out, number);
		}
	}
	lms_free(sorted);
}

void lms_survey_digest(const char *key, size_t keylen, unsigned repeat,
		       char out[LMS_DIGEST_LEN + 1])
{
	struct lms_sha256 s;
	unsigned char hash[32];
	char n[16];

	snprintf(n, sizeof(n), "%u", repeat);
	lms_sha256_init(&s);
	lms_sha256_add(&s, key, keylen);
	lms_sha256_add(&s, n, strlen(n) + 1);
	lms_sha256_final(&s, hash);
	for (int i = 0; i < LMS_DIGEST_LEN / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", hash[i]);
}

bool lms_digest_valid(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");

	return n == LMS_DIGEST_LEN && !s[n];
}

void lms_survey_person(const char *cell, struct lms_buf *id,
		       struct lms_buf *alt)
{
	lms_buf_reset(id);
	for (const char *p = cell; *p; p++)
		if (*p != ' ' && *p != '\t')
			lms_buf_addch(id, *p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	lms_buf_reset(alt);
	lms_buf_addf(alt, "p-%s", id->buf);
}

/* The headers of a column of person ids.  Not "ID": Microsoft Forms
 * numbers its responses in a column of that name. */
static const char *const person_headers[] = {
	"person", "person-id", "personid", "deltakernummer", "deltakernr",
	"deltaker-id", "deltakerid", "deltaker id", "participant",
	"participant id", "participant-id", NULL
};

/* Whether column i is taken, by an item, the person or the timestamp. */
static bool taken(const struct lms_survey_columns *c, size_t i)
{
	return c->item[i] || (int)i == c->person || (int)i == c->stamp;
}

/* The first column, not taken yet, whose header is one of names. */
static int named_column(const struct lms_csv *csv,
			const struct lms_survey_columns *c,
			const char *const *names)
{
	for (size_t k = 0; names[k]; k++) {
		int i = lms_csv_column(csv, names[k]);

		if (i >= 0 && !taken(c, (size_t)i))
			return i;
	}
	return -1;
}

/* COLUMN=ITEM, COLUMN=person or COLUMN=timestamp. */
static int map_one(const char *map, const struct lms_csv *csv,
		   const struct lms_form *f, struct lms_survey_columns *c)
{
	const char *eq = strrchr(map, '=');
	char *col;
	int i;

	if (!eq || eq == map)
		return lms_error(LMS_EUSAGE, _("--map: '%s' is not "
					       "COLUMN=ITEM"), map);
	col = lms_strndup(map, (size_t)(eq - map));
	i = lms_csv_column(csv, col);
	lms_free(col);
	if (i < 0)
		return lms_error(LMS_EUSAGE, _("--map: the file has no column "
					       "'%.*s'"), (int)(eq - map), map);
	if (!strcmp(eq + 1, "person"))
		c->person = i;
	else if (!strcmp(eq + 1, "timestamp"))
		c->stamp = i;
	else if (!lms_form_item(f, eq + 1))
		return lms_error(LMS_EUSAGE, _("--map: form '%s' has no item "
					       "'%s'"), f->id, eq + 1);
	else
		c->item[i] = lms_form_item(f, eq + 1)->id;
	return 0;
}

/* The columns whose header is an item's id or text; how many hold one. */
static size_t match_headers(const struct lms_csv *csv,
			    const struct lms_form *f,
			    struct lms_survey_columns *c)
{
	size_t mapped = 0;

	for (size_t i = 0; i < csv->ncols; i++) {
		for (size_t j = 0; !taken(c, i) && j < f->nitems; j++)
			if (!lms_utf8_casecmp(csv->header[i], f->items[j].id) ||
			    !lms_utf8_casecmp(csv->header[i], f->items[j].text))
				c->item[i] = f->items[j].id;
		mapped += c->item[i] != NULL;
	}
	return mapped;
}

/* Two columns for one item would give two answers. */
static int check_columns(const char *path, const struct lms_csv *csv,
			 const struct lms_survey_columns *c,
			 lms_left_out_fn *left_out, void *arg)
{
	for (size_t i = 0; i < csv->ncols; i++) {
		for (size_t j = 0; c->item[i] && j < i; j++)
			if (c->item[j] && !strcmp(c->item[i], c->item[j]))
				return lms_error_at(LMS_EDATA, path, 1, 0,
						    _("columns '%s' and '%s' "
						      "both answer item '%s'"),
						    csv->header[j],
						    csv->header[i], c->item[i]);
		if (!taken(c, i))
			left_out(path, csv->header[i], arg);
	}
	return 0;
}

int lms_survey_columns(struct lms_survey_columns *out, const char *path,
		       const struct lms_csv *csv, const struct lms_form *f,
		       char *const *maps, size_t nmaps,
		       lms_left_out_fn *left_out, void *arg)
{
	unsigned order = LMS_ANY_ORDER;
	int err;

	out->item = lms_calloc(csv->ncols ? csv->ncols : 1, sizeof(*out->item));
	out->person = out->stamp = -1;
	out->order = 0;
	for (size_t m = 0; m < nmaps; m++)
		if ((err = map_one(maps[m], csv, f, out)))
			return err;
	if (!match_headers(csv, f, out))
		return lms_error_at(LMS_EDATA, path, 1, 0,
				    _("no column matches an item of form '%s' "
				      "(name them with --map COLUMN=ITEM)"),
				    f->id);
	if (out->person < 0)
		out->person = named_column(csv, out, person_headers);
	if (out->stamp < 0)
		out->stamp = named_column(csv, out, lms_stamp_headers);
	for (size_t r = 0; out->stamp >= 0 && r < csv->nrows; r++)
		order = lms_stamp_order_add(order, csv->rows[r].cells[out->stamp]);
	out->order = lms_stamp_column_order(order);
	return check_columns(path, csv, out, left_out, arg);
}

void lms_survey_columns_release(struct lms_survey_columns *c)
{
	lms_free(c->item);
	c->item = NULL;
}
