#ifndef LMS_OFFER_H
#define LMS_OFFER_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "person.h"
#include "schema.h"

/*
 * The register of offers after a course (offers.yaml): local self-help
 * groups, healthy life centres, user organisations and the like, to which
 * lms course close --follow-up refers people on.  It names no participant:
 * its contact is the offer's own, public, so the file is for git.
 */
enum lms_offer_kind {
	LMS_OFFER_SELF_HELP = 1, LMS_OFFER_HEALTHY_LIFE,
	LMS_OFFER_USER_ORG, LMS_OFFER_LEARNING_CENTRE, LMS_OFFER_OTHER,
	LMS_NOFFER_KINDS
};
/* The English keys of the kinds; people read them translated in the
 * context "offer kind" (C_). */
extern const char *const lms_offer_kind_names[];

struct lms_offer {
	struct lms_mark mark;
	char *id;
	char *name;
	int kind;
	char *phone;
	char *email;
	char *web;
	char *municipality;
	char *note;
	struct lms_extras extras;
};

struct lms_offers {
	struct lms_offer *v;
	size_t n;
};

extern const struct lms_schema lms_offer_schema;

/* The whole file at path; an id listed twice is an error (LMS_EDATA). */
int lms_offers_load(struct lms_offers *out, const char *path,
		    const char *text, size_t len, struct lms_diags *diags);
void lms_offers_release(struct lms_offers *o);
const struct lms_offer *lms_offer_find(const struct lms_offers *o,
				       const char *id);

/*
 * Whether a follow-up (enrolments.yaml's follow_up) claims to name an
 * offer: once the register lists any offer, a follow-up written as an id
 * (lower case letters, digits and dashes) names one; text with a space or
 * other letters stays free text, as before the register.
 */
bool lms_offer_named(const struct lms_offers *o, const char *follow_up);

/*
 * 0 if follow_up is free text or names an offer of o; else LMS_ENOENT,
 * "no such offer: 'ID'", with the closest id when there is one.
 */
int lms_offer_check(const struct lms_offers *o, const char *follow_up);

/*
 * Appends f to text, the whole of offers.yaml (at path, for messages), as
 * a new entry at the end, leaving the rest as it was; the result must
 * load, else the error says why and text is not to be saved.
 */
int lms_offer_append(struct lms_buf *text, const char *path,
		     const struct lms_offer *f);

/*
 * An offer's contacts are the offer's own, public, and go to git: the
 * key ("phone" or "email") of one that is a person's of the register, or
 * NULL.  Phone numbers and addresses compare as lms_register_match does.
 */
const char *lms_offer_private_contact(const struct lms_offer *o,
				      const struct lms_register *r);

#endif
