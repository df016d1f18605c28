#ifndef LMS_OPS_FACILITATORS_H
#define LMS_OPS_FACILITATORS_H

#include "facilitator.h"
#include "opsio.h"

/*
 * Adding a facilitator (lms facilitator add): f, with an id no one in
 * people/facilitators.yaml has (else LMS_ECREATE), appended to that file
 * as lms_facilitator_append does.  One file, one write.
 */
int lms_ops_facilitator_add(const struct lms_ops_io *io,
			    const struct lms_facilitator *f);

#endif
