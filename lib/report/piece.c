#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "piece.h"
#include "strset.h"

const char *const lms_age_band_names[] = {
	"unknown", "0-29", "30-49", "50-66", "67-79", "80+", NULL
};

int lms_age_band(int birth_year, int32_t first)
{
	static const int from[] = { 0, 0, 30, 50, 67, 80 };
	int y, m, d, age, band = 0;

	if (birth_year == LMS_UNSET || first == LMS_DATE_NONE)
		return 0;
	/* The register has the year alone: the age reached that year. */
	lms_date_to_ymd(first, &y, &m, &d);
	age = y - birth_year;
	if (age < 0)
		return 0;
	for (int i = 1; i < (int)(sizeof(from) / sizeof(*from)); i++)
		if (age >= from[i])
			band = i;
	return band;
}

/* Counting */

/* The category of the split that a record is in (see piece.h). */
static int category_of(const struct lms_piece_input *in,
		       const struct lms_enrolment *e)
{
	void *year;

	switch (in->split) {
	case LMS_SPLIT_REFERRAL:
		return e->referral;
	case LMS_SPLIT_AGE_BAND:
		year = in->birth_years ? lms_strset_get(in->birth_years,
							e->person) : NULL;
		return year ? lms_age_band((int)(intptr_t)year,
					   lms_course_first_date(in->course)) :
			      0;
	default:
		return 0;
	}
}

static bool same_home(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The piece of people from home in kind, made empty if the course has
 * none yet; as an index, since pieces move as they are made. */
static size_t piece_of(struct lms_course_pieces *p, const char *home,
		       enum lms_piece_kind kind)
{
	struct lms_piece *x;

	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].kind == kind && same_home(p->v[i].municipality, home))
			return i;
	x = lms_array_push(&p->v, &p->n, sizeof(*x));
	x->municipality = home;
	x->kind = kind;
	return p->n - 1;
}

static bool takes_part(const struct lms_enrolment *e)
{
	return e->status == LMS_ENROLLED || e->status == LMS_COMPLETED ||
	       e->status == LMS_NOT_COMPLETED;
}

static enum lms_piece_kind place_kind(const struct lms_enrolment *e)
{
	return e->role == LMS_RELATIVE ? LMS_PIECE_RELATIVES :
	       e->role == LMS_STAFF ? LMS_PIECE_STAFF : LMS_PIECE_PARTICIPANTS;
}

static int part_of(const struct lms_enrolment *e)
{
	return e->status == LMS_COMPLETED ? LMS_PART_COMPLETED :
	       e->status == LMS_NOT_COMPLETED ? LMS_PART_NOT_COMPLETED :
	       LMS_PART_NOT_JUDGED;
}

/* Someone who completed and whose follow-up names an offer of the
 * register: referred on, by the offer's kind. */
static void count_referral(struct lms_piece *x,
			   const struct lms_piece_input *in,
			   const struct lms_enrolment *e, uint64_t key)
{
	const struct lms_offer *o;

	if (e->status != LMS_COMPLETED || !in->offers || !e->follow_up ||
	    !(o = lms_offer_find(in->offers, e->follow_up)))
		return;
	x->exact.referred++;
	x->referred_key += key;
	x->exact.kind[o->kind]++;
	x->kind_key[o->kind] += key;
}

/* Someone who completed and was asked at follow-up whether they are
 * still in a group or offer. */
static void count_asked(struct lms_piece *x, const struct lms_enrolment *e,
			uint64_t key)
{
	if (e->status != LMS_COMPLETED || e->still_in_group == LMS_UNSET)
		return;
	x->exact.asked++;
	x->asked_key += key;
	if (e->still_in_group) {
		x->exact.in_group++;
		x->in_group_key += key;
	}
}

/* A person of the course: their piece (where their marks and answers
 * go) and their record key. */
struct who {
	size_t piece;
	uint64_t key;
};

static uint64_t record_key(const struct lms_piece_input *in,
			   const char *person)
{
	return in->key ? lms_protect_record_key(in->key, in->course->id,
						person) : 0;
}

static void count_enrolment(struct lms_course_pieces *p,
			    const struct lms_piece_input *in,
			    const struct lms_enrolment *e, struct who *w)
{
	int32_t first = lms_course_first_date(in->course);
	struct lms_piece *x;
	size_t i;

	/* Who has no place may have come, or answered: that goes with
	 * their home, in no piece of people (see no_place). */
	w->key = record_key(in, e->person);
	w->piece = piece_of(p, e->municipality, takes_part(e) ?
			    place_kind(e) : LMS_PIECE_NO_PLACE);
	if (e->status == LMS_WAITLISTED)
		i = piece_of(p, e->municipality, LMS_PIECE_WAITLISTED);
	else if (takes_part(e))
		i = w->piece;
	else
		return;
	x = &p->v[i];
	x->exact.n++;
	x->key += w->key;
	x->exact.category[category_of(in, e)]++;
	x->category_key[category_of(in, e)] += w->key;
	if (e->status == LMS_WAITLISTED)
		return;
	x->exact.part[part_of(e)]++;
	x->part_key[part_of(e)] += w->key;
	count_referral(x, in, e, w->key);
	count_asked(x, e, w->key);
	if (first != LMS_DATE_NONE && e->requested != LMS_DATE_NONE)
		*(int *)lms_array_push(&x->waits, &x->nwaits, sizeof(int)) =
			first > e->requested ? first - e->requested : 0;
}

/* Someone marked or answering who has no record: no home known. */
static struct who *stranger(struct lms_course_pieces *p,
			    const struct lms_piece_input *in,
			    const char *person, struct who *w)
{
	w->piece = piece_of(p, NULL, LMS_PIECE_NO_PLACE);
	w->key = record_key(in, person);
	return w;
}

static void count_marks(struct lms_course_pieces *p,
			const struct lms_piece_input *in,
			const struct lms_strset *people)
{
	long heads = 0;

	for (size_t i = 0; i < in->attendance->n; i++) {
		const struct lms_session_attendance *s = &in->attendance->v[i];

		/* A date that is no session counts for none (lms-files(5)). */
		if (!lms_course_has_session(in->course, s->date))
			continue;
		for (size_t j = 0; j < s->n; j++) {
			struct who spare, *w = lms_strset_get(people,
							      s->v[j].person);
			int m = s->v[j].presence == LMS_PRESENT ?
				LMS_MARK_PRESENT : LMS_MARK_ABSENT;

			if (!w)
				w = stranger(p, in, s->v[j].person, &spare);
			p->v[w->piece].exact.mark[m]++;
			p->v[w->piece].mark_key[m] += w->key;
		}
		heads += (s->participants == LMS_UNSET ? 0 : s->participants) +
			 (s->relatives == LMS_UNSET ? 0 : s->relatives);
	}
	if (heads) {
		size_t i = piece_of(p, NULL, LMS_PIECE_DROP_IN);
		struct lms_piece *x = &p->v[i];

		x->exact.n = heads;
		if (in->key)
			x->key = lms_protect_thing_key(in->key, in->course->id,
						       "drop-in", heads);
	}
}

static void count_pairs(struct lms_course_pieces *p,
			const struct lms_piece_input *in,
			const struct lms_strset *people)
{
	for (size_t i = 0; i < in->npairs; i++) {
		struct who spare, *w = lms_strset_get(people,
						      in->pair_people[i]);
		struct lms_piece *x;

		if (!w)
			w = stranger(p, in, in->pair_people[i], &spare);
		x = &p->v[w->piece];
		*(size_t *)lms_array_push(&x->pairs, &x->npairs,
					  sizeof(size_t)) = i;
		x->exact.paired++;
		x->paired_key += w->key;
	}
}

void lms_pieces_count(struct lms_course_pieces *out,
		      const struct lms_piece_input *in)
{
	struct who *who = lms_calloc(in->enrolments->n + 1, sizeof(*who));
	struct lms_strset people;

	memset(out, 0, sizeof(*out));
	out->split = in->split;
	lms_strset_init(&people);
	for (size_t i = 0; i < in->enrolments->n; i++) {
		count_enrolment(out, in, &in->enrolments->v[i], &who[i]);
		lms_strset_add(&people, in->enrolments->v[i].person, &who[i]);
	}
	count_marks(out, in, &people);
	count_pairs(out, in, &people);
	lms_strset_release(&people);
	lms_free(who);
}

/* Publishing */

bool lms_piece_has_places(enum lms_piece_kind kind)
{
	return kind == LMS_PIECE_PARTICIPANTS || kind == LMS_PIECE_RELATIVES ||
	       kind == LMS_PIECE_STAFF;
}

/* Who answered before and after, and who did not, split the piece too.
 * Its means count only when that split shows the pairs exactly: else
 * how many they are of would tell the rounded part. */
static void split_pairs(struct lms_piece *x, long k)
{
	struct lms_protect_part parts[2] = {
		{ x->exact.paired, x->paired_key, LMS_PIECE_PAIRED },
		{ x->exact.n - x->exact.paired, x->key - x->paired_key,
		  LMS_PIECE_UNPAIRED }
	};
	long out[2];

	lms_protect_split(parts, x->exact.n, k, out);
	x->shown.paired = out[0];
	if (out[0] != x->exact.paired)
		x->shown.rounded |= LMS_ROUNDED_PAIRS;
	x->shown.pairs_counted = out[0] == x->exact.paired &&
				 x->exact.paired >= k;
}

/* Who completed and who did not, once the course has judged them all: a
 * piece partly judged shows no completion, as a split in three could
 * tell a small part by which part took the rest. */
static void split_completion(struct lms_piece *x, long k)
{
	const long *e = x->exact.part;
	struct lms_protect_part parts[2] = {
		{ e[LMS_PART_COMPLETED], x->part_key[LMS_PART_COMPLETED],
		  LMS_PIECE_COMPLETED },
		{ e[LMS_PART_NOT_COMPLETED], x->part_key[LMS_PART_NOT_COMPLETED],
		  LMS_PIECE_NOT_COMPLETED }
	};
	long out[2];

	if (e[LMS_PART_NOT_JUDGED])
		return;
	lms_protect_split(parts, x->exact.n, k, out);
	x->shown.part[LMS_PART_COMPLETED] = out[0];
	x->shown.part[LMS_PART_NOT_COMPLETED] = out[1];
	if (out[0] != e[LMS_PART_COMPLETED])
		x->shown.rounded |= LMS_ROUNDED_COMPLETION;
}

/*
 * The completed, once shown exactly (0 or at least k), split into those
 * referred on and the rest; the referred, once shown exactly, split by
 * kind, one kind at a time from what the kinds before left, for as long
 * as each split shows exactly: every split is of a whole that shows
 * exactly into two parts, as lms_protect_split requires.  What is left
 * when a split rounds stays unsplit (counted, kind not shown).
 */
static void split_kinds(struct lms_piece *x, long k)
{
	long rest = x->exact.referred;
	uint64_t rest_key = x->referred_key;

	for (int j = 1; j < LMS_NOFFER_KINDS && rest; j++) {
		struct lms_protect_part parts[2] = {
			{ x->exact.kind[j], x->kind_key[j],
			  (enum lms_piece_kind)(LMS_PIECE_OFFER_KIND + j) },
			{ rest - x->exact.kind[j], rest_key - x->kind_key[j],
			  (enum lms_piece_kind)(LMS_PIECE_OFFER_REST + j) }
		};
		long out[2];

		lms_protect_split(parts, rest, k, out);
		x->shown.kind[j] = out[0];
		if (out[0] != x->exact.kind[j]) {
			x->shown.rounded |= LMS_ROUNDED_KINDS;
			return;
		}
		rest = out[1];
		rest_key -= x->kind_key[j];
	}
	x->shown.kinds_counted = true;
}

/* Splits whole, shown exactly, into part and the rest: true if part
 * shows exactly. */
static bool split_exactly(long whole, uint64_t whole_key, long part,
			  uint64_t part_key, enum lms_piece_kind kinds[2],
			  long k, long *shown)
{
	struct lms_protect_part parts[2] = {
		{ part, part_key, kinds[0] },
		{ whole - part, whole_key - part_key, kinds[1] }
	};
	long out[2];

	lms_protect_split(parts, whole, k, out);
	*shown = out[0];
	return out[0] == part;
}

static void split_referred(struct lms_piece *x, long k)
{
	enum lms_piece_kind kinds[2] = { LMS_PIECE_REFERRED,
					 LMS_PIECE_NOT_REFERRED };
	long done = x->exact.part[LMS_PART_COMPLETED];

	if (done < k || x->shown.part[LMS_PART_COMPLETED] != done)
		return;
	x->shown.referred_counted = true;
	if (!split_exactly(done, x->part_key[LMS_PART_COMPLETED],
			   x->exact.referred, x->referred_key, kinds, k,
			   &x->shown.referred))
		x->shown.rounded |= LMS_ROUNDED_REFERRED;
	else if (x->exact.referred >= k)
		split_kinds(x, k);
}

/*
 * The completed, once shown exactly, split into those asked at follow-up
 * and the rest; the asked, once shown exactly, into those still in a
 * group and not, as split_referred does.  A part shown exactly is 0 or
 * at least k (lms_protect_split), so the asked split again are k or more.
 */
static void split_asked(struct lms_piece *x, long k)
{
	enum lms_piece_kind asked[2] = { LMS_PIECE_ASKED, LMS_PIECE_NOT_ASKED };
	enum lms_piece_kind in[2] = { LMS_PIECE_IN_GROUP,
				      LMS_PIECE_NOT_IN_GROUP };
	long done = x->exact.part[LMS_PART_COMPLETED];

	if (done < k || x->shown.part[LMS_PART_COMPLETED] != done)
		return;
	x->shown.asked_counted = true;
	if (!split_exactly(done, x->part_key[LMS_PART_COMPLETED],
			   x->exact.asked, x->asked_key, asked, k,
			   &x->shown.asked)) {
		x->shown.rounded |= LMS_ROUNDED_ASKED;
		return;
	}
	x->shown.in_group_counted = true;
	if (x->exact.asked && !split_exactly(x->exact.asked, x->asked_key,
					     x->exact.in_group,
					     x->in_group_key, in, k,
					     &x->shown.in_group))
		x->shown.rounded |= LMS_ROUNDED_IN_GROUP;
}

/* The marks, present and absent, of the piece's people. */
static void split_marks(struct lms_piece *x, long k)
{
	struct lms_protect_part parts[2] = {
		{ x->exact.mark[LMS_MARK_PRESENT], x->mark_key[LMS_MARK_PRESENT],
		  LMS_PIECE_PRESENT },
		{ x->exact.mark[LMS_MARK_ABSENT], x->mark_key[LMS_MARK_ABSENT],
		  LMS_PIECE_ABSENT }
	};

	lms_protect_split(parts, parts[0].n + parts[1].n, k, x->shown.mark);
	if (x->shown.mark[0] != x->exact.mark[0])
		x->shown.rounded |= LMS_ROUNDED_ATTENDANCE;
}

/*
 * A piece's people by category (a report by referral or age band), as
 * split_kinds splits the referred: one category at a time against those
 * after it, in a fixed order (none recorded last: a few without a
 * referral would stop the split of the rest), for as long as each split
 * shows as it is; what is left when a part is drawn is the piece's rest,
 * shown but not split.  The whole of each split is 0 or k or more, as
 * lms_protect_split requires: a part shown as it is is 0 or k or more,
 * and so is what it leaves.
 */
static void split_categories(struct lms_piece *x, enum lms_piece_split s,
			     long k)
{
	int base = 16 * ((int)s - 1);
	long rest = x->exact.n;
	uint64_t rest_key = x->key;

	for (int i = 0; i < LMS_NCATEGORIES && rest; i++) {
		int j = (i + 1) % LMS_NCATEGORIES;
		struct lms_protect_part parts[2] = {
			{ x->exact.category[j], x->category_key[j],
			  (enum lms_piece_kind)(LMS_PIECE_CATEGORY + base + j) },
			{ rest - x->exact.category[j],
			  rest_key - x->category_key[j],
			  (enum lms_piece_kind)(LMS_PIECE_CATEGORY_REST +
						base + j) }
		};
		long out[2];

		lms_protect_split(parts, rest, k, out);
		x->shown.category[j] = out[0];
		rest = out[1];
		if (out[0] != x->exact.category[j]) {
			x->shown.categories_rounded = true;
			break;
		}
		rest_key -= x->category_key[j];
	}
	x->shown.rest = rest;
}

/* A piece of k or more: what its people did, split so that no part of
 * 1 to k - 1 shows; its waits count. */
static void publish_large(struct lms_piece *x, long k)
{
	split_completion(x, k);
	split_referred(x, k);
	split_asked(x, k);
	split_marks(x, k);
	split_pairs(x, k);
	x->shown.counted = true;
}

static void publish(struct lms_piece *x, long k)
{
	struct lms_piece_figures *s = &x->shown;

	memset(s, 0, sizeof(*s));
	s->n = lms_protect_count(x->exact.n, k, x->key, x->kind);
	if (x->exact.n > 0 && x->exact.n < k)
		s->rounded = LMS_ROUNDED_PEOPLE;
	/* A smaller piece shows its number only: anything else it did
	 * would tell how many it has.  Only people with a place did
	 * anything. */
	if (x->exact.n >= k && lms_piece_has_places(x->kind))
		publish_large(x, k);
}

/* A piece of people by category, once published: a small one whole in
 * its rest, as drawn. */
static void publish_categories(struct lms_piece *x, enum lms_piece_split s,
			       long k, bool exact)
{
	if (!s || !(lms_piece_has_places(x->kind) ||
		    x->kind == LMS_PIECE_WAITLISTED))
		return;
	if (exact) {
		x->shown.rest = 0;
		x->shown.categories_rounded = false;
	} else if (x->exact.n >= k) {
		memset(x->shown.category, 0, sizeof(x->shown.category));
		split_categories(x, s, k);
	} else {
		memset(x->shown.category, 0, sizeof(x->shown.category));
		x->shown.rest = x->shown.n;
	}
}

void lms_pieces_publish(struct lms_course_pieces *p, long k, bool exact)
{
	for (size_t i = 0; i < p->n; i++) {
		struct lms_piece *x = &p->v[i];

		if (exact) {
			x->shown = x->exact;
			x->shown.counted = x->shown.pairs_counted = true;
			x->shown.referred_counted = x->shown.kinds_counted =
				true;
			x->shown.asked_counted = x->shown.in_group_counted =
				true;
		} else {
			publish(x, k);
		}
		publish_categories(x, p->split, k, exact);
	}
}

void lms_pieces_release(struct lms_course_pieces *p)
{
	for (size_t i = 0; i < p->n; i++) {
		lms_free(p->v[i].waits);
		lms_free(p->v[i].pairs);
	}
	lms_free(p->v);
	memset(p, 0, sizeof(*p));
}
