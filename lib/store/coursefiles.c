#include <string.h>

#include "coursefiles.h"

void lms_course_files_load(struct lms_tree *t, const char *id,
			   enum lms_course_files_which which,
			   struct lms_course_files *out)
{
	memset(out, 0, sizeof(*out));
	if (!lms_tree_doc_read(t, LMS_FILE_COURSE, id, false, &out->plan))
		lms_tree_doc_course(&out->plan, &out->data.course);
	if (which == LMS_COURSE_FILES_PLAN)
		return;
	if (!lms_tree_doc_read(t, LMS_FILE_ENROLMENTS, id, true,
			       &out->enrolments_doc))
		lms_tree_doc_enrolments(&out->enrolments_doc,
					&out->data.enrolments);
	if (!lms_tree_doc_read(t, LMS_FILE_ATTENDANCE, id, true,
			       &out->attendance_doc))
		lms_tree_doc_attendance(&out->attendance_doc,
					&out->data.attendance);
	if (!lms_tree_doc_read(t, LMS_FILE_EVALUATIONS, id, true,
			       &out->evaluations_doc))
		lms_tree_doc_evaluations(&out->evaluations_doc,
					 &out->data.evaluations);
	if (!lms_tree_doc_read(t, LMS_FILE_MEETINGS, id, true,
			       &out->meetings_doc))
		lms_tree_doc_meetings(&out->meetings_doc, &out->data.meetings);
	if (!lms_tree_doc_read(t, LMS_FILE_FACILITATOR_EVALUATIONS, id, true,
			       &out->facilitator_evaluations_doc))
		lms_tree_doc_facilitator_evaluations(
			&out->facilitator_evaluations_doc,
			&out->data.facilitator_evaluations);
}

void lms_course_files_release(struct lms_course_files *cf)
{
	lms_tree_doc_release(&cf->plan);
	lms_tree_doc_release(&cf->enrolments_doc);
	lms_tree_doc_release(&cf->attendance_doc);
	lms_tree_doc_release(&cf->evaluations_doc);
	lms_tree_doc_release(&cf->meetings_doc);
	lms_tree_doc_release(&cf->facilitator_evaluations_doc);
	lms_course_data_release(&cf->data);
}
