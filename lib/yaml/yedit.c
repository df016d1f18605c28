#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "schema.h"
#include "strset.h"
#include "yedit.h"
#include "yparse.h"
#include "yverify.h"

/*
 * A node of the document with the byte span of its text.  A scalar keeps
 * its value too: its text may be quoted or carry an anchor or a tag
 * ("status": or &a status:), and a key is found by what it says.
 */
struct span {
	enum lms_ev type;
	bool flow;
	bool replayed;
	bool plain;		/* scalars: unquoted */
	size_t anchor;		/* its anchor's name (after "&"), or 0 */
	bool aliased;		/* an alias in the file names its anchor */
	char *value;		/* scalars */
	size_t len;		/* of value */
	size_t start, end;	/* block collections: first to last child */
	unsigned col;		/* 1-based column of start */
	size_t key_end;		/* values in a mapping: just after their key */
	bool no_colon;		/* values: their key has no ':' after it */
	int colon_col;		/* ...where one goes on a line of its own,
				 * or -1 (a flow mapping: after the key) */
	size_t next_line;	/* where lines after it go: past its last
				 * line, and past the lines of blanks that
				 * a block scalar has as its own */
	struct span *kids;	/* mappings: key, value, key, value ... */
	size_t nkids;
};

static void span_release(struct span *s)
{
	for (size_t i = 0; i < s->nkids; i++)
		span_release(&s->kids[i]);
	lms_free(s->kids);
	lms_free(s->value);
}

/*
 * libyaml's marks count characters, not bytes: offsets[i] is the byte
 * offset of character i.
 */
struct offsets {
	size_t *v;
	size_t n;
};

/* Bytes of a leading byte-order mark, which libyaml's marks skip. */
static size_t bom_len(const struct lms_buf *text)
{
	return text->len >= 3 && !memcmp(text->buf, "\xef\xbb\xbf", 3) ? 3 : 0;
}

static void offsets_init(struct offsets *o, const struct lms_buf *text)
{
	o->v = lms_malloc((text->len + 1) * sizeof(*o->v));
	o->n = 0;
	for (size_t i = bom_len(text); i < text->len; i++)
		if (((unsigned char)text->buf[i] & 0xc0) != 0x80)
			o->v[o->n++] = i;
	o->v[o->n] = text->len;
}

static size_t byte_at(const struct offsets *o, size_t index)
{
	return o->v[index < o->n ? index : o->n];
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static size_t break_at(const struct lms_buf *text, size_t pos);
static size_t line_start(const struct lms_buf *text, size_t pos);
static size_t line_after(const struct lms_buf *text, size_t pos);
static size_t line_end(const struct lms_buf *text, size_t pos);

/* Just past the blanks, line breaks and comments at pos: what may come
 * between two tokens. */
static size_t skip_gaps(const struct lms_buf *text, size_t pos, size_t end)
{
	while (pos < end) {
		size_t n = break_at(text, pos);

		if (n)
			pos += n;
		else if (text->buf[pos] == ' ' || text->buf[pos] == '\t')
			pos++;
		else if (text->buf[pos] == '#')
			pos = line_end(text, pos);
		else
			break;
	}
	return pos < end ? pos : end;
}

/* The length of the name of an anchor or alias that starts at pos: as
 * libyaml reads it, letters, digits, '-' and '_'. */
static size_t name_len(const struct lms_buf *text, size_t pos)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
	size_t i = pos;

	while (i < text->len && text->buf[i] && strchr(chars, text->buf[i]))
		i++;
	return i - pos;
}

/*
 * Just past the properties (&anchor, !tag) that a node's text starts
 * with, and the gaps after them; *anchor (unless NULL) is where the
 * anchor's name is, or 0.  The node's text is [start, end).
 */
static size_t skip_properties(const struct lms_buf *text, size_t start,
			      size_t end, size_t *anchor)
{
	size_t pos = start, found = 0;

	while (pos < end && (text->buf[pos] == '&' || text->buf[pos] == '!')) {
		if (text->buf[pos] == '&')
			found = pos + 1;
		while (pos < end && !blank(text->buf[pos]) &&
		       !break_at(text, pos))
			pos++;
		pos = skip_gaps(text, pos, end);
	}
	if (anchor)
		*anchor = found;
	return pos;
}

static size_t anchor_of(const struct lms_buf *text, size_t start, size_t end)
{
	size_t anchor;

	skip_properties(text, start, end, &anchor);
	return anchor;
}

/*
 * The "-" of item i of a block list: the first token after the item
 * before it, or after the list's own properties.  Walking back from the
 * item could meet a "-" in a comment, or the dash of an outer list.
 */
static size_t item_dash(const struct lms_buf *text, const struct span *list,
			size_t i)
{
	if (i)
		return skip_gaps(text, list->kids[i - 1].end, list->end);
	return skip_properties(text, list->start, list->end, NULL);
}

/*
 * A collection's anchor: among the properties before its first child.
 * Those of a block mapping's first key (on the next line, or where the
 * mapping starts) are the key's.
 */
static size_t collection_anchor(const struct lms_buf *text,
				const struct span *c)
{
	return anchor_of(text, c->start, c->flow ? c->end : c->kids[0].start);
}

/*
 * Where the lines after a scalar go.  A block scalar ("|", ">") ends
 * where libyaml's mark for it does, at the next line with less
 * indentation, but its text ends at its last character: a line of
 * blanks between is part of its value when it has more spaces than the
 * scalar's indentation, and every one is when the scalar keeps its
 * trailing blank lines ("|+", ">+", "|2+").  Empty lines after the last
 * line of blanks are trailing line breaks that a new line can go before.
 */
static size_t scalar_next_line(const struct lms_buf *text,
			       const struct span *s, size_t marked_end)
{
	size_t pos = skip_properties(text, s->start, s->end, NULL);
	size_t next = line_after(text, s->end), stop;
	bool keeps = false;

	if (pos >= s->end || (text->buf[pos] != '|' && text->buf[pos] != '>'))
		return next;
	while (++pos < s->end && !blank(text->buf[pos]) && text->buf[pos] != '#')
		keeps = keeps || text->buf[pos] == '+';
	stop = marked_end < text->len ? line_start(text, marked_end) :
	       text->len;
	if (keeps)
		return stop > next ? stop : next;
	for (pos = next; pos < stop; pos = line_after(text, pos))
		if (line_end(text, pos) > pos)
			next = line_after(text, pos);
	return next;
}

/* The indentation of a block mapping's keys: the column of its first
 * key, or of that key's "? ". */
static int key_indent(const struct lms_buf *text, const struct span *map)
{
	size_t first;

	if (!map->nkids)
		return 0;
	first = skip_properties(text, map->start, map->kids[0].start, NULL);
	return (int)(first - line_start(text, first));
}

/*
 * Notes where value, the last child of map, is after its key.  A key
 * with no ':' after it (an explicit "? k" alone, or "k" in a flow
 * mapping) has an empty value, which libyaml marks at the next token,
 * the next item's "- " or the next key: its place is just after its key.
 */
static void place_value(const struct lms_buf *text, const struct span *map,
			struct span *value)
{
	value->key_end = map->kids[map->nkids - 2].end;
	if (value->type != LMS_EV_SCALAR || value->start != value->end ||
	    value->replayed ||
	    skip_gaps(text, value->key_end, value->start) != value->start)
		return;
	value->start = value->end = value->key_end;
	value->next_line = map->kids[map->nkids - 2].next_line;
	value->no_colon = true;
	value->colon_col = map->flow ? -1 : key_indent(text, map);
}

static int build(struct lms_yparser *p, const struct lms_buf *text,
		 const struct offsets *o, const struct lms_event *ev,
		 struct span *out)
{
	struct lms_mark start = ev->start, end = ev->end;
	struct lms_event e;
	int err;

	memset(out, 0, sizeof(*out));
	out->type = ev->type;
	out->flow = ev->flow;
	out->replayed = ev->replayed;
	/* What an alias gives spans the alias, all of it: its marks are
	 * the anchor's, elsewhere in the text. */
	if (ev->replayed)
		lms_yparser_replayed_at(p, &start, &end);
	out->start = byte_at(o, start.index);
	out->end = byte_at(o, end.index);
	out->col = start.col;
	if (ev->type == LMS_EV_SCALAR) {
		out->plain = ev->plain;
		out->value = lms_strndup(ev->value, ev->len);
		out->len = ev->len;
		/* A block scalar (| or >) ends at the next line's start:
		 * its own text ends with its last character. */
		size_t marked_end = out->end;

		while (out->end > out->start && blank(text->buf[out->end - 1]))
			out->end--;
		out->next_line = scalar_next_line(text, out, marked_end);
		if (!out->replayed)
			out->anchor = anchor_of(text, out->start, out->end);
		return 0;
	}
	for (;;) {
		struct span *kid;

		if ((err = lms_yparser_next(p, &e)))
			return err;
		if (e.type == LMS_EV_SEQ_END || e.type == LMS_EV_MAP_END) {
			/* A block collection's end mark is at the next token,
			 * after comments: its own text ends with its last child. */
			if (out->replayed) {
				out->next_line = line_after(text, out->end);
				return 0;
			}
			out->end = out->flow ? byte_at(o, e.end.index) :
				   out->kids[out->nkids - 1].end;
			out->next_line = out->flow ?
					 line_after(text, out->end) :
					 out->kids[out->nkids - 1].next_line;
			out->anchor = collection_anchor(text, out);
			/* A block list is indented as its dashes are, not
			 * from its properties on the line of its key. */
			if (out->type == LMS_EV_SEQ && !out->flow) {
				size_t dash = item_dash(text, out, 0);

				out->col = (unsigned)(dash -
						      line_start(text, dash) + 1);
			}
			return 0;
		}
		kid = lms_array_push(&out->kids, &out->nkids, sizeof(*kid));
		if ((err = build(p, text, o, &e, kid)))
			return err;
		if (out->type == LMS_EV_MAP && out->nkids % 2 == 0)
			place_value(text, out, kid);
	}
}

/* The name of the anchor or alias whose "&" or "*" is before pos. */
static char *name_at(const struct lms_buf *text, size_t pos)
{
	return lms_strndup(text->buf + pos, name_len(text, pos));
}

/*
 * Marks the nodes that an alias repeats, walking the document in its
 * order: an alias names the node that its anchor was last given to
 * before it (a name given again names the later node from there on).
 * anchors maps each name to that node.
 */
static void mark_aliased(const struct lms_buf *text, struct span *s,
			 struct lms_strset *anchors)
{
	char *name;

	if (s->replayed) {
		/* Its text is the alias, "*name"; what it gives is the
		 * anchor's, where the anchor is. */
		if (s->start < s->end && text->buf[s->start] == '*') {
			struct span *node;

			name = name_at(text, s->start + 1);
			if ((node = lms_strset_get(anchors, name)))
				node->aliased = true;
			lms_free(name);
		}
		return;
	}
	if (s->anchor) {
		name = name_at(text, s->anchor);
		lms_strset_set(anchors, name, s);
		lms_free(name);
	}
	for (size_t i = 0; i < s->nkids; i++)
		mark_aliased(text, &s->kids[i], anchors);
}

static int parse(const struct lms_buf *text, const char *path,
		 struct span *root)
{
	struct lms_yparser p;
	struct lms_event ev;
	struct offsets o;
	int err;

	memset(root, 0, sizeof(*root));
	if ((err = lms_yparser_init(&p, path, text->buf, text->len, NULL)))
		return err;
	offsets_init(&o, text);
	/* An empty document stays an LMS_EV_END root without children. */
	if (!(err = lms_yparser_next(&p, &ev)) && ev.type != LMS_EV_END) {
		if (ev.type == LMS_EV_MAP || ev.type == LMS_EV_SEQ)
			err = build(&p, text, &o, &ev, root);
		else
			err = lms_yparser_error(&p, ev.start, "%s",
						_("expected a mapping or a "
						  "list"));
	}
	if (!err) {
		struct lms_strset anchors;

		lms_strset_init(&anchors);
		mark_aliased(text, root, &anchors);
		lms_strset_release(&anchors);
	}
	lms_yparser_release(&p);
	lms_free(o.v);
	return err;
}

/* Where a key path leads: the node, or the mapping that lacks its key. */
struct target {
	struct span *node;	/* NULL if the last key is missing */
	struct span *parent;	/* the mapping or list holding node */
	const struct lms_schema *schema;	/* parent's, if known */
	size_t index;		/* node's place in parent->kids */
	const char *key;	/* the last component */
	size_t keylen;
	bool in_aliased;	/* below a node an alias gives */
};

static bool is_number(const char *s, size_t len, size_t *out)
{
	size_t v = 0;

	if (!len || len > 6)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (size_t)(s[i] - '0');
	}
	*out = v;
	return true;
}

static struct span *list_item(struct span *s, const char *key, size_t len,
			      size_t *index)
{
	size_t n;

	if (s->type != LMS_EV_SEQ || !is_number(key, len, &n) || n < 1 ||
	    n > s->nkids)
		return NULL;
	*index = n - 1;
	return &s->kids[n - 1];
}

/* The schema of what a key of a mapping of schema s holds, if a struct. */
static const struct lms_schema *descend(const struct lms_schema *s,
					const char *key, size_t len)
{
	char word[LMS_KEY_MAX];
	const struct lms_field *f;

	if (!s || len >= sizeof(word))
		return NULL;
	memcpy(word, key, len);
	word[len] = '\0';
	f = lms_schema_field(s, word);
	if (f && (f->type == LMS_T_SEQ || f->type == LMS_T_STRUCT))
		return f->aux;
	return NULL;
}

/* What an alias gives is the anchor's too: an edit of it is refused,
 * not made to both. */
static int given_by_alias(const char *path, const char *keypath)
{
	return lms_error(LMS_EDATA, _("%s: cannot edit '%s': it is given by "
			 "an alias"), path, keypath);
}

/* Whether s or a node below it is given by an alias too. */
static bool holds_aliased(const struct span *s)
{
	if (s->aliased)
		return true;
	for (size_t i = 0; i < s->nkids; i++)
		if (holds_aliased(&s->kids[i]))
			return true;
	return false;
}

/*
 * An edit that rewrites or removes a node an alias gives, or is inside
 * one, would change what the alias gives too, or leave it giving
 * nothing: it is refused.  Each edit says whether it rewrites one; the
 * nodes it leaves as they were do not count.
 */
static int check_aliased(const char *path, const struct target *t,
			 const char *keypath, bool rewrites_aliased)
{
	if (!t->in_aliased && !rewrites_aliased)
		return 0;
	return lms_error(LMS_EDATA, _("%s: cannot edit '%s': an alias (*) "
			 "elsewhere in the file repeats it"), path, keypath);
}

static int find(const char *path, const struct lms_schema *schema,
		struct span *root,
		const char *keypath, struct target *t)
{
	const char *k = keypath;
	struct span *cur = root;

	memset(t, 0, sizeof(*t));
	for (;;) {
		size_t len = strcspn(k, ".");
		struct span *next = NULL;

		if (cur->replayed)
			return given_by_alias(path, keypath);
		if (cur->type == LMS_EV_MAP) {
			for (size_t i = 0; i + 1 < cur->nkids; i += 2) {
				struct span *key = &cur->kids[i];

				if (key->type == LMS_EV_SCALAR &&
				    key->len == len &&
				    !memcmp(key->value, k, len)) {
					next = &cur->kids[i + 1];
					t->index = i + 1;
				}
			}
		} else {
			next = list_item(cur, k, len, &t->index);
		}
		t->parent = cur;
		t->schema = schema;
		t->key = k;
		t->keylen = len;
		if (cur->type == LMS_EV_MAP)
			schema = descend(schema, k, len);
		if (!k[len]) {
			if (next && next->replayed)
				return given_by_alias(path, keypath);
			t->node = next;
			if (!next && cur->type != LMS_EV_MAP)
				break;
			return 0;
		}
		if (!next)
			break;
		cur = next;
		t->in_aliased |= cur->aliased;
		k += len + 1;
	}
	if (cur->type == LMS_EV_SEQ)
		return lms_error(LMS_ENOENT, lms_n_("%s: no '%.*s' in '%s': "
				 "the list has %zu item",
				 "%s: no '%.*s' in '%s': the list has %zu "
				 "items", cur->nkids), path,
				 (int)(t->key - keypath + t->keylen), keypath,
				 keypath, cur->nkids);
	return lms_error(LMS_ENOENT, _("%s: no '%.*s' in '%s'"), path,
			 (int)(t->key - keypath + t->keylen), keypath, keypath);
}

/*
 * Text positions.  Lines end as libyaml ends them: CR LF, LF or a lone CR,
 * and NEL, LS or PS, so that a file with any of them is edited where its
 * reader sees the lines.
 */

/* The length of the line break that starts at pos, or 0. */
static size_t break_at(const struct lms_buf *text, size_t pos)
{
	const unsigned char *u = (const unsigned char *)text->buf + pos;
	size_t left = text->len - pos;

	if (!left)
		return 0;
	if (u[0] == '\r')
		return left > 1 && u[1] == '\n' ? 2 : 1;
	if (u[0] == '\n')
		return 1;
	if (left > 1 && u[0] == 0xc2 && u[1] == 0x85)
		return 2;
	if (left > 2 && u[0] == 0xe2 && u[1] == 0x80 &&
	    (u[2] == 0xa8 || u[2] == 0xa9))
		return 3;
	return 0;
}

/* The length of the line break that ends just before pos, or 0. */
static size_t break_before(const struct lms_buf *text, size_t pos)
{
	const unsigned char *u = (const unsigned char *)text->buf;

	if (pos == 0)
		return 0;
	if (u[pos - 1] == '\n')
		return pos >= 2 && u[pos - 2] == '\r' ? 2 : 1;
	/* A CR followed by LF is half of a line break. */
	if (u[pos - 1] == '\r')
		return pos < text->len && u[pos] == '\n' ? 0 : 1;
	if (pos >= 2 && u[pos - 2] == 0xc2 && u[pos - 1] == 0x85)
		return 2;
	return pos >= 3 && break_at(text, pos - 3) == 3 ? 3 : 0;
}

static size_t line_start(const struct lms_buf *text, size_t pos)
{
	size_t first = bom_len(text);

	while (pos > first && !break_before(text, pos))
		pos--;
	return pos < first ? first : pos;
}

/* Where the line break that ends the line holding pos starts (or the end). */
static size_t line_end(const struct lms_buf *text, size_t pos)
{
	while (pos < text->len && !break_at(text, pos))
		pos++;
	return pos;
}

/* Just after the line break that ends the line holding pos (or the end). */
static size_t line_after(const struct lms_buf *text, size_t pos)
{
	size_t end = line_end(text, pos);

	return end + break_at(text, end);
}

/*
 * The line break that new lines at pos get: the one of the nearest line
 * before it, else after it, else LF.  A file keeps its line ends, and a
 * file that mixes them gets at each place what the lines there have.
 */
static const char *line_break_near(const struct lms_buf *text, size_t pos)
{
	size_t i = pos;

	while (i > 0 && text->buf[i - 1] != '\n' && text->buf[i - 1] != '\r')
		i--;
	if (i == 0) {
		i = line_end(text, pos);
		while (i < text->len && text->buf[i] != '\n' && text->buf[i] != '\r')
			i = line_end(text, i + 1);
		if (i == text->len)
			return "\n";
		i += break_at(text, i);
	}
	if (text->buf[i - 1] == '\r')
		return "\r";
	return i >= 2 && text->buf[i - 2] == '\r' ? "\r\n" : "\n";
}

/* Just after the ':' that follows a key. */
static size_t after_colon(const struct lms_buf *text, size_t key_end)
{
	const char *colon = memchr(text->buf + key_end, ':', text->len - key_end);

	return colon ? (size_t)(colon - text->buf) + 1 : key_end;
}

static bool is_empty_scalar(const struct span *s)
{
	return s->type == LMS_EV_SCALAR && s->start == s->end;
}

/*
 * Whether a "#" follows a node's text without a space: after a quoted
 * value libyaml reads it as a comment, but after a plain one as more of
 * the value, so a plain value put in its place needs a space.
 */
static bool comment_after(const struct lms_buf *text, const struct span *s)
{
	return s->end < text->len && text->buf[s->end] == '#';
}

static bool is_null_scalar(const struct span *s)
{
	struct lms_event ev = { .type = s->type, .plain = s->plain,
				.value = s->value, .len = s->len };

	return lms_event_is_null(&ev);
}

/*
 * Replaces [from, to) with with, whose lines end in LF, in the line ends
 * of the file around from.
 */
static void splice(struct lms_buf *text, size_t from, size_t to,
		   const struct lms_buf *with)
{
	const char *eol = line_break_near(text, from);
	struct lms_buf b = LMS_BUF_INIT;

	if (!strcmp(eol, "\n") || !memchr(with->buf, '\n', with->len)) {
		lms_buf_splice(text, from, to - from, with->buf, with->len);
		return;
	}
	for (size_t i = 0; i < with->len; i++) {
		if (with->buf[i] == '\n')
			lms_buf_adds(&b, eol);
		else
			lms_buf_addch(&b, with->buf[i]);
	}
	lms_buf_splice(text, from, to - from, b.buf, b.len);
	lms_buf_release(&b);
}

/* Whether the line at pos holds blanks only, a tab among them. */
static bool tabbed_blank_line(const struct lms_buf *text, size_t pos)
{
	size_t end = line_end(text, pos);
	size_t blanks = strspn(text->buf + pos, " \t");

	return end > pos && blanks >= end - pos &&
	       memchr(text->buf + pos, '\t', end - pos) != NULL;
}

/*
 * Inserts whole lines at pos, which is a line start or the end.  A line
 * of blanks with a tab there is trailing space to what comes before it,
 * and an error after a new line: the new lines go after it.
 */
static void insert_lines(struct lms_buf *text, size_t pos,
			 const struct lms_buf *lines)
{
	struct lms_buf b = LMS_BUF_INIT;

	while (pos < text->len && tabbed_blank_line(text, pos))
		pos = line_after(text, pos);
	if (pos == text->len && pos > bom_len(text) && !break_before(text, pos))
		lms_buf_addch(&b, '\n');
	lms_buf_add(&b, lines->buf, lines->len);
	splice(text, pos, pos, &b);
	lms_buf_release(&b);
}

/* Renderings */

static void flow_list(struct lms_buf *out, const char *const *items, size_t n)
{
	lms_buf_addch(out, '[');
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s", i ? ", " : "", items[i]);
	lms_buf_addch(out, ']');
}

static void block_item(struct lms_buf *out, int indent,
		       const struct lms_yedit_pair *pairs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%*s%s%s: %s\n", i ? indent + 2 : indent, "",
			     i ? "" : "- ", pairs[i].key, pairs[i].value);
}

static void flow_item(struct lms_buf *out, const struct lms_yedit_pair *pairs,
		      size_t n)
{
	lms_buf_addch(out, '{');
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s: %s", i ? ", " : "", pairs[i].key,
			     pairs[i].value);
	lms_buf_addch(out, '}');
}

/* A key's place in the schema's order, or -1 for keys it does not know. */
static int schema_rank(const struct lms_schema *s, const char *key, size_t len)
{
	if (!s)
		return -1;
	for (int i = 0; s->fields[i].key; i++)
		if (strlen(s->fields[i].key) == len &&
		    !memcmp(s->fields[i].key, key, len))
			return i;
	return -1;
}

/*
 * Where a new key goes: after the last key that comes before it in the
 * schema's order (so a new "place" lands where people expect it), or
 * after the last key when the order says nothing.  Returns the index of
 * that key's value in map->kids, or 0 when the new key goes first.
 */
static size_t insert_after(const struct target *t)
{
	const struct span *map = t->parent;
	int rank = schema_rank(t->schema, t->key, t->keylen);
	size_t after = 0;

	if (rank < 0)
		return map->nkids - 1;
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const struct span *key = &map->kids[i];
		int r = key->type == LMS_EV_SCALAR ?
			schema_rank(t->schema, key->value, key->len) : -1;

		if (r >= 0 && r < rank)
			after = i + 1;
	}
	return after;
}

/* Adds "key: value" or "key:\n<block>" to a mapping that lacks the key. */
static void add_key(struct lms_buf *text, const struct target *t,
		    const char *value, const char *block)
{
	struct span *map = t->parent;
	struct lms_buf b = LMS_BUF_INIT;
	size_t after = map->nkids ? insert_after(t) : 0;

	if (map->flow) {
		if (after)
			lms_buf_adds(&b, ", ");
		lms_buf_addf(&b, "%.*s: %s", (int)t->keylen, t->key,
			     value ? value : "[]");
		if (!after && map->nkids)
			lms_buf_adds(&b, ", ");
		if (after)
			splice(text, map->kids[after].end, map->kids[after].end, &b);
		else if (map->nkids)
			splice(text, map->kids[0].start, map->kids[0].start, &b);
		else
			splice(text, map->end - 1, map->end - 1, &b);
	} else {
		lms_buf_addf(&b, "%*s%.*s:%s%s%s", key_indent(text, map), "",
			     (int)t->keylen, t->key, value ? " " : "\n",
			     value ? value : block, value ? "\n" : "");
		insert_lines(text, after ? map->kids[after].next_line :
			     line_start(text, map->kids[0].start), &b);
	}
	lms_buf_release(&b);
}

/* The ':' that a value with none before it needs (see place_value). */
static void add_colon(struct lms_buf *out, const struct span *value)
{
	if (value->no_colon && value->colon_col < 0)
		lms_buf_addch(out, ':');
	else if (value->no_colon)
		lms_buf_addf(out, "\n%*s:", value->colon_col, "");
}

/* Replaces a value (after its key's colon) with text that starts a
 * line of its own or follows the colon after a space. */
static void replace_value(struct lms_buf *text, const struct span *value,
			  const struct lms_buf *with)
{
	struct lms_buf b = LMS_BUF_INIT;
	size_t from = value->key_end && !value->no_colon ?
		      after_colon(text, value->key_end) : value->start;
	size_t to = value->type == LMS_EV_SEQ && !value->flow ?
		    line_end(text, value->end) : value->end;

	add_colon(&b, value);
	lms_buf_add(&b, with->buf, with->len);
	splice(text, from, to, &b);
	lms_buf_release(&b);
}

/* Every edit but an append names a node: the document is not one. */
static int needs_key(const char *path, const char *keypath)
{
	if (*keypath)
		return 0;
	return lms_error(LMS_EUSAGE, _("%s: no key given to change"), path);
}

static int open_target(struct lms_buf *text, const char *path,
		       const struct lms_schema *schema, const char *keypath,
		       struct span *root, struct target *t)
{
	int err = parse(text, path, root);

	if (!err && !*keypath) {
		/* The empty path is the document itself. */
		memset(t, 0, sizeof(*t));
		t->node = root->type == LMS_EV_END ? NULL : root;
		t->parent = root;
		return 0;
	}
	/* A list of records (people/facilitators.yaml) is edited by the
	 * number of an item, "2.phone". */
	if (!err && root->type != LMS_EV_MAP && root->type != LMS_EV_SEQ)
		err = lms_error(LMS_EUSAGE, _("%s: the file is not a mapping "
				"of keys"), path);
	if (!err)
		err = find(path, schema, root, keypath, t);
	if (err)
		span_release(root);
	return err;
}

static int set_scalar(struct lms_buf *text, const char *path,
		      const struct lms_schema *schema, const char *keypath,
		      const char *value)
{
	struct lms_buf b = LMS_BUF_INIT;
	struct span root;
	struct target t;
	int err;

	if ((err = needs_key(path, keypath)))
		return err;
	if ((err = open_target(text, path, schema, keypath, &root, &t)))
		return err;
	if (t.node && t.node->type != LMS_EV_SCALAR)
		err = lms_error(LMS_EUSAGE, t.node->type == LMS_EV_SEQ ?
				_("%s: '%s' is a list, not a single value") :
				_("%s: '%s' is a mapping, not a single value"),
				path, keypath);
	else
		err = check_aliased(path, &t, keypath,
				    t.node && t.node->aliased);
	if (err) {
		;
	} else if (!t.node) {
		add_key(text, &t, value, NULL);
	} else {
		add_colon(&b, t.node);
		lms_buf_addf(&b, "%s%s%s", is_empty_scalar(t.node) ? " " : "",
			     value, comment_after(text, t.node) ? " " : "");
		splice(text, t.node->start, t.node->end, &b);
	}
	lms_buf_release(&b);
	span_release(&root);
	return err;
}

static void block_list(struct lms_buf *out, int indent, const char *const *items,
		       size_t n)
{
	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%*s- %s\n", indent, "", items[i]);
}

/*
 * Whether a block list's item changes to new (NULL: it goes).  An item
 * that stays keeps its text: its anchor and tag, its quotes, its comments.
 */
static bool item_changes(const struct lms_buf *text, const struct span *item,
			 const char *new)
{
	size_t from = skip_properties(text, item->start, item->end, NULL);

	return !new || item->end - from != strlen(new) ||
	       memcmp(text->buf + from, new, item->end - from);
}

/* Whether updating a block list to items changes a node an alias gives:
 * the list, or one of its items. */
static bool changes_aliased(const struct lms_buf *text,
			     const struct span *list,
			     const char *const *items, size_t n)
{
	bool changes = n != list->nkids;

	for (size_t i = 0; i < list->nkids; i++) {
		const struct span *item = &list->kids[i];

		if (item_changes(text, item, i < n ? items[i] : NULL)) {
			if (item->aliased)
				return true;
			changes = true;
		}
	}
	return changes && list->aliased;
}

/*
 * Updates a block list of scalars item by item, from the end so that the
 * spans before each edit stay valid: unchanged items keep their lines and
 * comments, changed ones only their value.
 */
static void update_block_list(struct lms_buf *text, const struct span *list,
			      const char *const *items, size_t n)
{
	struct lms_buf b = LMS_BUF_INIT;
	size_t old = list->nkids;

	if (n > old) {
		block_list(&b, (int)list->col - 1, items + old, n - old);
		insert_lines(text, list->kids[old - 1].next_line, &b);
	}
	for (size_t i = old; i-- > 0;) {
		const struct span *item = &list->kids[i];

		lms_buf_reset(&b);
		if (i >= n) {
			splice(text, line_start(text, item_dash(text, list, i)),
			       item->next_line, &b);
		} else if (item_changes(text, item, items[i])) {
			/* An empty item's place is just after its dash. */
			lms_buf_addf(&b, "%s%s%s", is_empty_scalar(item) ?
				     " " : "", items[i],
				     comment_after(text, item) ? " " : "");
			splice(text, item->start, item->end, &b);
		}
	}
	lms_buf_release(&b);
}

static bool scalars_only(const struct span *list)
{
	for (size_t i = 0; i < list->nkids; i++)
		if (list->kids[i].type != LMS_EV_SCALAR)
			return false;
	return true;
}

static int set_list(struct lms_buf *text, const char *path,
		    const struct lms_schema *schema, const char *keypath,
		    const char *const *items, size_t n)
{
	struct lms_buf b = LMS_BUF_INIT;
	struct span root, *node;
	struct target t;
	bool in_place;
	int err;

	if ((err = needs_key(path, keypath)))
		return err;
	if ((err = open_target(text, path, schema, keypath, &root, &t)))
		return err;
	node = t.node;
	in_place = node && node->type == LMS_EV_SEQ && !node->flow && n &&
		   scalars_only(node);
	if (node && node->type == LMS_EV_MAP)
		err = lms_error(LMS_EUSAGE, _("%s: '%s' is a mapping, not a list"),
				path, keypath);
	else if (in_place)
		err = check_aliased(path, &t, keypath,
				    changes_aliased(text, node, items, n));
	else
		err = check_aliased(path, &t, keypath,
				    node && holds_aliased(node));
	if (err) {
		;
	} else if (!node) {
		flow_list(&b, items, n);
		add_key(text, &t, b.buf, NULL);
	} else if (in_place) {
		update_block_list(text, node, items, n);
	} else {
		lms_buf_adds(&b, node->key_end ? " " : "");
		flow_list(&b, items, n);
		replace_value(text, node, &b);
	}
	lms_buf_release(&b);
	span_release(&root);
	return err;
}

static int append_item(struct lms_buf *text, const char *path,
		       const struct lms_schema *schema, const char *keypath,
		       const struct lms_yedit_pair *pairs, size_t n)
{
	struct lms_buf b = LMS_BUF_INIT;
	struct span root, *node;
	struct target t;
	int err, indent;

	if ((err = open_target(text, path, schema, keypath, &root, &t)))
		return err;
	node = t.node;
	indent = t.parent->type == LMS_EV_MAP ?
		 key_indent(text, t.parent) + 2 : 0;
	if (node && node->type != LMS_EV_SEQ && !is_null_scalar(node))
		err = lms_error(LMS_EUSAGE, _("%s: '%s' is not a list"), path,
				keypath);
	else
		err = check_aliased(path, &t, keypath,
				    node && node->aliased);
	if (err) {
		;
	} else if (!node && !*keypath) {
		block_item(&b, 0, pairs, n);
		insert_lines(text, text->len, &b);
	} else if (!node) {
		block_item(&b, indent, pairs, n);
		add_key(text, &t, NULL, b.buf);
	} else if (node->type == LMS_EV_SEQ && node->flow) {
		lms_buf_adds(&b, node->nkids ? ", " : "");
		flow_item(&b, pairs, n);
		splice(text, node->end - 1, node->end - 1, &b);
	} else if (node->type == LMS_EV_SEQ) {
		block_item(&b, (int)node->col - 1, pairs, n);
		insert_lines(text, node->next_line, &b);
	} else {
		/* A null value becomes the list. */
		lms_buf_addch(&b, '\n');
		block_item(&b, indent, pairs, n);
		lms_buf_truncate(&b, b.len - 1);
		replace_value(text, node, &b);
	}
	lms_buf_release(&b);
	span_release(&root);
	return err;
}

/* True if the key at start is the first of a list item, on the line of
 * its "- " after nothing but dashes and spaces (indentation alone is no
 * dash; the key itself may start with one). */
static bool shares_dash_line(const struct lms_buf *text, size_t start)
{
	size_t from = line_start(text, start);
	const char *p = text->buf + from;

	return from != start && strspn(p, " -") >= start - from &&
	       memchr(p, '-', start - from) != NULL;
}

/* Removes a key and its value from a mapping. */
static void remove_key(struct lms_buf *text, const struct span *map, size_t i)
{
	const struct span *key = &map->kids[i - 1], *value = &map->kids[i];
	struct lms_buf none = LMS_BUF_INIT;
	size_t from, to;

	if (!map->flow && shares_dash_line(text, key->start)) {
		/* The first key of a list item shares its line with the "- ":
		 * the next key moves up to that line, or the item empties. */
		from = key->start;
		to = i + 1 < map->nkids ? map->kids[i + 1].start : value->end;
		if (i + 1 >= map->nkids)
			lms_buf_adds(&none, "{}");
	} else if (!map->flow) {
		from = line_start(text, key->start);
		to = value->next_line;
	} else if (i + 1 < map->nkids) {
		from = key->start;
		to = map->kids[i + 1].start;
	} else {
		from = i > 1 ? map->kids[i - 2].end : key->start;
		to = value->end;
	}
	splice(text, from, to, &none);
	lms_buf_release(&none);
}

/* Whether only blanks come before pos on its line. */
static bool first_on_line(const struct lms_buf *text, size_t pos)
{
	size_t from = line_start(text, pos);

	return strspn(text->buf + from, " \t") >= pos - from;
}

/* Removes an item from a list; the last one leaves "[]". */
static void remove_item(struct lms_buf *text, const struct span *list, size_t i)
{
	const struct span *item = &list->kids[i];
	struct lms_buf b = LMS_BUF_INIT;

	if (list->nkids == 1) {
		lms_buf_adds(&b, list->key_end ? " []" : "[]");
		replace_value(text, list, &b);
	} else if (list->flow) {
		size_t from = i + 1 < list->nkids ? item->start :
			      list->kids[i - 1].end;
		size_t to = i + 1 < list->nkids ? list->kids[i + 1].start :
			    item->end;

		splice(text, from, to, &b);
	} else if (i == 0 && !first_on_line(text, item_dash(text, list, 0))) {
		/* A list that starts on the line of an outer "- ", "? " or
		 * ": ": its first item goes, and the next moves up. */
		splice(text, item_dash(text, list, 0), item_dash(text, list, 1),
		       &b);
	} else {
		size_t from = line_start(text, item_dash(text, list, i));

		splice(text, from, item->next_line, &b);
	}
	lms_buf_release(&b);
}

static int remove_node(struct lms_buf *text, const char *path,
		       const struct lms_schema *schema, const char *keypath)
{
	struct span root, *key;
	struct target t;
	int err;

	if ((err = needs_key(path, keypath)))
		return err;
	if ((err = open_target(text, path, schema, keypath, &root, &t)))
		return err;
	if (!t.node) {
		span_release(&root);
		return 0;	/* nothing to remove, nothing changes */
	}
	key = t.parent->type == LMS_EV_MAP ? &t.parent->kids[t.index - 1] : NULL;
	err = check_aliased(path, &t, keypath,
			    holds_aliased(t.node) || (key && key->aliased));
	if (err)
		;
	else if (t.parent->type == LMS_EV_SEQ)
		remove_item(text, t.parent, t.index);
	else
		remove_key(text, t.parent, t.index);
	span_release(&root);
	return err;
}

/* The edits as yedit.h gives them, each proved (yverify.h) */

/*
 * Ends an edit of text, which held before (released here): its result
 * proved to be before with change made, or, on any failure, text as it
 * was before.
 */
static int proved(struct lms_buf *text, struct lms_buf *before,
		  const char *path, const struct lms_ychange *change, int err)
{
	if (!err)
		err = lms_yverify(path, before->buf, before->len, text->buf,
				  text->len, change);
	else if (change->want)
		lms_node_release(change->want);
	if (err) {
		lms_buf_reset(text);
		lms_buf_add(text, before->buf, before->len);
	}
	lms_buf_release(before);
	return err;
}

static void copy(struct lms_buf *to, const struct lms_buf *text)
{
	lms_buf_init(to);
	lms_buf_add(to, text->buf, text->len);
}

/* The list of the values items (YAML text), as a tree. */
static int read_list(const char *const *items, size_t n, struct lms_node *out)
{
	int err = 0;

	memset(out, 0, sizeof(*out));
	out->type = LMS_EV_SEQ;
	for (size_t i = 0; !err && i < n; i++)
		err = lms_ynode_read(items[i], strlen(items[i]),
				     lms_array_push(&out->items, &out->nitems,
						    sizeof(*out->items)));
	if (err)
		lms_node_release(out);
	return err;
}

/* The mapping of pairs, as a tree. */
static int read_pairs(const struct lms_yedit_pair *pairs, size_t n,
		      struct lms_node *out)
{
	int err = 0;

	memset(out, 0, sizeof(*out));
	out->type = LMS_EV_MAP;
	for (size_t i = 0; !err && i < n; i++) {
		struct lms_node *key = lms_array_push(&out->items, &out->nitems,
						      sizeof(*out->items));

		key->type = LMS_EV_SCALAR;
		key->plain = 1;
		key->scalar = lms_strdup(pairs[i].key);
		err = lms_ynode_read(pairs[i].value, strlen(pairs[i].value),
				     lms_array_push(&out->items, &out->nitems,
						    sizeof(*out->items)));
	}
	if (err)
		lms_node_release(out);
	return err;
}

int lms_yedit_set_scalar(struct lms_buf *text, const char *path,
			 const struct lms_schema *schema, const char *keypath,
			 const char *value)
{
	struct lms_buf before;
	struct lms_node want;
	int err;

	if ((err = lms_ynode_read(value, strlen(value), &want)))
		return err;
	copy(&before, text);
	err = set_scalar(text, path, schema, keypath, value);
	return proved(text, &before, path,
		      &(struct lms_ychange){ keypath, &want, false }, err);
}

int lms_yedit_set_list(struct lms_buf *text, const char *path,
		       const struct lms_schema *schema, const char *keypath,
		       const char *const *items, size_t n)
{
	struct lms_buf before;
	struct lms_node want;
	int err;

	if ((err = read_list(items, n, &want)))
		return err;
	copy(&before, text);
	err = set_list(text, path, schema, keypath, items, n);
	return proved(text, &before, path,
		      &(struct lms_ychange){ keypath, &want, false }, err);
}

int lms_yedit_append(struct lms_buf *text, const char *path,
		     const struct lms_schema *schema, const char *keypath,
		     const struct lms_yedit_pair *pairs, size_t n)
{
	struct lms_buf before;
	struct lms_node want;
	int err;

	if ((err = read_pairs(pairs, n, &want)))
		return err;
	copy(&before, text);
	err = append_item(text, path, schema, keypath, pairs, n);
	return proved(text, &before, path,
		      &(struct lms_ychange){ keypath, &want, true }, err);
}

int lms_yedit_remove(struct lms_buf *text, const char *path,
		     const struct lms_schema *schema, const char *keypath)
{
	struct lms_buf before;
	int err;

	copy(&before, text);
	err = remove_node(text, path, schema, keypath);
	return proved(text, &before, path,
		      &(struct lms_ychange){ keypath, NULL, false }, err);
}

/* obj's fields as "key: value" pairs in the schema's order, with their
 * values in vals (as many as pairs). */
static size_t record_pairs(const struct lms_schema *s, const void *obj,
			   struct lms_buf **vals, struct lms_yedit_pair **pairs)
{
	size_t n = 0, nvals = 0;

	*vals = NULL;
	*pairs = NULL;
	for (const struct lms_field *fl = s->fields; fl->key; fl++) {
		const void *field = (const char *)obj + fl->offset;
		struct lms_buf *v;
		struct lms_yedit_pair *p;

		if (lms_field_is_empty(fl, field))
			continue;
		v = lms_array_push(vals, &nvals, sizeof(**vals));
		lms_buf_init(v);
		lms_emit_value(v, fl, field, 0);
		/* Custom values come with their leading space and newline. */
		while (v->len && v->buf[v->len - 1] == '\n')
			lms_buf_truncate(v, v->len - 1);
		p = lms_array_push(pairs, &n, sizeof(**pairs));
		p->key = fl->key;
		p->value = NULL;	/* set below: vals may move as it grows */
	}
	for (size_t i = 0; i < n; i++)
		(*pairs)[i].value = (*vals)[i].buf + ((*vals)[i].buf[0] == ' ');
	return n;
}

int lms_yedit_append_record(struct lms_buf *text, const char *path,
			    const char *keypath, const struct lms_schema *s,
			    const void *obj)
{
	struct lms_buf *vals;
	struct lms_yedit_pair *pairs;
	size_t n = record_pairs(s, obj, &vals, &pairs);
	int err = lms_yedit_append(text, path, NULL, keypath, pairs, n);

	for (size_t i = 0; i < n; i++)
		lms_buf_release(&vals[i]);
	lms_free(vals);
	lms_free(pairs);
	return err;
}
