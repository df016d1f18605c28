#include <stdlib.h>
#include <string.h>

#include "piece.h"
#include "common.h"

/*
 * The pieces of a course and their protection: whatever people, marks
 * and pairs a course has, a published piece keeps the promises of
 * lms-report(1), PRIVACY.  The input is a course in bytes: the first
 * gives min_cell (1 to 8), each next three a person (home, role and
 * status, and their marks and pair).
 */

#define MAX_PEOPLE 64
#define SESSIONS 4

static const char *const homes[] = { "1806", "1853", "1851", NULL };
static const int statuses[] = {
	LMS_ENROLLED, LMS_COMPLETED, LMS_NOT_COMPLETED, LMS_WAITLISTED,
	LMS_WITHDRAWN
};

struct course {
	struct lms_course c;
	struct lms_session sessions[SESSIONS];
	struct lms_enrolment e[MAX_PEOPLE];
	struct lms_enrolments es;
	struct lms_session_attendance days[SESSIONS];
	struct lms_attendee marks[SESSIONS][MAX_PEOPLE];
	struct lms_attendance at;
	char ids[MAX_PEOPLE][16];
	const char *paired[MAX_PEOPLE];
	size_t npaired;
};

static void person(struct course *k, size_t i, const uint8_t *b)
{
	struct lms_enrolment *e = &k->e[i];

	snprintf(k->ids[i], sizeof(k->ids[i]), "p-%06zu", i);
	e->person = k->ids[i];
	e->municipality = (char *)homes[b[0] % 4];
	e->role = b[0] & 4 ? LMS_RELATIVE : LMS_PARTICIPANT;
	e->status = statuses[(b[0] >> 3) % 5];
	e->requested = 20000 + (b[0] >> 6);
	for (int s = 0; s < SESSIONS; s++)
		if (b[1] & (1 << s)) {
			struct lms_session_attendance *d = &k->days[s];

			d->v[d->n].person = k->ids[i];
			d->v[d->n++].presence = b[1] & (16 << s) ? LMS_PRESENT :
						LMS_ABSENT;
		}
	if (b[2] & 1)
		k->paired[k->npaired++] = k->ids[i];
	/* Asked at follow-up: not, no, yes. */
	e->still_in_group = (b[2] >> 1) % 4 == 1 ? 0 :
			    (b[2] >> 1) % 4 == 2 ? 1 : LMS_UNSET;
}

static void build(struct course *k, const uint8_t *data, size_t size)
{
	memset(k, 0, sizeof(*k));
	k->c.id = (char *)"c";
	k->c.sessions = k->sessions;
	k->c.nsessions = SESSIONS;
	for (int s = 0; s < SESSIONS; s++) {
		k->sessions[s].date = 20100 + 7 * s;
		k->days[s].date = k->sessions[s].date;
		k->days[s].v = k->marks[s];
		k->days[s].participants = k->days[s].relatives = LMS_UNSET;
	}
	/* One drop-in count, from the last byte. */
	if (size % 3 == 2)
		k->days[0].participants = data[size - 1] % 9;
	for (size_t i = 0; i < MAX_PEOPLE && 3 * i + 3 <= size; i++)
		person(k, i, data + 3 * i);
	k->es = (struct lms_enrolments){
		k->e, size / 3 < MAX_PEOPLE ? size / 3 : MAX_PEOPLE
	};
	k->at = (struct lms_attendance){ k->days, SESSIONS };
}

static void check_split(const char *what, const long *exact,
			const long *shown, size_t n, long whole, long k)
{
	long sum = 0;
	size_t largest = 0;

	for (size_t i = 1; i < n; i++)
		if (exact[i] > exact[largest])
			largest = i;
	for (size_t i = 0; i < n; i++) {
		sum += shown[i];
		if (shown[i] < 0)
			fuzz_fail("%s: part %zu is %ld", what, i, shown[i]);
		if (i != largest && (exact[i] == 0 || exact[i] >= k) &&
		    shown[i] != exact[i])
			fuzz_fail("%s: part %zu of %ld shows %ld", what, i,
				  exact[i], shown[i]);
		if (i != largest && exact[i] > 0 && exact[i] < k &&
		    shown[i] != 0 && shown[i] != k)
			fuzz_fail("%s: small part %zu of %ld shows %ld", what,
				  i, exact[i], shown[i]);
	}
	if (sum != whole)
		fuzz_fail("%s: parts add up to %ld, not %ld", what, sum, whole);
}

/* The completed split into the asked at follow-up and the rest, and the
 * asked into those in a group and the rest, each from a whole that shows
 * exactly. */
static void check_asked(const struct lms_piece_figures *e,
			const struct lms_piece_figures *s, long k)
{
	long done = e->part[LMS_PART_COMPLETED];

	if (!s->asked_counted) {
		if (s->asked || s->in_group)
			fuzz_fail("asked shown of completed not shown");
		return;
	}
	if (s->part[LMS_PART_COMPLETED] != done || done < k)
		fuzz_fail("asked split from completed that do not show");
	check_split("asked", (long[]){ e->asked, done - e->asked },
		    (long[]){ s->asked, done - s->asked }, 2, done, k);
	if (!s->in_group_counted) {
		if (s->in_group)
			fuzz_fail("in a group shown of asked not shown");
		return;
	}
	if (s->asked != e->asked)
		fuzz_fail("in a group split from asked that do not show");
	check_split("in a group", (long[]){ e->in_group,
					    e->asked - e->in_group },
		    (long[]){ s->in_group, e->asked - s->in_group }, 2,
		    e->asked, k);
}

static void check_piece(const struct lms_piece *x, long k)
{
	const struct lms_piece_figures *e = &x->exact, *s = &x->shown;
	bool large = e->n >= k && lms_piece_has_places(x->kind);

	if (x->kind == LMS_PIECE_NO_PLACE && (s->n || s->mark[0] ||
					      s->mark[1] || s->paired))
		fuzz_fail("who has no place shows");

	if ((e->n == 0 || e->n >= k) ? s->n != e->n : s->n != 0 && s->n != k)
		fuzz_fail("a piece of %ld shows %ld (min_cell %ld)", e->n, s->n,
			  k);
	if (!large) {
		for (int i = 0; i < LMS_NPARTS; i++)
			if (s->part[i])
				fuzz_fail("a small piece shows a part");
		if (s->mark[0] || s->mark[1] || s->paired || s->counted ||
		    s->asked || s->in_group)
			fuzz_fail("a small piece shows what it did");
		return;
	}
	/* Completion shows only once every one is judged, in two parts. */
	if (e->part[LMS_PART_NOT_JUDGED] == 0)
		check_split("completion", e->part, s->part, 2, e->n, k);
	else if (s->part[LMS_PART_COMPLETED] || s->part[LMS_PART_NOT_COMPLETED])
		fuzz_fail("a piece partly judged shows its completion");
	if (s->pairs_counted && s->paired != e->paired)
		fuzz_fail("means of pairs whose number is rounded");
	check_split("marks", e->mark, s->mark, LMS_NMARKS,
		    e->mark[0] + e->mark[1], k);
	if (s->paired < 0 || s->paired > e->n)
		fuzz_fail("%ld pairs shown of %ld people", s->paired, e->n);
	check_asked(e, s, k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct course k;
	struct lms_report_key key = { { 7 } };
	struct lms_course_pieces a, b;
	long min_cell;

	if (size < 1)
		return 0;
	/* 1, or 4 and more: lms.yaml refuses 2 and 3. */
	min_cell = data[0] % 8 < 3 ? 1 : 1 + data[0] % 8;
	build(&k, data + 1, size - 1);
	struct lms_piece_input in = {
		.course = &k.c, .enrolments = &k.es, .attendance = &k.at,
		.pair_people = k.paired, .npairs = k.npaired, .key = &key
	};
	lms_pieces_count(&a, &in);
	lms_pieces_count(&b, &in);
	lms_pieces_publish(&a, min_cell, false);
	lms_pieces_publish(&b, min_cell, false);
	for (size_t i = 0; i < a.n; i++) {
		check_piece(&a.v[i], min_cell);
		if (memcmp(&a.v[i].shown, &b.v[i].shown, sizeof(a.v[i].shown)))
			fuzz_fail("the same people drew twice apart");
	}
	lms_pieces_publish(&b, min_cell, true);
	for (size_t i = 0; i < b.n; i++)
		if (b.v[i].shown.n != b.v[i].exact.n ||
		    b.v[i].shown.part[1] != b.v[i].exact.part[1])
			fuzz_fail("exact figures are not exact");
	lms_pieces_release(&a);
	lms_pieces_release(&b);
	return 0;
}
