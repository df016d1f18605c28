#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "keyset.h"

void lms_keyset_init(struct lms_keyset *s)
{
	memset(s, 0, sizeof(*s));
}

void lms_keyset_release(struct lms_keyset *s)
{
	free(s->slots);
	lms_keyset_init(s);
}

/* 0 marks an empty slot, so the key 0 is stored as 1. */
static uint64_t stored(uint64_t key)
{
	return key ? key : 1;
}

static void insert(uint64_t *slots, size_t cap, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (cap - 1);

	while (slots[i])
		i = (i + 1) & (cap - 1);
	slots[i] = key;
}

static void grow(struct lms_keyset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 1024;
	uint64_t *slots = lms_calloc(cap, sizeof(*slots));

	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i])
			insert(slots, cap, s->slots[i]);
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

bool lms_keyset_add(struct lms_keyset *s, uint64_t key)
{
	size_t i;

	key = stored(key);
	/* At most three quarters full: probes stay short, and a national
	 * report's million keys fit in 16 MiB. */
	if (4 * (s->n + 1) > 3 * s->cap)
		grow(s);
	i = (size_t)(key ^ (key >> 29)) & (s->cap - 1);
	while (s->slots[i]) {
		if (s->slots[i] == key)
			return false;
		i = (i + 1) & (s->cap - 1);
	}
	s->slots[i] = key;
	s->n++;
	return true;
}

uint64_t lms_hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return lms_hash_mix(h, 0);
}

uint64_t lms_hash_mix(uint64_t h, uint64_t v)
{
	/* splitmix64's finaliser spreads every bit of the input. */
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}
