#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "alloc.h"
#include "date.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "id.h"
#include "person.h"
#include "strset.h"
#include "utf8.h"

const char *const lms_contact_names[] = {
	"", "reminders", "peer-contact", NULL
};

#define P struct lms_person
static const struct lms_field fields[] = {
	LMS_FIELD(P, "id", LMS_T_ID, id, LMS_REQUIRED),
	LMS_FIELD(P, "name", LMS_T_STR, name, LMS_REQUIRED),
	LMS_FIELD(P, "phone", LMS_T_STR, phone, LMS_QUOTED),
	LMS_FIELD(P, "email", LMS_T_STR, email, 0),
	LMS_FIELD(P, "municipality", LMS_T_MUNI, municipality, LMS_QUOTED),
	LMS_FIELD(P, "birth_year", LMS_T_INT, birth_year, 0),
	LMS_FIELD(P, "consent", LMS_T_DATE, consent, 0),
	LMS_FLAGS_FIELD(P, "contact", contact, lms_contact_names, 0),
	LMS_FIELD_END
};
#undef P

const struct lms_schema lms_person_schema = {
	"person", sizeof(struct lms_person), fields,
	offsetof(struct lms_person, mark), offsetof(struct lms_person, extras)
};

int lms_register_load(struct lms_register *out, const char *path,
		      const char *text, size_t len)
{
	int err = lms_load_list_text(path, text, len, &lms_person_schema,
				     &out->v, &out->n, NULL);
	struct lms_strset seen;

	lms_strset_init(&seen);
	for (size_t i = 0; !err && i < out->n; i++)
		if (!lms_strset_add(&seen, out->v[i].id, NULL))
			err = lms_error_at(LMS_EDATA, path, out->v[i].mark.line,
					   out->v[i].mark.col, _("person '%s' is "
					   "listed twice"), out->v[i].id);
	lms_strset_release(&seen);
	if (err)
		lms_register_release(out);
	return err;
}

void lms_register_release(struct lms_register *r)
{
	lms_schema_release_array(&lms_person_schema, r->v, r->n);
	r->v = NULL;
	r->n = 0;
}

void lms_register_emit(struct lms_buf *out, const struct lms_register *r)
{
	lms_emit_list(out, &lms_person_schema, r->v, r->n, 0);
}

struct lms_person *lms_register_find(const struct lms_register *r,
				     const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].id, id))
			return &r->v[i];
	return NULL;
}

struct lms_person *lms_register_match(const struct lms_register *r,
				      const char *phone, const char *email)
{
	char want[32], have[32];

	if (phone && *phone)
		lms_phone_key(phone, want, sizeof(want));
	for (size_t i = 0; i < r->n; i++) {
		const struct lms_person *p = &r->v[i];

		if (email && *email && p->email && !strcasecmp(p->email, email))
			return &r->v[i];
		if (!phone || !*phone || !p->phone)
			continue;
		lms_phone_key(p->phone, have, sizeof(have));
		if (*want && !strcmp(want, have))
			return &r->v[i];
	}
	return NULL;
}

struct lms_person *lms_register_add(struct lms_register *r,
				    const struct lms_person *p)
{
	struct lms_person *slot = lms_array_push(&r->v, &r->n, sizeof(*slot));

	*slot = *p;
	return slot;
}

void lms_register_remove(struct lms_register *r, struct lms_person *p)
{
	size_t i = (size_t)(p - r->v);

	lms_schema_release(&lms_person_schema, p);
	lms_array_remove(r->v, &r->n, sizeof(*p), i);
}

int lms_person_new_id(char out[LMS_PERSON_ID_LEN + 1],
		      bool (*taken)(const char *id, void *arg), void *arg)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned char r[6];

		if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
			return lms_error(LMS_EIO, "%s", _("cannot read the "
					 "system's random source"));
		memcpy(out, "p-", 2);
		for (int i = 0; i < 6; i++)
			/* 252 is the largest multiple of 36 below 256: no bias. */
			out[2 + i] = r[i] < 252 ? alphabet[r[i] % 36] : 0;
		out[LMS_PERSON_ID_LEN] = '\0';
		if (memchr(out, 0, LMS_PERSON_ID_LEN))
			continue;
		if (!taken || !taken(out, arg))
			return 0;
	}
	return lms_error(LMS_EIO, "%s",
			 _("cannot find a free person id"));
}

static bool in_set(const char *id, void *set)
{
	return lms_strset_has(set, id);
}

int lms_id_pool_draw(struct lms_id_pool *p, size_t n)
{
	struct lms_strset drawn;
	int err = 0;

	lms_strset_init(&drawn);
	for (size_t i = p->next; i < p->n; i++)
		lms_strset_add(&drawn, p->v[i], NULL);
	for (size_t i = 0; i < n && !err; i++) {
		char id[LMS_PERSON_ID_LEN + 1];

		if (!(err = lms_person_new_id(id, in_set, &drawn))) {
			lms_strset_add(&drawn, id, NULL);
			memcpy(lms_array_push(&p->v, &p->n, sizeof(*p->v)), id,
			       sizeof(id));
		}
	}
	lms_strset_release(&drawn);
	return err;
}

void lms_id_pool_drop(struct lms_id_pool *p,
		      bool (*taken)(const char *id, void *arg), void *arg)
{
	size_t kept = p->next;

	for (size_t i = p->next; i < p->n; i++)
		if (!taken(p->v[i], arg))
			memmove(p->v[kept++], p->v[i], sizeof(*p->v));
	p->n = kept;
}

size_t lms_id_pool_left(const struct lms_id_pool *p)
{
	return p->n - p->next;
}

int lms_id_pool_take(struct lms_id_pool *p, char out[LMS_PERSON_ID_LEN + 1])
{
	if (p->next == p->n)
		return lms_error(LMS_EIO, "%s",
				 _("cannot find a free person id"));
	memcpy(out, p->v[p->next++], LMS_PERSON_ID_LEN + 1);
	return 0;
}

void lms_id_pool_release(struct lms_id_pool *p)
{
	lms_free(p->v);
	memset(p, 0, sizeof(*p));
}

void lms_phone_key(const char *phone, char *out, size_t size)
{
	size_t n = 0;

	if (!strncmp(phone, "+47", 3))
		phone += 3;
	else if (!strncmp(phone, "0047", 4))
		phone += 4;
	for (; *phone && n + 1 < size; phone++)
		if (isdigit((unsigned char)*phone))
			out[n++] = *phone;
	out[n] = '\0';
}

bool lms_phone_valid(const char *phone)
{
	size_t digits = 0;

	for (const char *s = phone; *s; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (!strchr("+ -().", *s))
			return false;
	}
	return digits >= 5 && digits <= 15;
}

bool lms_email_valid(const char *email)
{
	const char *at = strchr(email, '@');

	return at && at > email && strchr(at + 1, '.') && !strchr(at + 1, '@') &&
	       !strpbrk(email, " \t\r\n,;<>") && at[1] != '.' &&
	       email[strlen(email) - 1] != '.';
}

/* From 1900, before which no one living was born, to this year. */
static bool birth_year_valid(int year, int32_t today)
{
	int y, m, d;

	lms_date_to_ymd(today, &y, &m, &d);
	return year == LMS_UNSET || (year >= 1900 && year <= y);
}

bool lms_person_field_valid(const struct lms_person *p,
			    enum lms_person_field f, int32_t today)
{
	switch (f) {
	case LMS_PERSON_NAME:
		return p->name && *p->name && lms_text_is_line(p->name);
	case LMS_PERSON_PHONE:
		return !p->phone || lms_phone_valid(p->phone);
	case LMS_PERSON_EMAIL:
		return !p->email || lms_email_valid(p->email);
	case LMS_PERSON_BIRTH_YEAR:
		return birth_year_valid(p->birth_year, today);
	}
	return false;
}

int lms_person_invalid(const struct lms_person *p, int32_t today)
{
	for (int f = LMS_PERSON_NAME; f <= LMS_PERSON_BIRTH_YEAR; f++)
		if (!lms_person_field_valid(p, f, today))
			return f;
	return 0;
}
