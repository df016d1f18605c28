#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "coursefiles.h"
#include "fsio.h"
#include "treelist.h"

void lms_course_folder_list(const struct lms_tree *t, const char *id,
			    struct lms_course_folder *out)
{
	memset(out, 0, sizeof(*out));
	out->listed = !lms_tree_list_kinds(t, LMS_FILE_COURSE_DIR, id,
					   &out->names, &out->kinds, &out->n);
	if (!out->listed)
		lms_error_clear();
}

int lms_course_folder_has(const struct lms_course_folder *cf,
			  enum lms_file f)
{
	const char *name = strrchr(lms_file_pattern(f), '/') + 1;
	int has = 0;

	if (!cf->listed)
		return -1;
	for (size_t i = 0; i < cf->n; i++) {
		if (!strcmp(cf->names[i], name))
			return cf->kinds[i] == LMS_DIR_FILE ? 1 : -1;
		/* "Course.yaml", which a file system that ignores case
		 * opens as course.yaml: the look must tell. */
		if (!strcasecmp(cf->names[i], name))
			has = -1;
	}
	return has;
}

void lms_course_folder_release(struct lms_course_folder *cf)
{
	lms_strings_free(cf->names, cf->n);
	lms_free(cf->kinds);
	memset(cf, 0, sizeof(*cf));
}

/* File f beside the plan, which may be missing: read, unless the folder
 * is known to lack it. */
static int read_beside(struct lms_tree *t, enum lms_file f, const char *id,
		       const struct lms_course_folder *folder,
		       struct lms_tree_doc *d)
{
	if (folder && lms_course_folder_has(folder, f) == 0)
		return lms_tree_doc_missing(t, f, id, d);
	return lms_tree_doc_read(t, f, id, true, d);
}

void lms_course_files_load(struct lms_tree *t, const char *id,
			   enum lms_course_files_which which,
			   const struct lms_course_folder *folder,
			   struct lms_course_files *out)
{
	memset(out, 0, sizeof(*out));
	if (!lms_tree_doc_read(t, LMS_FILE_COURSE, id, false, &out->plan))
		lms_tree_doc_course(&out->plan, &out->data.course);
	if (which == LMS_COURSE_FILES_PLAN)
		return;
	if (!read_beside(t, LMS_FILE_ENROLMENTS, id, folder,
			 &out->enrolments_doc))
		lms_tree_doc_enrolments(&out->enrolments_doc,
					&out->data.enrolments);
	if (!read_beside(t, LMS_FILE_ATTENDANCE, id, folder,
			 &out->attendance_doc))
		lms_tree_doc_attendance(&out->attendance_doc,
					&out->data.attendance);
	if (!read_beside(t, LMS_FILE_EVALUATIONS, id, folder,
			 &out->evaluations_doc))
		lms_tree_doc_evaluations(&out->evaluations_doc,
					 &out->data.evaluations);
	if (!read_beside(t, LMS_FILE_MEETINGS, id, folder, &out->meetings_doc))
		lms_tree_doc_meetings(&out->meetings_doc, &out->data.meetings);
	if (!read_beside(t, LMS_FILE_FACILITATOR_EVALUATIONS, id, folder,
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
