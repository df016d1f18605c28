#include <string.h>

#include "error.h"
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

int lms_id_check(const char *what, const char *s)
{
	if (lms_id_valid(s))
		return 0;
	return lms_error(LMS_EUSAGE, "invalid %s id '%s': use %s", what, s,
			 LMS_ID_RULE);
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
