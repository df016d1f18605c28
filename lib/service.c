#include <math.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "id.h"
#include "municipality.h"
#include "service.h"

#define S struct lms_service
static const struct lms_field fields[] = {
	LMS_FIELD(S, "name", LMS_T_STR, name, LMS_REQUIRED),
	LMS_FIELD(S, "municipality", LMS_T_MUNI, municipality,
		  LMS_REQUIRED | LMS_QUOTED),
	LMS_LIST_FIELD(S, "partners", LMS_T_MUNIS, partners, NULL, 0),
	LMS_FIELD(S, "min_cell", LMS_T_INT, min_cell, 0),
	LMS_FIELD(S, "completion", LMS_T_REAL, completion, 0),
	LMS_FIELD(S, "retention_months", LMS_T_INT, retention_months, 0),
	LMS_ENUM_FIELD(S, "language", language, lms_lang_names, 0),
	LMS_FIELD_END
};
#undef S

const struct lms_schema lms_service_schema = {
	"service", sizeof(struct lms_service), fields, LMS_NO_OFFSET,
	LMS_NO_OFFSET
};

static int check(const struct lms_service *s, const char *path)
{
	if (s->min_cell < 1 || s->min_cell > LMS_MIN_CELL_MAX)
		return lms_error_at(LMS_EDATA, path, 0, 0, "min_cell: must be "
				    "from 1 to %d", LMS_MIN_CELL_MAX);
	if (!(s->completion > 0 && s->completion <= 1))
		return lms_error_at(LMS_EDATA, path, 0, 0, "completion: must be "
				    "a share above 0 and at most 1");
	if (s->retention_months < 1)
		return lms_error_at(LMS_EDATA, path, 0, 0, "retention_months: "
				    "must be 1 or more");
	return 0;
}

int lms_service_load(struct lms_service *out, const char *path,
		     const char *text, size_t len)
{
	int err = lms_load_text(path, text, len, &lms_service_schema, out, NULL);

	if (err)
		return err;
	if (out->min_cell == LMS_UNSET)
		out->min_cell = 5;
	if (isnan(out->completion))
		out->completion = 0.75;
	if (out->retention_months == LMS_UNSET)
		out->retention_months = 24;
	if ((err = check(out, path)))
		lms_service_release(out);
	return err;
}

void lms_service_release(struct lms_service *s)
{
	lms_schema_release(&lms_service_schema, s);
}

int lms_service_serves(const struct lms_service *s, const char *muni)
{
	if (!muni || !strcmp(s->municipality, muni))
		return 1;
	for (size_t i = 0; i < s->npartners; i++)
		if (!strcmp(s->partners[i], muni))
			return 1;
	return 0;
}

int lms_service_municipality(const struct lms_service *s, const char *text,
			     char out[5], int *how)
{
	size_t lead = strspn(text, " "), len = strcspn(text + lead, " ");

	if (len == 4 && !text[lead + len + strspn(text + lead + len, " ")]) {
		memcpy(out, text + lead, 4);
		out[4] = '\0';
		if (lms_municipality_valid(out) && lms_service_serves(s, out)) {
			*how = LMS_MUNI_NUMBER;
			return 0;
		}
	}
	return lms_municipality_lookup(text, out, how);
}
