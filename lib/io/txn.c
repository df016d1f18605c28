#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "fsio.h"
#include "txn.h"

/*
 * Why a kill at any moment leaves all or nothing.
 *
 * A commit of two or more files takes five steps; the process may die
 * between any two system calls of them:
 *   1. each new text goes to a temporary file beside its target
 *      (".NAME.XXXXXX"), fsynced; then the folders that hold them are
 *      fsynced, so that the temporaries' names last as well as their data;
 *   2. the journal, one line "TEMPORARY<tab>TARGET" per file, is written
 *      the same way to a temporary of its own and renamed to .lms/journal,
 *      and .lms is fsynced: that rename is the commit point;
 *   3. each temporary is renamed over its target;
 *   4. the targets' folders are fsynced;
 *   5. the journal is removed.
 *
 * Invariant A: while there is no journal, every target holds its old text,
 * since only step 3 changes targets, and it comes after step 2.
 * Invariant B: while there is a journal, each of its pairs is either
 * "temporary there, target old" or "temporary gone, target new".  A rename
 * takes a pair from the first state to the second in one atomic step, and
 * nothing else removes a temporary that a journal names: stale temporaries
 * are removed only under the exclusive lock after lms_txn_recover, when
 * there is no journal.
 *
 * So recovery renames each temporary that is still there, and then every
 * target is new.  It fsyncs the folders before it removes the journal, so
 * that a journal goes only once the renames last; killed half-way, it
 * leaves B true and the next one starts over.  Without the fsync in step 1
 * a power cut could keep the journal but lose a temporary's name, and "gone"
 * would no longer mean "renamed".  A journal appears by rename, so it is
 * whole or absent; its lines are checked all the same, so that a journal
 * that lms did not write never renames anything but an lms temporary over
 * the file it belongs to.
 *
 * A kill before the commit point rolls back: the targets are old, and the
 * temporaries left are removed by the next write of the same file.  One
 * file alone needs no journal, since its rename is atomic by itself.
 */

#define JOURNAL_HEAD "lms journal 1"
#define JOURNAL_END "end"

static const char not_a_journal[] = N_("not a journal that lms wrote; lms "
				       "will not change the tree until it is "
				       "repaired or removed");

/* How much of a path from join is the root, for fsio's writers. */
static size_t root_len(const char *root)
{
	return strcmp(root, ".") ? strlen(root) : 0;
}

static char *join(const char *root, const char *rel)
{
	char *p;

	if (!strcmp(root, "."))
		return lms_strdup(rel);
	p = lms_malloc(strlen(root) + strlen(rel) + 2);
	sprintf(p, "%s/%s", root, rel);
	return p;
}

void lms_txn_init(struct lms_txn *x, const char *root)
{
	memset(x, 0, sizeof(*x));
	x->root = lms_strdup(root);
}

static void forget_staged(struct lms_txn *x)
{
	for (size_t i = 0; i < x->n; i++) {
		if (x->v[i].tmp) {
			lms_unlink_below(x->v[i].tmp, root_len(x->root));
			lms_free(x->v[i].tmp);
			x->v[i].tmp = NULL;
		}
	}
}

void lms_txn_release(struct lms_txn *x)
{
	if (!x->durable)
		forget_staged(x);
	for (size_t i = 0; i < x->n; i++) {
		lms_free(x->v[i].path);
		lms_free(x->v[i].tmp);
		lms_buf_release(&x->v[i].text);
	}
	lms_free(x->v);
	lms_free(x->root);
	memset(x, 0, sizeof(*x));
}

/* A path that lms may name in a journal: relative, inside the tree, and a
 * file's (no "..", no empty or "." parts, nothing that breaks a line). */
static bool path_ok(const char *p)
{
	size_t len;

	if (!*p || *p == '/' || strpbrk(p, "\t\n\r"))
		return false;
	for (const char *s = p; *s; s += len + (s[len] == '/')) {
		len = strcspn(s, "/");
		if (!len || (len == 1 && s[0] == '.') ||
		    (len == 2 && s[0] == '.' && s[1] == '.'))
			return false;
	}
	return p[strlen(p) - 1] != '/';
}

int lms_txn_put(struct lms_txn *x, const char *path, const void *data,
		size_t len, mode_t mode)
{
	struct lms_txn_file *f = NULL;

	if (!path_ok(path))
		return lms_error(LMS_EIO, _("internal: '%s' is not a path in "
				 "the tree"), path);
	for (size_t i = 0; i < x->n && !f; i++)
		if (!strcmp(x->v[i].path, path))
			f = &x->v[i];
	if (!f) {
		f = lms_array_push(&x->v, &x->n, sizeof(*f));
		f->path = lms_strdup(path);
		lms_buf_init(&f->text);
	}
	lms_buf_reset(&f->text);
	lms_buf_add(&f->text, data, len);
	f->mode = mode;
	return 0;
}

static size_t parent_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path) : 0;
}

/* fsyncs the folder of each path once. */
static int sync_parents(char *const *paths, size_t n, size_t rl)
{
	int err = 0;

	for (size_t i = 0; i < n && !err; i++) {
		size_t len = parent_len(paths[i]);
		bool seen = false;

		for (size_t j = 0; j < i && !seen; j++)
			seen = parent_len(paths[j]) == len &&
			       !strncmp(paths[j], paths[i], len);
		if (!seen)
			err = lms_sync_parent(paths[i], rl);
	}
	return err;
}

/* A pair of a journal, as paths from the working directory. */
struct pair {
	char *tmp, *target;
};

static void pairs_free(struct pair *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		lms_free(v[i].tmp);
		lms_free(v[i].target);
	}
	lms_free(v);
}

/*
 * A rename of a decided change failed: its cause, and where the change is
 * kept.  A refusal (a link, a folder gone) stays until someone repairs it,
 * so the next lms would only meet it again.
 */
static int kept(int err, const char *journal)
{
	char cause[sizeof(lms_last_error()->msg)];

	/* The message is formatted into the buffer it comes from. */
	snprintf(cause, sizeof(cause), "%s", lms_last_error()->msg);
	if (err == LMS_ECREATE)
		return lms_error(err, _("%s; the change is kept in '%s', and is "
				 "finished by the next lms that may write the "
				 "tree once that is repaired"), cause, journal);
	return lms_error(err, _("%s; the change is kept in '%s', and the "
			 "next lms that may write the tree finishes it"),
			 cause, journal);
}

/* Steps 3 to 5, for a commit and for a recovery alike. */
static int finish(const char *journal, const struct pair *v, size_t n,
		  size_t rl)
{
	char **targets = lms_calloc(n + 1, sizeof(char *));
	int err = 0;

	/* Every pair is checked before the first rename, so that one that
	 * would be refused (its folder now a link, or gone) leaves the
	 * targets all old, not some replaced already. */
	for (size_t i = 0; i < n && !err; i++)
		if ((err = lms_rename_check(v[i].tmp, v[i].target, rl)))
			err = kept(err, journal);
	for (size_t i = 0; i < n && !err; i++) {
		targets[i] = v[i].target;
		/* A temporary that is gone was renamed before: invariant B. */
		err = lms_rename_below(v[i].tmp, v[i].target, rl);
		if (err == LMS_ENOENT)
			err = 0;
		else if (err)
			err = kept(err, journal);
	}
	if (!err)
		err = sync_parents(targets, n, rl);
	if (!err && (err = lms_unlink_below(journal, rl)) == LMS_ENOENT)
		err = 0;
	/* The journal's removal need not last: found again, it finds every
	 * temporary gone and does nothing. */
	lms_free(targets);
	return err;
}

/* Step 1: every file staged, and the names of the temporaries lasting. */
static int stage(struct lms_txn *x, char **targets)
{
	int err = 0;

	for (size_t i = 0; i < x->n && !err; i++) {
		struct lms_txn_file *f = &x->v[i];

		targets[i] = join(x->root, f->path);
		lms_remove_stale_temporaries(targets[i], root_len(x->root));
		err = lms_write_temporary(targets[i], root_len(x->root),
					  f->text.buf, f->text.len,
					  f->mode, &f->tmp);
	}
	if (!err)
		err = sync_parents(targets, x->n, root_len(x->root));
	return err;
}

/* "courses/x/.enrolments.yaml.AbC123" for "courses/x/enrolments.yaml". */
static const char *tmp_relative(const struct lms_txn *x,
				const struct lms_txn_file *f)
{
	return strcmp(x->root, ".") ? f->tmp + strlen(x->root) + 1 : f->tmp;
}

/* Step 2: the commit point.  Once the journal has its name, the change is
 * decided even if the sync after it fails: the temporaries must stay. */
static int write_journal(struct lms_txn *x, const char *journal)
{
	struct lms_buf text = LMS_BUF_INIT;
	char *tmp;
	int err;

	lms_buf_adds(&text, JOURNAL_HEAD "\n");
	for (size_t i = 0; i < x->n; i++)
		lms_buf_addf(&text, "%s\t%s\n", tmp_relative(x, &x->v[i]),
			     x->v[i].path);
	lms_buf_adds(&text, JOURNAL_END "\n");
	lms_remove_stale_temporaries(journal, root_len(x->root));
	err = lms_write_temporary(journal, root_len(x->root), text.buf,
				  text.len, 0644, &tmp);
	lms_buf_release(&text);
	if (err)
		return err;
	if ((err = lms_rename_below(tmp, journal, root_len(x->root)))) {
		if (err == LMS_ENOENT)
			err = lms_error(LMS_EIO, _("cannot replace '%s': "
					"its temporary is gone"), journal);
		lms_unlink_below(tmp, root_len(x->root));
	} else {
		x->durable = true;
		err = lms_sync_parent(journal, root_len(x->root));
	}
	lms_free(tmp);
	return err;
}

static int commit_one(struct lms_txn *x)
{
	char *path = join(x->root, x->v[0].path);
	int err;

	lms_remove_stale_temporaries(path, root_len(x->root));
	err = lms_write_below(path, root_len(x->root), x->v[0].text.buf,
			      x->v[0].text.len, x->v[0].mode);
	x->durable = !err;
	lms_free(path);
	return err;
}

int lms_txn_commit(struct lms_txn *x)
{
	char **targets, *journal;
	struct pair *pairs;
	int err;

	if (x->n <= 1)
		return x->n ? commit_one(x) : 0;
	targets = lms_calloc(x->n + 1, sizeof(char *));
	journal = join(x->root, LMS_JOURNAL_FILE);
	if (!(err = stage(x, targets)) && !(err = write_journal(x, journal))) {
		pairs = lms_calloc(x->n, sizeof(*pairs));
		for (size_t i = 0; i < x->n; i++) {
			pairs[i].tmp = x->v[i].tmp;
			pairs[i].target = targets[i];
		}
		err = finish(journal, pairs, x->n, root_len(x->root));
		lms_free(pairs);
		for (size_t i = 0; i < x->n && !err; i++) {
			lms_free(x->v[i].tmp);
			x->v[i].tmp = NULL;
		}
	}
	if (err && !x->durable)
		forget_staged(x);
	for (size_t i = 0; i < x->n; i++)
		lms_free(targets[i]);
	lms_free(targets);
	lms_free(journal);
	return err;
}

int lms_txn_pending(const char *root)
{
	char cause[sizeof(lms_last_error()->msg)];
	char *journal = join(root, LMS_JOURNAL_FILE);
	struct stat st;
	/* As lms_txn_recover reads it: a link is a journal, if a bad one. */
	int err = lms_stat_below(journal, root_len(root), &st);

	if (err == LMS_ENOENT) {
		err = 0;
	} else if (!err) {
		err = 1;
	} else {
		snprintf(cause, sizeof(cause), "%s", lms_last_error()->msg);
		err = lms_error(LMS_EIO, _("cannot tell whether a change was "
				"left half made: %s"), cause);
	}
	lms_free(journal);
	return err;
}

/* A temporary that lms_write_temporary makes for target, in its folder. */
static bool is_temporary_of(const char *tmp, const char *target)
{
	size_t dir = parent_len(target), base;
	const char *t = target + dir + (dir > 0), *s = tmp + dir + (dir > 0);

	if (parent_len(tmp) != dir || strncmp(tmp, target, dir))
		return false;
	base = strlen(t);
	if (s[0] != '.' || strncmp(s + 1, t, base) || s[base + 1] != '.' ||
	    strlen(s + base + 2) != 6)
		return false;
	return true;
}

/* The journal's pairs; LMS_EDATA, placed on its line, if it is not one
 * that lms wrote. */
static int parse_journal(const char *root, const char *journal, char *text,
			 struct pair **out, size_t *n)
{
	unsigned line = 0;
	bool ended = false;
	char *save = NULL;

	*out = NULL;
	*n = 0;
	for (char *l = strtok_r(text, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(l, '\t');
		struct pair *p;

		line++;
		if (line == 1 ? strcmp(l, JOURNAL_HEAD) != 0 : ended)
			goto bad;
		if (line > 1 && !strcmp(l, JOURNAL_END)) {
			ended = true;
			continue;
		}
		if (line == 1)
			continue;
		if (!tab)
			goto bad;
		*tab = '\0';
		if (!path_ok(l) || !path_ok(tab + 1) || !is_temporary_of(l, tab + 1))
			goto bad;
		p = lms_array_push(out, n, sizeof(*p));
		p->tmp = join(root, l);
		p->target = join(root, tab + 1);
	}
	if (ended)
		return 0;
	line++;
bad:
	pairs_free(*out, *n);
	*out = NULL;
	*n = 0;
	return lms_error_at(LMS_EDATA, journal, line, 0, "%s",
			    _(not_a_journal));
}

int lms_txn_recover(const char *root, bool *finished)
{
	char *journal = join(root, LMS_JOURNAL_FILE);
	struct lms_buf text = LMS_BUF_INIT;
	struct pair *pairs = NULL;
	size_t n = 0;
	int err = lms_read_below(journal, root_len(root), 1u << 20, &text);

	if (finished)
		*finished = false;
	if (err == LMS_ENOENT) {
		err = 0;
		goto out;
	}
	/* Too large, or no regular file (a link, a FIFO): not lms's. */
	if (err == LMS_EDATA)
		err = lms_error_at(LMS_EDATA, journal, 0, 0, "%s",
				   _(not_a_journal));
	if (!err && !(err = parse_journal(root, journal, text.buf, &pairs, &n)))
		err = finish(journal, pairs, n, root_len(root));
	if (!err && finished)
		*finished = true;
out:
	pairs_free(pairs, n);
	lms_buf_release(&text);
	lms_free(journal);
	return err;
}
