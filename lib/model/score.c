#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "score.h"
#include "strset.h"
#include <stdint.h>

static int scored(const struct lms_form *f, const struct lms_form_item *it,
		  int answer)
{
	return it->reverse ? f->scale.max + f->scale.min - answer : answer;
}

/* An answer counts on the scale only if it is a number on it: a file
 * edited by hand may hold anything. */
static bool on_scale(const struct lms_form *f, const struct lms_answer *a)
{
	return a && !a->is_text && a->value >= f->scale.min &&
	       a->value <= f->scale.max;
}

bool lms_score(const struct lms_form *f, const struct lms_evaluation *e,
	       double *out)
{
	size_t items = 0, answered = 0;
	double sum = 0;

	for (size_t i = 0; i < f->nitems; i++) {
		const struct lms_form_item *it = &f->items[i];
		const struct lms_answer *a;

		if (it->type != LMS_ITEM_SCALE)
			continue;
		items++;
		a = lms_answer_find(e, it->id);
		if (!on_scale(f, a))
			continue;
		answered++;
		sum += scored(f, it, a->value);
	}
	if (!items || (double)answered < LMS_SCORE_MIN_SHARE * (double)items)
		return false;
	*out = f->score == LMS_SCORE_SUM ? sum * (double)items / (double)answered :
	       sum / (double)answered;
	return true;
}

/* Responses of form f in a phase, for the person (NULL: everyone). */
static bool is_response(const struct lms_form *f, const struct lms_evaluation *e,
			int phase)
{
	return e->phase == phase && !strcmp(e->form, f->id);
}

/* Values of x grown one at a time. */
struct values {
	double *v;
	size_t n;
};

static void add(struct values *x, double v)
{
	*(double *)lms_array_push(&x->v, &x->n, sizeof(double)) = v;
}

static void describe_values(struct values *x, struct lms_describe *out)
{
	lms_describe(x->v, x->n, out);
	lms_free(x->v);
	x->v = NULL;
	x->n = 0;
}

static void scores(const struct lms_form *f, const struct lms_evaluations *ev,
		   int phase, struct lms_describe *out, size_t *missing)
{
	struct values x = { NULL, 0 };
	double s;

	*missing = 0;
	for (size_t i = 0; i < ev->n; i++) {
		if (!is_response(f, &ev->v[i], phase))
			continue;
		if (lms_score(f, &ev->v[i], &s))
			add(&x, s);
		else
			(*missing)++;
	}
	describe_values(&x, out);
}

/* Which of two responses a person gave counts: the earliest pre, the
 * latest post or follow-up; on the same day, the first pre and the last
 * of the others. */
static bool replaces(const struct lms_evaluation *e, const struct lms_evaluation *old,
		     int phase)
{
	if (e->date == LMS_DATE_NONE || old->date == LMS_DATE_NONE ||
	    e->date == old->date)
		return phase != LMS_PRE;
	return phase == LMS_PRE ? e->date < old->date : e->date > old->date;
}

/* person -> 1 + index of the response of the phase that counts */
static void pick(const struct lms_form *f, const struct lms_evaluations *ev,
		 int phase, struct lms_strset *out)
{
	double s;

	for (size_t i = 0; i < ev->n; i++) {
		const struct lms_evaluation *e = &ev->v[i];
		uintptr_t k;

		if (!e->person || !is_response(f, e, phase) || !lms_score(f, e, &s))
			continue;
		k = (uintptr_t)lms_strset_get(out, e->person);
		if (!k || replaces(e, &ev->v[k - 1], phase))
			lms_strset_set(out, e->person, (void *)(uintptr_t)(i + 1));
	}
}

size_t lms_pairs(const struct lms_form *f, const struct lms_evaluations *ev,
		 double **before, double **after, const char ***people)
{
	return lms_pairs_with(f, ev, LMS_POST, before, after, people);
}

size_t lms_pairs_with(const struct lms_form *f,
		      const struct lms_evaluations *ev, int later,
		      double **before, double **after, const char ***people)
{
	struct lms_strset pre, post;
	struct values b = { NULL, 0 }, a = { NULL, 0 };
	const char **who = NULL;
	size_t nwho = 0;

	lms_strset_init(&pre);
	lms_strset_init(&post);
	pick(f, ev, LMS_PRE, &pre);
	pick(f, ev, later, &post);
	/* In the order of the pre responses, so that the result is stable. */
	for (size_t i = 0; i < ev->n; i++) {
		const struct lms_evaluation *e = &ev->v[i];
		uintptr_t k;
		double x, y;

		if (!e->person || (uintptr_t)lms_strset_get(&pre, e->person) != i + 1 ||
		    !(k = (uintptr_t)lms_strset_get(&post, e->person)))
			continue;
		lms_score(f, e, &x);
		lms_score(f, &ev->v[k - 1], &y);
		add(&b, x);
		add(&a, y);
		*(const char **)lms_array_push(&who, &nwho, sizeof(char *)) =
			e->person;
	}
	lms_strset_release(&pre);
	lms_strset_release(&post);
	*before = b.v;
	*after = a.v;
	if (people)
		*people = who;
	else
		lms_free(who);
	return b.n;
}

static void item_means(const struct lms_form *f, const struct lms_evaluations *ev,
		       struct lms_form_summary *out)
{
	for (size_t i = 0; i < f->nitems; i++) {
		const struct lms_form_item *it = &f->items[i];
		struct lms_item_summary *s;
		struct values pre = { NULL, 0 }, post = { NULL, 0 };

		if (it->type != LMS_ITEM_SCALE)
			continue;
		for (size_t j = 0; j < ev->n; j++) {
			const struct lms_answer *a = lms_answer_find(&ev->v[j], it->id);

			if (!on_scale(f, a) || strcmp(ev->v[j].form, f->id))
				continue;
			if (ev->v[j].phase == LMS_PRE)
				add(&pre, a->value);
			else if (ev->v[j].phase == LMS_POST)
				add(&post, a->value);
		}
		s = lms_array_push(&out->items, &out->nitems, sizeof(*s));
		s->item = it;
		describe_values(&pre, &s->pre);
		describe_values(&post, &s->post);
	}
}

static int by_date(const void *a, const void *b)
{
	int32_t x = ((const struct lms_session_summary *)a)->date;
	int32_t y = ((const struct lms_session_summary *)b)->date;

	return x < y ? -1 : x > y;
}

static void session_means(const struct lms_form *f,
			  const struct lms_evaluations *ev,
			  struct lms_form_summary *out)
{
	for (size_t i = 0; i < ev->n; i++) {
		const struct lms_evaluation *e = &ev->v[i];
		struct lms_session_summary *s = NULL;
		struct values x = { NULL, 0 };
		double v;

		if (!is_response(f, e, LMS_SESSION))
			continue;
		for (size_t k = 0; k < out->nsessions; k++)
			if (out->sessions[k].date == e->session)
				s = &out->sessions[k];
		if (s)
			continue;
		/* First response of this session: describe them all. */
		s = lms_array_push(&out->sessions, &out->nsessions, sizeof(*s));
		s->date = e->session;
		for (size_t j = i; j < ev->n; j++) {
			if (!is_response(f, &ev->v[j], LMS_SESSION) ||
			    ev->v[j].session != e->session)
				continue;
			s->responses++;
			if (lms_score(f, &ev->v[j], &v))
				add(&x, v);
		}
		describe_values(&x, &s->score);
	}
	lms_array_sort(out->sessions, out->nsessions, sizeof(*out->sessions),
		       by_date);
}

static void comments(const struct lms_form *f, const struct lms_evaluations *ev,
		     struct lms_form_summary *out)
{
	for (size_t i = 0; i < ev->n; i++) {
		const struct lms_evaluation *e = &ev->v[i];

		if (strcmp(e->form, f->id))
			continue;
		for (size_t j = 0; j < e->answers.n; j++) {
			const struct lms_answer *a = &e->answers.v[j];
			const struct lms_form_item *it = lms_form_item(f, a->item);
			struct lms_comment *c;

			/* Text answers to text items, whatever else the file
			 * holds. */
			if (!a->is_text || !*a->text || !it ||
			    it->type != LMS_ITEM_TEXT)
				continue;
			c = lms_array_push(&out->comments, &out->ncomments,
					   sizeof(*c));
			c->phase = e->phase;
			c->session = e->session;
			c->item = a->item;
			c->text = a->text;
		}
	}
}

void lms_summarise(const struct lms_form *f, const struct lms_evaluations *ev,
		   struct lms_form_summary *out)
{
	double *before, *after;
	size_t n;

	memset(out, 0, sizeof(*out));
	out->form = f;
	scores(f, ev, LMS_PRE, &out->pre, &out->missing_pre);
	scores(f, ev, LMS_POST, &out->post, &out->missing_post);
	for (size_t i = 0; i < ev->n; i++)
		out->anonymous += !ev->v[i].person && ev->v[i].phase != LMS_SESSION &&
				  !strcmp(ev->v[i].form, f->id);
	n = lms_pairs(f, ev, &before, &after, NULL);
	lms_paired_t(before, after, n, &out->change);
	lms_free(before);
	lms_free(after);
	scores(f, ev, LMS_FOLLOWUP, &out->followup, &out->missing_followup);
	n = lms_pairs_with(f, ev, LMS_FOLLOWUP, &before, &after, NULL);
	lms_paired_t(before, after, n, &out->change_followup);
	lms_free(before);
	lms_free(after);
	item_means(f, ev, out);
	session_means(f, ev, out);
	comments(f, ev, out);
}

void lms_summary_release(struct lms_form_summary *s)
{
	lms_free(s->items);
	lms_free(s->sessions);
	lms_free(s->comments);
	memset(s, 0, sizeof(*s));
}
