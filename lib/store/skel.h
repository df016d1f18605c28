#ifndef LMS_SKEL_H
#define LMS_SKEL_H

/*
 * The files `lms init` writes into a new tree, built into the binary from
 * lib/skel/ by the Makefile.  lms.yaml holds @NAME@ and @MUNICIPALITY@.
 */
struct lms_skel {
	const char *path;	/* relative to the tree */
	const char *text;
};

extern const struct lms_skel lms_skel_files[];

#endif
