#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "strset.h"

void lms_strset_init(struct lms_strset *s)
{
	memset(s, 0, sizeof(*s));
}

void lms_strset_release(struct lms_strset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		lms_free(s->slots[i].key);
	lms_free(s->slots);
	lms_strset_init(s);
}

static uint64_t hash(const char *key)
{
	uint64_t h = 14695981039346656037ull;	/* FNV-1a */

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ull;
	return h;
}

static struct lms_strset_slot *slot_for(const struct lms_strset *s,
					const char *key)
{
	size_t i = (size_t)hash(key) & (s->cap - 1);

	while (s->slots[i].key && strcmp(s->slots[i].key, key))
		i = (i + 1) & (s->cap - 1);
	return &s->slots[i];
}

static void grow(struct lms_strset *s)
{
	struct lms_strset old = *s;

	s->cap = old.cap ? old.cap * 2 : 16;
	s->slots = lms_calloc(s->cap, sizeof(*s->slots));
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*slot_for(s, old.slots[i].key) = old.slots[i];
	lms_free(old.slots);
}

bool lms_strset_add(struct lms_strset *s, const char *key, void *value)
{
	struct lms_strset_slot *slot;

	/* Keep the table at most half full so that probes stay short. */
	if (2 * (s->n + 1) > s->cap)
		grow(s);
	slot = slot_for(s, key);
	if (slot->key)
		return false;
	slot->key = lms_strdup(key);
	slot->value = value;
	s->n++;
	return true;
}

void lms_strset_set(struct lms_strset *s, const char *key, void *value)
{
	if (!lms_strset_add(s, key, value))
		slot_for(s, key)->value = value;
}

bool lms_strset_has(const struct lms_strset *s, const char *key)
{
	return s->cap && slot_for(s, key)->key;
}

void *lms_strset_get(const struct lms_strset *s, const char *key)
{
	return s->cap ? slot_for(s, key)->value : NULL;
}
