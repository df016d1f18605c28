#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "batch.h"
#include "date.h"
#include "enrolment.h"
#include "error.h"
#include "i18n.h"
#include "id.h"
#include "join.h"
#include "municipality.h"
#include "signup.h"
#include "utf8.h"

enum { COL_NAME, COL_FIRST, COL_LAST, COL_PHONE, COL_EMAIL, COL_MUNI,
       COL_BIRTH, COL_ROLE, COL_REFERRAL, COL_STAMP, COL_CONSENT, NCOLS };

/* What lms calls each column in messages (translated where used). */
static const char *const col_label[NCOLS] = {
	N_("name"), N_("first name"), N_("last name"), N_("phone"),
	N_("email"), N_("municipality"), N_("birth year"), N_("role"),
	N_("referral"), N_("timestamp"), N_("consent")
};

/*
 * Header names that sheets and form tools (Google Forms, Microsoft Forms,
 * Nettskjema, spreadsheets by hand) use, in English and Norwegian, most
 * telling first; a final '*' takes any header that starts so, as the
 * question of a form often does ("Samtykker du til at ...").
 */
static const char *const col_names[NCOLS][16] = {
	{ "fullt navn", "full name", "navn", "name", "deltakers navn", NULL },
	{ "fornavn", "first name", "given name", NULL },
	{ "etternavn", "last name", "surname", "family name", NULL },
	{ "mobil", "mobilnummer", "telefon", "telefonnummer", "tlf", "tlf.",
	  "phone", "phone number", "mobile", NULL },
	{ "e-post", "epost", "e-postadresse", "email", "e-mail",
	  "email address", "e-mail address", NULL },
	{ "kommune", "bostedskommune", "hjemkommune", "kommunenummer",
	  "municipality", NULL },
	{ "fødselsår", "født", "birth year", "year of birth", "fødselsdato",
	  "date of birth", "birth date", NULL },
	{ "rolle", "role", NULL },
	{ "henvist av", "henvisning", "henvist", "henvist fra", "referral",
	  "referred by", "hvem henviste deg*", NULL },
	{ NULL },	/* lms_stamp_headers */
	{ "samtykke*", "samtykkje*", "jeg samtykker*", "eg samtykkjer*",
	  "consent*", "i consent*", "i agree*", NULL },
};

/* A sheet's row, read and checked. */
struct entry {
	unsigned line;
	const char *phone, *email;
	char *name;			/* owned: first and last name joined */
	char municipality[5];		/* today's number, or "" */
	int birth_year;			/* or LMS_UNSET */
	int role, referral;
	struct lms_stamp stamp;		/* date: the request's */
	bool consent, force;
};

/* The columns of a sheet: where each is, and what reads its cells. */
struct sheet {
	const struct lms_batch_input *in;
	int at[NCOLS];
	unsigned order;			/* of the timestamps' day and month */
	struct lms_batch *out;
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

static void add_note(struct lms_batch *b, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_note(struct lms_batch *b, unsigned line, const char *fmt, ...)
{
	struct lms_batch_note *n = lms_array_push(&b->notes, &b->nnotes,
						  sizeof(*n));
	struct lms_buf text = LMS_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lms_buf_vaddf(&text, fmt, ap);
	va_end(ap);
	n->line = line;
	n->text = lms_buf_detach(&text);
}

/* Whether a header (flattened) is the name, or starts as a pattern with
 * a final '*' does. */
static bool header_is(const char *header, const char *name)
{
	size_t n = strlen(name);
	char *start, *prefix;
	bool same;

	if (!n || name[n - 1] != '*')
		return !lms_utf8_casecmp(header, name);
	if (strlen(header) < n - 1)
		return false;
	start = lms_strndup(header, n - 1);
	prefix = lms_strndup(name, n - 1);
	same = !lms_utf8_casecmp(start, prefix);
	lms_free(start);
	lms_free(prefix);
	return same;
}

/* The first column, not taken yet, with one of a kind's names. */
static int find_column(const struct lms_csv *csv, int kind, const bool *taken)
{
	const char *const *names = kind == COL_STAMP ? lms_stamp_headers :
				   col_names[kind];

	for (int k = 0; names[k]; k++) {
		for (size_t i = 0; i < csv->ncols; i++) {
			char *h = lms_strdup(csv->header[i]);
			bool hit;

			flatten(h);
			hit = !taken[i] && header_is(h, names[k]);
			lms_free(h);
			if (hit)
				return (int)i;
		}
	}
	return -1;
}

/* 'Alder', 'Kommentar' and 'Allergier' */
static void quote_list(struct lms_buf *out, char *const *names,
		       const bool *skip, size_t n, size_t count)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (skip[i])
			continue;
		k++;
		lms_buf_adds(out, k == 1 ? "" : k == count ? _(" and ") : ", ");
		/* TRANSLATORS: a column's header, quoted. */
		lms_buf_addf(out, _("'%s'"), names[i]);
	}
}

/* Every column that lms does not read is named: it is left out. */
static void note_unused(struct sheet *s, const bool *taken)
{
	const struct lms_csv *csv = s->in->csv;
	struct lms_buf list = LMS_BUF_INIT;
	size_t unused = 0;

	for (size_t i = 0; i < csv->ncols; i++)
		unused += !taken[i];
	if (!unused)
		return;
	quote_list(&list, csv->header, taken, csv->ncols, unused);
	/* TRANSLATORS: "the columns 'Alder' and 'Kommentar' are not
	 * read: they are left out". */
	add_note(s->out, 1, lms_n_("the column %s is not read: it is left out",
				   "the columns %s are not read: they are left "
				   "out", unused), list.buf);
	lms_buf_release(&list);
}

static int no_name_column(const struct lms_batch_input *in)
{
	struct lms_buf found = LMS_BUF_INIT;
	int err;

	for (size_t i = 0; i < in->csv->ncols; i++) {
		lms_buf_adds(&found, i ? ", " : "");
		lms_buf_addf(&found, _("'%s'"), in->csv->header[i]);
	}
	err = lms_error_at(LMS_EDATA, in->path, 1, 0, _("no name column (the "
			   "header has %s)"), found.buf);
	lms_buf_release(&found);
	return err;
}

static int find_columns(struct sheet *s)
{
	const struct lms_csv *csv = s->in->csv;
	bool *taken = lms_calloc(csv->ncols ? csv->ncols : 1, sizeof(bool));
	int err = 0;

	for (int k = 0; k < NCOLS; k++) {
		/* First and last name stand in for a name column only. */
		if ((k == COL_FIRST || k == COL_LAST) && s->at[COL_NAME] >= 0) {
			s->at[k] = -1;
			continue;
		}
		s->at[k] = find_column(csv, k, taken);
		if (s->at[k] >= 0)
			taken[s->at[k]] = true;
	}
	if (s->at[COL_NAME] < 0 && (s->at[COL_FIRST] < 0 || s->at[COL_LAST] < 0))
		err = no_name_column(s->in);
	else
		note_unused(s, taken);
	lms_free(taken);
	return err;
}

static const char *cell_of(const struct sheet *s, const struct lms_csv_row *row,
			   int col)
{
	int at = s->at[col];

	return at >= 0 && *row->cells[at] ? row->cells[at] : NULL;
}

/* "consent ('Samtykke')": how messages name a column. */
static void column_name(const struct sheet *s, int col, char *out, size_t size)
{
	const char *header = s->at[col] >= 0 ? s->in->csv->header[s->at[col]] :
			     "";
	const char *label = _(col_label[col]);

	if (!lms_utf8_casecmp(header, col_label[col]) ||
	    !lms_utf8_casecmp(header, label) || !*header)
		snprintf(out, size, "%s", label);
	else
		/* TRANSLATORS: "consent ('Samtykke')": what lms calls a
		 * column, and its header in the sheet. */
		snprintf(out, size, _("%s ('%.100s')"), label, header);
}

static int row_error(const struct sheet *s, unsigned line, int col,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int row_error(const struct sheet *s, unsigned line, int col,
		     const char *fmt, ...)
{
	struct lms_buf msg = LMS_BUF_INIT;
	char name[160];
	va_list ap;
	int err;

	/* Unbounded here: lms_error_at cuts the message between characters. */
	va_start(ap, fmt);
	lms_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	column_name(s, col, name, sizeof(name));
	err = lms_error_at(LMS_EDATA, s->in->path, line, 0, "%s: %s", name,
			   msg.buf);
	lms_buf_release(&msg);
	return err;
}

/* The order of day and month that the timestamps of the column allow:
 * a sheet written by one tool writes all its dates one way. */
static void stamp_order(struct sheet *s)
{
	unsigned order = LMS_ANY_ORDER;

	for (size_t r = 0; s->at[COL_STAMP] >= 0 && r < s->in->csv->nrows; r++)
		order = lms_stamp_order_add(order,
			s->in->csv->rows[r].cells[s->at[COL_STAMP]]);
	s->order = lms_stamp_column_order(order);
}

static int read_stamp(const struct sheet *s, const char *cell, struct entry *e)
{
	const struct lms_batch_input *in = s->in;
	unsigned orders;
	char day[11];

	e->stamp.date = in->requested;
	e->stamp.second = 86400;	/* after the timestamps of that day */
	if (!cell)
		return 0;
	orders = lms_stamp_orders(cell);
	if (!lms_stamp_parse(cell, s->order, &e->stamp))
		return row_error(s, e->line, COL_STAMP, orders ==
				 (LMS_DAY_FIRST | LMS_MONTH_FIRST) ?
				 _("'%s' is not a date and time: the day and "
				   "the month can be read either way (write "
				   "dates as 2026-08-24)") :
				 _("'%s' is not a date and time (such as "
				   "2026-08-24 10:12 or 24.08.2026 kl. 10.12)"),
				 cell);
	if (in->today && e->stamp.date > in->today) {
		lms_i18n_date(e->stamp.date, day);
		return row_error(s, e->line, COL_STAMP, _("%s is after today"),
				 day);
	}
	return 0;
}

static int read_consent(const struct sheet *s, const char *cell,
			struct entry *e)
{
	if (s->at[COL_CONSENT] < 0) {
		e->consent = true;
		return 0;
	}
	if (!lms_consent_parse(cell ? cell : "", &e->consent))
		return row_error(s, e->line, COL_CONSENT, _("'%s' is neither "
				 "yes nor no (write ja or nei)"), cell);
	return 0;
}

static int read_municipality(struct sheet *s, const char *cell,
			     struct entry *e)
{
	const char *name;
	int how, until;
	char msg[sizeof(lms_last_error()->msg)], old[12], column[160];

	if (!cell)
		return 0;
	if (lms_service_municipality(s->in->service, cell, e->municipality,
				     &how)) {
		snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
		return row_error(s, e->line, COL_MUNI, "%s", msg);
	}
	if (how != LMS_MUNI_RETIRED)
		return 0;
	/* "301" is 0301: a spreadsheet dropped the zero. */
	snprintf(old, sizeof(old), "%04d", atoi(cell));
	column_name(s, COL_MUNI, column, sizeof(column));
	if (lms_municipality_retired(old, &name, &until))
		/* TRANSLATORS: "municipality ('Kommune'): 1601 was
		 * Trondheim until 2017: read as 5001 Trondheim". */
		add_note(s->out, e->line, _("%s: %s was %s until %d: read as "
			 "%s %s"), column, old, name, until, e->municipality,
			 lms_municipality_name(e->municipality));
	return 0;
}

/* A year of birth, or a date of birth of which only the year is kept;
 * whether it may be one is the register's rule (check_person). */
static void read_birth(const char *cell, struct entry *e)
{
	struct lms_stamp born;
	char *end;
	long y;
	int tm, td;

	e->birth_year = LMS_UNSET;
	if (!cell)
		return;
	y = strtol(cell, &end, 10);
	if (*end || end - cell != 4) {
		/* 7.9.56 is no year of birth that lms can tell. */
		if (lms_stamp_parse(cell, LMS_DAY_FIRST | LMS_FULL_YEAR,
				    &born))
			lms_date_to_ymd(born.date, &e->birth_year, &tm, &td);
		else
			e->birth_year = 0;
	} else {
		e->birth_year = (int)y;
	}
}

static int read_referral(const struct sheet *s, const char *cell,
			 struct entry *e)
{
	struct lms_buf names = LMS_BUF_INIT;
	int err;

	e->referral = 0;
	if (!cell || lms_referral_unknown(cell) ||
	    (e->referral = lms_referral_parse(cell)))
		return 0;
	lms_join(&names, lms_referral_names, LMS_JOIN_OR);
	/* TRANSLATORS: the second %s lists the referrals: "self, gp, ...
	 * or other". */
	err = row_error(s, e->line, COL_REFERRAL, _("'%s' is not a referral "
			"that lms knows (write %s, or a word such as fastlege, "
			"sykehus, NAV or kommunen)"), cell, names.buf);
	lms_buf_release(&names);
	return err;
}

static void read_name(const struct sheet *s, const struct lms_csv_row *row,
		      struct entry *e)
{
	const char *first = cell_of(s, row, COL_FIRST);
	const char *last = cell_of(s, row, COL_LAST);
	struct lms_buf name = LMS_BUF_INIT;

	if (s->at[COL_NAME] >= 0) {
		if (cell_of(s, row, COL_NAME))
			lms_buf_adds(&name, cell_of(s, row, COL_NAME));
	} else {
		lms_buf_addf(&name, "%s%s%s", first ? first : "",
			     first && last ? " " : "", last ? last : "");
	}
	e->name = lms_buf_detach(&name);
}

/*
 * One field of the row's person, by the register's rules (person.h), as
 * lms person add checks them.  A field at a time, so that a row's first
 * error is that of its first bad column, in the order name, phone,
 * e-mail, municipality, timestamp, year of birth.
 */
static int check_person(const struct sheet *s, const struct entry *e,
			enum lms_person_field f, const char *cell)
{
	struct lms_person p;

	memset(&p, 0, sizeof(p));
	p.name = e->name;
	p.phone = (char *)e->phone;
	p.email = (char *)e->email;
	p.birth_year = e->birth_year;
	if (lms_person_field_valid(&p, f, s->in->today ? s->in->today :
				   e->stamp.date))
		return 0;
	switch (f) {
	case LMS_PERSON_NAME:
		return row_error(s, e->line, COL_NAME, _("give a name on one "
				 "line"));
	case LMS_PERSON_PHONE:
		return row_error(s, e->line, COL_PHONE, _("'%s' is not a "
				 "phone number"), e->phone);
	case LMS_PERSON_EMAIL:
		return row_error(s, e->line, COL_EMAIL, _("'%s' is not an "
				 "e-mail address"), e->email);
	case LMS_PERSON_BIRTH_YEAR:
		return row_error(s, e->line, COL_BIRTH, _("'%s' is not a year "
				 "of birth"), cell);
	}
	return 0;
}

static bool forced(const struct lms_batch_input *in, unsigned line)
{
	for (size_t i = 0; i < in->nforce_lines; i++)
		if (in->force_lines[i] == line)
			return true;
	return in->force;
}

/* Reads a row whose person consented: everything must be right. */
static int read_details(struct sheet *s, const struct lms_csv_row *row,
			struct entry *e)
{
	const char *role = cell_of(s, row, COL_ROLE);
	const char *birth = cell_of(s, row, COL_BIRTH);
	int err;

	e->phone = cell_of(s, row, COL_PHONE);
	e->email = cell_of(s, row, COL_EMAIL);
	read_name(s, row, e);
	if ((err = check_person(s, e, LMS_PERSON_NAME, NULL)) ||
	    (err = check_person(s, e, LMS_PERSON_PHONE, NULL)) ||
	    (err = check_person(s, e, LMS_PERSON_EMAIL, NULL)) ||
	    (err = read_municipality(s, cell_of(s, row, COL_MUNI), e)) ||
	    (err = read_stamp(s, cell_of(s, row, COL_STAMP), e)))
		return err;
	read_birth(birth, e);
	if ((err = check_person(s, e, LMS_PERSON_BIRTH_YEAR, birth)) ||
	    (err = read_referral(s, cell_of(s, row, COL_REFERRAL), e)))
		return err;
	/* No role: the course's default (lms_roll_default_role). */
	e->role = role ? lms_role_parse(role) : 0;
	if (role && !e->role)
		return row_error(s, e->line, COL_ROLE, _("'%s' is not "
				 "participant, relative or staff"), role);
	e->force = forced(s->in, e->line);
	return 0;
}

static int read_entry(struct sheet *s, const struct lms_csv_row *row,
		      struct entry *e)
{
	char name[160];
	int err;

	e->line = row->line;
	if ((err = read_consent(s, cell_of(s, row, COL_CONSENT), e)))
		return err;
	if (e->consent)
		return read_details(s, row, e);
	/* Nothing of the row is read, let alone kept. */
	column_name(s, COL_CONSENT, name, sizeof(name));
	/* TRANSLATORS: "no consent ('Samtykke'): left out, ...". */
	add_note(s->out, e->line, _("no %s: left out, neither registered nor "
		 "enrolled"), name);
	s->out->left_out++;
	return 0;
}

/* Request order: by timestamp, and in the order of the sheet within one. */
static int by_request(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;
	int64_t sx = lms_stamp_seconds(&x->stamp), sy = lms_stamp_seconds(&y->stamp);

	if (sx != sy)
		return sx < sy ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
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

/* A new person in the register, from the sheet's row. */
static int register_new(const struct lms_batch_input *in, struct lms_register *reg,
			const struct entry *e, struct match *m, long *index)
{
	struct lms_person p;
	char id[LMS_PERSON_ID_LEN + 1];
	int err = lms_id_pool_take(in->ids, id);

	if (err)
		return err;
	lms_schema_init(&lms_person_schema, &p);
	p.id = lms_strdup(id);
	p.name = lms_strdup(e->name);
	p.phone = e->phone ? lms_strdup(e->phone) : NULL;
	p.email = e->email ? lms_strdup(e->email) : NULL;
	p.municipality = *e->municipality ? lms_strdup(e->municipality) : NULL;
	p.birth_year = e->birth_year;
	/* They consented when they signed up. */
	p.consent = e->stamp.date;
	lms_register_add(reg, &p);
	*index = (long)reg->n - 1;
	index_person(m, &reg->v[*index], (size_t)*index);
	return 0;
}

/* A row from outside the host and partners is let in by --force-line N
 * (or the whole sheet by --force); the message says so. */
static int check_home(const struct lms_batch_input *in, const struct entry *e,
		      const char *who, const char *muni)
{
	const char *name = muni ? lms_municipality_name(muni) : NULL;

	if (e->force || !muni || lms_service_serves(in->service, muni))
		return 0;
	/* TRANSLATORS: "p-7k3q9x lives in 1234 (Name), which is ...";
	 * the municipality's name, in brackets, may be missing. */
	return lms_error_at(LMS_EREFUSED, in->path, e->line, 0, _("%s lives "
			    "in %s%s%s%s, which is neither the host nor a "
			    "partner of this service (--force-line %u lets this "
			    "row in, --force the whole sheet)"), who, muni,
			    name ? " (" : "", name ? name : "", name ? ")" : "",
			    e->line);
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
		return lms_error_at(LMS_EDATA, in->path, e->line, 0, _("the "
				    "same person as line %u (the same phone "
				    "number or e-mail address)"),
				    (unsigned)earlier);
	lms_strset_add(&m->lines, p->id, (void *)(uintptr_t)e->line);
	snprintf(out->person, sizeof(out->person), "%s", p->id);
	memset(&req, 0, sizeof(req));
	req.person = p->id;
	req.role = e->role;
	req.referral = e->referral;
	req.requested = e->stamp.date;
	req.municipality = p->municipality ? p->municipality :
			   *e->municipality ? e->municipality : NULL;
	/* A new person's id means nothing to whoever reads the message. */
	req.who = out->is_new ? _("the person on this line") : NULL;
	if ((err = check_home(in, e, req.who ? req.who : p->id,
			      req.municipality)))
		return err;
	req.force = true;	/* checked above, with the sheet's remedy */
	if ((err = lms_roll_enrol(roll, in->service, &req, &out->status))) {
		char msg[sizeof(lms_last_error()->msg)];

		snprintf(msg, sizeof(msg), "%s", lms_last_error()->msg);
		err = lms_error_at(err, in->path, e->line, 0, "%s", msg);
	}
	return err;
}

/* --force-line names lines where rows of the sheet start. */
static int check_force_lines(const struct lms_batch_input *in)
{
	for (size_t k = 0; k < in->nforce_lines; k++) {
		bool found = false;

		for (size_t r = 0; r < in->csv->nrows && !found; r++)
			found = in->csv->rows[r].line == in->force_lines[k];
		if (!found)
			return lms_error(LMS_EUSAGE, _("--force-line %u: no "
					 "row of '%s' starts on line %u"),
					 in->force_lines[k], in->path,
					 in->force_lines[k]);
	}
	return 0;
}

/* Every row is read and checked, in the order of the file, before any
 * is enrolled; then the rows with consent, in request order. */
static int read_sheet(struct sheet *s, struct entry *entries,
		      struct entry **order, size_t *n)
{
	int err = 0;

	*n = 0;
	stamp_order(s);
	for (size_t r = 0; r < s->in->csv->nrows && !err; r++) {
		err = read_entry(s, &s->in->csv->rows[r], &entries[r]);
		if (!err && entries[r].consent)
			order[(*n)++] = &entries[r];
	}
	if (!err && *n)
		qsort(order, *n, sizeof(*order), by_request);
	return err;
}

static void init_match(struct match *m, const struct lms_register *reg)
{
	lms_strset_init(&m->by_phone);
	lms_strset_init(&m->by_email);
	lms_strset_init(&m->lines);
	for (size_t i = 0; i < reg->n; i++)
		index_person(m, &reg->v[i], i);
}

static void release_match(struct match *m)
{
	lms_strset_release(&m->by_phone);
	lms_strset_release(&m->by_email);
	lms_strset_release(&m->lines);
}

int lms_batch_enrol(const struct lms_batch_input *in, struct lms_register *reg,
		    struct lms_roll *roll, struct lms_batch *out)
{
	struct sheet s = { in, { 0 }, 0, out };
	struct entry *entries, **order;
	struct match m;
	size_t n = in->csv->nrows, wanted = 0;
	int err;

	memset(out, 0, sizeof(*out));
	flatten_cells(in->csv);
	if ((err = find_columns(&s)) || (err = check_force_lines(in))) {
		lms_batch_release(out);
		return err;
	}
	entries = lms_calloc(n ? n : 1, sizeof(*entries));
	order = lms_calloc(n ? n : 1, sizeof(*order));
	out->rows = lms_calloc(n ? n : 1, sizeof(*out->rows));
	err = read_sheet(&s, entries, order, &wanted);
	init_match(&m, reg);
	for (size_t r = 0; r < wanted && !err; r++) {
		err = enrol_entry(in, reg, roll, order[r], &m, &out->rows[r]);
		out->new_people += out->rows[r].is_new;
		out->n++;
	}
	release_match(&m);
	for (size_t r = 0; r < n; r++)
		lms_free(entries[r].name);
	lms_free(entries);
	lms_free(order);
	if (err)
		lms_batch_release(out);
	return err;
}

void lms_batch_release(struct lms_batch *b)
{
	lms_free(b->rows);
	for (size_t i = 0; i < b->nnotes; i++)
		lms_free(b->notes[i].text);
	lms_free(b->notes);
	memset(b, 0, sizeof(*b));
}
