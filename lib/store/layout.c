#include <string.h>

#include "buf.h"
#include "layout.h"
#include "txn.h"

static const char *const patterns[LMS_NFILES] = {
	[LMS_FILE_SERVICE] = LMS_SERVICE_FILE,
	[LMS_FILE_IGNORE] = ".gitignore",
	[LMS_FILE_LOCK] = ".lms/lock",
	[LMS_FILE_JOURNAL] = LMS_JOURNAL_FILE,
	[LMS_FILE_PEOPLE] = "people",
	[LMS_FILE_FACILITATORS] = LMS_FACILITATORS_FILE,
	[LMS_FILE_REGISTER] = LMS_PARTICIPANTS_FILE,
	[LMS_FILE_REPORT_KEY] = LMS_REPORT_KEY_FILE,
	[LMS_FILE_FORMS] = "forms",
	[LMS_FILE_FORM] = "forms/%s.yaml",
	[LMS_FILE_TEMPLATES] = "templates",
	[LMS_FILE_TEMPLATE] = "templates/%s.yaml",
	[LMS_FILE_COURSES] = "courses",
	[LMS_FILE_COURSE_DIR] = "courses/%s",
	[LMS_FILE_COURSE] = "courses/%s/course.yaml",
	[LMS_FILE_ENROLMENTS] = "courses/%s/enrolments.yaml",
	[LMS_FILE_ATTENDANCE] = "courses/%s/attendance.yaml",
	[LMS_FILE_EVALUATIONS] = "courses/%s/evaluations.yaml",
	[LMS_FILE_OFFERS] = LMS_OFFERS_FILE,
	[LMS_FILE_MEETINGS] = "courses/%s/meetings.yaml",
	[LMS_FILE_FACILITATOR_EVALUATIONS] =
		"courses/%s/facilitator-evaluations.yaml",
	[LMS_FILE_INDEX] = ".lms/index",
};

const char *lms_file_pattern(enum lms_file f)
{
	return patterns[f];
}

void lms_file_rel_add(struct lms_buf *b, enum lms_file f, const char *id)
{
	const char *p = patterns[f], *hole = strstr(p, "%s");

	if (!hole) {
		lms_buf_adds(b, p);
		return;
	}
	lms_buf_grow(b, strlen(p) + strlen(id));
	lms_buf_add(b, p, (size_t)(hole - p));
	lms_buf_adds(b, id);
	lms_buf_adds(b, hole + 2);
}

const char *lms_file_below_courses(const char *rel)
{
	const char *courses = patterns[LMS_FILE_COURSES];
	size_t n = strlen(courses);

	if (!rel || strncmp(rel, courses, n) || rel[n] != '/' || !rel[n + 1])
		return NULL;
	return rel + n + 1;
}

const char *lms_file_in_course(enum lms_file f)
{
	const char *folder = patterns[LMS_FILE_COURSE_DIR], *p = patterns[f];
	size_t n = strlen(folder);

	return p && !strncmp(p, folder, n) ? p + n : NULL;
}

bool lms_file_in_courses(enum lms_file f, const char *id, char *buf,
			 size_t size)
{
	const char *name = lms_file_in_course(f);
	size_t idlen = strlen(id), len;

	if (!name || idlen + (len = strlen(name)) >= size)
		return false;
	memcpy(buf, id, idlen);
	memcpy(buf + idlen, name, len + 1);
	return true;
}

char *lms_file_rel(enum lms_file f, const char *id)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_file_rel_add(&b, f, id);
	return lms_buf_detach(&b);
}

bool lms_file_is_lms(const char *rel)
{
	size_t n;

	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	n = strcspn(rel, "/");
	for (int f = 0; f < LMS_NFILES; f++) {
		const char *p = patterns[f];

		if (strcspn(p, "/") == n && !strncmp(p, rel, n))
			return true;
	}
	return false;
}
