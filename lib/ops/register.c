#include <stdbool.h>
#include <stdlib.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "date.h"
#include "register.h"
#include "schema.h"
#include "strset.h"

/* Registering a person: see register.h. */

/* Copies the strings of p, whoever owns them, into the register. */
static void add_copy(struct lms_register *r, const struct lms_person *p,
		     const char *id)
{
	struct lms_person copy = *p;

	copy.id = lms_strdup(id);
	copy.name = lms_strdup(p->name);
	copy.phone = p->phone ? lms_strdup(p->phone) : NULL;
	copy.email = p->email ? lms_strdup(p->email) : NULL;
	copy.municipality = p->municipality ? lms_strdup(p->municipality) : NULL;
	lms_register_add(r, &copy);
}

int lms_ops_person_add(const struct lms_ops_io *io, const struct lms_person *p,
		       int32_t today, char id[LMS_PERSON_ID_LEN + 1])
{
	struct lms_register reg;
	struct lms_id_pool ids = { NULL, 0, 0 };
	const struct lms_person *known;
	int err;

	if (lms_person_invalid(p, today))
		return lms_error(LMS_EIO, _("internal: a person that the "
					       "register may not hold"));
	if ((err = io->load_register(io->arg, &reg)))
		return err;
	if ((known = lms_register_match(&reg, p->phone, p->email)))
		err = lms_error(LMS_EREFUSED, _("%s has that phone number or "
						"e-mail address already"),
				known->id);
	if (!err)
		err = lms_ops_free_ids(io, &reg, 1, &ids);
	if (!err)
		err = lms_id_pool_take(&ids, id);
	if (!err) {
		add_copy(&reg, p, id);
		err = io->save_register(io->arg, &reg);
	}
	lms_id_pool_release(&ids);
	lms_register_release(&reg);
	return err;
}

/* Replaces *field by value (NULL: as it is; "": removed). */
static void replace(char **field, const char *value)
{
	if (!value)
		return;
	lms_free(*field);
	*field = *value ? lms_strdup(value) : NULL;
}

static void apply(struct lms_person *p, const struct lms_person_change *c)
{
	replace(&p->name, c->name);
	replace(&p->phone, c->phone);
	replace(&p->email, c->email);
	replace(&p->municipality, c->municipality);
	if (c->birth_year != LMS_UNSET)
		p->birth_year = c->birth_year;
	if (c->consent != LMS_DATE_NONE)
		p->consent = c->consent;
	if (c->set_contact)
		p->contact = c->contact;
}

/* Someone other than self with p's phone number or e-mail address. */
static const struct lms_person *other_with(const struct lms_register *r,
					   const struct lms_person *self)
{
	for (size_t i = 0; i < r->n; i++) {
		struct lms_register one = { &r->v[i], 1 };

		if (&r->v[i] != self &&
		    lms_register_match(&one, self->phone, self->email))
			return &r->v[i];
	}
	return NULL;
}

static int change(struct lms_register *reg, const char *id,
		  const struct lms_person_change *c, int32_t today)
{
	struct lms_person *p = lms_register_find(reg, id);
	const struct lms_person *known;

	if (!p)
		return lms_error(LMS_ENOENT, _("no such person: '%s'"), id);
	apply(p, c);
	if (lms_person_invalid(p, today))
		return lms_error(LMS_EDATA, _("%s: the register may not hold "
					      "the person so changed"), id);
	if ((known = other_with(reg, p)))
		return lms_error(LMS_EREFUSED, _("%s has that phone number or "
						 "e-mail address already"),
				 known->id);
	return 0;
}

int lms_ops_person_set(const struct lms_ops_io *io, const char *id,
		       const struct lms_person_change *c, int32_t today)
{
	struct lms_register reg;
	int err;

	if ((err = io->load_register(io->arg, &reg)))
		return err;
	if (!(err = change(&reg, id, c, today)))
		err = io->save_register(io->arg, &reg);
	lms_register_release(&reg);
	return err;
}
