#ifndef LMS_REPORTKEY_H
#define LMS_REPORTKEY_H

#include <stdbool.h>

/*
 * The secret of a tree's shared reports, people/report-key: the key of
 * the cell key method (protect.h, a rule of reports), kept with the
 * register and out of git.  lms init makes it.
 */
struct lms_report_key {
	unsigned char secret[32];
};

/*
 * The key of the tree at root (in LMS_REPORT_KEY_FILE).  With make, one
 * is made (named in the tree's .gitignore first) if the tree has none,
 * and *made says so; without, a missing key is LMS_ENOENT: a copy of a
 * tree must not make a key of its own, as its draws would differ from
 * the service's.  A key that is not 64 hex digits is LMS_EDATA.
 */
int lms_report_key_load(const char *root, bool make,
			struct lms_report_key *out, bool *made);

#endif
