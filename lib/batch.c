#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "batch.h"
#include "enrolment.h"
#include "error.h"
#include "id.h"
#include "utf8.h"

enum { COL_NAME, COL_PHONE, COL_EMAIL, COL_MUNI, COL_ROLE, COL_REFERRAL,
       NCOLS };

/* Header names a sheet may use, in English and Norwegian. */
static const char *const col_names[NCOLS][6] = {
	{ "name", "navn", "fullt navn", NULL },
	{ "phone", "telefon", "tlf", "mobil", "mobile", NULL },
	{ "email", "e-mail", "e-post", "epost", NULL },
	{ "municipality", "kommune", "kommunenummer", NULL },
	{ "role", "rolle", NULL },
	{ "referral", "henvisning", NULL },
};

struct word {
	const char *word;
	int value;
};

/* Values a sheet may use for roles and referrals, with their meaning. */
static const struct word role_words[] = {
	{ "participant", LMS_PARTICIPANT }, { "deltaker", LMS_PARTICIPANT },
	{ "relative", LMS_RELATIVE }, { "pårørende", LMS_RELATIVE },
	{ NULL, 0 }
};
static const struct word referral_words[] = {
	{ "self", LMS_SELF }, { "selv", LMS_SELF },
	{ "gp", LMS_GP }, { "fastlege", LMS_GP }, { "frisklivsresept", LMS_GP },
	{ "specialist", LMS_SPECIALIST }, { "spesialist", LMS_SPECIALIST },
	{ "spesialisthelsetjenesten", LMS_SPECIALIST },
	{ "other", LMS_OTHER }, { "annen", LMS_OTHER }, { "annet", LMS_OTHER },
	{ NULL, 0 }
};

/* A sheet's row, read and checked. */
struct entry {
	unsigned line;
	const char *name, *phone, *email, *municipality;
	int role, referral;
};

/* Lookups that keep the batch linear: phone and e-mail to a person. */
struct match {
	struct lms_strset by_phone, by_email;	/* -> 1 + index in the register */
	struct lms_strset lines;		/* person id -> line in the sheet */
};

/*
 * A cell as one line: a name wrapped over two lines in a spreadsheet cell
 * is still one name.  Runs of spaces, tabs and line breaks become one
 * space; none is left at either end.
 */
static void flatten(char *s)
{
	char *out = s;

	for (const char *in = s; *in; in++) {
		bool space = *in == ' ' || *in == '\t' || *in == '\r' ||
			     *in == '\n';

		if (!space)
			*out++ = *in;
		else if (out > s && out[-1] != ' ')
			*out++ = ' ';
	}
	if (out > s && out[-1] == ' ')
		out--;
	*out = '\0';
}

static void flatten_cells(struct lms_csv *csv)
{
	for (size_t r = 0; r < csv->nrows; r++)
		for (size_t i = 0; i < csv->ncols; i++)
			flatten(csv->rows[r].cells[i]);
}

static int find_columns(const struct lms_batch_input *in, int at[NCOLS])
{
	struct lms_buf found = LMS_BUF_INIT;
	int err;

	for (int k = 0; k < NCOLS; k++) {
		at[k] = -1;
		for (int i = 0; col_names[k][i] && at[k] < 0; i++)
			at[k] = lms_csv_column(in->csv, col_names[k][i]);
	}
	if (at[COL_NAME] >= 0)
		return 0;
	for (size_t i = 0; i < in->csv->ncols; i++)
		lms_buf_addf(&found, "%s'%s'", i ? ", " : "", in->csv->header[i]);
	err = lms_error_at(LMS_EDATA, in->path, 1, 0, "no name column (the "
			   "header has %s)", found.buf);
	lms_buf_release(&found);
	return err;
}

static const char *cell_of(const struct lms_csv_row *row, const int at[NCOLS],
			   int col)
{
	return at[col] >= 0 && *row->cells[at[col]] ? row->cells[at[col]] : NULL;
}

static int word_value(const char *s, const struct word *words)
{
	for (int i = 0; words[i].word; i++)
		if (!lms_utf8_casecmp(s, words[i].word))
			return words[i].value;
	return 0;
}

static int row_error(const struct lms_batch_input *in, unsigned line,
		     const char *column, const char *fmt, const char *value)
{
	char msg[600];

	lms_utf8_format(msg, sizeof(msg), fmt, value);
	return lms_error_at(LMS_EDATA, in->path, line, 0, "%s: %s", column, msg);
}

static int read_entry(const struct lms_batch_input *in, const int at[NCOLS],
		      const struct lms_csv_row *row, struct entry *e)
{
	const char *role = cell_of(row, at, COL_ROLE);
	const char *referral = cell_of(row, at, COL_REFERRAL);

	e->line = row->line;
	e->name = cell_of(row, at, COL_NAME);
	e->phone = cell_of(row, at, COL_PHONE);
	e->email = cell_of(row, at, COL_EMAIL);
	e->municipality = cell_of(row, at, COL_MUNI);
	if (!e->name || !lms_text_is_line(e->name))
		return row_error(in, e->line, "name", "%s", "give a name on one "
				 "line");
	if (e->phone && !lms_phone_valid(e->phone))
		return row_error(in, e->line, "phone", "'%s' is not a phone "
				 "number", e->phone);
	if (e->email && !lms_email_valid(e->email))
		return row_error(in, e->line, "email", "'%s' is not an e-mail "
				 "address", e->email);
	if (e->municipality && !lms_municipality_valid(e->municipality))
		return row_error(in, e->line, "municipality", "'%s' is not a "
				 "municipality number (four digits)",
				 e->municipality);
	e->role = role ? word_value(role, role_words) : LMS_PARTICIPANT;
	if (!e->role)
		return row_error(in, e->line, "role", "'%s' is not participant "
				 "or relative", role);
	e->referral = referral ? word_value(referral, referral_words) : 0;
	if (referral && !e->referral)
		return row_error(in, e->line, "referral", "'%s' is not self, gp, "
				 "specialist or other", referral);
	return 0;
}

static void phone_key(const char *phone, char key[32])
{
	lms_phone_key(phone, key, 32);
}

static void email_key(const char *email, struct lms_buf *key)
{
	lms_buf_reset(key);
	for (; *email; email++)
		lms_buf_addch(key, *email >= 'A' && *email <= 'Z' ?
			      *email - 'A' + 'a' : *email);
}

static void index_person(struct match *m, const struct lms_person *p, size_t i)
{
	struct lms_buf key = LMS_BUF_INIT;
	char phone[32];

	if (p->phone) {
		phone_key(p->phone, phone);
		if (*phone)
			lms_strset_add(&m->by_phone, phone, (void *)(uintptr_t)(i + 1));
	}
	if (p->email) {
		email_key(p->email, &key);
		lms_strset_add(&m->by_email, key.buf, (void *)(uintptr_t)(i + 1));
	}
	lms_buf_release(&key);
}

/* The register index of the person with this phone or e-mail, or -1. */
static long match_person(const struct match *m, const struct entry *e)
{
	struct lms_buf key = LMS_BUF_INIT;
	uintptr_t i = 0;
	char phone[32];

	if (e->email) {
		email_key(e->email, &key);
		i = (uintptr_t)lms_strset_get(&m->by_email, key.buf);
	}
	if (!i && e->phone) {
		phone_key(e->phone, phone);
		i = *phone ? (uintptr_t)lms_strset_get(&m->by_phone, phone) : 0;
	}
	lms_buf_release(&key);
	return (long)i - 1;
}

static bool id_taken(const char *id, void *arg)
{
	return lms_strset_has(arg, id);
}

/* A new person in the register, from the sheet's row. */
static int register_new(const struct lms_batch_input *in, struct lms_register *reg,
			const struct entry *e, struct match *m, long *index)
{
	struct lms_person p;
	char id[LMS_PERSON_ID_LEN + 1];
	int err = lms_person_new_id(id, id_taken, in->ids_in_use);

	if (err)
		return err;
	lms_strset_add(in->ids_in_use, id, NULL);
	lms_schema_init(&lms_person_schema, &p);
	p.id = lms_strdup(id);
	p.name = lms_strdup(e->name);
	p.phone = e->phone ? lms_strdup(e->phone) : NULL;
	p.email = e->email ? lms_strdup(e->email) : NULL;
	p.municipality = e->municipality ? lms_strdup(e->municipality) : NULL;
	p.consent = in->requested;
	lms_register_add(reg, &p);
	*index = (long)reg->n - 1;
	index_person(m, &reg->v[*index], (size_t)*index);
	return 0;
}

/* Enrols one checked row; errors get the row's line. */
static int enrol_entry(const struct lms_batch_input *in, struct lms_register *reg,
		       struct lms_roll *roll, const struct entry *e,
		       struct match *m, struct lms_batch_row *out)
{
	long i = match_person(m, e);
	struct lms_enrol_request req;
	const struct lms_person *p;
	uintptr_t earlier;
	int err = 0;

	out->line = e->line;
	out->is_new = i < 0;
	if (i < 0 && (err = register_new(in, reg, e, m, &i)))
		return err;
	p = &reg->v[i];
	earlier = (uintptr_t)lms_strset_get(&m->lines, p->id);
	if (earlier)
		return lms_error_at(LMS_EDATA, in->path, e->line, 0, "the same "
				    "person as line %u (the same phone number "
				    "or e-mail address)", (unsigned)earlier);
	lms_strset_add(&m->lines, p->id, (void *)(uintptr_t)e->line);
	snprintf(out->person, sizeof(out->person), "%s", p->id);
	memset(&req, 0, sizeof(req));
	req.person = p->id;
	req.role = e->role;
	req.referral = e->referral;
	req.requested = in->requested;
	req.municipality = p->municipality ? p->municipality : e->municipality;
	req.force = in->force;
	/* A new person's id means nothing to whoever reads the message. */
	req.who = out->is_new ? "the person on this line" : NULL;
	if ((err = lms_roll_enrol(roll, in->service, &req, &out->status))) {
		char msg[sizeof(lms_last_error()->msg)];

		snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
		err = lms_error_at(err, in->path, e->line, 0, "%s", msg);
	}
	return err;
}

int lms_batch_enrol(const struct lms_batch_input *in, struct lms_register *reg,
		    struct lms_roll *roll, struct lms_batch *out)
{
	struct match m;
	struct entry *entries;
	int at[NCOLS], err;
	size_t n = in->csv->nrows;

	memset(out, 0, sizeof(*out));
	flatten_cells(in->csv);
	if ((err = find_columns(in, at)))
		return err;
	/* Every row is read and checked before any is enrolled. */
	entries = lms_calloc(n, sizeof(*entries));
	for (size_t r = 0; r < n && !err; r++)
		err = read_entry(in, at, &in->csv->rows[r], &entries[r]);
	lms_strset_init(&m.by_phone);
	lms_strset_init(&m.by_email);
	lms_strset_init(&m.lines);
	for (size_t i = 0; i < reg->n && !err; i++)
		index_person(&m, &reg->v[i], i);
	out->rows = lms_calloc(n, sizeof(*out->rows));
	for (size_t r = 0; r < n && !err; r++) {
		err = enrol_entry(in, reg, roll, &entries[r], &m, &out->rows[r]);
		out->new_people += out->rows[r].is_new;
		out->n++;
	}
	lms_strset_release(&m.by_phone);
	lms_strset_release(&m.by_email);
	lms_strset_release(&m.lines);
	free(entries);
	if (err)
		lms_batch_release(out);
	return err;
}

void lms_batch_release(struct lms_batch *b)
{
	free(b->rows);
	memset(b, 0, sizeof(*b));
}
