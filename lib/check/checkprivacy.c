#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "checkctx.h"
#include "error.h"
#include "fsio.h"
#include "i18n.h"
#include "personal.h"
#include "utf8.h"
#include "yparse.h"

/* Where the scan has got to, to turn byte offsets into lines and
 * columns (columns count characters, as libyaml's marks do). */
struct place {
	const char *path, *text;
	size_t at;
	unsigned line, col;
	struct lms_findings *out;
};

static void advance(struct place *p, size_t to)
{
	for (; p->at < to; p->at++) {
		unsigned char c = (unsigned char)p->text[p->at];

		if (c == '\n')
			p->line++, p->col = 1;
		else if ((c & 0xc0) != 0x80)
			p->col++;
	}
}

static void report(const struct lms_personal_hit *hit, void *arg)
{
	struct place *p = arg;

	/* The message does not repeat what was found: it would carry the
	 * personal data on into terminals and logs. */
	advance(p, hit->offset);
	lms_finding(p->out, LMS_RULE_PRIVACY, LMS_ERROR, p->path, p->line,
		    p->col, _("this looks like %s: personal data does not "
			      "belong in a file that goes to git"),
		    lms_personal_what(hit->kind));
}

void lms_check_text(const struct lms_names *names, const char *path,
		    const char *text, size_t len, bool contacts_allowed,
		    struct lms_findings *out)
{
	struct place p = { path, text, 0, 1, 1, out };
	unsigned kinds = LMS_PD_ALL;

	if (!(out->rules & (1u << LMS_RULE_PRIVACY)))
		return;
	if (contacts_allowed)
		kinds &= ~(unsigned)(LMS_PD_PHONE | LMS_PD_EMAIL);
	lms_find_personal(text, len, kinds, names, report, &p);
}

/* True if the file's first block holds a NUL: an image, an archive, a
 * video, which no one writes personal data into by hand.  Text in UTF-16
 * holds NULs too, and is read.  What is no regular file is not opened
 * here, lest a FIFO keep us waiting. */
static bool is_binary(const char *path)
{
	char block[8192];
	ssize_t n;
	size_t bom;
	bool big_endian;
	int fd;

	if (lms_open_regular(path, &fd))
		return false;
	n = read(fd, block, sizeof(block));
	close(fd);
	return n > 0 && memchr(block, '\0', (size_t)n) != NULL &&
	       !lms_utf16_detect(block, (size_t)n, &big_endian, &bom);
}

void lms_check_file(const struct lms_names *names, const char *path,
		    struct lms_buf *scratch, struct lms_findings *out)
{
	struct lms_buf utf8 = LMS_BUF_INIT;
	bool big_endian;
	size_t bom;

	if (!(out->rules & (1u << LMS_RULE_PRIVACY)) || is_binary(path))
		return;
	if (lms_read_file(path, lms_limits_default.max_file, scratch)) {
		lms_finding(out, LMS_RULE_PRIVACY, LMS_WARNING, path, 0, 0,
			    _("could not be read to check for personal data: "
			      "%s"),
			    lms_last_error()->msg);
		return;
	}
	/* Lines and characters stay where they were in UTF-16, so the
	 * places found are right for the file as it is. */
	if (lms_utf16_detect(scratch->buf, scratch->len, &big_endian, &bom)) {
		lms_utf16_to_utf8(scratch->buf + bom, scratch->len - bom,
				  big_endian, &utf8);
		lms_check_text(names, path, utf8.buf, utf8.len, false, out);
	} else {
		lms_check_text(names, path, scratch->buf, scratch->len, false,
			       out);
	}
	lms_buf_release(&utf8);
}

/*
 * Whether a pattern of a .gitignore at the tree's root matches path (a
 * file, or with is_dir a folder), the part of gitignore(5) that such a
 * line uses: a pattern with a '/' in it, or anchored by a leading one,
 * matches the whole path from the root; one without matches the last
 * part of the path at any depth.  "**" and classes are left to fnmatch.
 */
static bool pattern_matches(const char *pattern, bool anchored, bool dir_only,
			    const char *path, bool is_dir)
{
	const char *base = strrchr(path, '/');

	if (dir_only && !is_dir)
		return false;
	if (anchored || strchr(pattern, '/'))
		return fnmatch(pattern, path, FNM_PATHNAME) == 0;
	return fnmatch(pattern, base ? base + 1 : path, 0) == 0;
}

/* The last line that matches path decides, as in git. */
static bool ignores(char *text, const char *path, bool is_dir)
{
	bool ignored = false;
	char *save;

	for (char *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		size_t n = strcspn(line, "\r");
		bool negated = line[0] == '!', anchored, dir_only;
		char *pattern = line + negated;

		line[n] = '\0';
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		if (!*pattern || *line == '#')
			continue;
		dir_only = pattern[strlen(pattern) - 1] == '/';
		if (dir_only)
			pattern[strlen(pattern) - 1] = '\0';
		anchored = *pattern == '/';
		if (anchored)
			pattern++;
		if (*pattern && pattern_matches(pattern, anchored, dir_only, path,
						 is_dir))
			ignored = !negated;
	}
	return ignored;
}

/* Git takes no file in an ignored folder, whatever lines follow. */
static bool ignores_file(const struct lms_buf *gitignore, const char *rel)
{
	char *people = lms_file_rel(LMS_FILE_PEOPLE, NULL);
	char *a = lms_strndup(gitignore->buf, gitignore->len);
	char *b = lms_strndup(gitignore->buf, gitignore->len);
	bool ignored = ignores(a, people, true) || ignores(b, rel, false);

	lms_free(a);
	lms_free(b);
	lms_free(people);
	return ignored;
}

/* The .gitignore at the root, if there is one that a person would
 * write: a longer one is not read. */
static bool read_gitignore(struct lms_tree *t, struct lms_buf *text)
{
	return lms_tree_load_text(t, LMS_FILE_IGNORE, NULL, text) == 0 &&
	       text->len <= 1u << 20;
}

/* A file that must be its owner's alone and never in git: the register,
 * or with key the key of shared reports (whole sentences, for the
 * translator). */
static void check_private(struct lms_tree *t, enum lms_file f, bool key,
			  struct lms_findings *out)
{
	char *rel = lms_file_rel(f, NULL);
	char *path = lms_tree_file(t, f, NULL);
	char *ignore = lms_tree_file(t, LMS_FILE_IGNORE, NULL);
	struct lms_buf text = LMS_BUF_INIT;
	struct stat st;

	if (stat(path, &st) != 0)
		goto done;
	if (st.st_mode & 077)
		lms_finding(out, LMS_RULE_PRIVACY, LMS_ERROR, path, 0, 0, key ?
			    _("people other than you may read the key of shared "
			      "reports (mode %03o): make it yours alone with "
			      "'chmod 600 %s'") :
			    _("people other than you may read the private "
			      "register (mode %03o): make it yours alone with "
			      "'chmod 600 %s'"),
			    (unsigned)(st.st_mode & 0777), path);
	if (!read_gitignore(t, &text) || !ignores_file(&text, rel))
		lms_finding(out, LMS_RULE_PRIVACY, LMS_ERROR, path, 0, 0, key ?
			    _("git would take the key of shared reports: add "
			      "the line '%s' to %s") :
			    _("git would take the private register: add the "
			      "line '%s' to %s"), rel, ignore);
done:
	lms_buf_release(&text);
	lms_free(ignore);
	lms_free(path);
	lms_free(rel);
}

void lms_check_register(struct lms_tree *t, struct lms_findings *out)
{
	check_private(t, LMS_FILE_REGISTER, false, out);
	check_private(t, LMS_FILE_REPORT_KEY, true, out);
}
