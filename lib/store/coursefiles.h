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

/* The files of LMS_COURSE_FILES_ALL, or of the plan alone. */
enum lms_course_files_which {
	LMS_COURSE_FILES_PLAN,
	LMS_COURSE_FILES_ALL
};

/*
 * Reads and loads course id's files into out; what does not read or load
 * is told by its document.  out is to be released whatever came of it.
 */
void lms_course_files_load(struct lms_tree *t, const char *id,
			   enum lms_course_files_which which,
			   struct lms_course_files *out);
void lms_course_files_release(struct lms_course_files *cf);

#endif
