#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "attend.h"
#include "attendance.h"
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

static void report(struct lms_buf *out, const struct lms_attend_result *s)
{
	char date[11];

	lms_i18n_date(s->date, date);
	/* TRANSLATORS: "session 2, 2026-09-10: 5 present, 1 absent, 0
	 * excused; headcount 3 participants, 1 relatives". */
	lms_buf_addf(out, _("session %zu, %s: "), s->number, date);
	if (s->marked)
		lms_buf_addf(out, _("%zu present, %zu absent, %zu excused"),
			     s->present, s->absent, s->excused);
	if (s->participants != LMS_UNSET || s->relatives != LMS_UNSET) {
		lms_buf_adds(out, s->marked ? "; " : "");
		lms_buf_addf(out, _("headcount %d participants, %d relatives"),
			     s->participants == LMS_UNSET ? 0 : s->participants,
			     s->relatives == LMS_UNSET ? 0 : s->relatives);
	}
	lms_buf_addch(out, '\n');
}

/* A closed course's verdict that the new attendance changed. */
static void say_judged(const struct lms_enrolment *r, int was,
		       size_t attended, size_t held, void *arg)
{
	/* TRANSLATORS: "p-7k3q9x: enrolled -> completed (3 of 4
	 * sessions)". */
	lms_buf_addf(arg, lms_n_("%s: %s -> %s (%zu of %zu "
				 "sessions)\n", "%s: %s -> %s "
				 "(%zu of %zu sessions)\n", held),
		     r->person,
		     C_("enrolment status", lms_enrolment_status_names[was]),
		     C_("enrolment status",
			lms_enrolment_status_names[r->status]),
		     attended, held);
}

static int attend(struct ctx *ctx, int argc, char **argv)
{
	struct lms_buf judged = LMS_BUF_INIT;
	struct lms_attend_request req;
	struct lms_attend_result r;
	struct lms_ops_io io;
	struct marks m;
	int err;

	if (!(err = parse(argc, argv, &m)) && !(err = cmd_open_tree(ctx))) {
		req = (struct lms_attend_request){
			.course = argv[optind], .session = argv[optind + 1],
			.present = m.present, .npresent = m.npresent,
			.absent = m.absent, .nabsent = m.nabsent,
			.excused = m.excused, .nexcused = m.nexcused,
			.all = m.all, .participants = m.participants,
			.relatives = m.relatives,
			.completion = ctx->tree.service.completion,
			.today = ctx->today
		};
		cmd_ops_io(ctx, &io);
		if (!(err = lms_ops_attend(&io, &req, say_judged, &judged,
					   &r))) {
			report(&ctx->out, &r);
			lms_buf_add(&ctx->out, judged.buf, judged.len);
		}
	}
	lms_buf_release(&judged);
	marks_release(&m);
	return err;
}

const struct cmd cmd_attend = {
	"attend", attend, CMD_TREE | CMD_LOCK, usage,
	N_("record who came to a session"), "lms-attend", NULL
};
