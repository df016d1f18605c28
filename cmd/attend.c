#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "attendance.h"
#include "date.h"
#include "enrol.h"
#include "id.h"
#include "words.h"
#include "cmd.h"

/* lms attend: who came to a session, or how many for a drop-in session. */

struct marks {
	char **present, **absent, **excused;
	size_t npresent, nabsent, nexcused;
	bool all;
	int participants, relatives;	/* --headcount, or LMS_UNSET */
};

static const char *const usage[] = {
	"lms attend COURSE SESSION [PERSON...] [--absent P,...] "
	"[--excused P,...] [--all]",
	"lms attend COURSE SESSION --headcount participants=N,relatives=N",
	NULL
};

/* What --headcount counts, as KEY=N; the index is the slot's. */
static const char *const headcounts[] = {
	"participants=N", "relatives=N", NULL
};

/* The slot of "KEY=..." in headcounts, or -1. */
static int headcount_of(const char *word)
{
	for (int i = 0; headcounts[i]; i++) {
		size_t key = strcspn(headcounts[i], "=") + 1;

		if (!strncmp(word, headcounts[i], key))
			return i;
	}
	return -1;
}

static int parse_headcount(const char *s, struct marks *m)
{
	int *slots[] = { &m->participants, &m->relatives };
	char **words;
	size_t n;
	int err = 0;

	lms_words_split(s, &words, &n);
	for (size_t i = 0; i < n && !err; i++) {
		int k = headcount_of(words[i]);

		if (k < 0)
			err = cmd_usage_error(_("--headcount: '%s' is not %s"),
					      words[i], cmd_list(headcounts,
								 LMS_JOIN_OR));
		else
			err = cmd_parse_int("--headcount",
					    strchr(words[i], '=') + 1, 0, 10000,
					    slots[k]);
	}
	if (!err && m->participants == LMS_UNSET && m->relatives == LMS_UNSET)
		/* TRANSLATORS: %s is "participants=N, relatives=N". */
		err = cmd_usage_error(_("--headcount: give %s or both"),
				      cmd_list(headcounts, LMS_JOIN_COMMAS));
	lms_words_free(words, n);
	return err;
}

static int parse(int argc, char **argv, struct marks *m)
{
	static const struct option longopts[] = {
		{ "absent", required_argument, NULL, 'a' },
		{ "excused", required_argument, NULL, 'e' },
		{ "all", no_argument, NULL, 'A' },
		{ "headcount", required_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, err = 0;

	memset(m, 0, sizeof(*m));
	m->participants = m->relatives = LMS_UNSET;
	while (!err && (c = cmd_getopt(argc, argv, "", longopts)) != -1) {
		switch (c) {
		case 'a': lms_words_add(optarg, &m->absent, &m->nabsent); break;
		case 'e': lms_words_add(optarg, &m->excused, &m->nexcused); break;
		case 'A': m->all = true; break;
		case 'h': err = parse_headcount(optarg, m); break;
		default: err = LMS_EUSAGE; break;
		}
	}
	if (err)
		return err;
	if (argc - optind < 2)
		return cmd_usage_error(_("give a course and a session"));
	for (int i = optind + 2; i < argc; i++)
		*(char **)lms_array_push(&m->present, &m->npresent, sizeof(char *)) =
			lms_strdup(argv[i]);
	if (m->participants != LMS_UNSET || m->relatives != LMS_UNSET) {
		if (m->npresent || m->nabsent || m->nexcused || m->all)
			return cmd_usage_error(_("a headcount is for sessions "
					         "without names"));
	} else if (!m->npresent && !m->nabsent && !m->nexcused && !m->all) {
		return cmd_usage_error(_("nobody to mark: name people or give "
				         "--all"));
	}
	return 0;
}

static void marks_release(struct marks *m)
{
	lms_words_free(m->present, m->npresent);
	lms_words_free(m->absent, m->nabsent);
	lms_words_free(m->excused, m->nexcused);
}

/* Everyone named must be on the course, and named once. */
static int check_people(const struct marks *m, const struct lms_course *c,
			const struct lms_enrolments *e)
{
	char **lists[] = { m->present, m->absent, m->excused };
	size_t counts[] = { m->npresent, m->nabsent, m->nexcused };
	struct lms_strset seen;
	int err = 0;

	lms_strset_init(&seen);
	for (int l = 0; l < 3 && !err; l++) {
		for (size_t i = 0; i < counts[l] && !err; i++) {
			const char *p = lists[l][i];
			const struct lms_enrolment *r;

			if ((err = lms_id_check("person", p)))
				break;
			r = lms_enrolments_find(e, p);
			if (!r || r->status == LMS_WAITLISTED)
				err = lms_error(LMS_ENOENT, _("%s is not on "
							      "course '%s'"),
						p, c->id);
			else if (!lms_strset_add(&seen, p, NULL))
				err = cmd_usage_error(_("%s is named twice"),
						      p);
		}
	}
	lms_strset_release(&seen);
	return err;
}

static void apply(const struct marks *m, const struct lms_enrolments *e,
		  struct lms_session_attendance *s)
{
	if (m->participants != LMS_UNSET)
		s->participants = m->participants;
	if (m->relatives != LMS_UNSET)
		s->relatives = m->relatives;
	/* --all first, so that the lists of names override it.  After the
	 * close, those on the course are the completed and not completed. */
	for (size_t i = 0; m->all && i < e->n; i++)
		if (lms_enrolment_on_course(e->v[i].status))
			lms_attendance_mark(s, e->v[i].person, LMS_PRESENT);
	for (size_t i = 0; i < m->npresent; i++)
		lms_attendance_mark(s, m->present[i], LMS_PRESENT);
	for (size_t i = 0; i < m->nabsent; i++)
		lms_attendance_mark(s, m->absent[i], LMS_ABSENT);
	for (size_t i = 0; i < m->nexcused; i++)
		lms_attendance_mark(s, m->excused[i], LMS_EXCUSED);
}

static void report(struct lms_buf *out, size_t number,
		   const struct lms_session_attendance *s)
{
	size_t counts[4] = { 0, 0, 0, 0 };
	char date[11];

	for (size_t i = 0; i < s->n; i++)
		counts[s->v[i].presence]++;
	lms_i18n_date(s->date, date);
	/* TRANSLATORS: "session 2, 2026-09-10: 5 present, 1 absent, 0
	 * excused; headcount 3 participants, 1 relatives". */
	lms_buf_addf(out, _("session %zu, %s: "), number, date);
	if (s->n)
		lms_buf_addf(out, _("%zu present, %zu absent, %zu excused"),
			     counts[LMS_PRESENT], counts[LMS_ABSENT],
			     counts[LMS_EXCUSED]);
	if (s->participants != LMS_UNSET || s->relatives != LMS_UNSET) {
		lms_buf_adds(out, s->n ? "; " : "");
		lms_buf_addf(out, _("headcount %d participants, %d relatives"),
			     s->participants == LMS_UNSET ? 0 : s->participants,
			     s->relatives == LMS_UNSET ? 0 : s->relatives);
	}
	lms_buf_addch(out, '\n');
}

/* People on the course, however it stands. */
static size_t on_course(const struct lms_enrolments *e)
{
	size_t n = 0;

	for (size_t i = 0; i < e->n; i++)
		n += lms_enrolment_on_course(e->v[i].status);
	return n;
}

/*
 * A closed course's verdicts (completed or not) come from its attendance,
 * so a change to that attendance judges them again, as lms course close
 * would now: they never go stale.  Each verdict that changes is said, and
 * the enrolments are written with the attendance, as one change.
 */
static int judge_again(struct ctx *ctx, const struct lms_course *c,
		       struct lms_enrolments *e, const struct lms_attendance *a)
{
	int *was = lms_calloc(e->n + 1, sizeof(int));
	size_t *attended = lms_calloc(e->n + 1, sizeof(size_t));
	size_t *held = lms_calloc(e->n + 1, sizeof(size_t));
	bool changed = false;
	int err = 0;

	for (size_t i = 0; i < e->n; i++)
		was[i] = e->v[i].status;
	lms_close_enrolments(c, e, a, ctx->tree.service.completion, ctx->today,
			     attended, held);
	for (size_t i = 0; i < e->n; i++) {
		if (was[i] == e->v[i].status)
			continue;
		/* TRANSLATORS: "p-7k3q9x: enrolled -> completed (3 of 4
		 * sessions)". */
		lms_buf_addf(&ctx->out, lms_n_("%s: %s -> %s (%zu of %zu "
					       "sessions)\n", "%s: %s -> %s "
					       "(%zu of %zu sessions)\n",
					       held[i]),
			     e->v[i].person,
			     C_("enrolment status",
				lms_enrolment_status_names[was[i]]),
			     C_("enrolment status",
				lms_enrolment_status_names[e->v[i].status]),
			     attended[i], held[i]);
		changed = true;
	}
	if (changed) {
		struct lms_buf text = LMS_BUF_INIT;
		char *path = lms_tree_path(&ctx->tree,
					   "courses/%s/enrolments.yaml", c->id);

		lms_enrolments_emit(&text, e);
		err = cmd_write(ctx, path, &text, 0);
		lms_buf_release(&text);
		free(path);
	}
	free(was);
	free(attended);
	free(held);
	return err;
}

static int record(struct ctx *ctx, const struct marks *m,
		  const struct lms_course *c, const char *session)
{
	struct lms_attendance a;
	struct lms_enrolments e;
	struct lms_session_attendance *s;
	struct lms_buf text = LMS_BUF_INIT;
	size_t index, number;
	char *path;
	int err;

	if ((err = lms_course_find_session(c, session, &index, &number)) ||
	    (err = lms_tree_load_enrolments(&ctx->tree, c->id, &e)))
		return err;
	if ((err = check_people(m, c, &e)) ||
	    (err = lms_tree_load_attendance(&ctx->tree, c->id, &a))) {
		lms_enrolments_release(&e);
		return err;
	}
	if (m->all && !on_course(&e) && !m->npresent && !m->nabsent &&
	    !m->nexcused) {
		err = lms_error(LMS_EREFUSED, _("nobody is enrolled on course "
						"'%s'"), c->id);
		goto out;
	}
	s = lms_attendance_session(&a, c->sessions[index].date, 1);
	apply(m, &e, s);
	lms_attendance_emit(&text, &a);
	path = lms_tree_path(&ctx->tree, "courses/%s/attendance.yaml", c->id);
	if (!(err = cmd_write(ctx, path, &text, 0)))
		report(&ctx->out, number, s);
	if (!err && c->status == LMS_COURSE_COMPLETED)
		err = judge_again(ctx, c, &e, &a);
	free(path);
out:
	lms_buf_release(&text);
	lms_attendance_release(&a);
	lms_enrolments_release(&e);
	return err;
}

static int attend(struct ctx *ctx, int argc, char **argv)
{
	struct lms_course c;
	struct marks m;
	int err;

	if (!(err = parse(argc, argv, &m)) && !(err = cmd_open_tree(ctx)) &&
	    !(err = lms_tree_load_course(&ctx->tree, argv[optind], &c, NULL))) {
		err = record(ctx, &m, &c, argv[optind + 1]);
		lms_course_release(&c);
	}
	marks_release(&m);
	return err;
}

const struct cmd cmd_attend = {
	"attend", attend, CMD_TREE | CMD_LOCK, usage,
	N_("record who came to a session"), "lms-attend", NULL
};
