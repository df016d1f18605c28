#include <string.h>

#include "error.h"
#include "i18n.h"
#include "id.h"

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool lms_id_valid(const char *s)
{
	size_t n = 0;

	if (!s || !*s || *s == '-')
		return false;
	for (; s[n]; n++)
		if (!id_char(s[n]) || n >= LMS_ID_MAX)
			return false;
	return true;
}

const char *lms_id_rule(void)
{
	return _("lowercase letters, digits and '-', starting with a letter "
		 "or digit, at most 64 characters");
}

/* The ids that commands check, each with its whole message. */
static const struct {
	const char *what, *msg;
} invalid[] = {
	{ "course", N_("invalid course id '%s': use %s") },
	{ "person", N_("invalid person id '%s': use %s") },
	{ "facilitator", N_("invalid facilitator id '%s': use %s") },
	{ "form", N_("invalid form id '%s': use %s") },
	{ "template", N_("invalid template id '%s': use %s") },
};

int lms_id_check(const char *what, const char *s)
{
	if (lms_id_valid(s))
		return 0;
	for (size_t i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		if (!strcmp(what, invalid[i].what))
			return lms_error(LMS_EUSAGE, _(invalid[i].msg), s,
					 lms_id_rule());
	return lms_error(LMS_EUSAGE, "invalid %s id '%s': use %s", what, s,
			 lms_id_rule());
}

bool lms_municipality_valid(const char *s)
{
	if (strlen(s) != 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}
