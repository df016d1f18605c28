#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "alloc.h"
#include "error.h"
#include "fsio.h"
#include "index.h"
#include "sha256.h"

/*
 * A course's contribution as a record of the index (LMS_INDEX_REPORT):
 * the fingerprint of all else it was made of, then a byte, 0 for a
 * course the report did not want and 1 for one it did, and then the
 * contribution in varints (LEB128; signed figures zigzagged), a piece's
 * figures as a mask of those not 0 and their values, scores as the 8
 * bytes of their double, little-endian: so that sums made of them are
 * the same to the bit.
 */

/* Fingerprint */

static void add_u64(struct lms_sha256 *s, uint64_t v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	lms_sha256_add(s, b, sizeof(b));
}

static void add_string(struct lms_sha256 *s, const char *str)
{
	add_u64(s, str ? strlen(str) + 1 : 0);
	if (str)
		lms_sha256_add(s, str, strlen(str));
}

/* A file of the tree's, as it is: its bytes, or that it is missing. */
static void add_file(struct lms_sha256 *s, struct lms_tree *t, enum lms_file f,
		     const char *id)
{
	struct lms_buf b = LMS_BUF_INIT;
	char *path = lms_tree_file(t, f, id);

	if (lms_read_file(path, LMS_INDEX_MAX, &b)) {
		lms_error_clear();
		add_u64(s, UINT64_MAX);
	} else {
		add_u64(s, b.len);
		lms_sha256_add(s, b.buf, b.len);
	}
	lms_buf_release(&b);
	lms_free(path);
}

void lms_agg_fingerprint(const struct lms_agg *a,
			 const struct lms_agg_course *in, struct lms_tree *t,
			 unsigned char out[32])
{
	const struct lms_agg_options *o = &a->opt;
	struct lms_sha256 s;

	lms_sha256_init(&s);
	add_string(&s, "lms report " LMS_VERSION);
	add_u64(&s, (uint64_t)o->by);
	add_u64(&s, (uint64_t)(int64_t)o->from);
	add_u64(&s, (uint64_t)(int64_t)o->to);
	add_u64(&s, (uint64_t)o->status);
	add_u64(&s, (uint64_t)(int64_t)o->today);
	add_string(&s, o->form);
	add_u64(&s, (uint64_t)o->min_cell);
	add_u64(&s, o->exact);
	add_u64(&s, o->name_trees);
	add_string(&s, o->name_trees ? in->tree : NULL);
	add_u64(&s, a->key != NULL);
	if (a->key)
		lms_sha256_add(&s, a->key->secret, sizeof(a->key->secret));
	add_u64(&s, in->form != NULL);
	add_u64(&s, in->birth_years != NULL);
	add_u64(&s, in->offers != NULL);
	add_file(&s, t, LMS_FILE_SERVICE, NULL);
	add_file(&s, t, LMS_FILE_FACILITATORS, NULL);
	add_file(&s, t, LMS_FILE_OFFERS, NULL);
	if (o->form)
		add_file(&s, t, LMS_FILE_FORM, o->form);
	if (in->birth_years)
		add_file(&s, t, LMS_FILE_REGISTER, NULL);
	lms_sha256_final(&s, out);
}

/* Encoding */

static void put_v(struct lms_buf *b, uint64_t v)
{
	unsigned char x[10];
	size_t n = 0;

	do {
		x[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			x[n] |= 0x80;
		n++;
	} while (v);
	lms_buf_add(b, x, n);
}

static void put_z(struct lms_buf *b, long v)
{
	put_v(b, v < 0 ? ~((uint64_t)v << 1) : (uint64_t)v << 1);
}

static void put_d(struct lms_buf *b, double d)
{
	unsigned char x[8];
	uint64_t v;

	memcpy(&v, &d, sizeof(v));
	for (int i = 0; i < 8; i++)
		x[i] = (unsigned char)(v >> (8 * i));
	lms_buf_add(b, x, sizeof(x));
}

static void put_s(struct lms_buf *b, const char *s)
{
	put_v(b, strlen(s));
	lms_buf_adds(b, s);
}

/* The figures of a piece that are counts, in their order on the wire. */
#define NFIELDS (8 + LMS_NOFFER_KINDS + 2 + LMS_NCATEGORIES + 1)
_Static_assert(NFIELDS <= 64, "a piece's figures fit a mask of 64 bits");

static long *field(struct lms_piece_figures *f, int i)
{
	static const int fixed = 8;

	if (i == 0)
		return &f->n;
	if (i < 4)
		return &f->part[i - 1];
	if (i < 6)
		return &f->mark[i - 4];
	if (i == 6)
		return &f->paired;
	if (i == 7)
		return &f->referred;
	if (i < fixed + LMS_NOFFER_KINDS)
		return &f->kind[i - fixed];
	if (i == fixed + LMS_NOFFER_KINDS)
		return &f->asked;
	if (i == fixed + LMS_NOFFER_KINDS + 1)
		return &f->in_group;
	if (i < NFIELDS - 1)
		return &f->category[i - fixed - LMS_NOFFER_KINDS - 2];
	return &f->rest;
}

enum {
	F_REFERRED = 1, F_KINDS = 2, F_ASKED = 4, F_IN_GROUP = 8,
	F_COUNTED = 16, F_PAIRS = 32, F_CATEGORIES = 64, F_ALL = 127
};

static void put_piece(struct lms_buf *b, const struct lms_agg_contrib *c,
		      const struct lms_agg_cpiece *x)
{
	struct lms_piece_figures f = x->shown;
	uint64_t mask = 0;

	if (x->municipality == LMS_AGG_NO_STR) {
		put_v(b, 0);
	} else {
		put_v(b, strlen(c->strs.buf + x->municipality) + 1);
		lms_buf_adds(b, c->strs.buf + x->municipality);
	}
	put_v(b, (uint64_t)x->kind);
	put_v(b, x->category_drawn);
	put_v(b, (f.referred_counted ? F_REFERRED : 0) |
	      (f.kinds_counted ? F_KINDS : 0) |
	      (f.asked_counted ? F_ASKED : 0) |
	      (f.in_group_counted ? F_IN_GROUP : 0) |
	      (f.counted ? F_COUNTED : 0) | (f.pairs_counted ? F_PAIRS : 0) |
	      (f.categories_rounded ? F_CATEGORIES : 0));
	put_v(b, f.rounded);
	for (int i = 0; i < NFIELDS; i++)
		if (*field(&f, i))
			mask |= (uint64_t)1 << i;
	put_v(b, mask);
	for (int i = 0; i < NFIELDS; i++)
		if (mask >> i & 1)
			put_z(b, *field(&f, i));
	put_v(b, x->nwaits);
	for (size_t i = 0; i < x->nwaits; i++)
		put_z(b, c->waits[x->waits_at + i]);
	put_v(b, x->npairs);
	for (size_t i = 0; i < x->npairs; i++) {
		put_d(b, c->before[x->pairs_at + i]);
		put_d(b, c->after[x->pairs_at + i]);
	}
}

void lms_agg_contrib_encode(const struct lms_agg_contrib *c,
			    const unsigned char fp[32], struct lms_buf *out)
{
	lms_buf_add(out, fp, 32);
	lms_buf_addch(out, c != NULL);
	if (!c)
		return;
	put_v(out, c->ur);
	put_v(out, c->sessions);
	put_v(out, c->npieces);
	for (size_t i = 0; i < c->npieces; i++)
		put_piece(out, c, &c->pieces[i]);
	put_v(out, c->nrows);
	for (size_t i = 0; i < c->nrows; i++)
		put_s(out, c->strs.buf + c->rows[i]);
	put_z(out, c->own_n);
	put_z(out, c->own_shown);
	put_v(out, c->nown);
	for (size_t i = 0; i < c->nown; i++) {
		put_s(out, c->strs.buf + c->own[i].item);
		put_d(out, c->own[i].value);
	}
}

/* Decoding: every count and length checked against what is left. */

struct cur {
	const unsigned char *p, *end;
	bool bad;
};

static uint64_t get_v(struct cur *c)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 64; shift += 7) {
		unsigned char x;

		if (c->p == c->end)
			break;
		x = *c->p++;
		v |= (uint64_t)(x & 0x7f) << shift;
		if (!(x & 0x80))
			return v;
	}
	c->bad = true;
	return 0;
}

static long get_z(struct cur *c)
{
	uint64_t v = get_v(c);
	int64_t z = (int64_t)(v >> 1) ^ -(int64_t)(v & 1);

	if (z < -(int64_t)(LONG_MAX / 4) || z > (int64_t)(LONG_MAX / 4))
		c->bad = true;
	return c->bad ? 0 : (long)z;
}

static double get_d(struct cur *c)
{
	uint64_t v = 0;
	double d;

	if (c->end - c->p < 8) {
		c->bad = true;
		return 0;
	}
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)c->p[i] << (8 * i);
	c->p += 8;
	memcpy(&d, &v, sizeof(d));
	return d;
}

/* Room in *v (holding *room things of size bytes) for n things. */
static void reserve(void *v, size_t *room, size_t n, size_t size)
{
	if (n <= *room)
		return;
	*room = n > 2 * *room ? n : 2 * *room;
	*(void **)v = lms_realloc(*(void **)v, *room * size);
}

/* A count of things of at least size bytes each. */
static size_t get_n(struct cur *c, size_t size)
{
	uint64_t n = get_v(c);

	if (c->bad || n > (uint64_t)(c->end - c->p) / size) {
		c->bad = true;
		return 0;
	}
	return (size_t)n;
}

/* A string of len bytes, into out's strings. */
static size_t get_bytes(struct cur *c, size_t len, struct lms_agg_contrib *out)
{
	size_t at = out->strs.len;

	if (c->bad || len > (size_t)(c->end - c->p) ||
	    memchr(c->p, 0, len)) {
		c->bad = true;
		return 0;
	}
	lms_buf_add(&out->strs, c->p, len);
	lms_buf_addch(&out->strs, 0);
	c->p += len;
	return at;
}

static size_t get_s(struct cur *c, struct lms_agg_contrib *out)
{
	return get_bytes(c, get_n(c, 1), out);
}

/* The next piece, into room made for it. */
static void get_piece(struct cur *c, struct lms_agg_contrib *out)
{
	struct lms_agg_cpiece *x = memset(&out->pieces[out->npieces++], 0,
					  sizeof(*out->pieces));
	struct lms_piece_figures *f = &x->shown;
	uint64_t len = get_v(c), flags, mask, kind;

	x->municipality = len ? get_bytes(c, (size_t)len - 1, out) :
		LMS_AGG_NO_STR;
	kind = get_v(c);
	x->kind = (enum lms_piece_kind)(kind <= 255 ? kind : 0);
	x->category_drawn = (unsigned)get_v(c);
	flags = get_v(c);
	f->rounded = (unsigned)get_v(c);
	mask = get_v(c);
	if (kind > 255 || flags > F_ALL || mask >> NFIELDS ||
	    x->category_drawn >> LMS_NCATEGORIES) {
		c->bad = true;
		return;
	}
	f->referred_counted = flags & F_REFERRED;
	f->kinds_counted = flags & F_KINDS;
	f->asked_counted = flags & F_ASKED;
	f->in_group_counted = flags & F_IN_GROUP;
	f->counted = flags & F_COUNTED;
	f->pairs_counted = flags & F_PAIRS;
	f->categories_rounded = flags & F_CATEGORIES;
	for (int i = 0; i < NFIELDS; i++)
		if (mask >> i & 1)
			*field(f, i) = get_z(c);
	x->waits_at = out->nwaits;
	x->nwaits = get_n(c, 1);
	if (x->nwaits) {
		reserve(&out->waits, &out->room_waits,
			out->nwaits + x->nwaits, sizeof(int));
		for (size_t i = 0; i < x->nwaits; i++) {
			long d = get_z(c);

			if (d < -100000 || d > 100000)
				c->bad = true;
			out->waits[out->nwaits++] = (int)d;
		}
	}
	x->pairs_at = out->npairs;
	x->npairs = get_n(c, 16);
	if (x->npairs) {
		size_t room = out->room_pairs;

		/* before and after alike: both have room_pairs */
		reserve(&out->before, &room, out->npairs + x->npairs,
			sizeof(double));
		reserve(&out->after, &out->room_pairs,
			out->npairs + x->npairs, sizeof(double));
		for (size_t i = 0; i < x->npairs; i++) {
			out->before[out->npairs] = get_d(c);
			out->after[out->npairs++] = get_d(c);
		}
	}
}

/* Empties c for decoding into again, its memory kept. */
static void empty(struct lms_agg_contrib *c)
{
	c->ur = 0;
	c->sessions = 0;
	c->pair_form = 0;
	c->npieces = c->nwaits = c->npairs = c->nrows = c->nown = 0;
	c->own_n = c->own_shown = 0;
	lms_buf_reset(&c->strs);
}

int lms_agg_contrib_decode_again(const unsigned char *data, size_t len,
				 const unsigned char fp[32],
				 struct lms_agg_contrib *out)
{
	struct cur c = { data + 33, data + len, false };
	size_t n;

	empty(out);
	if (len < 33 || memcmp(data, fp, 32) || data[32] > 1)
		return -1;
	if (!data[32])
		return len == 33 ? 0 : -1;
	out->ur = (unsigned)get_v(&c);
	out->sessions = (size_t)get_v(&c);
	n = get_n(&c, 7);
	reserve(&out->pieces, &out->room_pieces, n, sizeof(*out->pieces));
	for (size_t i = 0; i < n && !c.bad; i++)
		get_piece(&c, out);
	n = get_n(&c, 1);
	reserve(&out->rows, &out->room_rows, n, sizeof(*out->rows));
	for (size_t i = 0; i < n && !c.bad; i++)
		out->rows[out->nrows++] = get_s(&c, out);
	out->own_n = get_z(&c);
	out->own_shown = get_z(&c);
	n = get_n(&c, 9);
	reserve(&out->own, &out->room_own, n, sizeof(*out->own));
	for (size_t i = 0; i < n && !c.bad; i++) {
		struct lms_agg_own_answer *o = &out->own[out->nown++];

		o->item = get_s(&c, out);
		o->value = get_d(&c);
	}
	if (c.bad || c.p != c.end || out->ur > 3 || out->own_n < 0 ||
	    out->own_shown < 0) {
		empty(out);
		return -1;
	}
	return 1;
}

int lms_agg_contrib_decode(const unsigned char *data, size_t len,
			   const unsigned char fp[32],
			   struct lms_agg_contrib *out)
{
	int got;

	memset(out, 0, sizeof(*out));
	if ((got = lms_agg_contrib_decode_again(data, len, fp, out)) < 0)
		lms_agg_contrib_release(out);
	return got;
}
