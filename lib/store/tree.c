#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "i18n.h"
#include "fsio.h"
#include "id.h"
#include "index.h"
#include "tree.h"
#include "yparse.h"

static bool holds_service(const char *dir)
{
	char *probe = lms_malloc(strlen(dir) + sizeof("/" LMS_SERVICE_FILE));
	bool found;

	sprintf(probe, "%s/%s", dir, LMS_SERVICE_FILE);
	found = lms_exists(probe);
	lms_free(probe);
	return found;
}

int lms_tree_find(char **out)
{
	struct lms_buf dir = LMS_BUF_INIT;
	char *seen = NULL, *here;

	/* ".", "..", "../.." ... until lms.yaml, or until ".." is where we
	 * are already: the file system's root. */
	lms_buf_adds(&dir, ".");
	while (!holds_service(dir.buf)) {
		here = realpath(dir.buf, NULL);
		if (!here || (seen && !strcmp(here, seen))) {
			lms_free(here);
			lms_free(seen);
			lms_buf_release(&dir);
			*out = NULL;
			return lms_error(LMS_ENOENT, _("not in an lms tree: no "
					 "%s here or in any folder above (see "
					 "lms init)"), LMS_SERVICE_FILE);
		}
		lms_free(seen);
		seen = here;
		if (!strcmp(dir.buf, "."))
			lms_buf_reset(&dir);
		lms_buf_adds(&dir, dir.len ? "/.." : "..");
	}
	lms_free(seen);
	*out = lms_buf_detach(&dir);
	return 0;
}

/* The root, as every path of the tree begins: nothing for ".", so that
 * paths in messages read "courses/x/course.yaml", not "./courses/...". */
static void add_root(struct lms_buf *b, const struct lms_tree *t)
{
	if (strcmp(t->root, ".")) {
		lms_buf_adds(b, t->root);
		lms_buf_addch(b, '/');
	}
}

char *lms_tree_path(const struct lms_tree *t, const char *fmt, ...)
{
	struct lms_buf b = LMS_BUF_INIT;
	va_list ap;

	add_root(&b, t);
	va_start(ap, fmt);
	lms_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return lms_buf_detach(&b);
}

/* Built without printf, in one allocation: it is asked for each file of
 * each course that a command reads. */
char *lms_tree_file(const struct lms_tree *t, enum lms_file f, const char *id)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_buf_grow(&b, strlen(t->root) + 1 + strlen(lms_file_pattern(f)) +
			 (id ? strlen(id) : 0));
	add_root(&b, t);
	lms_file_rel_add(&b, f, id);
	return lms_buf_detach(&b);
}

/* path, one of the tree's, relative to its root; NULL if it is not
 * below the root. */
static const char *below_root(const struct lms_tree *t, const char *path)
{
	size_t n = strlen(t->root);

	if (!strcmp(t->root, "."))
		return path[0] != '/' ? path : NULL;
	if (strncmp(path, t->root, n) || path[n] != '/' || !path[n + 1])
		return NULL;
	return path + n + 1;
}

/*
 * path, one of the tree's, as a name below the closest folder held open,
 * in *dir: the kernel then walks two steps of a path, not all of them
 * from / (or the working folder, AT_FDCWD, and path itself).
 */
const char *lms_tree_below(const struct lms_tree *t, const char *path,
			   int *dir)
{
	const char *rel = t->has_root_fd ? below_root(t, path) : NULL;
	const char *in_courses = t->has_courses_fd ?
				 lms_file_below_courses(rel) : NULL;

	*dir = in_courses ? t->courses_fd : rel ? t->root_fd : AT_FDCWD;
	return in_courses ? in_courses : rel ? rel : path;
}

static int read_below_root(const struct lms_tree *t, const char *path,
			   size_t max, struct lms_buf *out)
{
	int dir;
	const char *name = lms_tree_below(t, path, &dir);

	return lms_read_file_ahead(t->ahead, dir, name, path, max, out);
}

int lms_tree_open_courses(const struct lms_tree *t)
{
	if (!t->has_root_fd)
		return -1;
	return openat(t->root_fd, lms_file_pattern(LMS_FILE_COURSES),
		      O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void lms_tree_thread_copy(struct lms_tree *copy, const struct lms_tree *t)
{
	int fd = lms_tree_open_courses(t);

	*copy = *t;
	copy->ahead = NULL;	/* one thread's */
	lms_buf_init(&copy->text);
	copy->courses_fd = fd;
	copy->has_courses_fd = fd >= 0;
}

void lms_tree_thread_release(struct lms_tree *copy)
{
	if (copy->has_courses_fd)
		close(copy->courses_fd);
	lms_buf_release(&copy->text);
}

int lms_tree_read(struct lms_tree *t, const char *path)
{
	return read_below_root(t, path, lms_limits_default.max_file, &t->text);
}

int lms_tree_open(struct lms_tree *t, const char *root)
{
	char *path;
	int err;
	size_t n = strlen(root);

	memset(t, 0, sizeof(*t));
	lms_buf_init(&t->text);
	t->lock.fd = -1;
	/* "-C narvik/" names its files narvik/..., not narvik//... */
	while (n > 1 && root[n - 1] == '/')
		n--;
	t->root = lms_strndup(root, n);
	t->root_fd = open(t->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	t->has_root_fd = t->root_fd >= 0;
	t->courses_fd = lms_tree_open_courses(t);
	t->has_courses_fd = t->courses_fd >= 0;
	path = lms_tree_file(t, LMS_FILE_SERVICE, NULL);
	err = lms_tree_read(t, path);
	if (err == LMS_ENOENT)
		err = lms_error(LMS_ENOENT, _("not an lms tree: no '%s' (see "
				"lms init)"), path);
	if (!err)
		err = lms_service_load(&t->service, path, t->text.buf,
				       t->text.len);
	lms_free(path);
	if (err)
		lms_tree_release(t);
	return err;
}

void lms_tree_release(struct lms_tree *t)
{
	lms_tree_end(t, -1, NULL);
	lms_lock_release(&t->lock);
	if (t->has_root_fd)
		close(t->root_fd);
	if (t->has_courses_fd)
		close(t->courses_fd);
	lms_free(t->root);
	lms_service_release(&t->service);
	lms_buf_release(&t->text);
	memset(t, 0, sizeof(*t));
	t->lock.fd = -1;
}

/* How much of a path from lms_tree_path is the root, for fsio's writers. */
static int root_len(const struct lms_tree *t, const char *path, size_t *out)
{
	size_t n = strcmp(t->root, ".") ? strlen(t->root) : 0;

	*out = n;
	if (n ? strncmp(path, t->root, n) || path[n] != '/' : path[0] == '/')
		return lms_error(LMS_EIO, _("internal: '%s' is not in the "
				 "tree '%s'"), path, t->root);
	return 0;
}

int lms_tree_mkdirs(struct lms_tree *t, const char *path)
{
	size_t n;
	int err = root_len(t, path, &n);

	return err ? err : lms_mkdirs_below(path, n, 0755);
}

static int lock_alone(struct lms_tree *t, struct lms_lock *lock,
		      int timeout_ms)
{
	char *path = lms_tree_file(t, LMS_FILE_LOCK, NULL);
	size_t n;
	int err = root_len(t, path, &n);

	if (!err)
		err = lms_lock_acquire(lock, path, n, timeout_ms);
	if (!err && (err = lms_txn_recover(t->root, &t->recovered)))
		lms_lock_release(lock);
	lms_free(path);
	return err;
}

/*
 * Finishes a change left half made, under the lock taken alone for a
 * moment; the lock is released on failure.  A journal that recovery does
 * not find is one that it cannot agree is there: a stop, not a loop.
 */
static int finish_pending(struct lms_tree *t, struct lms_lock *lock,
			  const char *path, int timeout_ms)
{
	int pending, err = 0;

	while (!err && (pending = lms_txn_pending(t->root))) {
		bool finished = false;

		if (pending < 0)
			err = pending;
		else if (lock->fd < 0)
			err = lms_error(LMS_EIO, _("a change was left half made "
					"in '%s', and the tree's lock cannot be "
					"had to finish it"), LMS_JOURNAL_FILE);
		else if (!(err = lms_lock_change(lock, path, true, timeout_ms)) &&
			 !(err = lms_txn_recover(t->root, &finished)))
			err = lms_lock_change(lock, path, false, timeout_ms);
		if (!err && !finished)
			err = lms_error(LMS_EIO, _("'%s' is there, but lms "
					"found no change in it to finish"),
					LMS_JOURNAL_FILE);
		t->recovered = t->recovered || finished;
	}
	if (err)
		lms_lock_release(lock);
	return err;
}

/*
 * Readers take the lock shared rather than read around a change: between
 * the renames of a change the files disagree, and only the lock tells a
 * reader that no change is under way.  A change that a killed writer left
 * is finished by the first reader too, so that what it reads is the
 * change whole; it may not be ignored, since some files are new already.
 */
static int lock_shared(struct lms_tree *t, struct lms_lock *lock,
		       int timeout_ms)
{
	char *path = lms_tree_file(t, LMS_FILE_LOCK, NULL);
	size_t n;
	int err = root_len(t, path, &n);

	if (!err)
		err = lms_lock_acquire_shared(lock, path, n, timeout_ms);
	/* No .lms/ or no lock: nobody who may write this tree has written
	 * it yet.  Any other failure (no permission) says nothing of that. */
	if (err == LMS_ENOENT) {
		lock->fd = -1;
		err = 0;
	}
	if (!err)
		err = finish_pending(t, lock, path, timeout_ms);
	lms_free(path);
	return err;
}

int lms_tree_write(struct lms_tree *t, const char *path, const void *data,
		   size_t len, mode_t mode)
{
	size_t n;
	int err = root_len(t, path, &n);

	if (err)
		return err;
	if (!t->txn)
		return lms_error(LMS_EIO, _("internal: writing '%s' without the "
					    "tree's lock"), path);
	return lms_txn_put(t->txn, path + n + (n > 0), data, len, mode);
}

int lms_tree_begin(struct lms_tree *t, int timeout_ms)
{
	int err;

	if (t->txn)
		return 0;
	/* What was read under the shared lock may change while it is let
	 * go for the lock alone: a change begins before anything is read. */
	if (t->lock.fd >= 0)
		return lms_error(LMS_EIO, _("internal: a change begun after "
					    "reading the tree"));
	if ((err = lock_alone(t, &t->lock, timeout_ms)))
		return err;
	lms_txn_init(&t->change, t->root);
	t->txn = &t->change;
	return 0;
}

int lms_tree_begin_read(struct lms_tree *t, int timeout_ms)
{
	if (t->lock.fd >= 0)
		return 0;
	return lock_shared(t, &t->lock, timeout_ms);
}

int lms_tree_end(struct lms_tree *t, int err, bool *undone)
{
	int failed = 0;

	if (undone)
		*undone = false;
	if (!t->txn)
		return err;
	if (err >= 0 && (failed = lms_txn_commit(t->txn))) {
		if (undone)
			*undone = !t->txn->durable;
		err = failed;
	}
	lms_txn_release(t->txn);
	t->txn = NULL;
	return err;
}

int lms_tree_load_text(struct lms_tree *t, enum lms_file f, const char *id,
		       struct lms_buf *out)
{
	char *path = lms_tree_file(t, f, id);
	int err = read_below_root(t, path, lms_limits_default.max_file, out);

	lms_free(path);
	return err;
}

int lms_tree_save(struct lms_tree *t, enum lms_file f, const char *id,
		  const struct lms_buf *text)
{
	char *path = lms_tree_file(t, f, id);
	char *dir = strrchr(path, '/');
	int err = 0;

	if (!t->txn)
		err = lms_error(LMS_EIO, _("internal: writing '%s' without the "
					   "tree's lock"), path);
	else if (f == LMS_FILE_REGISTER || f == LMS_FILE_REPORT_KEY)
		err = lms_error(LMS_EIO, _("internal: '%s' has a writer of its "
					   "own"), path);
	if (!err)
		err = lms_yaml_readable(path, text->buf, text->len);
	/* A new course's folder is made; one that is there, whatever it is,
	 * is left to the write, which refuses a link or a FIFO in the path
	 * and names the file. */
	if (!err && dir) {
		struct stat st;

		*dir = '\0';
		if (lstat(path, &st) < 0 && errno == ENOENT)
			err = lms_tree_mkdirs(t, path);
		*dir = '/';
	}
	if (!err)
		err = lms_tree_write(t, path, text->buf, text->len, 0);
	lms_free(path);
	return err;
}

/*
 * Whether the course has its plan: 1, or 0 when it, or its folder, is
 * missing.  What cannot be looked into (no permission) is an error, lest
 * a course go missing from a report without a word.
 */
int lms_tree_has_course(const struct lms_tree *t, const char *id)
{
	char *path;
	const char *name;
	struct stat st;
	int dir, found = 1;

	/* No id, no course; and a path is made only of an id. */
	if (!lms_id_valid(id))
		return 0;
	path = lms_tree_file(t, LMS_FILE_COURSE, id);
	name = lms_tree_below(t, path, &dir);
	if (fstatat(dir, name, &st, 0) < 0)
		found = errno == ENOENT || errno == ENOTDIR ? 0 :
			lms_error(LMS_EIO, _("cannot read '%s': %s"), path,
				  lms_strerror(errno));
	lms_free(path);
	return found;
}

/*
 * Listed through courses/ as the tree holds it open, where the courses'
 * files are looked at and whose stat the index keeps with the listing
 * (index.c): by its path, a link switched in between would list
 * another folder.
 */
int lms_tree_course_folders(struct lms_tree *t, char ***out, size_t *n)
{
	char *dir = lms_tree_file(t, LMS_FILE_COURSES, NULL);
	char **names;
	size_t nnames;
	int err = t->has_courses_fd ?
		lms_dir_read_at(t->courses_fd, ".", dir, &names, NULL, &nnames) :
		lms_dir_list(dir, &names, &nnames);	/* none: no courses */

	*out = NULL;
	*n = 0;
	lms_free(dir);
	for (size_t i = 0; i < nnames; i++) {
		if (lms_id_valid(names[i]))
			*(char **)lms_array_push(out, n, sizeof(char *)) =
				names[i];
		else
			lms_free(names[i]);
	}
	lms_free(names);
	lms_strings_sort(*out, *n);
	return err;
}

int lms_tree_course_ids(struct lms_tree *t, char ***out, size_t *n)
{
	char **folders;
	size_t nfolders;
	int err = lms_tree_course_folders(t, &folders, &nfolders);

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < nfolders && !err; i++) {
		int found;

		if ((found = lms_tree_has_course(t, folders[i])) < 0)
			err = found;
		else if (found)
			*(char **)lms_array_push(out, n, sizeof(char *)) =
				lms_strdup(folders[i]);
	}
	lms_strings_free(folders, nfolders);
	if (err) {
		lms_strings_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return err;
}

/* A string with its first 16 bytes as two numbers, in the order of
 * strcmp: most comparisons of names end there, without a look at the
 * strings, which lie all over memory. */
struct keyed_string {
	uint64_t head[2];
	char *s;
};

static void key_string(struct keyed_string *k, char *s)
{
	size_t i = 0;

	k->s = s;
	k->head[0] = k->head[1] = 0;
	for (; i < 16 && s[i]; i++)
		k->head[i / 8] |= (uint64_t)(unsigned char)s[i] << (56 - 8 * (i % 8));
}

static int by_keyed_string(const void *a, const void *b)
{
	const struct keyed_string *x = a, *y = b;

	for (int i = 0; i < 2; i++)
		if (x->head[i] != y->head[i])
			return x->head[i] < y->head[i] ? -1 : 1;
	return strcmp(x->s, y->s);
}

void lms_strings_sort(char **v, size_t n)
{
	struct keyed_string *k;

	if (n < 2)
		return;
	k = lms_malloc(n * sizeof(*k));
	lms_prefault(k, n * sizeof(*k));
	for (size_t i = 0; i < n; i++)
		key_string(&k[i], v[i]);
	lms_array_sort(k, n, sizeof(*k), by_keyed_string);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].s;
	lms_free(k);
}

void lms_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lms_free(v[i]);
	lms_free(v);
}


/* Reads the file of an id'd object; a missing file is missing, a
 * message such as "no such course: '%s'". */
static int read_object(struct lms_tree *t, const char *what,
		       const char *missing, const char *id, const char *path)
{
	int err;

	if ((err = lms_id_check(what, id)))
		return err;
	err = lms_tree_read(t, path);
	if (err == LMS_ENOENT)
		return lms_error(LMS_ENOENT, missing, id);
	return err;
}

int lms_tree_load_course(struct lms_tree *t, const char *id,
			 struct lms_course *out, struct lms_diags *diags)
{
	char *path = lms_tree_file(t, LMS_FILE_COURSE, id);
	int err = read_object(t, "course", _("no such course: '%s'"), id,
				path);

	if (!err)
		err = lms_course_load(out, path, t->text.buf, t->text.len, id,
				      diags);
	lms_free(path);
	return err;
}

int lms_tree_load_course_text(struct lms_tree *t, const char *id,
			      struct lms_course *out, struct lms_buf *text)
{
	int err = lms_tree_load_course(t, id, out, NULL);

	if (!err)
		lms_buf_add(text, t->text.buf, t->text.len);
	return err;
}

int lms_tree_load_facilitators(struct lms_tree *t, struct lms_facilitator **out,
			       size_t *n, struct lms_diags *diags)
{
	char *path = lms_tree_file(t, LMS_FILE_FACILITATORS, NULL);
	int err = lms_tree_read(t, path);

	*out = NULL;
	*n = 0;
	if (err == LMS_ENOENT)
		err = 0, lms_buf_reset(&t->text);
	if (!err)
		err = lms_facilitators_load(out, n, path, t->text.buf,
					    t->text.len, diags);
	lms_free(path);
	return err;
}

int lms_tree_load_offers(struct lms_tree *t, struct lms_offers *out,
			 struct lms_diags *diags)
{
	char *path = lms_tree_file(t, LMS_FILE_OFFERS, NULL);
	int err = lms_tree_read(t, path);

	out->v = NULL;
	out->n = 0;
	if (err == LMS_ENOENT)
		err = 0, lms_buf_reset(&t->text);
	if (!err)
		err = lms_offers_load(out, path, t->text.buf, t->text.len,
				      diags);
	lms_free(path);
	return err;
}

int lms_tree_load_form(struct lms_tree *t, const char *id, struct lms_form *out,
		       struct lms_diags *diags)
{
	char *path = lms_tree_file(t, LMS_FILE_FORM, id);
	int err = read_object(t, "form", _("no such form: '%s'"), id, path);

	if (!err)
		err = lms_form_load(out, path, t->text.buf, t->text.len, id,
				    diags);
	lms_free(path);
	return err;
}

int lms_tree_load_template(struct lms_tree *t, const char *id,
			   struct lms_template *out, struct lms_diags *diags)
{
	char *path = lms_tree_file(t, LMS_FILE_TEMPLATE, id);
	int err = read_object(t, "template", _("no such template: '%s'"), id,
				path);

	if (!err)
		err = lms_template_load(out, path, t->text.buf, t->text.len, id,
					diags);
	lms_free(path);
	return err;
}

/* A course's file that lms writes; NULL text for a missing file. */
static int read_course_file(struct lms_tree *t, const char *course,
			    enum lms_file f, char **path)
{
	int err;

	*path = lms_tree_file(t, f, course);
	err = lms_tree_read(t, *path);
	if (err == LMS_ENOENT) {
		lms_buf_reset(&t->text);
		err = 0;
	}
	return err;
}

int lms_tree_load_enrolments(struct lms_tree *t, const char *course,
			     struct lms_enrolments *out)
{
	char *path;
	int err = read_course_file(t, course, LMS_FILE_ENROLMENTS, &path);

	memset(out, 0, sizeof(*out));
	if (!err)
		err = lms_enrolments_load(out, path, t->text.buf, t->text.len);
	lms_free(path);
	return err;
}

int lms_tree_load_attendance(struct lms_tree *t, const char *course,
			     struct lms_attendance *out)
{
	char *path;
	int err = read_course_file(t, course, LMS_FILE_ATTENDANCE, &path);

	memset(out, 0, sizeof(*out));
	if (!err)
		err = lms_attendance_load(out, path, t->text.buf, t->text.len);
	lms_free(path);
	return err;
}

int lms_tree_load_meetings(struct lms_tree *t, const char *course,
			   struct lms_meetings *out)
{
	char *path;
	int err = read_course_file(t, course, LMS_FILE_MEETINGS, &path);

	memset(out, 0, sizeof(*out));
	if (!err)
		err = lms_meetings_load(out, path, t->text.buf, t->text.len,
					NULL);
	lms_free(path);
	return err;
}

int lms_tree_load_evaluations(struct lms_tree *t, const char *course,
			      struct lms_evaluations *out)
{
	char *path;
	int err = read_course_file(t, course, LMS_FILE_EVALUATIONS, &path);

	memset(out, 0, sizeof(*out));
	if (!err)
		err = lms_evaluations_load(out, path, t->text.buf, t->text.len);
	lms_free(path);
	return err;
}

int lms_tree_load_facilitator_evaluations(struct lms_tree *t,
					  const char *course,
					  struct lms_evaluations *out)
{
	char *path;
	int err = read_course_file(t, course, LMS_FILE_FACILITATOR_EVALUATIONS,
				   &path);

	memset(out, 0, sizeof(*out));
	if (!err)
		err = lms_facilitator_evaluations_load(out, path, t->text.buf,
						       t->text.len);
	lms_free(path);
	return err;
}

int lms_tree_load_register(struct lms_tree *t, struct lms_register *out)
{
	char *path = lms_tree_file(t, LMS_FILE_REGISTER, NULL);
	struct stat st;
	int err = 0;

	memset(out, 0, sizeof(*out));
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		err = lms_error(LMS_EREFUSED, _("'%s' can be read by others "
				"(mode %03o): it holds names and contacts; make "
				"it private with: chmod 600 %s"), path,
				(unsigned)(st.st_mode & 0777), path);
	if (!err)
		err = lms_tree_read(t, path);
	if (err == LMS_ENOENT) {
		lms_buf_reset(&t->text);
		err = 0;
	}
	if (!err)
		err = lms_register_load(out, path, t->text.buf, t->text.len);
	lms_free(path);
	return err;
}

/* True if text has a line that is exactly line. */
static bool has_line(const char *text, const char *line)
{
	size_t len = strlen(line);

	for (const char *p = text; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (!strncmp(p, line, len) && (p[len] == '\n' || !p[len]))
			return true;
	}
	return false;
}

/*
 * The .gitignore at path as it must be to keep the register out of git,
 * in text; *changed says whether that takes a line it does not have.
 */
static int ignoring_register(const char *path, struct lms_buf *text,
			     bool *changed)
{
	static const char *const private[] = {
		LMS_PARTICIPANTS_FILE, LMS_PARTICIPANTS_TEMPORARY,
		LMS_REPORT_KEY_FILE, LMS_REPORT_KEY_TEMPORARY
	};
	int err = lms_read_file(path, 1u << 20, text);

	*changed = false;
	if (err == LMS_ENOENT)
		err = 0;
	/* The register, the temporary file of an interrupted write of it,
	 * which holds the same names, and the key of shared reports (and its
	 * temporary file, which holds the secret). */
	for (size_t i = 0; !err && i < sizeof(private) / sizeof(*private); i++) {
		if (has_line(text->buf, private[i]))
			continue;
		if (text->len && text->buf[text->len - 1] != '\n')
			lms_buf_addch(text, '\n');
		lms_buf_addf(text, "%s\n", private[i]);
		*changed = true;
	}
	return err;
}

int lms_keep_register_ignored(const char *root)
{
	struct lms_buf path = LMS_BUF_INIT, text = LMS_BUF_INIT;
	bool changed;
	int err;

	lms_buf_addf(&path, "%s/%s", root, lms_file_pattern(LMS_FILE_IGNORE));
	err = ignoring_register(path.buf, &text, &changed);
	if (!err && changed)
		err = lms_write_below(path.buf, strlen(root), text.buf,
				      text.len, 0);
	lms_buf_release(&text);
	lms_buf_release(&path);
	return err;
}

int lms_tree_save_register(struct lms_tree *t, const struct lms_register *r)
{
	char *path = lms_tree_file(t, LMS_FILE_REGISTER, NULL);
	char *dir = lms_tree_file(t, LMS_FILE_PEOPLE, NULL);
	char *ignore = lms_tree_file(t, LMS_FILE_IGNORE, NULL);
	struct lms_buf text = LMS_BUF_INIT;
	bool changed;
	/* .gitignore first: in one change with the register, and named
	 * before it in the journal. */
	int err = ignoring_register(ignore, &text, &changed);

	if (!err && changed)
		err = lms_tree_write(t, ignore, text.buf, text.len, 0);
	if (!err)
		err = lms_tree_mkdirs(t, dir);
	if (!err) {
		lms_buf_reset(&text);
		lms_register_emit(&text, r);
		err = lms_yaml_readable(path, text.buf, text.len);
	}
	if (!err)
		err = lms_tree_write(t, path, text.buf, text.len, 0600);
	lms_buf_release(&text);
	lms_free(ignore);
	lms_free(dir);
	lms_free(path);
	return err;
}

static void mark_used(const char *person, void *ask)
{
	if (lms_strset_has(ask, person))
		lms_strset_set(ask, person, ask);
}

/* From the index (index.h), which reads only the courses that changed. */
int lms_tree_mark_used_ids(struct lms_tree *t, const struct lms_register *r,
			   struct lms_strset *ask)
{
	struct lms_index ix;
	char **ids;
	size_t n;
	int err;

	for (size_t i = 0; i < r->n; i++)
		mark_used(r->v[i].id, ask);
	err = lms_index_open_courses(&ix, t, &ids, &n, NULL, NULL);
	for (size_t i = 0; i < n && !err; i++) {
		const struct lms_index_entry *e;

		if (!(err = lms_index_get(&ix, ids[i], LMS_INDEX_KIND(
					  LMS_INDEX_PEOPLE), &e)))
			lms_index_people(e, mark_used, ask);
	}
	if (!err)
		lms_index_save(&ix);
	lms_index_release(&ix);
	lms_free(ids);
	return err;
}
