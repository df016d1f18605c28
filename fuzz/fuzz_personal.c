#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "personal.h"
#include "common.h"

/*
 * The scan for personal data (lms check reads every byte of a tree with
 * it; exports redact free text with it), on any text.  The input is
 * names, one a line, then a NUL, then the text; without a NUL, all of it
 * is text and a few fixed names are looked for.  A name line that starts
 * with '!' is of someone in a public role.
 *
 * Properties: every hit lies inside the text, after the one before it,
 * of one of the kinds asked for; a fødselsnummer's digits are valid;
 * redacting gives the text with each hit replaced; and where no name was
 * found, the numbers and addresses found word by word (names to look
 * for) are those found by the scan that passes the bytes between them
 * (no names), since a name is the only thing the two do not share.  And
 * nothing is passed over: where a separator comes before, a number or
 * name that a scan from there finds first lies in a hit of the scan of
 * the whole text.
 */

#define MAX_HITS 4096

/* Made up, as every name in lms's tests. */
static const char *const fixed_names[] = {
	"Ola Nordmann", "Kari Eksempel Nordmann", "René Prøvesen",
	"Åse Anne-Kari Eksempel", "!Leder Eksempelsen", NULL
};

struct hits {
	struct lms_personal_hit v[MAX_HITS];
	size_t n;
	bool overflow;
};

static void collect(const struct lms_personal_hit *hit, void *arg)
{
	struct hits *h = arg;

	if (h->n == MAX_HITS) {
		h->overflow = true;
		return;
	}
	h->v[h->n++] = *hit;
}

static void add_name(struct lms_names *names, const char *line)
{
	if (line[0] == '!')
		lms_names_add_public(names, line + 1);
	else
		lms_names_add(names, line);
}

/* The names before the NUL (or the fixed ones); returns where the text
 * starts. */
static size_t read_names(struct lms_names *names, const char *data,
			 size_t size)
{
	const char *nul = memchr(data, '\0', size);
	char *copy, *line, *save = NULL;

	if (!nul) {
		for (size_t i = 0; fixed_names[i]; i++)
			add_name(names, fixed_names[i]);
		return 0;
	}
	copy = lms_strndup(data, (size_t)(nul - data));
	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		add_name(names, line);
	lms_free(copy);
	return (size_t)(nul - data) + 1;
}

static void check_hits(const struct hits *h, const char *text, size_t len,
		       unsigned kinds)
{
	size_t done = 0;

	for (size_t i = 0; i < h->n; i++) {
		const struct lms_personal_hit *x = &h->v[i];

		if (!x->len || x->offset < done || x->offset + x->len > len)
			fuzz_fail("hit %zu at %zu+%zu: outside the text (%zu "
				  "bytes) or before the end of the last (%zu)",
				  i, x->offset, x->len, len, done);
		if (!(x->kind & kinds) || (x->kind & (x->kind - 1)))
			fuzz_fail("hit %zu is of kind %u, not one of %u", i,
				  (unsigned)x->kind, kinds);
		if (x->kind == LMS_PD_FNR) {
			char digits[16];
			size_t n = 0;

			for (size_t k = 0; k < x->len && n < 15; k++)
				if (text[x->offset + k] >= '0' &&
				    text[x->offset + k] <= '9')
					digits[n++] = text[x->offset + k];
			digits[n] = '\0';
			if (n != 11 || !lms_fnr_valid(digits))
				fuzz_fail("hit %zu is no fødselsnummer", i);
		}
		done = x->offset + x->len;
	}
}

static void check_redact(const struct hits *h, const char *text,
			 size_t len, unsigned kinds,
			 const struct lms_names *names)
{
	struct lms_buf want = LMS_BUF_INIT;
	size_t at = 0;
	char *got;

	/* lms_personal_redact takes a C string (fuzz_text ends the text
	 * with a NUL): only a text with no NUL of its own is whole. */
	if (memchr(text, '\0', len))
		return;
	for (size_t i = 0; i < h->n; i++) {
		lms_buf_add(&want, text + at, h->v[i].offset - at);
		lms_buf_adds(&want, "[x]");
		at = h->v[i].offset + h->v[i].len;
	}
	lms_buf_add(&want, text + at, len - at);
	got = lms_personal_redact(text, kinds, names, "[x]", NULL, NULL);
	if (strcmp(got, want.buf))
		fuzz_fail("redacting gives other than the hits replaced");
	lms_free(got);
	lms_buf_release(&want);
}

/* Bytes after which anything may start, as at the start of a text. */
static bool separates(char c)
{
	return c && strchr(" \n\t,;(\"", c);
}

static bool covered(const struct hits *h, size_t at)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].offset <= at && at < h->v[i].offset + h->v[i].len)
			return true;
	return false;
}

/* At most this many places of a text are scanned from again. */
enum { MAX_RESCANS = 16 };

static void check_nothing_passed(const struct hits *whole, const char *text,
				 size_t len, const struct lms_names *names)
{
	static struct hits from;
	const unsigned kinds = LMS_PD_FNR | LMS_PD_PHONE | LMS_PD_NAME;
	int rescans = 0;

	for (size_t at = 1; at < len && rescans < MAX_RESCANS; at++) {
		if (!separates(text[at - 1]) || separates(text[at]))
			continue;
		rescans++;
		from.n = 0;
		from.overflow = false;
		lms_find_personal(text + at, len - at, kinds, names, collect,
				  &from);
		if (from.n && from.v[0].offset == 0 && !covered(whole, at)) {
			fuzz_show("text", text, len);
			fuzz_fail("a scan from byte %zu finds %s there (%zu "
				  "bytes), which the scan of the whole text "
				  "passed over", at,
				  lms_personal_what(from.v[0].kind),
				  from.v[0].len);
		}
	}
}

static bool same_hits(const struct hits *a, const struct hits *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].kind != b->v[i].kind ||
		    a->v[i].offset != b->v[i].offset ||
		    a->v[i].len != b->v[i].len)
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hits with, without;
	const unsigned kinds = LMS_PD_ALL;
	struct lms_names names;
	char *all = fuzz_text(data, size);
	const char *text;
	size_t start, len;
	bool named = false;

	lms_names_init(&names);
	start = read_names(&names, all, size);
	text = all + start;
	len = size - start;

	with.n = without.n = 0;
	with.overflow = without.overflow = false;
	lms_find_personal(text, len, kinds, &names, collect, &with);
	lms_find_personal(text, len, kinds & ~(unsigned)LMS_PD_NAME, NULL,
			  collect, &without);
	check_hits(&with, text, len, kinds);
	check_hits(&without, text, len, kinds & ~(unsigned)LMS_PD_NAME);
	if (!with.overflow)
		check_redact(&with, text, len, kinds, &names);
	if (!with.overflow)
		check_nothing_passed(&with, text, len, &names);
	for (size_t i = 0; i < with.n; i++)
		named |= with.v[i].kind == LMS_PD_NAME;
	if (!named && !with.overflow && !without.overflow &&
	    !same_hits(&with, &without)) {
		fuzz_show("text", text, len);
		fuzz_fail("without a name found, the scan with names found %zu "
			  "numbers and addresses, the scan without %zu",
			  with.n, without.n);
	}
	lms_names_release(&names);
	lms_free(all);
	return 0;
}
