#include <string.h>

#include "overstrike.h"

void lms_overstrike_init(struct lms_overstrike *s)
{
	memset(s, 0, sizeof(*s));
}

/* How many bytes the character that starts with byte c has; bytes that
 * start none are characters of their own, and pass through as they are. */
static size_t char_len(unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 1;
}

static void emit_held(struct lms_overstrike *s, struct lms_buf *out)
{
	lms_buf_add(out, s->held, s->nheld);
	s->nheld = 0;
	s->struck = false;
}

/* A whole character c of n bytes.  A control character (a newline) after
 * a backspace strikes nothing: the backspace is dropped. */
static void take(struct lms_overstrike *s, const char *c, size_t n,
		 struct lms_buf *out)
{
	if (s->struck && !(n == 1 && (unsigned char)c[0] < 0x20)) {
		/* Struck over: the character wins over an underscore, and
		 * over itself (bold) it stays what it was. */
		if (s->nheld == 1 && s->held[0] == '_') {
			memcpy(s->held, c, n);
			s->nheld = n;
		}
		s->struck = false;
		return;
	}
	emit_held(s, out);
	memcpy(s->held, c, n);
	s->nheld = n;
}

/* The character being read, complete or cut short by a byte that cannot
 * continue it. */
static void take_next(struct lms_overstrike *s, struct lms_buf *out)
{
	take(s, s->next, s->nnext, out);
	s->nnext = s->want = 0;
}

static void add_byte(struct lms_overstrike *s, unsigned char c,
		     struct lms_buf *out)
{
	if (s->nnext && (c & 0xc0) == 0x80) {
		s->next[s->nnext++] = (char)c;
		if (s->nnext == s->want)
			take_next(s, out);
		return;
	}
	if (s->nnext)
		take_next(s, out);
	if (c == '\b') {
		/* A backspace with nothing before it strikes nothing. */
		s->struck = s->nheld > 0;
		return;
	}
	s->next[0] = (char)c;
	s->nnext = 1;
	s->want = char_len(c);
	if (s->want == 1)
		take_next(s, out);
}

void lms_overstrike_add(struct lms_overstrike *s, const char *text,
			size_t len, struct lms_buf *out)
{
	for (size_t i = 0; i < len; i++)
		add_byte(s, (unsigned char)text[i], out);
}

void lms_overstrike_finish(struct lms_overstrike *s, struct lms_buf *out)
{
	if (s->nnext)
		take_next(s, out);
	emit_held(s, out);
}
