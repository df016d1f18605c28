/*
 * Writes strings with lms's YAML emitter, for the test that other YAML
 * readers read them back the same (tests/cli/yaml-readers.t).
 *
 * Each line of standard input is one string in hex.  For each, a list item
 * holds it in every place lms writes text:
 *
 *   - v: S          a value in block context
 *     f: [S, S]     items of a flow list
 *     m: {S: S}     key and value of a flow mapping
 *     k:
 *       S: 1        a key in block context
 *
 * Keys longer than the reader's max_key are left out (m and k then hold
 * {}).  Before it prints the document, it reads it back with lms's own
 * reader and exits 1 if any string came back different: a failure there
 * is lms failing to read what it wrote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "emit.h"
#include "error.h"
#include "utf8.h"
#include "yparse.h"

static char *unhex(const char *line)
{
	size_t n = strlen(line) / 2;
	char *s = lms_malloc(n + 1);

	for (size_t i = 0; i < n; i++) {
		unsigned byte;

		if (sscanf(line + 2 * i, "%2x", &byte) != 1 || !byte)
			return free(s), NULL;
		s[i] = (char)byte;
	}
	s[n] = '\0';
	return s;
}

static bool fits_key(const char *s)
{
	return strlen(s) <= lms_limits_default.max_key;
}

static void emit(struct lms_buf *out, char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		lms_buf_adds(out, "- v: ");
		lms_yaml_scalar(out, v[i], 0);
		lms_buf_adds(out, "\n  f: [");
		lms_yaml_scalar(out, v[i], LMS_YAML_FLOW);
		lms_buf_adds(out, ", ");
		lms_yaml_scalar(out, v[i], LMS_YAML_FLOW);
		lms_buf_adds(out, "]\n  m: {");
		if (fits_key(v[i])) {
			lms_yaml_key(out, v[i], LMS_YAML_FLOW);
			lms_buf_addch(out, ' ');
			lms_yaml_scalar(out, v[i], LMS_YAML_FLOW);
		}
		lms_buf_adds(out, "}\n  k:");
		if (fits_key(v[i])) {
			lms_buf_adds(out, "\n    ");
			lms_yaml_key(out, v[i], 0);
			lms_buf_adds(out, " 1\n");
		} else {
			lms_buf_adds(out, " {}\n");
		}
	}
}

/* The next event is of type t and, for a scalar, the string want. */
static int expect(struct lms_yparser *p, enum lms_ev t, const char *want)
{
	struct lms_event ev;
	int err;

	if ((err = lms_yparser_next(p, &ev)))
		return err;
	if (ev.type != t)
		return lms_error(LMS_EDATA, "line %u: event %d, not %d",
				 ev.start.line, (int)ev.type, (int)t);
	if (want && strcmp(ev.value, want))
		return lms_error(LMS_EDATA, "line %u: read back '%s', not '%s'",
				 ev.start.line, ev.value, want);
	return 0;
}

/* Reads the document back as the structure emit() wrote. */
static int read_back(const char *text, size_t len, char *const *v, size_t n)
{
	struct lms_yparser p;
	int err;

	if ((err = lms_yparser_init(&p, "emitted", text, len, NULL)))
		return err;
	err = n ? expect(&p, LMS_EV_SEQ, NULL) : 0;
	for (size_t i = 0; i < n && !err; i++) {
		bool key = fits_key(v[i]);

		if ((err = expect(&p, LMS_EV_MAP, NULL)) ||
		    (err = expect(&p, LMS_EV_SCALAR, "v")) ||
		    (err = expect(&p, LMS_EV_SCALAR, v[i])) ||
		    (err = expect(&p, LMS_EV_SCALAR, "f")) ||
		    (err = expect(&p, LMS_EV_SEQ, NULL)) ||
		    (err = expect(&p, LMS_EV_SCALAR, v[i])) ||
		    (err = expect(&p, LMS_EV_SCALAR, v[i])) ||
		    (err = expect(&p, LMS_EV_SEQ_END, NULL)) ||
		    (err = expect(&p, LMS_EV_SCALAR, "m")) ||
		    (err = expect(&p, LMS_EV_MAP, NULL)) ||
		    (key && (err = expect(&p, LMS_EV_SCALAR, v[i]))) ||
		    (key && (err = expect(&p, LMS_EV_SCALAR, v[i]))) ||
		    (err = expect(&p, LMS_EV_MAP_END, NULL)) ||
		    (err = expect(&p, LMS_EV_SCALAR, "k")) ||
		    (err = expect(&p, LMS_EV_MAP, NULL)) ||
		    (key && (err = expect(&p, LMS_EV_SCALAR, v[i]))) ||
		    (key && (err = expect(&p, LMS_EV_SCALAR, "1"))) ||
		    (err = expect(&p, LMS_EV_MAP_END, NULL)))
			break;
		err = expect(&p, LMS_EV_MAP_END, NULL);
	}
	if (!err && n)
		err = expect(&p, LMS_EV_SEQ_END, NULL);
	if (!err)
		err = expect(&p, LMS_EV_END, NULL);
	lms_yparser_release(&p);
	return err;
}

int main(void)
{
	struct lms_buf out = LMS_BUF_INIT;
	char line[4096], **v = NULL;
	size_t n = 0;
	int err;

	while (fgets(line, sizeof(line), stdin)) {
		char *s;

		line[strcspn(line, "\n")] = '\0';
		if (!(s = unhex(line)) || !lms_utf8_valid(s)) {
			fprintf(stderr, "emit-strings: not UTF-8 text in hex: %s\n",
				line);
			return 2;
		}
		*(char **)lms_array_push(&v, &n, sizeof(*v)) = s;
	}
	emit(&out, v, n);
	if ((err = read_back(out.buf, out.len, v, n))) {
		fprintf(stderr, "emit-strings: %s\n", lms_last_error()->msg);
		return 1;
	}
	fwrite(out.buf, 1, out.len, stdout);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	lms_buf_release(&out);
	return 0;
}
