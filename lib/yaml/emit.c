#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "emit.h"
#include "join.h"
#include "utf8.h"

/*
 * What a YAML 1.1 or 1.2 reader (libyaml, PyYAML, ruamel.yaml, go-yaml)
 * takes for null, a boolean, a merge key or a value key rather than text,
 * in any case: "No" is false for PyYAML, "y" true for YAML 1.1 itself,
 * "<<" merges for PyYAML and "=" stops its safe_load.
 */
static bool is_reserved_word(const char *s)
{
	static const char *const words[] = {
		"~", "null", "y", "n", "yes", "no", "true", "false", "on", "off",
		"<<", "=", NULL
	};

	for (int i = 0; words[i]; i++)
		if (!strcasecmp(s, words[i]))
			return true;
	return false;
}

/*
 * Numbers, dates and timestamps of any YAML version ("0x1f", "0o17",
 * "1_000", "1e3", ".5", "+1", "012", "1:30", ".inf", "2026-09-07",
 * "2026-09-07T10:12:33Z", and "2026-09-07 10:12:33,5" for go-yaml, whose
 * times take a comma before fractions): every one starts with a digit, a
 * sign or a point and holds only these characters.  A string that could be one is
 * quoted, so that every reader keeps it as text; "2026-09-matlaging" is
 * not.
 */
static bool looks_numeric(const char *s)
{
	if (!*s || !strchr("0123456789+-.", s[0]))
		return false;
	return strspn(s, "0123456789+-._:,eExXoObBaAcCdDfFiInNtTzZ ") ==
	       strlen(s);
}

/*
 * Length of the character at s if YAML may hold it unescaped, else 0:
 * what YAML 1.1 and 1.2 call printable, less the line breaks NEL, LS and
 * PS and the byte-order mark, which readers treat apart.
 */
static size_t printable_len(const char *s)
{
	unsigned cp;
	/* s ends with NUL, which ends any sequence: 4 bytes are enough. */
	size_t n = lms_utf8_char(s, 4, &cp);

	if (!n || (cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp < 0xa0) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0xfeff ||
	    cp == 0xfffe || cp == 0xffff)
		return 0;
	return n;
}

bool lms_yaml_plain_ok(const char *s, unsigned how)
{
	size_t n = strlen(s);

	if (!n)
		return false;
	if (!(how & LMS_YAML_WAS_PLAIN) && (is_reserved_word(s) || looks_numeric(s)))
		return false;
	/* Indicators that start something else, and a document marker. */
	if (strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) || !strncmp(s, "...", 3))
		return false;
	if (s[n - 1] == ' ' || s[n - 1] == ':' || strstr(s, ": ") ||
	    strstr(s, " #") || strchr(s, '\t'))
		return false;
	/*
	 * Inside [...] and {...} flow indicators end the value, and PyYAML
	 * before 5.1 ends it at any ':' and '?' too.
	 */
	if ((how & LMS_YAML_FLOW) && strpbrk(s, ",[]{}:?#"))
		return false;
	for (size_t i = 0; i < n;) {
		size_t len = printable_len(s + i);

		if (!len)
			return false;
		i += len;
	}
	return true;
}

static void escape_byte(struct lms_buf *out, unsigned char c)
{
	switch (c) {
	case '\n': lms_buf_adds(out, "\\n"); break;
	case '\t': lms_buf_adds(out, "\\t"); break;
	case '\r': lms_buf_adds(out, "\\r"); break;
	case '"': lms_buf_adds(out, "\\\""); break;
	case '\\': lms_buf_adds(out, "\\\\"); break;
	default: lms_buf_addf(out, "\\x%02x", c); break;
	}
}

static void escape_sequence(struct lms_buf *out, const char *s, size_t *i)
{
	unsigned cp;
	size_t n = lms_utf8_char(s + *i, 4, &cp);

	if (n == 1) {
		escape_byte(out, (unsigned char)cp);
	} else if (n) {
		/* A valid but unprintable character: write its code point. */
		lms_buf_addf(out, "\\u%04x", cp);
	} else {
		/* Not UTF-8, which no input lets through: "\xff" would be
		 * read as U+00FF, so write the replacement character. */
		lms_buf_adds(out, "\\ufffd");
		n = 1;
	}
	*i += n;
}

void lms_yaml_key(struct lms_buf *out, const char *key, unsigned how)
{
	lms_yaml_scalar(out, key, how);
	lms_buf_addch(out, ':');
}

void lms_yaml_scalar(struct lms_buf *out, const char *s, unsigned how)
{
	if (!(how & LMS_YAML_QUOTE) && lms_yaml_plain_ok(s, how)) {
		lms_buf_adds(out, s);
		return;
	}
	lms_buf_addch(out, '"');
	for (size_t i = 0; s[i];) {
		size_t len = printable_len(s + i);

		if (len && s[i] != '"' && s[i] != '\\' && s[i] != '\t') {
			lms_buf_add(out, s + i, len);
			i += len;
		} else if (len) {
			escape_byte(out, (unsigned char)s[i++]);
		} else {
			escape_sequence(out, s, &i);
		}
	}
	lms_buf_addch(out, '"');
}

static void emit_words(struct lms_buf *out, char *const *v, size_t n,
		       bool quote)
{
	lms_buf_addch(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			lms_buf_adds(out, ", ");
		lms_yaml_scalar(out, v[i], LMS_YAML_FLOW |
				(quote ? LMS_YAML_QUOTE : 0));
	}
	lms_buf_addch(out, ']');
}

static void emit_flags(struct lms_buf *out, const char *const *names,
		       unsigned bits)
{
	lms_buf_addch(out, '[');
	lms_join_flags(out, names, bits, ", ");
	lms_buf_addch(out, ']');
}

static size_t count_of(const struct lms_field *f, const void *field)
{
	return *(const size_t *)((const char *)field - f->offset +
				 f->count_offset);
}

bool lms_field_is_empty(const struct lms_field *f, const void *field)
{
	const struct lms_custom *custom;

	switch (f->type) {
	case LMS_T_STR:
	case LMS_T_ID:
	case LMS_T_MUNI:
		return !*(char *const *)field;
	case LMS_T_INT:
	case LMS_T_BOOL:
		return *(const int *)field == LMS_UNSET;
	case LMS_T_REAL:
		return isnan(*(const double *)field);
	case LMS_T_DATE:
		return *(const int32_t *)field == LMS_DATE_NONE;
	case LMS_T_TIME:
		return *(const int *)field == LMS_TIME_NONE;
	case LMS_T_ENUM:
		return *(const int *)field == 0;
	case LMS_T_FLAGS:
		return *(const unsigned *)field == 0;
	case LMS_T_STRS:
	case LMS_T_IDS:
	case LMS_T_MUNIS:
	case LMS_T_SEQ:
		return count_of(f, field) == 0;
	case LMS_T_STRUCT:
		return false;
	case LMS_T_CUSTOM:
		custom = f->aux;
		return custom->is_empty(field);
	}
	return true;
}

/*
 * A number as every reader takes it for one: PyYAML's floats need a point
 * before an exponent ("1.0e-05", not "1e-05", which it reads as text).
 */
static void emit_real(struct lms_buf *out, double v)
{
	char text[40];
	char *e;

	snprintf(text, sizeof(text), "%.15g", v);
	e = strchr(text, 'e');
	if (e && !strchr(text, '.')) {
		lms_buf_add(out, text, (size_t)(e - text));
		lms_buf_adds(out, ".0");
		lms_buf_adds(out, e);
	} else {
		lms_buf_adds(out, text);
	}
}

void lms_emit_value(struct lms_buf *out, const struct lms_field *f,
		    const void *field, int indent)
{
	bool quote = f->flags & LMS_QUOTED;
	char text[16];

	switch (f->type) {
	case LMS_T_STR:
	case LMS_T_ID:
	case LMS_T_MUNI:
		lms_yaml_scalar(out, *(char *const *)field,
				quote ? LMS_YAML_QUOTE : 0);
		break;
	case LMS_T_INT:
		lms_buf_addf(out, "%d", *(const int *)field);
		break;
	case LMS_T_REAL:
		emit_real(out, *(const double *)field);
		break;
	case LMS_T_BOOL:
		lms_buf_adds(out, *(const int *)field ? "true" : "false");
		break;
	case LMS_T_DATE:
		lms_date_format(*(const int32_t *)field, text);
		lms_buf_adds(out, text);
		break;
	case LMS_T_TIME:
		lms_time_format(*(const int *)field, text);
		lms_yaml_scalar(out, text, LMS_YAML_QUOTE);
		break;
	case LMS_T_ENUM:
		lms_buf_adds(out, ((const char *const *)f->aux)[*(const int *)field]);
		break;
	case LMS_T_FLAGS:
		emit_flags(out, f->aux, *(const unsigned *)field);
		break;
	case LMS_T_STRS:
	case LMS_T_IDS:
		emit_words(out, *(char **const *)field, count_of(f, field), quote);
		break;
	case LMS_T_MUNIS:
		emit_words(out, *(char **const *)field, count_of(f, field), true);
		break;
	case LMS_T_SEQ:
		lms_buf_addch(out, '\n');
		lms_emit_list(out, f->aux, *(void *const *)field,
			      count_of(f, field), indent + 2);
		break;
	case LMS_T_STRUCT:
		lms_buf_addch(out, '\n');
		lms_emit_struct(out, f->aux, field, indent + 2);
		break;
	case LMS_T_CUSTOM:
		((const struct lms_custom *)f->aux)->emit(out, field, indent);
		break;
	}
}

static void emit_node(struct lms_buf *out, const struct lms_node *n, int indent)
{
	if (n->type == LMS_EV_SCALAR) {
		lms_yaml_scalar(out, n->scalar, LMS_YAML_FLOW |
				(n->plain ? LMS_YAML_WAS_PLAIN : LMS_YAML_QUOTE));
		return;
	}
	/* Unknown values are kept in flow style: one line, exact content. */
	lms_buf_addch(out, n->type == LMS_EV_SEQ ? '[' : '{');
	for (size_t i = 0; i < n->nitems; i++) {
		if (i)
			lms_buf_adds(out, n->type == LMS_EV_MAP && i % 2 ? ": " : ", ");
		emit_node(out, &n->items[i], indent);
	}
	lms_buf_addch(out, n->type == LMS_EV_SEQ ? ']' : '}');
}

/* Spaces by hand: formatting "%*s" for every line is the emitter's
 * largest cost. */
static void indent_to(struct lms_buf *out, int indent)
{
	static const char spaces[] = "                                ";

	while (indent > 0) {
		int n = indent < (int)sizeof(spaces) - 1 ? indent :
			(int)sizeof(spaces) - 1;

		lms_buf_add(out, spaces, (size_t)n);
		indent -= n;
	}
}

static void emit_extras(struct lms_buf *out, const struct lms_schema *s,
			const void *obj, int indent, bool *first)
{
	const struct lms_extras *x;

	if (s->extras_offset == LMS_NO_OFFSET)
		return;
	x = (const struct lms_extras *)((const char *)obj + s->extras_offset);
	for (size_t i = 0; i < x->n; i++) {
		if (!*first)
			indent_to(out, indent);
		*first = false;
		lms_yaml_key(out, x->v[i].key, LMS_YAML_FLOW);
		lms_buf_addch(out, ' ');
		emit_node(out, &x->v[i].value, indent);
		lms_buf_addch(out, '\n');
	}
}

/*
 * Writes the fields; the first line's indent is left to the caller when
 * first_inline is set (it follows "- " of a list item).
 */
static void emit_fields(struct lms_buf *out, const struct lms_schema *s,
			const void *obj, int indent, bool first_inline)
{
	bool first = first_inline;

	for (const struct lms_field *f = s->fields; f->key; f++) {
		const void *field = (const char *)obj + f->offset;

		if (lms_field_is_empty(f, field))
			continue;
		if (!first)
			indent_to(out, indent);
		first = false;
		lms_buf_adds(out, f->key);
		lms_buf_addch(out, ':');
		if (f->type != LMS_T_SEQ && f->type != LMS_T_STRUCT &&
		    f->type != LMS_T_CUSTOM)
			lms_buf_addch(out, ' ');
		lms_emit_value(out, f, field, indent);
		if (f->type != LMS_T_SEQ && f->type != LMS_T_STRUCT &&
		    f->type != LMS_T_CUSTOM)
			lms_buf_addch(out, '\n');
	}
	emit_extras(out, s, obj, indent, &first);
	if (first && first_inline)
		lms_buf_adds(out, "{}\n");
}

void lms_emit_struct(struct lms_buf *out, const struct lms_schema *s,
		     const void *obj, int indent)
{
	emit_fields(out, s, obj, indent, false);
}

void lms_emit_list(struct lms_buf *out, const struct lms_schema *s,
		   const void *arr, size_t n, int indent)
{
	for (size_t i = 0; i < n; i++) {
		indent_to(out, indent);
		lms_buf_adds(out, "- ");
		emit_fields(out, s, (const char *)arr + i * s->size, indent + 2,
			    true);
	}
}
