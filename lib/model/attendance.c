#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "attendance.h"
#include "date.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "id.h"
#include "schema.h"

/* People read these names translated, in their context (C_). */
const char *const lms_presence_names[] = {
	"", NC_("presence", "present"), NC_("presence", "absent"),
	NC_("presence", "excused"), NULL
};

static const struct lms_field presence_field = {
	"presence", LMS_T_ENUM, 0, LMS_NO_OFFSET, lms_presence_names, 0
};
static const struct lms_field count_field = {
	"count", LMS_T_INT, 0, LMS_NO_OFFSET, NULL, 0
};
static const struct lms_field date_field = {
	"date", LMS_T_DATE, 0, LMS_NO_OFFSET, NULL, 0
};

static int load_headcount(struct lms_loader *ld, const struct lms_event *ev,
			  struct lms_session_attendance *s)
{
	struct lms_yparser *p = lms_loader_parser(ld);
	struct lms_event key, value;
	int err, *slot;

	if (ev->type != LMS_EV_MAP)
		return lms_loader_error(ld, ev->start, _("expected "
					"{participants: N, relatives: N}"));
	for (;;) {
		if ((err = lms_yparser_next(p, &key)))
			return err;
		if (key.type == LMS_EV_MAP_END)
			return 0;
		if (key.type == LMS_EV_SCALAR && !strcmp(key.value, "participants"))
			slot = &s->participants;
		else if (key.type == LMS_EV_SCALAR && !strcmp(key.value, "relatives"))
			slot = &s->relatives;
		else
			return lms_loader_error(ld, key.start, _("a headcount "
						"has participants and "
						"relatives"));
		if ((err = lms_yparser_next(p, &value)) ||
		    (err = lms_loader_scalar(ld, &value, &count_field, slot)))
			return err;
		if (*slot < 0)
			return lms_loader_error(ld, value.start, _("a count "
						"cannot be negative"));
	}
}

static int by_person(const void *a, const void *b)
{
	return strcmp(((const struct lms_attendee *)a)->person,
		      ((const struct lms_attendee *)b)->person);
}

static int load_marks(struct lms_loader *ld, const struct lms_event *ev,
		      struct lms_session_attendance *s)
{
	struct lms_yparser *p = lms_loader_parser(ld);
	struct lms_event key, value;
	bool from_empty = !s->n;
	int err;

	if (ev->type != LMS_EV_MAP)
		return lms_loader_error(ld, ev->start, _("expected person: "
					"present|absent|excused"));
	for (;;) {
		if ((err = lms_yparser_next(p, &key)))
			return err;
		if (key.type == LMS_EV_MAP_END)
			break;
		if (key.type != LMS_EV_SCALAR || (!lms_id_valid(key.value) &&
						  strcmp(key.value, "headcount")))
			return lms_loader_error(ld, key.start, _("expected a "
						"person id or headcount"));
		if (!strcmp(key.value, "headcount")) {
			if ((err = lms_yparser_next(p, &value)) ||
			    (err = load_headcount(ld, &value, s)))
				return err;
			continue;
		}
		struct lms_attendee *a = lms_array_push_run(&s->v, &s->n,
							    sizeof(*a),
							    from_empty);

		a->person = lms_yparser_take(p, &key);
		if ((err = lms_yparser_next(p, &value)) ||
		    (err = lms_loader_scalar(ld, &value, &presence_field,
					     &a->presence)))
			return err;
	}
	lms_array_sort(s->v, s->n, sizeof(*s->v), by_person);
	for (size_t i = 1; i < s->n; i++)
		if (!strcmp(s->v[i].person, s->v[i - 1].person))
			return lms_loader_error(ld, ev->start, _("'%s' is "
						"marked twice"),
						s->v[i].person);
	return 0;
}

static int by_date(const void *a, const void *b)
{
	int32_t x = ((const struct lms_session_attendance *)a)->date;
	int32_t y = ((const struct lms_session_attendance *)b)->date;

	return x < y ? -1 : x > y;
}

static int load_doc(struct lms_loader *ld, const struct lms_event *root,
		    void *obj)
{
	struct lms_attendance *a = obj;
	struct lms_yparser *p = lms_loader_parser(ld);
	struct lms_event key, value;
	int err;

	if (root->type == LMS_EV_END || lms_event_is_null(root))
		return 0;
	if (root->type != LMS_EV_MAP)
		return lms_loader_error(ld, root->start, _("expected session "
					"dates as keys"));
	for (;;) {
		struct lms_session_attendance *s;
		int32_t date;

		if ((err = lms_yparser_next(p, &key)))
			return err;
		if (key.type == LMS_EV_MAP_END)
			break;
		if ((err = lms_loader_scalar(ld, &key, &date_field, &date)))
			return err;
		if (lms_attendance_session(a, date, 0))
			return lms_loader_error(ld, key.start, _("session %s "
						"is given twice"), key.value);
		s = lms_attendance_session(a, date, 1);
		s->mark = key.start;
		lms_loader_push_key(ld, key.value, key.len);
		err = lms_yparser_next(p, &value);
		if (!err && !lms_event_is_null(&value))
			err = load_marks(ld, &value, s);
		lms_loader_pop_key(ld);
		if (err)
			return err;
	}
	return 0;
}

int lms_attendance_load(struct lms_attendance *out, const char *path,
			const char *text, size_t len)
{
	int err;

	memset(out, 0, sizeof(*out));
	err = lms_load_custom_text(path, text, len, load_doc, out);
	if (err)
		lms_attendance_release(out);
	return err;
}

void lms_attendance_release(struct lms_attendance *a)
{
	for (size_t i = 0; i < a->n; i++) {
		for (size_t j = 0; j < a->v[i].n; j++)
			lms_free(a->v[i].v[j].person);
		lms_free(a->v[i].v);
	}
	lms_free(a->v);
	memset(a, 0, sizeof(*a));
}

void lms_attendance_emit(struct lms_buf *out, const struct lms_attendance *a)
{
	for (size_t i = 0; i < a->n; i++) {
		const struct lms_session_attendance *s = &a->v[i];
		char date[11];

		lms_date_format(s->date, date);
		lms_buf_addf(out, "\"%s\":", date);
		if (!s->n && s->participants == LMS_UNSET &&
		    s->relatives == LMS_UNSET) {
			lms_buf_adds(out, " {}\n");
			continue;
		}
		lms_buf_addch(out, '\n');
		for (size_t j = 0; j < s->n; j++) {
			/* Person ids such as "y" or "0x1f" are quoted. */
			lms_buf_adds(out, "  ");
			lms_yaml_key(out, s->v[j].person, 0);
			lms_buf_addf(out, " %s\n",
				     lms_presence_names[s->v[j].presence]);
		}
		if (s->participants != LMS_UNSET || s->relatives != LMS_UNSET)
			lms_buf_addf(out, "  headcount: {participants: %d, "
				     "relatives: %d}\n",
				     s->participants == LMS_UNSET ? 0 : s->participants,
				     s->relatives == LMS_UNSET ? 0 : s->relatives);
	}
}

const struct lms_session_attendance *lms_attendance_find(
	const struct lms_attendance *a, int32_t date)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].date == date)
			return &a->v[i];
	return NULL;
}

struct lms_session_attendance *lms_attendance_session(struct lms_attendance *a,
						      int32_t date, int create)
{
	struct lms_session_attendance *s;

	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].date == date)
			return &a->v[i];
	if (!create)
		return NULL;
	s = lms_array_push(&a->v, &a->n, sizeof(*s));
	s->date = date;
	s->participants = s->relatives = LMS_UNSET;
	lms_array_sort(a->v, a->n, sizeof(*a->v), by_date);
	return lms_attendance_session(a, date, 0);
}

void lms_attendance_mark(struct lms_session_attendance *s, const char *person,
			 int presence)
{
	struct lms_attendee *a;

	for (size_t i = 0; i < s->n; i++) {
		if (!strcmp(s->v[i].person, person)) {
			s->v[i].presence = presence;
			return;
		}
	}
	a = lms_array_push(&s->v, &s->n, sizeof(*a));
	a->person = lms_strdup(person);
	a->presence = presence;
	lms_array_sort(s->v, s->n, sizeof(*s->v), by_person);
}

int lms_attendance_of(const struct lms_session_attendance *s,
		      const char *person)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].person, person))
			return s->v[i].presence;
	return 0;
}
