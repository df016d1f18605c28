#include <stdbool.h>
#include <string.h>

#include "collate.h"
#include "utf8.h"

/*
 * Each character weighs a class and a value within it; the classes come
 * in this order, the end of the string first so that a prefix sorts
 * before the strings it starts.
 */
enum { END, PUNCT, DIGIT, LETTER, OTHER, INVALID };
#define WEIGHT(class, value) ((unsigned)(class) << 24 | (value))
/* a to z are the letters 0 to 25; then the three Norwegian ones. */
#define LETTER_OF(c) WEIGHT(LETTER, (unsigned)((c) - 'a'))
#define AE WEIGHT(LETTER, 26)
#define OE WEIGHT(LETTER, 27)
#define AA WEIGHT(LETTER, 28)

/*
 * What the Latin letters from U+00C0 sort as: a base letter, or 1, 2, 3
 * for Æ, Ø, Å; S, T, J for the two letters of ß (ss), þ (th) and ĳ (ij);
 * '.' for the signs × and ÷.  Ő, Œ and Ű go with Ø and Y, as in the
 * Norwegian order of Unicode's CLDR.
 */
static const char latin1[] =
	"aaaa131ceeeeiiiidnoooo2.2uuuyyTS"	/* U+00C0 À to U+00DF ß */
	"aaaa131ceeeeiiiidnoooo2.2uuuyyTy";	/* U+00E0 à to U+00FF ÿ */
static const char latin_a[] =
	"aaaaaacc" "ccccccdd" "ddeeeeee" "eeeegggg"	/* U+0100 Ā */
	"gggghhhh" "iiiiiiii" "iiJJjjkk" "klllllll"	/* U+0120 Ġ */
	"lllnnnnn" "nnnnoooo" "2222rrrr" "rrssssss"	/* U+0140 ŀ */
	"sstttttt" "uuuuuuuu" "yyuuwwyy" "yzzzzzzs";	/* U+0160 Š */

/* Whether the letter cp of Latin Extended-A is upper case: mostly the
 * even ones, but for the odd runs Ĺ..ň and Ź..ž and a few alone. */
static bool upper_a(unsigned cp)
{
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
		return cp & 1;
	if (cp == 0x178)
		return true;
	if (cp == 0x138 || cp == 0x149 || cp == 0x17f)
		return false;
	return !(cp & 1);
}

/* The letter that the Latin letter cp sorts as, in the code of latin1[];
 * 0 for any other character. */
static char latin_letter(unsigned cp, bool *upper)
{
	char l = 0;

	if (cp >= 0xc0 && cp <= 0xff) {
		l = latin1[cp - 0xc0];
		*upper = cp < 0xdf;
	} else if (cp >= 0x100 && cp <= 0x17f) {
		l = latin_a[cp - 0x100];
		*upper = upper_a(cp);
	} else if (cp >= 0x218 && cp <= 0x21b) {	/* Romanian Ș, Ț */
		l = cp < 0x21a ? 's' : 't';
		*upper = !(cp & 1);
	}
	if (l == '.') {
		*upper = false;
		return 0;
	}
	return l;
}

/* Signs outside ASCII: Latin-1's, general punctuation (dashes, quotes),
 * symbols and arrows, and CJK punctuation. */
static bool is_punct(unsigned cp)
{
	return cp < 0xc0 || cp == 0xd7 || cp == 0xf7 ||
	       (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f);
}

/* The weight of cp; a second one in *second when it sorts as two
 * letters. */
static unsigned weigh_char(unsigned cp, bool *upper, unsigned *second)
{
	char l;

	*upper = false;
	if (cp >= '0' && cp <= '9')
		return WEIGHT(DIGIT, cp - '0');
	if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
		*upper = cp < 'a';
		return LETTER_OF(cp | 0x20);
	}
	if (!(l = latin_letter(cp, upper)))
		return is_punct(cp) ? WEIGHT(PUNCT, cp) : WEIGHT(OTHER, cp);
	switch (l) {
	case '1': return AE;
	case '2': return OE;
	case '3': return AA;
	case 'S': *second = LETTER_OF('s'); return LETTER_OF('s');
	case 'T': *second = LETTER_OF('h'); return LETTER_OF('t');
	case 'J': *second = LETTER_OF('j'); return LETTER_OF('i');
	default: return LETTER_OF(l);
	}
}

/* The letter that w followed by the combining mark makes, where that
 * is a letter of its own in Norwegian order: a ring above A is Å. */
static unsigned compose(unsigned w, unsigned mark)
{
	bool diaeresis = mark == 0x308, double_acute = mark == 0x30b;

	if (w == LETTER_OF('a') && mark == 0x30a)
		return AA;
	if (w == LETTER_OF('a') && diaeresis)
		return AE;
	if (w == LETTER_OF('o') && (diaeresis || double_acute ||
				    mark == 0x338))
		return OE;
	if (w == LETTER_OF('u') && (diaeresis || double_acute))
		return LETTER_OF('y');
	return w;
}

struct cursor {
	const char *s;
	size_t left;
	unsigned second;	/* the pending second letter of ß, þ, ĳ */
	bool second_upper;
};

static void cursor_init(struct cursor *c, const char *s)
{
	c->s = s ? s : "";
	c->left = strlen(c->s);
	c->second = 0;
	c->second_upper = false;
}

/* The weight of the next character, END after the last; *upper tells
 * its case.  Combining marks go with the character before them: they
 * make Å of A, or are accents, which only the bytes tell apart. */
static unsigned next_weight(struct cursor *c, bool *upper)
{
	unsigned cp, w;
	size_t n;

	*upper = false;
	if (c->second) {
		w = c->second;
		*upper = c->second_upper;
		c->second = 0;
		return w;
	}
	if (!c->left)
		return WEIGHT(END, 0);
	if (!(n = lms_utf8_char(c->s, c->left, &cp))) {
		w = WEIGHT(INVALID, (unsigned char)*c->s);
		c->s++;
		c->left--;
		return w;
	}
	c->s += n;
	c->left -= n;
	w = weigh_char(cp, upper, &c->second);
	c->second_upper = *upper;
	while ((n = lms_utf8_char(c->s, c->left, &cp)) &&
	       cp >= 0x300 && cp <= 0x36f) {
		w = compose(w, cp);
		c->s += n;
		c->left -= n;
	}
	return w;
}

/* Compares the weights of a and b, or, by_case, the case of the
 * characters of two strings whose weights are equal. */
static int compare(const char *a, const char *b, bool by_case)
{
	struct cursor x, y;

	cursor_init(&x, a);
	cursor_init(&y, b);
	for (;;) {
		bool ux, uy;
		unsigned wx = next_weight(&x, &ux), wy = next_weight(&y, &uy);

		if (!by_case && wx != wy)
			return wx < wy ? -1 : 1;
		if (by_case && ux != uy)
			return ux ? 1 : -1;
		if (wx == WEIGHT(END, 0) || wy == WEIGHT(END, 0))
			return 0;
	}
}

int lms_collate(const char *a, const char *b)
{
	int c = compare(a, b, false);

	if (!c)
		c = compare(a, b, true);
	if (!c)
		c = strcmp(a ? a : "", b ? b : "");
	return c < 0 ? -1 : c > 0;
}

bool lms_collate_same(const char *a, const char *b)
{
	return !compare(a, b, false);
}
