#ifndef LMS_COURSEFILES_H
#define LMS_COURSEFILES_H

#include "coursedata.h"
#include "treedoc.h"

/*
 * A course's files as lms check reads them: its plan and the files lms
 * keeps beside it, each as a document (treedoc.h) with its text, its
 * loader's notes and, if it did not read or load, its error.  The files
 * beside the plan are read even when the plan is broken, as they may hold
 * personal data all the same; one that is not there is empty.
 */
struct lms_course_files {
	struct lms_tree_doc plan, enrolments_doc, attendance_doc,
		evaluations_doc, meetings_doc, facilitator_evaluations_doc;
	/* What loaded, in the store's one struct of a course's files:
	 * data.course when plan.loaded, data.enrolments when
	 * enrolments_doc.loaded, and so on (no facilitators, no forms). */
	struct lms_course_data data;
};

/*
 * What a course's folder holds, listed once: the files it does not hold
 * are then not looked for one by one (two system calls each, and most
 * courses lack some), and the names serve the look at the others.
 */
struct lms_course_folder {
	char **names;
	unsigned char *kinds;		/* enum lms_dir_kind */
	size_t n;
	bool listed;			/* false: it could not be listed */
};

/* Lists course id's folder into out, which is to be released whatever
 * came of it; one that cannot be listed is left for the reads to tell. */
void lms_course_folder_list(const struct lms_tree *t, const char *id,
			    struct lms_course_folder *out);
/* Whether file f of the course is in the folder: 1 as a regular file, 0
 * not at all, -1 when the listing cannot tell (a link, a name that
 * differs only in case, or no listing). */
int lms_course_folder_has(const struct lms_course_folder *cf,
			  enum lms_file f);
void lms_course_folder_release(struct lms_course_folder *cf);

/* The files of LMS_COURSE_FILES_ALL, or of the plan alone. */
enum lms_course_files_which {
	LMS_COURSE_FILES_PLAN,
	LMS_COURSE_FILES_ALL
};

/*
 * Reads and loads course id's files into out; what does not read or load
 * is told by its document.  out is to be released whatever came of it.
 * A file beside the plan that folder (if not NULL) lacks is missing
 * unread.
 */
void lms_course_files_load(struct lms_tree *t, const char *id,
			   enum lms_course_files_which which,
			   const struct lms_course_folder *folder,
			   struct lms_course_files *out);
void lms_course_files_release(struct lms_course_files *cf);

#endif
