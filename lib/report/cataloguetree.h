#ifndef LMS_CATALOGUETREE_H
#define LMS_CATALOGUETREE_H

#include "catalogue.h"
#include "tree.h"

/*
 * The public catalogue from one tree or several (lms catalog --tree):
 * each tree's courses that are in it on cat->today
 * (lms_course_in_catalogue), with whom to ask resolved from the tree:
 * contact: FID gives the facilitator's name, phone and e-mail, contact:
 * service the service's phone and email of lms.yaml.  Nothing of
 * participants is read.
 */
int lms_catalogue_add_tree(struct lms_catalogue *cat, struct lms_tree *t);

/*
 * Adds course id of t alone, for a poster: it must be public (else
 * LMS_EDATA, with how to make it public), whatever its dates.
 */
int lms_catalogue_add_course(struct lms_catalogue *cat, struct lms_tree *t,
			     const char *id);

#endif
