#include <string.h>
#include <sys/random.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "reportkey.h"
#include "tree.h"

/* The key on disk: 64 hex digits and a newline. */

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int parse_key(const char *path, const struct lms_buf *text,
		     struct lms_report_key *out)
{
	size_t n = sizeof(out->secret);

	if (text->len != 2 * n + 1 || text->buf[2 * n] != '\n')
		return lms_error_at(LMS_EDATA, path, 1, 1, "%s",
				    _("a report key is 64 hex digits and a "
				      "newline"));
	for (size_t i = 0; i < n; i++) {
		int hi = hex_value(text->buf[2 * i]);
		int lo = hex_value(text->buf[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return lms_error_at(LMS_EDATA, path, 1,
					    (unsigned)(2 * i + (hi < 0 ? 1 : 2)),
					    "%s", _("a report key is 64 hex "
						    "digits (0-9, a-f)"));
		out->secret[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

/* A new key, unless another lms makes one first: then that one stays. */
static int make_key(const char *root, const char *path, bool *made)
{
	unsigned char secret[32];
	char hex[2 * sizeof(secret) + 2];
	size_t root_len = strlen(root);
	char *tmp = NULL, *people = lms_strdup(path);
	int err;

	if (getrandom(secret, sizeof(secret), 0) != (ssize_t)sizeof(secret)) {
		lms_free(people);
		return lms_error(LMS_EIO, "%s", _("cannot read the system's "
				 "random source"));
	}
	*strrchr(people, '/') = '\0';
	/* .gitignore first, so that the key is never there unnamed. */
	if ((err = lms_keep_register_ignored(root))) {
		lms_free(people);
		return err;
	}
	for (size_t i = 0; i < sizeof(secret); i++)
		snprintf(hex + 2 * i, 3, "%02x", secret[i]);
	hex[2 * sizeof(secret)] = '\n';
	if (!(err = lms_mkdirs_below(people, root_len, 0755)) &&
	    !(err = lms_write_temporary(path, root_len, hex, sizeof(hex) - 1,
					0600, &tmp)))
		err = lms_link_new_below(tmp, path, root_len);
	*made = err == 0;
	if (err == 1)
		err = 0;
	explicit_bzero(secret, sizeof(secret));
	explicit_bzero(hex, sizeof(hex));
	lms_free(tmp);
	lms_free(people);
	return err;
}

int lms_report_key_load(const char *root, bool make,
			struct lms_report_key *out, bool *made)
{
	struct lms_buf path_buf = LMS_BUF_INIT;
	char *path;
	struct lms_buf text = LMS_BUF_INIT;
	int err;

	lms_buf_addf(&path_buf, "%s/%s", root,
		     lms_file_pattern(LMS_FILE_REPORT_KEY));
	path = path_buf.buf;
	err = lms_read_file(path, 256, &text);
	*made = false;
	if (err == LMS_ENOENT && !make)
		err = lms_error(LMS_ENOENT, _("the tree has no key of shared "
				"reports, %s: a copy of a tree cannot make shared "
				"reports, as its draws would not be the "
				"service's; on the service's own machine, make "
				"the key once with lms report --new-key, or use "
				"--exact for internal figures"), path);
	else if (err == LMS_ENOENT) {
		lms_error_clear();
		if (!(err = make_key(root, path, made)))
			err = lms_read_file(path, 256, &text);
	}
	if (!err)
		err = parse_key(path, &text, out);
	if (text.buf)
		explicit_bzero(text.buf, text.len);
	lms_buf_release(&text);
	lms_buf_release(&path_buf);
	return err;
}
