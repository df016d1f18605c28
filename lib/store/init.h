#ifndef LMS_INIT_H
#define LMS_INIT_H

/*
 * Creates a new tree in dir: lms.yaml, .gitignore, an empty private
 * register readable by its owner alone, the shipped forms and template,
 * and empty courses/ and people/ folders.  Files that exist already (a
 * .gitignore, a form) are kept; an existing lms.yaml is refused.
 */
int lms_init_tree(const char *dir, const char *name, const char *municipality);

#endif
