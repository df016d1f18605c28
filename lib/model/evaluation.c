#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "emit.h"
#include "date.h"
#include "error.h"
#include "i18n.h"
#include "evaluation.h"
#include "course.h"
#include "id.h"

/* People read these names translated, in their context (C_). */
const char *const lms_eval_phase_names[] = {
	"", NC_("evaluation phase", "pre"), NC_("evaluation phase", "post"),
	NC_("evaluation phase", "session"), NC_("evaluation phase", "followup"),
	NULL
};

/* A plain whole number is a scale answer; anything else, or anything
 * quoted, is text. */
static bool as_number(const struct lms_event *ev, int *out)
{
	char *end;
	long v;

	if (!ev->plain || !ev->len)
		return false;
	errno = 0;
	v = strtol(ev->value, &end, 10);
	if (*end || errno || v < -1000000 || v > 1000000)
		return false;
	*out = (int)v;
	return true;
}

static int load_answers(struct lms_loader *ld, const struct lms_event *ev,
			void *field)
{
	struct lms_yparser *p = lms_loader_parser(ld);
	struct lms_answers *answers = field;
	struct lms_event key, value;
	bool from_empty = !answers->n;
	int err;

	if (ev->type != LMS_EV_MAP)
		return lms_loader_error(ld, ev->start, _("expected {item: "
					"answer, ...}"));
	for (;;) {
		struct lms_answer *a;

		if ((err = lms_yparser_next(p, &key)))
			return err;
		if (key.type == LMS_EV_MAP_END)
			return 0;
		if (key.type != LMS_EV_SCALAR || !lms_id_valid(key.value))
			return lms_loader_error(ld, key.start, _("expected an "
						"item id"));
		for (size_t i = 0; i < answers->n; i++)
			if (!strcmp(answers->v[i].item, key.value))
				return lms_loader_error(ld, key.start, _("item "
							"'%s' is answered "
							"twice"), key.value);
		a = lms_array_push_run(&answers->v, &answers->n, sizeof(*a),
				       from_empty);
		a->item = lms_yparser_take(p, &key);
		if ((err = lms_yparser_next(p, &value)))
			return err;
		if (value.type != LMS_EV_SCALAR)
			return lms_loader_error(ld, value.start, _("%s: "
						"expected a number or text"),
						a->item);
		if (lms_event_is_null(&value)) {
			/* Not answered: as if the item were left out. */
			lms_free(a->item);
			answers->n--;
			continue;
		}
		a->is_text = !as_number(&value, &a->value);
		if (a->is_text)
			a->text = lms_yparser_take(p, &value);
	}
}

static void emit_answers(struct lms_buf *out, const void *field, int indent)
{
	const struct lms_answers *answers = field;

	(void)indent;
	lms_buf_adds(out, " {");
	for (size_t i = 0; i < answers->n; i++) {
		const struct lms_answer *a = &answers->v[i];

		/* Item ids such as "no" or "1e3" are quoted as keys. */
		lms_buf_adds(out, i ? ", " : "");
		lms_yaml_key(out, a->item, LMS_YAML_FLOW);
		lms_buf_addch(out, ' ');
		if (a->is_text)
			lms_yaml_scalar(out, a->text, LMS_YAML_FLOW);
		else
			lms_buf_addf(out, "%d", a->value);
	}
	lms_buf_adds(out, "}\n");
}

static int answers_empty(const void *field)
{
	return !((const struct lms_answers *)field)->n;
}

static void release_answers(void *field)
{
	struct lms_answers *answers = field;

	for (size_t i = 0; i < answers->n; i++) {
		lms_free(answers->v[i].item);
		lms_free(answers->v[i].text);
	}
	lms_free(answers->v);
	answers->v = NULL;
	answers->n = 0;
}

static const struct lms_custom answers_field = {
	load_answers, emit_answers, answers_empty, release_answers
};

#define E struct lms_evaluation
static const struct lms_field fields[] = {
	LMS_FIELD(E, "form", LMS_T_ID, form, LMS_REQUIRED),
	LMS_ENUM_FIELD(E, "phase", phase, lms_eval_phase_names, LMS_REQUIRED),
	LMS_FIELD(E, "session", LMS_T_DATE, session, 0),
	LMS_FIELD(E, "person", LMS_T_ID, person, 0),
	LMS_FIELD(E, "date", LMS_T_DATE, date, 0),
	LMS_CUSTOM_FIELD(E, "answers", answers, &answers_field, 0),
	LMS_FIELD(E, "digest", LMS_T_STR, digest, LMS_QUOTED),
	LMS_FIELD_END
};
#undef E

const struct lms_schema lms_evaluation_schema = {
	"evaluation", sizeof(struct lms_evaluation), fields,
	offsetof(struct lms_evaluation, mark),
	offsetof(struct lms_evaluation, extras)
};

#define E struct lms_evaluation
static const struct lms_field facilitator_fields[] = {
	LMS_FIELD(E, "form", LMS_T_ID, form, LMS_REQUIRED),
	LMS_ENUM_FIELD(E, "phase", phase, lms_phase_names, LMS_REQUIRED),
	LMS_FIELD(E, "date", LMS_T_DATE, date, 0),
	LMS_CUSTOM_FIELD(E, "answers", answers, &answers_field, 0),
	LMS_FIELD_END
};
#undef E

const struct lms_schema lms_facilitator_evaluation_schema = {
	/* An evaluation to whoever reads a message about one. */
	"evaluation", sizeof(struct lms_evaluation),
	facilitator_fields, offsetof(struct lms_evaluation, mark),
	offsetof(struct lms_evaluation, extras)
};

int lms_facilitator_evaluations_load(struct lms_evaluations *out,
				     const char *path, const char *text,
				     size_t len)
{
	int err = lms_load_list_text(path, text, len,
				     &lms_facilitator_evaluation_schema,
				     &out->v, &out->n, NULL);

	/* Fields this schema has not are left as "none". */
	for (size_t i = 0; !err && i < out->n; i++)
		out->v[i].session = LMS_DATE_NONE;
	return err;
}

void lms_facilitator_evaluations_emit(struct lms_buf *out,
				      const struct lms_evaluations *e)
{
	lms_emit_list(out, &lms_facilitator_evaluation_schema, e->v, e->n, 0);
}

int lms_evaluations_load(struct lms_evaluations *out, const char *path,
			 const char *text, size_t len)
{
	int err = lms_load_list_text(path, text, len, &lms_evaluation_schema,
				     &out->v, &out->n, NULL);

	for (size_t i = 0; !err && i < out->n; i++) {
		const struct lms_evaluation *e = &out->v[i];

		if ((e->phase == LMS_SESSION) != (e->session != LMS_DATE_NONE))
			err = lms_error_at(LMS_EDATA, path, e->mark.line,
					   e->mark.col, _("%zu: a session "
					   "response names its session, others "
					   "do not"), i + 1);
	}
	if (err)
		lms_evaluations_release(out);
	return err;
}

void lms_evaluations_release(struct lms_evaluations *e)
{
	lms_schema_release_array(&lms_evaluation_schema, e->v, e->n);
	e->v = NULL;
	e->n = 0;
}

void lms_evaluations_emit(struct lms_buf *out, const struct lms_evaluations *e)
{
	lms_emit_list(out, &lms_evaluation_schema, e->v, e->n, 0);
}

const struct lms_answer *lms_answer_find(const struct lms_evaluation *e,
					 const char *item)
{
	for (size_t i = 0; i < e->answers.n; i++)
		if (!strcmp(e->answers.v[i].item, item))
			return &e->answers.v[i];
	return NULL;
}

void lms_answer_add(struct lms_evaluation *e, const char *item, int value,
		    const char *text)
{
	struct lms_answer *a = lms_array_push(&e->answers.v, &e->answers.n,
					      sizeof(*a));

	a->item = lms_strdup(item);
	a->is_text = text != NULL;
	a->value = value;
	a->text = text ? lms_strdup(text) : NULL;
}
