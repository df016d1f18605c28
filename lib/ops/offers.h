#ifndef LMS_OPS_OFFERS_H
#define LMS_OPS_OFFERS_H

#include "offer.h"
#include "opsio.h"

/*
 * The register of offers (offers.yaml) through io's load_text: a missing
 * file is an empty register.  out is the caller's (lms_offers_release).
 */
int lms_ops_load_offers(const struct lms_ops_io *io, struct lms_offers *out);

/*
 * Adding an offer (lms offer add): f, with an id no offer has (else
 * LMS_ECREATE), appended to offers.yaml as lms_offer_append does.  One
 * file, one write.
 */
int lms_ops_offer_add(const struct lms_ops_io *io, const struct lms_offer *f);

#endif
