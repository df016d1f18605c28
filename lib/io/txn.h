#ifndef LMS_TXN_H
#define LMS_TXN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"

/*
 * A change to several files of a tree that happens whole or not at all,
 * kept by an intent log, .lms/journal.
 *
 * The contract:
 * - Only a holder of the tree's exclusive lock (.lms/lock) uses these,
 *   and it calls lms_txn_recover after taking the lock, before it reads
 *   anything it may write.
 * - lms_txn_put stages the new text of a file (a path relative to the
 *   tree's root, in a folder that exists); nothing on disk changes until
 *   lms_txn_commit.  Putting a path again replaces what was staged.
 * - lms_txn_commit returns 0 when every file staged holds its new text,
 *   durably.  When it fails with durable false, no file changed; with
 *   durable true, the change is decided and the next lms_txn_recover
 *   finishes it.
 * - Whenever the process dies, lms_txn_recover afterwards leaves every
 *   file of the change either as it was before (all of them) or as it was
 *   staged (all of them), never a mix.  It is safe to run any number of
 *   times, and to die in.
 * - Between the first rename and the last a reader that holds no lock can
 *   see a mix; readers therefore take the lock shared (lms_tree_lock_shared)
 *   and finish a change left behind before they read.
 */

struct lms_txn_file {
	char *path;			/* relative to the root */
	struct lms_buf text;
	mode_t mode;			/* as lms_write_below takes it */
	char *tmp;			/* the staged file, while there is one */
};

struct lms_txn {
	char *root;			/* as struct lms_tree has it */
	struct lms_txn_file *v;
	size_t n;
	bool durable;			/* past the point of no return */
};

#define LMS_JOURNAL_FILE ".lms/journal"

void lms_txn_init(struct lms_txn *x, const char *root);
/* Forgets what is staged; a change that was not committed never happens. */
void lms_txn_release(struct lms_txn *x);

/* LMS_EIO (an internal error) for a path that is absolute, holds "..",
 * a tab or a line break, or names a folder. */
int lms_txn_put(struct lms_txn *x, const char *path, const void *data,
		size_t len, mode_t mode);
int lms_txn_commit(struct lms_txn *x);

/*
 * 1 if a journal is waiting (a change was decided but maybe not
 * finished), 0 if not; LMS_EIO if that cannot be told (no permission),
 * which a reader must take as "maybe".  Anything at .lms/journal counts,
 * a link included, as lms_txn_recover refuses what it cannot read.
 */
int lms_txn_pending(const char *root);
/* Finishes the change that .lms/journal names, if there is one;
 * *finished (if not NULL) says whether there was. */
int lms_txn_recover(const char *root, bool *finished);

#endif
