#ifndef LMS_PERSON_H
#define LMS_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema.h"

/*
 * people/participants.yaml: the private register, the only file that
 * names participants.  It is mode 0600 and in .gitignore; everything else
 * refers to people by their random id.
 */
struct lms_person {
	struct lms_mark mark;
	char *id;
	char *name;
	char *phone;
	char *email;
	char *municipality;
	int birth_year;
	int32_t consent;
	unsigned contact;		/* LMS_CONTACT_...: what else they agreed to */
	struct lms_extras extras;
};

struct lms_register {
	struct lms_person *v;
	size_t n;
};

/*
 * What a person has agreed to be contacted for, beyond being registered
 * (the key contact, a list of lms_contact_names): reminders of sessions
 * and notices (lms remind), and being put in touch with others of a
 * course who agreed to it too, as for a new self-help group.  Nobody is
 * contacted for a purpose they did not agree to.
 */
enum { LMS_CONTACT_REMINDERS = 1 << 1, LMS_CONTACT_PEERS = 1 << 2 };
extern const char *const lms_contact_names[];

extern const struct lms_schema lms_person_schema;

#define LMS_PERSON_ID_LEN 8	/* "p-" and six characters */

int lms_register_load(struct lms_register *out, const char *path,
		      const char *text, size_t len);
void lms_register_release(struct lms_register *r);
void lms_register_emit(struct lms_buf *out, const struct lms_register *r);
struct lms_person *lms_register_find(const struct lms_register *r,
				     const char *id);
/* The person with this phone number or e-mail address, if any. */
struct lms_person *lms_register_match(const struct lms_register *r,
				      const char *phone, const char *email);
/* Appends a person; the register owns what p's pointers point to. */
struct lms_person *lms_register_add(struct lms_register *r,
				    const struct lms_person *p);
void lms_register_remove(struct lms_register *r, struct lms_person *p);

/*
 * A new random person id ("p-" and six of [a-z0-9], from the system's
 * random source, never from the name) that taken() says is free.
 */
int lms_person_new_id(char out[LMS_PERSON_ID_LEN + 1],
		      bool (*taken)(const char *id, void *arg), void *arg);

/*
 * New person ids drawn ahead and handed out in turn.  A command that adds
 * people draws as many as it may need, asks the tree which of them it
 * uses already, drops those and takes the rest: a few lookups, where
 * collecting every id of a national tree first took 100 MiB.
 */
struct lms_id_pool {
	char (*v)[LMS_PERSON_ID_LEN + 1];
	size_t n, next;
};

/* Adds n new ids, each unlike the others and those in the pool. */
int lms_id_pool_draw(struct lms_id_pool *p, size_t n);
/* Drops the ids not yet handed out that taken() says are in use. */
void lms_id_pool_drop(struct lms_id_pool *p,
		      bool (*taken)(const char *id, void *arg), void *arg);
/* The ids not yet handed out. */
size_t lms_id_pool_left(const struct lms_id_pool *p);
/* Hands out the next id; LMS_EIO when none is left. */
int lms_id_pool_take(struct lms_id_pool *p, char out[LMS_PERSON_ID_LEN + 1]);
void lms_id_pool_release(struct lms_id_pool *p);

/* Phone numbers compare by their digits, without a +47 or 0047 prefix;
 * e-mail addresses without case.  out holds at least 32 bytes. */
void lms_phone_key(const char *phone, char *out, size_t size);
bool lms_phone_valid(const char *phone);
bool lms_email_valid(const char *email);

/*
 * What the register holds of a person, checked the same way whoever adds
 * them (lms person add, a sign-up sheet): the fields, in the order they
 * are checked.
 */
enum lms_person_field {
	LMS_PERSON_NAME = 1,	/* given, on one line */
	LMS_PERSON_PHONE,	/* a phone number, if given */
	LMS_PERSON_EMAIL,	/* an e-mail address, if given */
	LMS_PERSON_BIRTH_YEAR,	/* 1900 to today's year, if given */
};

/* Whether p's field f is one the register may hold on the day today. */
bool lms_person_field_valid(const struct lms_person *p,
			    enum lms_person_field f, int32_t today);
/* The first field of p that is not valid, or 0: p may be registered. */
int lms_person_invalid(const struct lms_person *p, int32_t today);

#endif
