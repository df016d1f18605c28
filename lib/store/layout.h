#ifndef LMS_LAYOUT_H
#define LMS_LAYOUT_H

#include <stdbool.h>

struct lms_buf;

/*
 * The tree's layout (see lms-files(5)): every file and folder lms reads
 * or writes, and the one place that spells their paths.  Code outside
 * the store names a file by its enum lms_file; tests/layers.sh fails on
 * a path written out anywhere else in lib/ or cmd/.
 */
enum lms_file {
	LMS_FILE_SERVICE,	/* lms.yaml */
	LMS_FILE_IGNORE,	/* .gitignore */
	LMS_FILE_LOCK,		/* .lms/lock */
	LMS_FILE_JOURNAL,	/* .lms/journal, the change's (txn.h) */
	LMS_FILE_PEOPLE,	/* people */
	LMS_FILE_FACILITATORS,	/* people/facilitators.yaml */
	LMS_FILE_REGISTER,	/* people/participants.yaml */
	LMS_FILE_REPORT_KEY,	/* people/report-key */
	LMS_FILE_FORMS,		/* forms */
	LMS_FILE_FORM,		/* forms/ID.yaml */
	LMS_FILE_TEMPLATES,	/* templates */
	LMS_FILE_TEMPLATE,	/* templates/ID.yaml */
	LMS_FILE_COURSES,	/* courses */
	LMS_FILE_COURSE_DIR,	/* courses/ID */
	LMS_FILE_COURSE,	/* courses/ID/course.yaml */
	LMS_FILE_ENROLMENTS,	/* courses/ID/enrolments.yaml */
	LMS_FILE_ATTENDANCE,	/* courses/ID/attendance.yaml */
	LMS_FILE_EVALUATIONS,	/* courses/ID/evaluations.yaml */
	LMS_FILE_OFFERS,	/* offers.yaml: offers after a course */
	LMS_FILE_MEETINGS,	/* courses/ID/meetings.yaml */
	LMS_FILE_FACILITATOR_EVALUATIONS,	/* courses/ID/facilitator-
						 * evaluations.yaml */
	LMS_FILE_INDEX,		/* .lms/index, the cache (index.h) */
	LMS_NFILES
};

/* The names the layout uses for its files' parts. */
#define LMS_SERVICE_FILE "lms.yaml"
#define LMS_OFFERS_FILE "offers.yaml"
#define LMS_FACILITATORS_FILE "people/facilitators.yaml"
#define LMS_PARTICIPANTS_FILE "people/participants.yaml"
#define LMS_PARTICIPANTS_TEMPORARY "people/.participants.yaml.*"
/* The secret of shared reports' protection (reportkey.h). */
#define LMS_REPORT_KEY_FILE "people/report-key"
#define LMS_REPORT_KEY_TEMPORARY "people/.report-key.*"

/*
 * The path of f relative to the tree's root: a printf format with one %s
 * for the id of a form, template or course, else none:
 * "courses/%s/course.yaml".
 */
const char *lms_file_pattern(enum lms_file f);
/* f's path relative to the root, for id when it takes one; the caller's. */
char *lms_file_rel(enum lms_file f, const char *id);
/* The same, added to b. */
void lms_file_rel_add(struct lms_buf *b, enum lms_file f, const char *id);
/* rel, a path relative to the tree (or a pattern), relative to its
 * courses/ instead; NULL if it is not below courses/.  The files of a
 * course are read and stat'ed below courses/ held open. */
const char *lms_file_below_courses(const char *rel);
/* The path of file f of course id below courses/ ("ID/course.yaml"),
 * into buf: false if it does not fit or f is not below courses/.  No
 * malloc: it is asked for every file of every course of a walk. */
bool lms_file_in_courses(enum lms_file f, const char *id, char *buf,
			 size_t size);
/* The name of file f of a course after the course's folder, as it
 * follows the id below courses/ ("/course.yaml"; "" for the folder);
 * NULL if f is not a course's.  No copy: the index looks at five files
 * of each course, and builds the id into their paths once. */
const char *lms_file_in_course(enum lms_file f);
/*
 * Whether rel, a path relative to the root, is lms's: a file of the
 * layout or anything in one of its folders (people/, courses/, .lms/
 * ...).  What else a tree holds is the user's.
 */
bool lms_file_is_lms(const char *rel);

#endif
