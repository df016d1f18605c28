#ifndef LMS_ID_H
#define LMS_ID_H

#include <stdbool.h>

/*
 * Ids name files and folders, so nothing but [a-z0-9][a-z0-9-]{0,63} is
 * ever accepted: no '/', no "..", no capitals, nothing empty.
 */
#define LMS_ID_MAX 64
/* The rule above, for messages: "lowercase letters, digits and '-', ...". */
const char *lms_id_rule(void);

bool lms_id_valid(const char *s);
/* Checks an id given by the user; records an LMS_EUSAGE error naming what. */
int lms_id_check(const char *what, const char *s);
bool lms_municipality_valid(const char *s);

#endif
